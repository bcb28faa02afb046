import Testing

@testable import ActorSystem

/// Requests that would wait forever: timeouts (on the virtual clock in deterministic mode)
/// and cycles of actors waiting on each other.
@Suite struct RequestTimeoutTests {
    private func system(hostTimeout: UInt64? = 30_000) -> ActorSystem {
        var configuration = ActorSystemConfiguration.deterministic
        configuration.defaultLimits.requestTimeoutMilliseconds = hostTimeout
        return ActorSystem(configuration: configuration)
    }

    /// Two worker threads; shut it down when done.
    private func workerSystem(requestTimeout milliseconds: UInt64) -> ActorSystem {
        var configuration = ActorSystemConfiguration()
        configuration.workerCount = 2
        configuration.defaultLimits.requestTimeoutMilliseconds = milliseconds
        return ActorSystem(configuration: configuration)
    }

    @Test func aRequestNobodyAnswersTimesOutOnTheVirtualClock() throws {
        let system = system()
        _ = try system.spawn(Probe.definition(name: "silent"))
        let asker = try system.spawn(Probe.definition(limits: ActorLimits(requestTimeoutMilliseconds: 500)))
        let start = system.now
        try system.send(to: asker, bytes("request:silent:defer"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: asker) == "err:request request-1 timed out after 500 ms without a reply")
        #expect(system.now == start + 500)
    }

    @Test func aLateReplyAfterATimeoutIsDroppedAndRecorded() throws {
        let system = system()
        let silent = try system.spawn(Probe.definition(name: "silent"))
        let asker = try system.spawn(Probe.definition(limits: ActorLimits(requestTimeoutMilliseconds: 50)))
        try system.send(to: asker, bytes("request:silent:defer"))
        try system.runUntilQuiescent()
        try system.send(to: silent, bytes("outstanding"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: silent) == "")

        try system.send(to: silent, bytes("respond:request-1:too late"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: silent) == "ok")
        #expect(try system.status(of: silent) == .running)
        #expect(try system.stateText(of: asker)?.hasPrefix("err:request request-1 timed out") == true)
        let dropped = try system.events(of: silent).filter { $0.eventType == "error" }
        #expect(dropped.count == 1)
        #expect(dropped.first?.description?.contains("dropped the late reply to request-1") == true)
    }

    @Test func aReplyInTimeCancelsTheTimeout() throws {
        let system = system()
        _ = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter(), name: "counter"))
        let asker = try system.spawn(Probe.definition(limits: ActorLimits(requestTimeoutMilliseconds: 1_000)))
        let start = system.now
        try system.send(to: asker, bytes("request:counter:quick"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: asker) == "reply:quick")
        // No timer was left behind for the clock to run to.
        #expect(system.now == start)
    }

    @Test func hostRequestsTimeOutAfterTheSystemDefault() throws {
        let system = system(hostTimeout: 100)
        let silent = try system.spawn(Probe.definition())
        let reply = try system.submitRequest(to: silent, bytes("defer"))
        try system.runUntilQuiescent()
        #expect(reply.result == .failure(.requestTimedOut(reply.requestID, milliseconds: 100)))
    }

    @Test func aHostRequestMayHaveItsOwnTimeout() throws {
        let system = system(hostTimeout: 100)
        let silent = try system.spawn(Probe.definition())
        let start = system.now
        let reply = try system.submitRequest(to: silent, bytes("defer"), timeoutMilliseconds: 7)
        try system.runUntilQuiescent()
        #expect(reply.result == .failure(.requestTimedOut(reply.requestID, milliseconds: 7)))
        #expect(system.now == start + 7)
    }

    @Test func withoutATimeoutARequestStaysOutstanding() throws {
        let system = system(hostTimeout: nil)
        let silent = try system.spawn(Probe.definition())
        let reply = try system.submitRequest(to: silent, bytes("defer"))
        try system.runUntilQuiescent()
        #expect(reply.result == nil)
    }

    @Test func aRequestClosingACycleFailsAtOnce() throws {
        let system = system()
        _ = try system.spawn(Probe.definition(name: "a"))
        _ = try system.spawn(Probe.definition(name: "b"))
        let a = try #require(system.actorID(named: "a"))
        let start = system.now
        // a asks b, which asks a back while a waits for it.
        let reply = try system.submitRequest(to: a, bytes("forward:b:forward:a:hello"))
        try system.runUntilQuiescent()
        #expect(reply.result == .success(bytes("err:request cycle: b -> a -> b would wait on each other forever")))
        #expect(system.now == start)
    }

    @Test func timeoutsFireInWorkerMode() throws {
        let system = workerSystem(requestTimeout: 50)
        defer { system.shutdown() }
        let silent = try system.spawn(Probe.definition())
        let reply = try system.submitRequest(to: silent, bytes("defer"))
        #expect(system.waitUntilQuiescent(timeoutMilliseconds: 5_000))
        #expect(reply.result == .failure(.requestTimedOut(reply.requestID, milliseconds: 50)))
    }

    @Test func requestTimeoutComesFromTheManifest() throws {
        let manifest = try ActorManifest.parse(
            text: "name = \"x\"\ncomponent = \"x.wasm\"\n[limits]\nrequest_timeout_ms = 250\n")
        #expect(manifest.limits.requestTimeoutMilliseconds == 250)
        #expect(RuntimeLimits().overridden(by: manifest.limits).requestTimeoutMilliseconds == 250)
        #expect(throws: ManifestError.self) {
            try ActorManifest.parse(text: "name = \"x\"\ncomponent = \"x.wasm\"\n[limits]\nrequest_timeout_ms = 0\n")
        }
    }
}

