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

    @Test func initReceivesTheInitialStateAndMessagesWaitForIt() throws {
        let system = ActorSystem(configuration: .deterministic)
        let counter = try system.spawn(
            ActorDefinition(componentBytes: ActorFixtures.counter(), initialState: [41, 0, 0, 0]))
        try system.send(to: counter, bytes("queued before init ran"))
        try system.runUntilQuiescent()
        #expect(try system.state(of: counter)?.counterValue == 42)
        #expect(try system.logs(of: counter) == ["init actor-1", "queued before init ran"])
    }

    @Test func badComponentBytesAreASpawnError() {
        let system = ActorSystem(configuration: .deterministic)
        for bytes: [UInt8] in [[], [0, 0x61, 0x73, 0x6d], Array(repeating: 0xff, count: 64)] {
            #expect {
                try system.spawn(ActorDefinition(componentBytes: bytes))
            } throws: { error in
                guard case ActorSystemError.invalidComponent = error else { return false }
                return true
            }
        }
    }

    @Test func importingAnInterfaceNotGrantedNamesIt() throws {
        let system = ActorSystem(configuration: .deterministic)
        var definition = try Probe.definition()
        definition.hostInterfaces = [.runtime, .messageServerHost]
        #expect(throws: ActorSystemError.interfaceNotGranted(.timing)) { try system.spawn(definition) }
        #expect(system.actorIDs.isEmpty)
    }

    @Test func importsNoHostProvidesAndMissingExportsAreSpawnErrors() throws {
        let system = ActorSystem(configuration: .deterministic)
        let forward = try ActorFixtures.bytes("echo-forward", in: "components")
        #expect(throws: ActorSystemError.unsupportedImport("test:echo/echo")) {
            try system.spawn(ActorDefinition(componentBytes: forward))
        }
        let supervisor = try ActorFixtures.bytes("dummy-supervisor-actor", in: "components")
        #expect(throws: ActorSystemError.unsupportedImport("theater:simple/supervisor")) {
            try system.spawn(ActorDefinition(componentBytes: supervisor, hostInterfaces: [.runtime, .messageServerHost, .supervisor]))
        }
        let echo = try ActorFixtures.bytes("echo", in: "components")
        #expect(throws: ActorSystemError.invalidExport("no theater:simple/actor#init export")) {
            try system.spawn(ActorDefinition(componentBytes: echo))
        }
    }

    @Test func namesAreUniqueAmongRunningActors() throws {
        let system = ActorSystem(configuration: .deterministic)
        let first = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter(), name: "counter"))
        #expect(throws: ActorSystemError.nameInUse("counter")) {
            try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter(), name: "counter"))
        }
        try system.stop(first)
        try system.runUntilQuiescent()
        let second = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter(), name: "counter"))
        #expect(system.actorID(named: "counter") == second)
    }

    @Test func theComponentIsLoadedOncePerDistinctBytes() throws {
        let system = ActorSystem(configuration: .deterministic)
        for _ in 0..<5 { _ = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter())) }
        _ = try system.spawn(Probe.definition())
        #expect(system.components.count == 2)
    }

    @Test func stoppedActorsRefuseMessages() throws {
        let system = ActorSystem(configuration: .deterministic)
        let recorder = FailureRecorder(system)
        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter()))
        try system.runUntilQuiescent()
        try system.stop(counter)
        try system.runUntilQuiescent()
        #expect(try system.status(of: counter) == .exited(.stopped))
        #expect(throws: ActorSystemError.actorNotRunning(counter)) { try system.send(to: counter, bytes("hello")) }
        #expect(throws: ActorSystemError.actorNotRunning(counter)) { try system.stop(counter) }
        #expect(recorder.exits.map(\.1) == [.stopped])
        #expect(recorder.failures.isEmpty)
        #expect(try system.events(of: counter).suffix(2).map(\.eventType) == ["stop", "exit"])
    }

    @Test func theGuestShutsItselfDownAfterItsHandlerReturns() throws {
        let system = ActorSystem(configuration: .deterministic)
        let recorder = FailureRecorder(system)
        let probe = try system.spawn(Probe.definition(state: bytes("kept")))
        try system.send(to: probe, bytes("shutdown"))
        try system.send(to: probe, bytes("append:never handled"))
        try system.runUntilQuiescent()
        #expect(try system.status(of: probe) == .exited(.shutdown(data: nil)))
        #expect(try system.stateText(of: probe) == "kept")
        #expect(recorder.exits.map(\.1) == [.shutdown(data: nil)])
        let types = try system.events(of: probe).map(\.eventType)
        #expect(types.suffix(5) == ["handler-call", "host-call", "handler-result", "shutdown", "exit"])
    }

    @Test func systemShutdownStopsEveryActorAndFailsWaitingRequests() throws {
        let system = ActorSystem(configuration: .deterministic)
        let recorder = FailureRecorder(system)
        let probe = try system.spawn(Probe.definition())
        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter()))
        try system.runUntilQuiescent()
        try system.send(to: probe, bytes("request:\(counter):hello"))
        let pending = try system.submitRequest(to: counter, bytes("never answered"))
        system.shutdown()
        #expect(pending.result == .failure(.shuttingDown))
        #expect(try system.status(of: probe) == .exited(.stopped))
        #expect(try system.status(of: counter) == .exited(.stopped))
        #expect(recorder.exits.count == 2)
        #expect(throws: ActorSystemError.shuttingDown) { try system.send(to: counter, bytes("late")) }
        #expect(throws: ActorSystemError.shuttingDown) { try system.spawn(Probe.definition()) }
        system.shutdown()
    }

    @Test func releasingTheSystemShutsItDown() throws {
        var configuration = ActorSystemConfiguration()
        // The request stays outstanding (a timeout would be pending work).
        configuration.defaultLimits.requestTimeoutMilliseconds = nil
        var system: ActorSystem? = ActorSystem(configuration: configuration)
        let responder = try #require(system).spawn(Probe.definition())
        let pending = try #require(system).submitRequest(to: responder, bytes("defer"))
        #expect(system?.waitUntilQuiescent(timeoutMilliseconds: 10_000) == true)
        #expect(pending.result == nil)
        system = nil
        #expect(pending.result == .failure(.shuttingDown))
    }

    @Test func drainingShutdownFinishesQueuedWorkFirst() throws {
        let system = ActorSystem(configuration: .deterministic)
        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter()))
        for _ in 0..<10 { try system.send(to: counter, bytes("tick")) }
        system.shutdown(.drain(timeoutMilliseconds: nil))
        #expect(try system.state(of: counter)?.counterValue == 10)
        #expect(try system.status(of: counter) == .exited(.stopped))
    }
}
