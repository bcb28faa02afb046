import ActorSystem
import Testing

@testable import Supervision

/// Restart intensity, backoff and escalation through nested supervisors.
@Suite struct EscalationTests {
    @Test func exceedingTheIntensityFailsTheRootStopsEverythingAndShutsDownTheSystem() throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        try fixture.supervisor("root", maxRestarts: 2, children: [("a", "trapper", ""), ("b", "trapper", "")])
        let (system, tree) = try fixture.start()
        let a = try tree.id("a")
        let b = try tree.id("b")
        for _ in 0..<2 {
            try system.send(to: a, "trap")
            try system.runUntilQuiescent()
            #expect(tree.failure == nil)
        }
        try system.send(to: a, "trap")
        try system.runUntilQuiescent()

        let failure = try #require(tree.failure)
        #expect(failure.supervisor == "root")
        #expect(failure.causes.map(\.kind) == [.supervisor, .actor])
        #expect(failure.causes[0].reason.contains("3 restarts within 5000 ms exceed max_restarts = 2"))
        #expect(failure.causes[1] .node == "a")
        #expect(failure.causes[1].reason == "crashed in handle-send: trap: unreachable")
        #expect(!failure.causes[1].backtrace.isEmpty)
        #expect(tree.isStopped)
        #expect(try system.status(of: b) == .exited(.stopped))
        #expect(try system.status(of: a) == .exited(.stopped))
        #expect(tree.descriptions(of: .escalation) == ["escalated failure of a: crashed: trap: unreachable"])
        #expect(throws: ActorSystemError.shuttingDown) { try system.send(to: b, "x") }
    }

    @Test func restartsSpreadOverMoreThanThePeriodDoNotFailTheSupervisor() throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        // Each restart waits 600 ms; with a 1000 ms period at most two restarts are in it.
        try fixture.supervisor(
            "root", maxRestarts: 2, periodMilliseconds: 1000, children: [("a", "trapper", "backoff_ms = 600")])
        let (system, tree) = try fixture.start()
        let a = try tree.id("a")
        for _ in 0..<6 {
            try system.send(to: a, "trap")
            try system.runUntilQuiescent()
        }
        #expect(tree.failure == nil)
        #expect(tree.descriptions(of: .restart).count == 6)
    }

    @Test func backoffDelaysDoubleUpToTheMaximum() throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        try fixture.supervisor(
            "root", maxRestarts: 10, periodMilliseconds: 60_000,
            children: [("a", "trapper", "backoff_ms = 100\nbackoff_max_ms = 400")])
        let (system, tree) = try fixture.start()
        let a = try tree.id("a")
        var delays: [UInt64] = []
        for _ in 0..<5 {
            try system.send(to: a, "trap")
            try system.step()  // the crash
            let crashed = system.now
            #expect(try system.status(of: a) == .awaitingRestart)
            try system.runUntilQuiescent()
            #expect(try system.status(of: a) == .running)
            let restart = try #require(tree.events(ofSupervisor: "").last { $0.eventType == "restart" })
            delays.append(restart.timestamp - crashed)
        }
        #expect(delays == [100, 200, 400, 400, 400])
    }

    @Test func messagesSentDuringTheBackoffWaitForTheRestartedInstance() throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        try fixture.supervisor("root", children: [("a", "trapper", "backoff_ms = 1000")])
        let (system, tree) = try fixture.start()
        let a = try tree.id("a")
        try system.send(to: a, "trap")
        try system.step()
        #expect(try system.status(of: a) == .awaitingRestart)
        try system.send(to: a, "x")
        let reply = try system.submitRequest(to: a, Array("count".utf8))
        #expect(try system.mailboxCount(of: a) == 2)
        try system.runUntilQuiescent()
        #expect(reply.text == "1")
    }

    /// root → middle → leaf → worker: each supervisor allows no restart, so one crash
    /// fails all three, and the report names each one.
    @Test func escalationThroughThreeLevelsFailsTheRootWithTheWholeChainOfCauses() throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        try fixture.supervisor("leaf", maxRestarts: 0, children: [("worker", "trapper", "")])
        try fixture.supervisor("middle", maxRestarts: 0, children: [("leaf", "leaf", "")])
        try fixture.supervisor("root", maxRestarts: 0, children: [("bystander", "trapper", ""), ("middle", "middle", "")])
        let (system, tree) = try fixture.start()
        #expect(tree.actorPaths == ["bystander", "middle/leaf/worker"])
        try system.send(to: tree.id("middle/leaf/worker"), "trap")
        try system.runUntilQuiescent()

        let failure = try #require(tree.failure)
        #expect(failure.causes.map(\.node) == ["root", "middle", "middle/leaf", "middle/leaf/worker"])
        #expect(failure.causes.map(\.kind) == [.supervisor, .supervisor, .supervisor, .actor])
        #expect(failure.description.contains("supervision tree root failed"))
        #expect(failure.description.contains("actor middle/leaf/worker: crashed in handle-send: trap: unreachable"))
        #expect(tree.descriptions(of: .escalation, in: "middle/leaf") == ["escalated failure of worker: crashed: trap: unreachable"])
        #expect(tree.descriptions(of: .escalation, in: "middle").count == 1)
        #expect(try system.status(of: tree.id("bystander")) == .exited(.stopped))
    }

    @Test func aParentRestartsAFailedSupervisorWithItsChildrenInPlace() throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        try fixture.supervisor("leaf", maxRestarts: 0, children: [("w1", "trapper", ""), ("w2", "trapper", "")])
        try fixture.supervisor("root", maxRestarts: 3, children: [("leaf", "leaf", "")])
        let (system, tree) = try fixture.start()
        let w1 = try tree.id("leaf/w1")
        let w2 = try tree.id("leaf/w2")
        try system.send(to: w2, "x")
        try system.send(to: w1, "trap")
        try system.runUntilQuiescent()

        #expect(tree.failure == nil)
        #expect(tree.descriptions(of: .crash) == ["child leaf crashed: supervisor gave up: 1 restarts within 5000 ms exceed max_restarts = 0 (last: child w1 crashed: trap: unreachable)"])
        #expect(tree.descriptions(of: .restart) == ["restarted child leaf with last-good state"])
        #expect(tree.actorID(of: "leaf/w1") == w1)
        #expect(try system.status(of: w1) == .running)
        #expect(try system.status(of: w2) == .running)
        #expect(try system.count(of: w2) == 1)
        // The restarted leaf has a fresh intensity window: it gives up on the next crash again.
        try system.send(to: w2, "trap")
        try system.runUntilQuiescent()
        #expect(tree.failure == nil)
        #expect(tree.descriptions(of: .restart).count == 2)
    }

    @Test func aCrashInInitIsRetriedUntilTheIntensityIsExceeded() throws {
        let fixture = try TreeFixture()
        try fixture.actor("broken", initialState: "trap")
        try fixture.actor("trapper")
        try fixture.supervisor("root", maxRestarts: 2, children: [("ok", "trapper", ""), ("broken", "broken", "")])
        let (system, tree) = try fixture.start()
        let failure = try #require(tree.failure)
        #expect(failure.causes.last?.reason == "crashed in init: trap: unreachable")
        #expect(tree.descriptions(of: .restart).count == 2)
        #expect(try system.eventTypes(of: tree.id("broken")).filter { $0 == "init" }.count == 3)
    }
}