extension RequestTimeoutTests {
    @Test func openingAChannelToAnActorWaitingOnTheOpenerFailsAtOnce() throws {
        let system = ActorSystem(configuration: .deterministic)
        _ = try system.spawn(Probe.definition(name: "a"))
        let b = try system.spawn(Probe.definition(name: "b"))
        // b waits for a's reply while a's handler opens a channel to b.
        // (Only runnable actors run: running until quiescent would let b's request time out.)
        try system.send(to: b, bytes("request:a:defer"))
        while try system.step() {}
        let a = try #require(system.actorID(named: "a"))
        try system.send(to: a, bytes("open:b:hi"))
        while try system.step() {}
        #expect(try system.stateText(of: a) == "err:request cycle: a -> b -> a would wait on each other forever")
    }
}

extension RequestTimeoutTests {
    @Test func aRequesterThatStopsLeavesNoTimerAndItsReplyIsDropped() throws {
        let system = ActorSystem(configuration: .deterministic)
        let silent = try system.spawn(Probe.definition(name: "silent"))
        let asker = try system.spawn(Probe.definition())
        try system.send(to: asker, bytes("request:silent:defer"))
        while try system.step() {}
        try system.stop(asker)
        let start = system.now
        try system.runUntilQuiescent()
        #expect(system.now == start)   // its timeout was cancelled
        try system.send(to: silent, bytes("respond:request-1:nobody listens"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: silent) == "ok")
        #expect(try system.events(of: silent).contains { $0.eventType == "error" })
    }
}

extension RequestTimeoutTests {
    /// Two actors on two workers asking each other at the same instant: at most one of the
    /// requests may be refused as a cycle, and none may be let through to wait for the
    /// timeout. (Both are answered when one request is served before the other is made.)
    /// Without one lock across the cycle check and the wait's registration, this test
    /// failed in about half of the 5,000-round runs here (a single run may miss the race).
    @Test func simultaneousRequestsBetweenTwoActorsOnWorkersNeverBothWait() throws {
        let system = workerSystem(requestTimeout: 2_000)
        defer { system.shutdown() }
        let a = try system.spawn(Probe.definition(name: "a"))
        let b = try system.spawn(Probe.definition(name: "b"))
        for round in 0..<5_000 {
            try system.send(to: a, bytes("request:b:from a \(round)"))
            try system.send(to: b, bytes("request:a:from b \(round)"))
            #expect(system.waitUntilQuiescent(timeoutMilliseconds: 10_000))
            let states = [try system.stateText(of: a) ?? "", try system.stateText(of: b) ?? ""]
            let refused = states.filter { $0.hasPrefix("err:request cycle:") }.count
            let answered = states.filter { $0.hasPrefix("reply:from ") }.count
            guard refused + answered == 2, refused <= 1 else {
                Issue.record("round \(round): \(states)")
                return
            }
        }
    }
}
