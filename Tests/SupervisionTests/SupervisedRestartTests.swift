import ActorSystem
import Testing

@testable import Supervision

/// Supervision trees of real actors (the trapper fixture) in deterministic mode: each
/// strategy, restart type and state choice.
@Suite struct SupervisedRestartTests {
    @Test func crashedChildRestartsWithLastGoodStateKeepingIdNameAndMailbox() throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        try fixture.supervisor("root", children: [("a", "trapper", ""), ("b", "trapper", "")])
        let (system, tree) = try fixture.start()
        let a = try tree.id("a")
        for _ in 0..<3 { try system.send(to: a, "x") }
        try system.runUntilQuiescent()
        #expect(try system.count(of: a) == 3)

        try system.send(to: a, "trap")
        try system.send(to: a, "after")  // queued behind the crash: goes to the new instance
        try system.runUntilQuiescent()

        #expect(tree.actorID(of: "a") == a)
        #expect(system.actorID(named: "a") == a)
        #expect(try system.status(of: a) == .running)
        #expect(try system.count(of: a) == 4)
        let types = try system.eventTypes(of: a)
        #expect(types.contains("crash"))
        let restart = try #require(try system.events(of: a).last { $0.eventType == "restart" })
        #expect(String(decoding: restart.data, as: UTF8.self).contains("\"state-source\":\"last-good\""))
        #expect(tree.descriptions(of: .crash) == ["child a crashed: trap: unreachable"])
        #expect(tree.descriptions(of: .restart) == ["restarted child a with last-good state"])
        #expect(try system.count(of: tree.id("b")) == 0)
    }

    @Test func crashedChildWithInitialStateRestartsFromItsManifestState() throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        try fixture.supervisor("root", children: [("a", "trapper", "state = \"initial\"")])
        let (system, tree) = try fixture.start()
        let a = try tree.id("a")
        for message in ["x", "x", "trap", "x"] { try system.send(to: a, message) }
        try system.runUntilQuiescent()
        #expect(try system.count(of: a) == 1)
        #expect(tree.descriptions(of: .restart) == ["restarted child a with initial state"])
    }

    @Test func oneForAllStopsSiblingsInReverseOrderAndRestartsAllInOrder() throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        try fixture.supervisor(
            "root", strategy: .oneForAll, children: [("a", "trapper", ""), ("b", "trapper", ""), ("c", "trapper", "")])
        let (system, tree) = try fixture.start()
        let ids = try ["a", "b", "c"].map { try tree.id($0) }
        for id in ids { try system.send(to: id, "x") }
        try system.send(to: ids[1], "trap")
        try system.runUntilQuiescent()

        #expect(
            tree.descriptions(of: .stop) == [
                "stopped child c: restarting with b (crashed: trap: unreachable)",
                "stopped child a: restarting with b (crashed: trap: unreachable)",
            ])
        #expect(
            tree.descriptions(of: .restart) == [
                "restarted child a with last-good state", "restarted child b with last-good state",
                "restarted child c with last-good state",
            ])
        for id in ids {
            #expect(try system.status(of: id) == .running)
            #expect(try system.count(of: id) == 1)
            #expect(try system.eventTypes(of: id).filter { $0 == "restart" }.count == 1)
        }
        #expect(try system.eventTypes(of: ids[0]).contains("stop"))
    }

    @Test func restForOneRestartsTheCrashedChildAndThoseStartedAfterIt() throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        try fixture.supervisor(
            "root", strategy: .restForOne,
            children: [("a", "trapper", ""), ("b", "trapper", ""), ("c", "trapper", "")])
        let (system, tree) = try fixture.start()
        try system.send(to: tree.id("b"), "trap")
        try system.runUntilQuiescent()
        #expect(tree.descriptions(of: .stop) == ["stopped child c: restarting with b (crashed: trap: unreachable)"])
        #expect(
            tree.descriptions(of: .restart) == [
                "restarted child b with last-good state", "restarted child c with last-good state",
            ])
        #expect(try !system.eventTypes(of: tree.id("a")).contains("restart"))
    }

    @Test func transientChildIsRestartedAfterACrashButNotAfterShuttingDown() throws {
        let fixture = try TreeFixture()
        try fixture.actor("probe", component: "probe")
        try fixture.supervisor("root", children: [("p", "probe", "restart = \"transient\"")])
        let (system, tree) = try fixture.start()
        let probe = try tree.id("p")
        try system.send(to: probe, "trap")
        try system.runUntilQuiescent()
        #expect(try system.status(of: probe) == .running)
        try system.send(to: probe, "shutdown")
        try system.runUntilQuiescent()
        #expect(try system.status(of: probe) == .exited(.stopped))
        #expect(throws: ActorSystemError.actorNotRunning(probe)) { try system.send(to: probe, "log:hello") }
        #expect(tree.descriptions(of: .restart).count == 1)
    }

    @Test func permanentChildIsRestartedEvenAfterShuttingDown() throws {
        let fixture = try TreeFixture()
        try fixture.actor("probe", component: "probe", initialState: "start")
        try fixture.supervisor("root", children: [("p", "probe", "")])
        let (system, tree) = try fixture.start()
        let probe = try tree.id("p")
        try system.send(to: probe, "shutdown")
        try system.runUntilQuiescent()
        #expect(try system.status(of: probe) == .running)
        #expect(tree.descriptions(of: .exit) == ["child p exited"])
    }

    @Test func temporaryChildIsNeverRestartedAndSendsToItFail() throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        try fixture.supervisor("root", children: [("t", "trapper", "restart = \"temporary\""), ("a", "trapper", "")])
        let (system, tree) = try fixture.start()
        let temporary = try tree.id("t")
        try system.send(to: temporary, "trap")
        try system.send(to: temporary, "x")
        try system.runUntilQuiescent()
        #expect(try system.status(of: temporary) == .exited(.stopped))
        #expect(throws: ActorSystemError.actorNotRunning(temporary)) { try system.send(to: temporary, "x") }
        #expect(tree.descriptions(of: .restart).isEmpty)
        #expect(try system.status(of: tree.id("a")) == .running)
    }
}
