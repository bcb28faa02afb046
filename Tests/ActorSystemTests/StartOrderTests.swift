import Foundation
import Testing

@testable import ActorSystem

/// `spawn(_:startingAfter:)` and `restart(_:from:startingAfter:)`: an actor's `init` runs
/// only after its predecessor's `init` has returned or failed.
@Suite struct StartOrderTests {
    /// Every chain event in the order the system recorded it, as "NAME TYPE".
    private final class EventOrder: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ actor: ActorIdentity, _ event: ChainEvent) {
            lock.withLock { lines.append("\(actor.name ?? actor.id.rawValue) \(event.eventType)") }
        }
        var events: [String] { lock.withLock { lines } }
        func position(of line: String) -> Int? { events.firstIndex(of: line) }
    }

    private func system(_ order: EventOrder, workers: Int = 0) -> ActorSystem {
        var configuration = workers == 0 ? ActorSystemConfiguration.deterministic : ActorSystemConfiguration()
        if workers > 0 { configuration.workerCount = workers }
        configuration.eventSink = { actor, event in order.append(actor, event) }
        return ActorSystem(configuration: configuration)
    }

    @Test func aFollowersInitWaitsForItsPredecessorsInitToReturn() throws {
        let order = EventOrder()
        let system = system(order)
        // "first" sleeps in its init; unordered, "loose" starts meanwhile.
        let first = try system.spawn(Probe.definition(name: "first", state: bytes("init:sleep:100")))
        let follower = try system.spawn(Probe.definition(name: "follower"), startingAfter: first)
        _ = try system.spawn(Probe.definition(name: "loose"))
        try system.send(to: follower, bytes("append:x"))
        #expect(try system.status(of: follower) == .running)
        try system.runUntilQuiescent()

        let firstDone = try #require(order.position(of: "first handler-result"))
        let followerStart = try #require(order.position(of: "follower init"))
        let looseStart = try #require(order.position(of: "loose init"))
        #expect(followerStart > firstDone)
        #expect(looseStart < firstDone)
        #expect(try system.stateText(of: first)?.hasPrefix("woke:") == true)
        // The message sent before its init ran waited behind it.
        #expect(try system.stateText(of: follower) == "x")
    }

    @Test func aPredecessorWhoseInitFailsReleasesItsFollower() throws {
        let order = EventOrder()
        let system = system(order)
        let failing = try system.spawn(Probe.definition(name: "failing", state: bytes("init:trap")))
        let follower = try system.spawn(Probe.definition(name: "follower", state: bytes("ok")), startingAfter: failing)
        try system.runUntilQuiescent()
        #expect(try system.status(of: failing) != .running)
        #expect(try system.stateText(of: follower) == "ok")
        #expect(order.events.contains("follower handler-result"))
    }

    @Test func aPredecessorThatEndedOrSettledIsNotWaitedFor() throws {
        let order = EventOrder()
        let system = system(order)
        let earlier = try system.spawn(Probe.definition(name: "earlier"))
        try system.runUntilQuiescent()
        let later = try system.spawn(Probe.definition(name: "later"), startingAfter: earlier)
        try system.stop(earlier)
        try system.runUntilQuiescent()
        let unknown = try system.spawn(Probe.definition(name: "orphan"), startingAfter: ActorID(rawValue: "nobody"))
        try system.runUntilQuiescent()
        #expect(order.events.contains("later handler-result"))
        #expect(order.events.contains("orphan handler-result"))
        #expect(try system.status(of: later) == .running)
        #expect(try system.status(of: unknown) == .running)
    }

    @Test func anInitRequestingItsFollowerIsRefusedAsACycle() throws {
        let system = system(EventOrder())
        let start = system.now
        let asker = try system.spawn(Probe.definition(name: "asker", state: bytes("init:request:answerer:hello")))
        _ = try system.spawn(Probe.definition(name: "answerer"), startingAfter: asker)
        try system.runUntilQuiescent()
        // Without knowing the follower waits on the asker's init, this waited 30 s for a timeout.
        #expect(try system.stateText(of: asker) == "err:request cycle: asker -> answerer -> asker would wait on each other forever")
        #expect(system.now == start)
    }

    @Test func aStoppedFollowerEndsWhileItWaits() throws {
        let system = system(EventOrder())
        let first = try system.spawn(Probe.definition(name: "first", state: bytes("init:sleep:100")))
        let follower = try system.spawn(Probe.definition(name: "follower"), startingAfter: first)
        while try system.step() {}
        try system.stop(follower)
        try system.runUntilQuiescent()
        #expect(try system.status(of: follower) == .exited(.stopped))
        #expect(try system.events(of: follower).map(\.eventType).contains("init") == false)
    }

    @Test func withWorkersTheInitsOfAChainRunOneAfterAnother() throws {
        let order = EventOrder()
        let system = system(order, workers: 2)
        defer { system.shutdown() }
        var previous: ActorID?
        for index in 0..<20 {
            // Each init spins a little, so unordered inits would overlap on two workers.
            let state = bytes("init:spin:\(2_000 + index)")
            previous = try system.spawn(Probe.definition(name: "a\(index)", state: state), startingAfter: previous)
        }
        #expect(system.waitUntilQuiescent(timeoutMilliseconds: 10_000))
        let initEvents = order.events.filter { $0.hasSuffix(" init") || $0.hasSuffix(" handler-result") }
        let expected = (0..<20).flatMap { ["a\($0) init", "a\($0) handler-result"] }
        #expect(initEvents == expected)
    }
}
