import Testing

import ActorSystem

/// README.md's "Embedding the actor system" example, statement for statement (only the
/// manifest path is made absolute), so it keeps compiling and doing what it says.
@Suite struct ReadmeExampleTests {
    @Test func theReadmeExampleRuns() async throws {
        let manifestPath = ActorFixtures.root.appendingPathComponent("manifests/counter.toml").path
        var configuration = ActorSystemConfiguration()          // one worker thread per core
        configuration.defaultLimits.requestTimeoutMilliseconds = 5_000
        let system = ActorSystem(configuration: configuration)
        system.onFailure = { failure in print(failure) }        // crashes: cause + backtrace
        let counter = try system.spawn(manifestAt: manifestPath)
        try system.send(to: counter, Array("hello".utf8))
        let reply = try await system.request(to: counter, Array("count".utf8))
        #expect(String(decoding: reply, as: UTF8.self) == "1")
        #expect(try system.events(of: counter).count > 2)
        system.shutdown(.drain(timeoutMilliseconds: 1_000))
    }
}
