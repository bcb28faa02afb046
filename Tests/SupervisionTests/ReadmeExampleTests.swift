import ActorSystem
import Foundation
import Testing

@testable import Supervision

/// README.md's "Embedding supervision" example, as written there, on worker threads.
@Suite struct ReadmeExampleTests {
    @Test func supervisionExampleRestartsTheWorkerWithItsLastGoodState() async throws {
        let manifest = TreeFixture.fixtures + "/manifests/supervision/app.toml"
        let system = ActorSystem()
        let tree = try SupervisionTree.start(manifestAt: manifest, in: system) { failure in
            Issue.record("the root gave up: \(failure)")
        }
        let worker = try #require(tree.actorID(of: "worker"))
        try system.send(to: worker, Array("x".utf8))
        try system.send(to: worker, Array("trap".utf8))
        try system.send(to: worker, Array("x".utf8))
        let reply = try await system.request(to: worker, Array("count".utf8))

        #expect(String(decoding: reply, as: UTF8.self) == "2")
        #expect(tree.actorID(of: "worker") == worker)
        #expect(tree.restartCount == 1)
        #expect(tree.events(ofSupervisor: "").contains { $0.eventType == "restart" })
        tree.stop()
        system.shutdown(.drain(timeoutMilliseconds: 1_000))
    }
}
