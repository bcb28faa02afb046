import ActorSystem
import Testing

@testable import Supervision

/// Supervisor actors: the supervisor fixture manages children through the `supervisor`
/// interface, and without `supervisor-handlers` its declared strategy decides.
@Suite struct WasmSupervisorTests {
    /// A host root supervising the supervisor actor `boss`.
    private func tree(
        bossChildren: [(String, String, String)]? = nil, handlers: Bool = false
    ) throws -> (TreeFixture, ActorSystem, SupervisionTree, ActorID) {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        try fixture.wasmSupervisor("boss", handlers: handlers, children: bossChildren)
        try fixture.supervisor("root", children: [("boss", "boss", "")])
        let (system, tree) = try fixture.start()
        return (fixture, system, tree, try tree.id("boss"))
    }

    /// Sends `command` to the supervisor actor, runs, and returns its state.
    private func run(_ command: String, on boss: ActorID, in system: ActorSystem) throws -> String {
        try system.send(to: boss, command)
        try system.runUntilQuiescent()
        return try system.text(of: boss) ?? ""
    }

    private func childID(_ outcome: String) throws -> ActorID {
        #expect(outcome.hasPrefix("child:"))
        return ActorID(String(outcome.dropFirst("child:".count)))
    }

    @Test func aSupervisorActorSpawnsChildrenThatItsStrategyRestarts() throws {
        let (fixture, system, tree, boss) = try tree()
        defer { withExtendedLifetime(fixture) {} }
        let child = try childID(try run("spawn:\(fixture.directory.path)/trapper.toml", on: boss, in: system))
        #expect(tree.actorID(of: "boss/trapper") == child)
        try system.send(to: child, "x")
        try system.send(to: child, "trap")
        try system.send(to: child, "x")
        try system.runUntilQuiescent()
        #expect(try system.status(of: child) == .running)
        #expect(try system.count(of: child) == 2)
        #expect(tree.descriptions(of: .restart, in: "boss") == ["restarted child trapper with last-good state"])
        #expect(try run("list", on: boss, in: system) == "children:\(child)")
        #expect(try run("state:\(child)", on: boss, in: system).hasPrefix("state:"))
        let events = try run("events:\(child)", on: boss, in: system)
        #expect(events == "events:\(try system.events(of: child).count)")
    }

    @Test func spawnedChildrenGetUniqueNamesAndRelativeOrInlineManifests() throws {
        let (fixture, system, tree, boss) = try tree()
        defer { withExtendedLifetime((fixture, tree)) {} }
        _ = try childID(try run("spawn:trapper.toml", on: boss, in: system))
        let inline = """
            spawn:name = "trapper"
            component = "\(TreeFixture.component("trapper"))"
            [[handler]]
            type = "message-server"
            """
        let second = try childID(try run(inline, on: boss, in: system))
        #expect(tree.actorID(of: "boss/trapper-2") == second)
        #expect(try run("spawn:missing.toml", on: boss, in: system).hasPrefix("err:"))
    }

    @Test func resumeStartsAChildFromTheGivenState() throws {
        let (fixture, system, tree, boss) = try tree()
        defer { withExtendedLifetime((fixture, tree)) {} }
        let state = "\u{3}\0\0\0\0\0\0\0"
        let child = try childID(try run("resume:\(state):trapper.toml", on: boss, in: system))
        #expect(try system.count(of: child) == 3)
    }

    @Test func stopChildStopsItForGoodAndRestartChildStartsItAgain() throws {
        let (fixture, system, tree, boss) = try tree()
        defer { withExtendedLifetime((fixture, tree)) {} }
        let first = try childID(try run("spawn:trapper.toml", on: boss, in: system))
        let second = try childID(try run("spawn:trapper.toml", on: boss, in: system))
        try system.send(to: second, "x")
        #expect(try run("restart:\(second)", on: boss, in: system) == "ok")
        #expect(try system.status(of: second) == .running)
        #expect(try system.count(of: second) == 1)
        #expect(try system.eventTypes(of: second).filter { $0 == "restart" }.count == 1)

        #expect(try run("stop:\(first)", on: boss, in: system) == "ok")
        #expect(try system.status(of: first) == .exited(.stopped))
        #expect(throws: ActorSystemError.actorNotRunning(first)) { try system.send(to: first, "x") }
        #expect(try run("list", on: boss, in: system) == "children:\(second)")
    }

