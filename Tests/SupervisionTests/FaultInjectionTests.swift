import ActorSystem
import Testing

@testable import Supervision

@Suite struct FaultInjectionTests {
    /// A 1,000-actor tree (ten supervisors of a hundred trappers) takes 20,000 messages to
    /// random children, every tenth of which traps. Every message is accounted for: each
    /// trap fails its own request only, every other request is answered with the count of
    /// the sends before it, and every send is counted.
    @Test func everyMessageToAThousandActorTreeUnderFaultInjectionIsHandledOrReportedFailed() throws {
        try runFaultInjection(groups: 10, workersPerGroup: 100, messages: 20_000, workerThreads: nil)
    }

    /// The same on worker threads, smaller: crashes, restarts and sends race.
    @Test func faultInjectionWithWorkerThreadsLosesNothing() throws {
        try runFaultInjection(groups: 4, workersPerGroup: 25, messages: 5_000, workerThreads: 2)
    }

    private func runFaultInjection(groups: Int, workersPerGroup: Int, messages: Int, workerThreads: Int?) throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        let workers = (0..<workersPerGroup).map { ("w\($0)", "trapper", "") }
        try fixture.supervisor("group", maxRestarts: 10_000, children: workers)
        try fixture.supervisor("root", maxRestarts: 10, children: (0..<groups).map { ("g\($0)", "group", "") })
        var configuration = ActorSystemConfiguration.deterministic
        if let workerThreads {
            configuration = ActorSystemConfiguration()
            configuration.workerCount = workerThreads
        }
        let system = ActorSystem(configuration: configuration)
        defer { system.shutdown() }
        let tree = try SupervisionTree.start(manifestAt: fixture.directory.path + "/root.toml", in: system)
        let paths = tree.actorPaths
        #expect(paths.count == groups * workersPerGroup)
        let ids = try paths.map { try tree.id($0) }

        var generator = SplitMix64(seed: 42)
        var sends = [UInt64](repeating: 0, count: ids.count)
        var answers: [(PendingReply, expected: String?)] = []
        for number in 1...messages {
            let target = Int(generator.next() % UInt64(ids.count))
            if number % 10 == 0 {
                answers.append((try system.submitRequest(to: ids[target], Array("trap".utf8)), nil))
            } else if number % 2 == 0 {
                answers.append((try system.submitRequest(to: ids[target], Array("count".utf8)), "\(sends[target])"))
            } else {
                try system.send(to: ids[target], "x")
                sends[target] += 1
            }
            if number % 1000 == 0 { #expect(system.waitUntilQuiescent(timeoutMilliseconds: 60_000)) }
        }
        #expect(system.waitUntilQuiescent(timeoutMilliseconds: 60_000))

        #expect(tree.failure == nil)
        let unanswered = answers.filter { $0.0.result == nil }.count
        let wrong = answers.filter { reply, expected in expected.map { reply.text != $0 } ?? !reply.failed }.count
        #expect(unanswered == 0)
        #expect(wrong == 0)
        let miscounted = try ids.indices.filter { try system.count(of: ids[$0]) != sends[$0] }
        #expect(miscounted.isEmpty)
        #expect(try ids.allSatisfy { try system.status(of: $0) == .running })
        let restarts = (0..<groups).reduce(0) { $0 + tree.descriptions(of: .restart, in: "g\($1)").count }
        #expect(restarts == messages / 10)
    }
}

/// A small, fast, seedable generator (SplitMix64), so the fault pattern is the same on
/// every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
