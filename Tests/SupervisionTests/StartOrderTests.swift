import ActorSystem
import Foundation
import Testing

@testable import Supervision

/// A tree starts its children one after another, as an OTP supervisor does: each child's
/// `init` returns (or fails) before the next child's runs, also across nested supervisors
/// and when a one-for-all decision starts them all again.
@Suite struct TreeStartOrderTests {
    private final class InitOrder: @unchecked Sendable {
        private let lock = NSLock()
        private var names: [String] = []
        func note(_ actor: ActorIdentity, _ event: ChainEvent) {
            guard event.type == .handlerResult || event.type == .initialize else { return }
            let what = event.type == .initialize ? "init" : "result"
            lock.withLock { names.append("\(actor.name ?? "?") \(what)") }
        }
        var events: [String] { lock.withLock { names } }
    }

    @Test func childrenInitializeInOrderAndAgainAfterAOneForAllRestart() throws {
        let fixture = try TreeFixture()
        // The first child sleeps in its init: without ordering, the others start meanwhile.
        try fixture.actor("slow", component: "probe", initialState: "init:sleep:100")
        try fixture.actor("inner", component: "probe")
        try fixture.actor("last", component: "probe")
        try fixture.supervisor("nested", children: [("inner", "inner", "")])
        try fixture.supervisor(
            "root", strategy: .oneForAll,
            children: [("slow", "slow", ""), ("nested", "nested", ""), ("last", "last", "")])
        let order = InitOrder()
        var configuration = ActorSystemConfiguration.deterministic
        configuration.eventSink = { actor, event in order.note(actor, event) }
        let system = ActorSystem(configuration: configuration)
        let tree = try SupervisionTree.start(manifestAt: fixture.directory.path + "/root.toml", in: system)
        try system.runUntilQuiescent()
        let startOrder = [
            "slow init", "slow result", "nested/inner init", "nested/inner result", "last init", "last result",
        ]
        #expect(order.events == startOrder)

        let last = try #require(tree.actorID(of: "last"))
        try system.send(to: last, Array("trap".utf8))
        try system.runUntilQuiescent()
        // The trap ends "last" without a result; then all three start again, in order.
        #expect(Array(order.events.dropFirst(startOrder.count)) == startOrder)
        #expect(tree.failure == nil)
    }
}
