import ActorSystem
import Foundation
import Testing

@testable import Supervision

/// Each kind of actor failure, under supervision: what the senders see and what comes
/// back.
@Suite struct SupervisedFailureTests {
    @Test func aCrashDuringARequestFailsThatRequestAndTheRestartedChildServesTheNextOnes() throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        try fixture.supervisor("root", children: [("a", "trapper", "")])
        let (system, tree) = try fixture.start()
        let a = try tree.id("a")
        try system.send(to: a, "x")
        let crashing = try system.submitRequest(to: a, Array("trap".utf8))
        let queued = try system.submitRequest(to: a, Array("count".utf8))
        try system.runUntilQuiescent()
        #expect(crashing.failed)
        if case .failure(let error)? = crashing.result {
            #expect(error.description.contains("crashed"))
        }
        #expect(queued.text == "1")
        let later = try system.submitRequest(to: a, Array("count".utf8))
        try system.runUntilQuiescent()
        #expect(later.text == "1")
    }

    @Test func anActorRequestingFromACrashingChildGetsAnError() throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        try fixture.actor("requester", component: "requester")
        try fixture.supervisor("root", children: [("a", "trapper", ""), ("r", "requester", "")])
        let (system, tree) = try fixture.start()
        let requester = try tree.id("r")
        try system.send(to: requester, "a:trap")
        try system.runUntilQuiescent()
        let state = try #require(try system.state(of: requester))
        #expect(String(decoding: state, as: UTF8.self).hasPrefix("error: "))
        try system.send(to: requester, "a:count")
        try system.runUntilQuiescent()
        #expect(try system.state(of: requester) == Array("0".utf8))
    }

    @Test func aSpinnerCutByItsFuelLimitIsRestarted() throws {
        let fixture = try TreeFixture()
        try fixture.actor("spinner", component: "spinner", limits: "fuel_per_message = 200_000")
        try fixture.supervisor("root", children: [("s", "spinner", "")])
        let (system, tree) = try fixture.start()
        let spinner = try tree.id("s")
        try system.send(to: spinner, "spin")
        let reply = try system.submitRequest(to: spinner, Array("still here".utf8))
        try system.runUntilQuiescent()
        #expect(reply.text == "still here")
        #expect(tree.descriptions(of: .crash) == ["child s crashed: operation timeout: a handler used more than 200000 fuel"])
        #expect(tree.descriptions(of: .restart).count == 1)
    }

    @Test func aGreedyAllocatorStoppedByItsMemoryLimitIsRestartedWithFreshMemory() throws {
        let fixture = try TreeFixture()
        try fixture.actor("greedy", component: "greedy-allocator", limits: "max_memory_pages = 4")
        try fixture.supervisor("root", children: [("g", "greedy", "")])
        let (system, tree) = try fixture.start()
        let greedy = try tree.id("g")
        try system.send(to: greedy, "eat")
        let reply = try system.submitRequest(to: greedy, Array("0".utf8))
        try system.runUntilQuiescent()
        let crash = try #require(tree.descriptions(of: .crash).first)
        #expect(crash.hasPrefix("child g crashed: memory limit of 4 pages reached"))
        // The new instance starts with the component's initial memory, not the full four pages.
        let pages = try #require(reply.text)
        #expect(pages.hasPrefix("grew to ") && pages != "grew to 4")
    }

    @Test func anExternalStopOfAPermanentChildStartsItAnewUnderItsName() throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        try fixture.supervisor("root", children: [("a", "trapper", "")])
        let (system, tree) = try fixture.start()
        let first = try tree.id("a")
        try system.stop(first)
        try system.runUntilQuiescent()
        let second = try tree.id("a")
        #expect(second != first)
        #expect(system.actorID(named: "a") == second)
        #expect(try system.status(of: second) == .running)
        #expect(tree.descriptions(of: .exit) == ["child a stopped from outside its supervisor"])
    }

    @Test func stoppingTheTreeStopsEveryActorChildrenFirstInReverseStartOrder() throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        try fixture.supervisor("inner", children: [("x", "trapper", ""), ("y", "trapper", "")])
        try fixture.supervisor(
            "root", children: [("a", "trapper", ""), ("inner", "inner", ""), ("b", "trapper", "")])
        let system = ActorSystem(configuration: .deterministic)
        let exits = ExitRecorder(system)
        let tree = try SupervisionTree.start(manifestAt: fixture.directory.path + "/root.toml", in: system)
        try system.runUntilQuiescent()
        let names = try ["a", "inner/x", "inner/y", "b"].map { (try tree.id($0), $0) }
        tree.stop()
        try system.runUntilQuiescent()
        let order = exits.ids.compactMap { id in names.first { $0.0 == id }?.1 }
        #expect(order == ["b", "inner/y", "inner/x", "a"])
        #expect(tree.isStopped)
        for (id, _) in names { #expect(throws: ActorSystemError.actorNotRunning(id)) { try system.send(to: id, "x") } }
    }
}

/// The ids of the actors whose end the system reported, in order.
final class ExitRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [ActorID] = []

    init(_ system: ActorSystem) {
        system.onExit = { [weak self] id, _ in
            guard let self else { return }
            lock.withLock { stored.append(id) }
        }
    }

    var ids: [ActorID] { lock.withLock { stored } }
}
