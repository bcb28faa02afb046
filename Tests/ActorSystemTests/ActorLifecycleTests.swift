import ComponentModel
import Testing

@testable import ActorSystem

@Suite struct ActorLifecycleTests {
    @Test func spawnedCounterInitializesAndCountsMessages() throws {
        let system = ActorSystem(configuration: .deterministic)
        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter(), name: "counter"))
        #expect(counter == "actor-1")
        #expect(system.actorID(named: "counter") == counter)
        try system.runUntilQuiescent()
        #expect(try system.state(of: counter)?.counterValue == 0)
        #expect(try system.logs(of: counter) == ["init actor-1"])

        for text in ["one", "two", "three"] { try system.send(to: counter, bytes(text)) }
        try system.runUntilQuiescent()
        #expect(try system.state(of: counter)?.counterValue == 3)
        #expect(try system.logs(of: counter) == ["init actor-1", "one", "two", "three"])
        #expect(try system.status(of: counter) == .running)
    }
}
