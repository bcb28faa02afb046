import Foundation
import Testing

@testable import ActorSystem

/// Spawn + init time and resident memory per idle actor. Prints the numbers; asserts only
/// that every actor came up (other suites run in parallel, so timings and resident memory
/// are reported, not enforced). `THEATER_FOOTPRINT_ACTORS=100000` raises the count.
@Suite(.serialized) struct SpawnFootprintTests {
    #if DEBUG
    static let defaultCount = 200
    #else
    static let defaultCount = 1_000
    #endif

    static var actorCount: Int {
        ProcessInfo.processInfo.environment["THEATER_FOOTPRINT_ACTORS"].flatMap(Int.init) ?? defaultCount
    }

    /// Resident memory of this process in bytes (Linux), nil elsewhere.
    private func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// CPU time of the calling thread (the deterministic system runs everything on it): less
    /// disturbed than wall time by other processes on a busy machine.
    private func threadCPUTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }

    private func microseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
    }

    @Test(arguments: ["minimal", "counter"])
    func idleActorsSpawnQuicklyAndStaySmall(fixture: String) throws {
        let bytes = try ActorFixtures.bytes(fixture, in: "actors")
        let system = ActorSystem(configuration: .deterministic)
        // The first spawn loads the component; the rest reuse it.
        let first = try system.spawn(ActorDefinition(componentBytes: bytes))
        try system.runUntilQuiescent()
        let count = Self.actorCount
        let before = residentBytes()
        let clock = ContinuousClock()
        var ids: [ActorID] = []
        ids.reserveCapacity(count)
        let cpuBefore = threadCPUTime()
        let elapsed = try clock.measure {
            for _ in 0..<count { ids.append(try system.spawn(ActorDefinition(componentBytes: bytes))) }
            try system.runUntilQuiescent()
        }
        let cpu = threadCPUTime() - cpuBefore
        let after = residentBytes()
        let perActor = microseconds(elapsed) / Double(count)
        let cpuPerActor = microseconds(cpu) / Double(count)
        var line = "\(fixture): \(count) actors, spawn + init \(String(format: "%.2f", perActor)) µs per actor"
        line += " (\(String(format: "%.2f", cpuPerActor)) µs of CPU)"
        if let before, let after {
            line += ", resident \((after - before) / 1024 / count) KiB per idle actor"
        }
        print(line)
        #expect(try system.status(of: first) == .running)
        for id in [ids[0], ids[ids.count - 1]] { #expect(try system.status(of: id) == .running) }
        system.shutdown()
    }
}
