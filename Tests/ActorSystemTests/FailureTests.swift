import Testing

@testable import ActorSystem

@Suite struct FailureTests {
    /// Spawns a probe, lets it initialize, sends `message`, runs, and returns the failure.
    private func crash(
        _ message: String, limits: ActorLimits = ActorLimits()
    ) throws -> (ActorSystem, ActorID, [ActorFailure]) {
        let system = ActorSystem(configuration: .deterministic)
        let recorder = FailureRecorder(system)
        let probe = try system.spawn(Probe.definition(state: bytes("good"), limits: limits))
        try system.send(to: probe, bytes("append: state"))
        try system.send(to: probe, bytes(message))
        try system.runUntilQuiescent()
        return (system, probe, recorder.failures)
    }

    @Test func aTrapCrashesTheActorWithItsBacktrace() throws {
        let (system, probe, failures) = try crash("trap")
        let failure = try #require(failures.first)
        #expect(failures.count == 1)
        #expect(failure.actorID == probe)
        #expect(failure.cause == .trap(.unreachable))
        #expect(failure.handler == "handle-send")
        #expect(!failure.backtrace.isEmpty)
        #expect(failure.lastGoodState == bytes("good state"))
        #expect(try system.status(of: probe) == .exited(.crashed(.trap(.unreachable))))
        #expect(try system.state(of: probe) == bytes("good state"))
        #expect(throws: ActorSystemError.actorNotRunning(probe)) { try system.send(to: probe, bytes("hello")) }
        let crashEvent = try #require(try system.events(of: probe).last { $0.eventType == "crash" })
        #expect(String(decoding: crashEvent.data, as: UTF8.self).contains("unreachable"))
    }

    @Test func aCrashedActorCanBeStartedAgainFromItsDefinitionAndLastGoodState() throws {
        let (system, probe, failures) = try crash("trap")
        var definition = try system.definition(of: probe)
        definition.initialState = try #require(failures.first).lastGoodState
        let restarted = try system.spawn(definition)
        try system.send(to: restarted, bytes("append: again"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: restarted) == "good state again")
    }

    @Test func aHandlerReturningAnErrorCrashesTheActor() throws {
        let (_, _, failures) = try crash("fail")
        #expect(failures.map(\.cause) == [.handlerError("probe failed")])
    }

    @Test func tooMuchFuelOnOneMessageIsAnOperationTimeout() throws {
        var limits = ActorLimits()
        limits.fuelPerMessage = 200_000
        let (_, _, failures) = try crash("spin:0", limits: limits)
        #expect(failures.map(\.cause) == [.operationTimeout(fuelLimit: 200_000)])
    }

    @Test func growingPastTheMemoryLimitIsAMemoryFailure() throws {
        var limits = ActorLimits()
        limits.maxMemoryPages = 8
        let (_, _, failures) = try crash("grow", limits: limits)
        #expect(failures.map(\.cause) == [.memoryLimitExceeded(maxPages: 8, trap: .unreachable)])
    }

    @Test func deepRecursionIsACallDepthFailure() throws {
        var limits = ActorLimits()
        limits.maxCallDepth = 200
        let (_, _, failures) = try crash("recurse", limits: limits)
        #expect(failures.map(\.cause) == [.callDepthExceeded(maxDepth: 200)])
    }

    @Test func aResultOutsideMemoryIsACanonicalABIViolation() throws {
        let (_, _, failures) = try crash("badstate")
        guard case .canonicalABIViolation(let message)? = failures.first?.cause else {
            Issue.record("expected a canonical ABI violation, got \(failures)")
            return
        }
        #expect(message.contains("out of bounds"))
    }

    @Test func aFailingInitCrashesTheActorBeforeAnyMessage() throws {
        let system = ActorSystem(configuration: .deterministic)
        let recorder = FailureRecorder(system)
        var limits = ActorLimits()
        limits.fuelPerMessage = 5
        let probe = try system.spawn(Probe.definition(limits: limits))
        try system.send(to: probe, bytes("append:x"))
        try system.runUntilQuiescent()
        #expect(recorder.failures.map(\.handler) == ["init"])
        #expect(recorder.failures.map(\.cause) == [.operationTimeout(fuelLimit: 5)])
        #expect(try system.events(of: probe).contains { $0.eventType == "handler-call" } == false)
    }

    @Test func othersKeepRunningWhenOneActorCrashes() throws {
        let system = ActorSystem(configuration: .deterministic)
        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter()))
        let probe = try system.spawn(Probe.definition())
        try system.send(to: counter, bytes("before"))
        try system.send(to: probe, bytes("trap"))
        try system.send(to: counter, bytes("after"))
        try system.runUntilQuiescent()
        #expect(try system.state(of: counter)?.counterValue == 2)
        #expect(try system.status(of: counter) == .running)
    }
}
