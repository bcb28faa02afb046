import Foundation
import Testing

@testable import ActorSystem

@Suite struct ActorEventChainTests {
    @Test func aMessageRecordsItsCallHostCallsResultAndStateChange() throws {
        let system = ActorSystem(configuration: .deterministic)
        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter()))
        try system.send(to: counter, bytes("hello"))
        try system.runUntilQuiescent()
        let events = try system.events(of: counter)
        #expect(events.map(\.eventType) == [
            "init", "host-call", "handler-result", "state-change",
            "handler-call", "host-call", "handler-result", "state-change",
        ])
        let call = String(decoding: events[4].data, as: UTF8.self)
        #expect(call == #"{"function":"handle-send","input":"68656c6c6f"}"#)
        let log = String(decoding: events[5].data, as: UTF8.self)
        #expect(log.contains(#""function":"log""#))
        #expect(events[7].data == Array(#"{"state":"01000000"}"#.utf8))
        #expect(try system.verifyEvents(of: counter).isSuccess)
        #expect(ChainVerifier.verify(events).isSuccess)
    }

    @Test func chainsOfEveryActorVerifyAfterABusyRun() throws {
        let system = ActorSystem(configuration: .deterministic)
        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter(), name: "counter"))
        let probes = try (0..<3).map { _ in try system.spawn(Probe.definition()) }
        for probe in probes {
            try system.send(to: probe, bytes("request:counter:x"))
            try system.send(to: probe, bytes("sleep:10"))
            try system.send(to: probe, bytes("trap"))
        }
        try system.runUntilQuiescent()
        for id in [counter] + probes {
            #expect(try system.verifyEvents(of: id).isSuccess)
            let types = try system.events(of: id).map(\.eventType)
            #expect(types.first == "init")
        }
        let probeTypes = try system.events(of: probes[0]).map(\.eventType)
        #expect(probeTypes.suffix(2) == ["crash", "exit"])
    }

    @Test func aMovingWindowOfEventsStillVerifies() throws {
        let system = ActorSystem(configuration: .deterministic)
        let counter = try system.spawn(
            ActorDefinition(componentBytes: ActorFixtures.counter(), eventRetention: .recent(10)))
        for _ in 0..<100 { try system.send(to: counter, bytes("m")) }
        try system.runUntilQuiescent()
        let events = try system.events(of: counter)
        #expect(events.count >= 10 && events.count < 20)
        #expect(events.last?.sequence == 403)
        #expect(try system.verifyEvents(of: counter).isSuccess)
    }

    @Test func theGuestReadsItsOwnChain() throws {
        let system = ActorSystem(configuration: .deterministic)
        let probe = try system.spawn(Probe.definition())
        try system.send(to: probe, bytes("chain"))
        try system.runUntilQuiescent()
        // init, host-call log, handler-result, handler-call: what was there when it asked.
        #expect(try system.stateText(of: probe) == "events:4")
    }

    @Test func eventsReachTheSinkAsRecorded() throws {
        let collected = Collected()
        var configuration = ActorSystemConfiguration.deterministic
        configuration.eventSink = { actor, event in collected.append("\(actor.id) \(event.eventType)") }
        configuration.logSink = { actor, line in collected.append("\(actor.id) log \(line)") }
        let system = ActorSystem(configuration: configuration)
        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter()))
        try system.runUntilQuiescent()
        #expect(collected.items == [
            "actor-1 init", "actor-1 log init actor-1", "actor-1 host-call", "actor-1 handler-result",
            "actor-1 state-change",
        ])
        _ = counter
    }

    @Test func theStoreInterfaceKeepsContentUnderLabels() throws {
        let system = ActorSystem(configuration: .deterministic)
        let probe = try system.spawn(Probe.definition())
        try system.send(to: probe, bytes("store:remember this"))
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: probe) == "stored:remember this")
    }
}

final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ item: String) { lock.withLock { stored.append(item) } }
    var items: [String] { lock.withLock { stored } }
}
