import Testing

@testable import ActorSystem

@Suite struct MessagingTests {
    private func system() -> ActorSystem { ActorSystem(configuration: .deterministic) }

    @Test func messagesFromOneSenderArriveInOrder() throws {
        let system = system()
        let probe = try system.spawn(Probe.definition(state: []))
        for index in 0..<50 { try system.send(to: probe, bytes("append:\(index),")) }
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: probe) == (0..<50).map { "\($0)," }.joined())
    }

    @Test func messagesFromSeveralSendersKeepEachSendersOrder() throws {
        let system = system()
        let receiver = try system.spawn(Probe.definition(name: "receiver", state: []))
        let senders = try (0..<3).map { _ in try system.spawn(Probe.definition()) }
        for round in 0..<5 {
            for (index, sender) in senders.enumerated() {
                try system.send(to: sender, bytes("send:receiver:append:\(index)\(round) "))
            }
        }
        try system.runUntilQuiescent()
        let received = try #require(try system.stateText(of: receiver)).split(separator: " ").map(String.init)
        #expect(received.count == 15)
        for index in 0..<3 {
            #expect(received.filter { $0.hasPrefix("\(index)") } == (0..<5).map { "\(index)\($0)" })
        }
        for sender in senders { #expect(try system.stateText(of: sender) == "ok") }
    }

    @Test func sendingToAnUnknownOrStoppedActorIsAnErrorForTheSender() throws {
        let system = system()
        let probe = try system.spawn(Probe.definition())
        try system.send(to: probe, bytes("send:nobody:hello"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: probe) == "err:no actor nobody")

        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter()))
        try system.stop(counter)
        try system.runUntilQuiescent()
        try system.send(to: probe, bytes("send:\(counter):hello"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: probe) == "err:actor \(counter) is not running")
        #expect(throws: ActorSystemError.unknownActor("ghost")) { try system.send(to: ActorID("ghost"), bytes("x")) }
    }

    @Test func aFullMailboxRefusesMessagesInsteadOfGrowing() throws {
        let system = system()
        var limits = ActorLimits()
        limits.mailboxCapacity = 3
        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter(), name: "counter", limits: limits))
        for _ in 0..<3 { try system.send(to: counter, bytes("m")) }
        #expect(throws: ActorSystemError.mailboxFull(counter, capacity: 3)) { try system.send(to: counter, bytes("m")) }
        #expect(try system.mailboxCount(of: counter) == 3)
        try system.runUntilQuiescent()
        #expect(try system.state(of: counter)?.counterValue == 3)


        // A guest sender: the sleeping target handles nothing, so its mailbox stays full.
        let sleeper = try system.spawn(Probe.definition(name: "sleeper", limits: limits))
        try system.send(to: sleeper, bytes("sleep:1000"))
        #expect(try system.step())
        for _ in 0..<3 { try system.send(to: sleeper, bytes("append:x")) }
        let probe = try system.spawn(Probe.definition())
        try system.send(to: probe, bytes("send:sleeper:one too many"))
        #expect(try system.step())
        #expect(try system.stateText(of: probe) == "err:the mailbox of actor \(sleeper) is full (3 messages)")
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: sleeper)?.hasSuffix("xxx") == true)
    }

    @Test func aRequestSuspendsTheGuestUntilTheReplyArrives() throws {
        let system = system()
        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter(), name: "counter"))
        let probe = try system.spawn(Probe.definition())
        try system.send(to: probe, bytes("request:counter:marco"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: probe) == "reply:marco")
        #expect(try system.state(of: counter)?.counterValue == 1)
        let hostCall = try #require(try system.events(of: probe).last { $0.eventType == "host-call" })
        let json = String(decoding: hostCall.data, as: UTF8.self)
        #expect(json.contains("\"function\":\"request\""))
        #expect(json.contains("\"output\":\"\(HexEncoding.string(from: bytes("ok marco")))\""))
    }

    @Test func requestsChainThroughSeveralSuspendedActors() throws {
        let system = system()
        _ = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter(), name: "counter"))
        _ = try system.spawn(Probe.definition(name: "middle"))
        let front = try system.spawn(Probe.definition())
        try system.send(to: front, bytes("request:middle:forward:counter:deep"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: front) == "reply:deep")
    }

    @Test func aRequestToAnActorThatTrapsGetsAnErrorReply() throws {
        let system = system()
        let recorder = FailureRecorder(system)
        let target = try system.spawn(Probe.definition(name: "target"))
        let asker = try system.spawn(Probe.definition())
        try system.send(to: asker, bytes("request:target:trap"))
        try system.runUntilQuiescent()
        let state = try #require(try system.stateText(of: asker))
        #expect(state.hasPrefix("err:request failed: actor target crashed: trap: unreachable"))
        #expect(try system.status(of: target) == .exited(.crashed(.trap(.unreachable))))
        #expect(recorder.failures.map(\.actorID) == [target])
        #expect(try system.status(of: asker) == .running)
    }

    @Test func anActorCannotRequestItself() throws {
        let system = system()
        let probe = try system.spawn(Probe.definition(name: "narcissus"))
        try system.send(to: probe, bytes("request:narcissus:hello"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: probe)?.hasPrefix("err:an actor cannot send a request to itself") == true)
    }

    @Test func hostRequestsGetTheReplyOrTheFailure() async throws {
        let system = system()
        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter()))
        let reply = try system.submitRequest(to: counter, bytes("echo me"))
        #expect(reply.result == nil)
        try system.runUntilQuiescent()
        #expect(reply.result == .success(bytes("echo me")))
        #expect(try await reply.value() == bytes("echo me"))

        let probe = try system.spawn(Probe.definition())
        let failing = try system.submitRequest(to: probe, bytes("trap"))
        try system.runUntilQuiescent()
        guard case .failure(.requestFailed(let message))? = failing.result else {
            Issue.record("expected a failed request, got \(String(describing: failing.result))")
            return
        }
        #expect(message.contains("crashed"))
        #expect(throws: ActorSystemError.actorNotRunning(probe)) { try system.submitRequest(to: probe, bytes("x")) }
    }

    @Test func requestsAnsweredLaterThroughRespondToRequest() throws {
        // Without a timeout: running until quiescent would otherwise let it pass.
        var configuration = ActorSystemConfiguration.deterministic
        configuration.defaultLimits.requestTimeoutMilliseconds = nil
        let system = ActorSystem(configuration: configuration)
        let responder = try system.spawn(Probe.definition(name: "responder"))
        let first = try system.submitRequest(to: responder, bytes("defer"))
        let second = try system.submitRequest(to: responder, bytes("defer"))
        try system.runUntilQuiescent()
        #expect(first.result == nil)
        try system.send(to: responder, bytes("outstanding"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: responder) == "\(first.requestID),\(second.requestID)")

        try system.send(to: responder, bytes("respond:\(first.requestID):later"))
        try system.send(to: responder, bytes("cancel:\(second.requestID)"))
        try system.runUntilQuiescent()
        #expect(first.result == .success(bytes("later")))
        #expect(second.result == .failure(.requestCancelled(second.requestID)))

        try system.send(to: responder, bytes("respond:\(first.requestID):twice"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: responder) == "err:no outstanding request \(first.requestID)")
    }

    @Test func outstandingRequestsFailWhenTheResponderCrashes() throws {
        let system = system()
        let responder = try system.spawn(Probe.definition())
        let pending = try system.submitRequest(to: responder, bytes("defer"))
        try system.send(to: responder, bytes("trap"))
        try system.runUntilQuiescent()
        guard case .failure(.requestFailed)? = pending.result else {
            Issue.record("expected the request to fail, got \(String(describing: pending.result))")
            return
        }
    }

    @Test func channelsOpenCarryMessagesBothWaysAndClose() throws {
        let system = system()
        let target = try system.spawn(Probe.definition(name: "target"))
        let opener = try system.spawn(Probe.definition(name: "opener"))
        try system.send(to: opener, bytes("open:target:greet"))
        try system.runUntilQuiescent()
        // The target's "welcome" arrives on the channel after open-channel returned.
        #expect(try system.stateText(of: opener) == "chan:channel-1:welcome")
        #expect(try system.stateText(of: target) == "open:channel-1")

        try system.send(to: opener, bytes("chansend:channel-1:echo"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: target) == "chan:channel-1:echo")
        #expect(try system.stateText(of: opener) == "chan:channel-1:echoed")

        try system.send(to: target, bytes("close:channel-1"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: target) == "ok")
        #expect(try system.stateText(of: opener) == "closed:channel-1")
        try system.send(to: opener, bytes("chansend:channel-1:anyone?"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: opener) == "err:no open channel channel-1")
    }

    @Test func aRejectedChannelIsAnErrorForTheOpener() throws {
        let system = system()
        _ = try system.spawn(Probe.definition(name: "target"))
        let opener = try system.spawn(Probe.definition())
        try system.send(to: opener, bytes("open:target:reject"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: opener) == "err:actor target rejected the channel")
    }

    @Test func aChannelPeerThatStopsClosesTheChannel() throws {
        let system = system()
        let target = try system.spawn(Probe.definition(name: "target"))
        let opener = try system.spawn(Probe.definition())
        try system.send(to: opener, bytes("open:target:hi"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: opener) == "channel:channel-1")
        try system.stop(target)
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: opener) == "closed:channel-1")
    }
}
