import Testing

@testable import ActorSystem

/// Channels between the host and an actor (`ActorSystem.openChannel`, `HostChannel`).
@Suite struct HostChannelTests {
    @Test func theHostOpensSendsReceivesAndCloses() throws {
        let system = ActorSystem(configuration: .deterministic)
        let probe = try system.spawn(Probe.definition(name: "target"))
        let channel = try system.openChannel(to: probe, bytes("greet"))
        #expect(channel.phase == .opening)
        try system.runUntilQuiescent()
        #expect(channel.phase == .open)
        #expect(try system.stateText(of: probe) == "open:\(channel.channelID)")
        #expect(channel.receiveAll() == [bytes("welcome")])

        try channel.send(bytes("echo"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: probe) == "chan:\(channel.channelID):echo")
        #expect(channel.receive() == bytes("echoed"))
        #expect(channel.receive() == nil)

        try channel.close()
        try system.runUntilQuiescent()
        #expect(channel.phase == .closed("closed by the host"))
        #expect(try system.stateText(of: probe) == "closed:\(channel.channelID)")
        #expect(throws: ActorSystemError.channelClosed(channel.channelID)) { try channel.send(bytes("late")) }
        #expect(throws: ActorSystemError.channelClosed(channel.channelID)) { try channel.close() }
    }

    @Test func anActorRejectingTheChannelRefusesIt() async throws {
        let system = ActorSystem(configuration: .deterministic)
        let probe = try system.spawn(Probe.definition(name: "target"))
        let channel = try system.openChannel(to: probe, bytes("reject"))
        #expect(throws: ActorSystemError.channelClosed(channel.channelID)) { try channel.send(bytes("too early")) }
        try system.runUntilQuiescent()
        #expect(channel.phase == .closed("actor target rejected the channel"))
        await #expect(throws: ActorSystemError.channelRefused("actor target rejected the channel")) {
            try await channel.opened()
        }
        #expect(await channel.nextMessage() == nil)
    }

    @Test func theActorClosingOrStoppingEndsTheHostsEnd() throws {
        let system = ActorSystem(configuration: .deterministic)
        let probe = try system.spawn(Probe.definition(name: "target"))
        let closedByActor = try system.openChannel(to: probe, bytes("hi"))
        let endedByStop = try system.openChannel(to: probe, bytes("hi"))
        try system.runUntilQuiescent()
        try system.send(to: probe, bytes("close:\(closedByActor.channelID)"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: probe) == "ok")
        #expect(closedByActor.phase == .closed("closed by actor \(probe)"))
        #expect(endedByStop.phase == .open)

        try system.stop(probe)
        try system.runUntilQuiescent()
        #expect(endedByStop.phase == .closed("actor target stopped"))
    }

    @Test func openingToAStoppedActorFails() throws {
        let system = ActorSystem(configuration: .deterministic)
        let probe = try system.spawn(Probe.definition())
        try system.stop(probe)
        try system.runUntilQuiescent()
        #expect(throws: ActorSystemError.actorNotRunning(probe)) { try system.openChannel(to: probe, bytes("hi")) }
    }

    @Test func channelsWorkWithWorkerThreadsAndAwait() async throws {
        var configuration = ActorSystemConfiguration()
        configuration.workerCount = 2
        let system = ActorSystem(configuration: configuration)
        defer { system.shutdown() }
        let probe = try system.spawn(Probe.definition(name: "target"))
        let channel = try system.openChannel(to: probe, bytes("greet"))
        try await channel.opened()
        #expect(await channel.nextMessage() == bytes("welcome"))
        try channel.send(bytes("echo"))
        #expect(await channel.nextMessage() == bytes("echoed"))
        try channel.close()
        #expect(await channel.nextMessage() == nil)
    }
}

extension HostChannelTests {
    @Test func anActorSendingToAFullHostEndIsRefusedUntilTheHostReceives() throws {
        let system = ActorSystem(configuration: .deterministic)
        let probe = try system.spawn(Probe.definition(name: "target"))
        let channel = try system.openChannel(to: probe, bytes("hi"), capacity: 2)
        try system.runUntilQuiescent()
        #expect(channel.capacity == 2)
        let id = channel.channelID
        for expected in ["ok", "ok", "err:\(ActorSystemError.channelFull(id, capacity: 2))"] {
            try system.send(to: probe, bytes("chansend:\(id):m"))
            try system.runUntilQuiescent()
            #expect(try system.stateText(of: probe) == expected)
        }
        #expect(channel.receive() == bytes("m"))
        try system.send(to: probe, bytes("chansend:\(id):n"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: probe) == "ok")
        #expect(channel.receiveAll() == [bytes("m"), bytes("n")])
    }

    @Test func theHostEndTakesTheSystemsMailboxCapacityByDefault() throws {
        var configuration = ActorSystemConfiguration.deterministic
        configuration.defaultLimits.mailboxCapacity = 5
        let system = ActorSystem(configuration: configuration)
        let probe = try system.spawn(Probe.definition())
        #expect(try system.openChannel(to: probe, bytes("hi")).capacity == 5)
        #expect(try system.openChannel(to: probe, bytes("hi"), capacity: 0).capacity == 1)
        let unlimited = ActorSystem(configuration: .deterministic)
        #expect(try unlimited.openChannel(to: unlimited.spawn(Probe.definition()), bytes("hi")).capacity == nil)
    }
}