    @Test func requestsAboutActorsThatAreNotItsChildrenAreRefused() throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        try fixture.wasmSupervisor("boss")
        try fixture.supervisor("root", children: [("boss", "boss", ""), ("other", "trapper", "")])
        let (system, tree) = try fixture.start()
        let boss = try tree.id("boss")
        let other = try tree.id("other")
        #expect(try run("stop:\(other)", on: boss, in: system) == "err:no child named \(other)")
        #expect(try run("state:\(other)", on: boss, in: system) == "err:no child named \(other)")
        #expect(try system.status(of: other) == .running)
    }

    @Test func declaredChildrenOfASupervisorActorStartAfterIt() throws {
        let (fixture, system, tree, boss) = try tree(bossChildren: [("worker", "trapper", "")])
        defer { withExtendedLifetime(fixture) {} }
        let worker = try tree.id("boss/worker")
        #expect(try run("list", on: boss, in: system) == "children:\(worker)")
        #expect(try system.eventTypes(of: boss).first == "init")
    }

    @Test func aCrashedSupervisorActorIsRestartedWithItsChildrenAndForgetsTheOnesItSpawned() throws {
        let (fixture, system, tree, boss) = try tree(bossChildren: [("worker", "trapper", "")])
        defer { withExtendedLifetime(fixture) {} }
        let worker = try tree.id("boss/worker")
        let spawned = try childID(try run("spawn:trapper.toml", on: boss, in: system))
        try system.send(to: worker, "x")
        try system.send(to: boss, "trap")
        try system.runUntilQuiescent()

        #expect(tree.failure == nil)
        #expect(tree.descriptions(of: .restart) == ["restarted child boss with last-good state"])
        #expect(try system.status(of: boss) == .running)
        #expect(tree.actorID(of: "boss") == boss)
        #expect(try system.status(of: worker) == .running)
        #expect(try system.count(of: worker) == 1)
        #expect(try system.status(of: spawned) == .exited(.stopped))
        #expect(tree.actorID(of: "boss/trapper") == nil)
    }

    @Test func aSupervisorActorAtTheRootTakesTheTreeDownWhenItCrashes() throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        try fixture.wasmSupervisor("root", children: [("worker", "trapper", "")])
        let (system, tree) = try fixture.start()
        let root = try #require(system.actorID(named: "root"))
        try system.send(to: root, "trap")
        try system.runUntilQuiescent()
        let failure = try #require(tree.failure)
        #expect(failure.causes.map(\.kind) == [.supervisor, .actor])
        #expect(failure.causes.last?.reason == "crashed in handle-send: trap: unreachable")
        #expect(try system.status(of: tree.id("worker")) == .exited(.stopped))
    }
}

/// A supervisor actor that exports `supervisor-handlers` decides about its children
/// itself (the fixture restarts a child that failed, and notes other ends).
@Suite struct SupervisorHandlerTests {
    private func tree(
        limits: String = ""
    ) throws -> (TreeFixture, ActorSystem, SupervisionTree, ActorID) {
        let fixture = try TreeFixture()
        try fixture.actor("trapper", limits: limits)
        try fixture.actor("probe", component: "probe", initialState: "start")
        try fixture.wasmSupervisor(
            "boss", handlers: true, maxRestarts: 1, children: [("worker", "trapper", ""), ("probe", "probe", "")])
        try fixture.supervisor("root", children: [("boss", "boss", "")])
        let (system, tree) = try fixture.start()
        return (fixture, system, tree, try tree.id("boss"))
    }

    @Test func aFailedChildIsReportedToItsSupervisorWhichRestartsIt() throws {
        let (fixture, system, tree, boss) = try tree()
        defer { withExtendedLifetime(fixture) {} }
        let worker = try tree.id("boss/worker")
        try system.send(to: worker, "x")
        // More failures than max_restarts allows: the strategy does not decide, so no escalation.
        for _ in 0..<3 {
            try system.send(to: worker, "trap")
            try system.runUntilQuiescent()
            #expect(try system.text(of: boss) == "error:\(worker):5:ok")
            #expect(try system.status(of: worker) == .running)
        }
        #expect(tree.failure == nil)
        #expect(try system.count(of: worker) == 1)
        #expect(try system.eventTypes(of: boss).contains("handler-call"))
        #expect(tree.descriptions(of: .restart, in: "boss").count == 3)
    }

    @Test func anOperationTimeoutReachesTheSupervisorAsOperationTimeout() throws {
        let fixture = try TreeFixture()
        try fixture.actor("spinner", component: "spinner", limits: "fuel_per_message = 100_000")
        try fixture.wasmSupervisor("boss", handlers: true, children: [("spinner", "spinner", "")])
        try fixture.supervisor("root", children: [("boss", "boss", "")])
        let (system, tree) = try fixture.start()
        let spinner = try tree.id("boss/spinner")
        try system.send(to: spinner, "spin")
        try system.runUntilQuiescent()
        #expect(try system.text(of: tree.id("boss")) == "error:\(spinner):0:ok")
    }

    @Test func aChildThatShutsDownIsReportedAsAnExitAndStaysDown() throws {
        let (fixture, system, tree, boss) = try tree()
        defer { withExtendedLifetime(fixture) {} }
        let probe = try tree.id("boss/probe")
        try system.send(to: probe, "shutdown")
        try system.runUntilQuiescent()
        #expect(try system.text(of: boss) == "exit:\(probe)")
        #expect(try system.status(of: probe) == .exited(.stopped))
    }

    @Test func aChildStoppedFromOutsideIsReportedAsAnExternalStop() throws {
        let (fixture, system, tree, boss) = try tree()
        defer { withExtendedLifetime(fixture) {} }
        let worker = try tree.id("boss/worker")
        try system.stop(worker)
        try system.runUntilQuiescent()
        #expect(try system.text(of: boss) == "external-stop:\(worker)")
        #expect(try system.status(of: worker) == .exited(.stopped))
        #expect(tree.descriptions(of: .restart, in: "boss").isEmpty)
    }
}
