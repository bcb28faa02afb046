import Foundation
import Testing

@testable import ActorSystem

@Suite struct SchedulerTests {
    @Test func aSpinnerDelaysOthersByAtMostAFewSlices() throws {
        var configuration = ActorSystemConfiguration.deterministic
        configuration.sliceFuel = 10_000
        let system = ActorSystem(configuration: configuration)
        var unlimited = ActorLimits()
        unlimited.fuelPerMessage = .max
        let spinners = try (0..<2).map { _ in try system.spawn(Probe.definition(limits: unlimited)) }
        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter()))
        for spinner in spinners { try system.send(to: spinner, bytes("spin:0")) }
        #expect(try system.runUntilQuiescent(maxSteps: 10) == false)

        for expected in UInt32(1)...20 {
            try system.send(to: counter, bytes("tick"))
            var steps = 0
            while try system.state(of: counter)?.counterValue != expected, steps < 100 {
                try system.step()
                steps += 1
            }
            // The counter waits behind at most one slice of each spinner.
            #expect(steps <= spinners.count + 1)
        }
        for spinner in spinners {
            #expect(try system.status(of: spinner) == .running)
            try system.stop(spinner)
        }
        #expect(try system.runUntilQuiescent(maxSteps: 10))
        #expect(try system.status(of: spinners[0]) == .exited(.stopped))
    }

    @Test func aBlockCostingMoreThanASliceStillRuns() throws {
        // Every block of the counter's handlers costs more than one unit of fuel: without
        // a larger grant for such a block the actor would be requeued forever.
        var configuration = ActorSystemConfiguration.deterministic
        configuration.sliceFuel = 1
        let system = ActorSystem(configuration: configuration)
        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter()))
        for _ in 0..<3 { try system.send(to: counter, bytes("tick")) }
        #expect(try system.runUntilQuiescent(maxSteps: 100_000))
        #expect(try system.state(of: counter)?.counterValue == 3)
        #expect(try system.status(of: counter) == .running)
    }

    @Test func aSlowMessageContinuesAcrossSlicesWhereItStopped() throws {
        var configuration = ActorSystemConfiguration.deterministic
        configuration.sliceFuel = 10_000
        let system = ActorSystem(configuration: configuration)
        let probe = try system.spawn(Probe.definition(state: bytes("start")))
        try system.send(to: probe, bytes("spin:20000"))
        try system.send(to: probe, bytes("append: done"))
        var steps = 0
        while try system.step() { steps += 1 }
        #expect(steps > 5)
        #expect(try system.stateText(of: probe) == "start done")
    }

    @Test func sleepingSuspendsOnlyTheSleeperAndVirtualTimeJumpsAhead() throws {
        let system = ActorSystem(configuration: .deterministic)
        let start = system.now
        let sleeper = try system.spawn(Probe.definition())
        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter()))
        try system.send(to: sleeper, bytes("sleep:60000"))
        try system.send(to: sleeper, bytes("append: then this"))
        try system.send(to: counter, bytes("while it sleeps"))
        while try system.step() {}
        #expect(try system.state(of: counter)?.counterValue == 1)
        #expect(try system.stateText(of: sleeper) == nil)
        try system.runUntilQuiescent()
        let state = try #require(try system.stateText(of: sleeper))
        #expect(state.hasPrefix("woke:"))
        let woke = try #require(UInt64(state.dropFirst(5).prefix { $0 != " " }))
        #expect(woke >= start + 60_000)
        #expect(state.hasSuffix(" then this"))
    }

    @Test func workerThreadsRunEveryMessage() throws {
        var configuration = ActorSystemConfiguration()
        configuration.workerCount = 3
        let system = ActorSystem(configuration: configuration)
        defer { system.shutdown() }
        let counters = try (0..<4).map { index in
            try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter(), name: "counter-\(index)"))
        }
        let probes = try (0..<4).map { _ in try system.spawn(Probe.definition()) }
        for round in 0..<250 {
            for counter in counters { try system.send(to: counter, bytes("m\(round)")) }
        }
        for (index, probe) in probes.enumerated() {
            try system.send(to: probe, bytes("request:counter-\(index):hello \(index)"))
        }
        #expect(system.waitUntilQuiescent(timeoutMilliseconds: 60_000))
        for counter in counters { #expect(try system.state(of: counter)?.counterValue == 251) }
        for (index, probe) in probes.enumerated() {
            #expect(try system.stateText(of: probe) == "reply:hello \(index)")
        }
        for counter in counters { #expect(try system.verifyEvents(of: counter).isSuccess) }
    }

    @Test func asyncRequestsWithWorkerThreads() async throws {
        var configuration = ActorSystemConfiguration()
        configuration.workerCount = 2
        let system = ActorSystem(configuration: configuration)
        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter()))
        let replies = try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for index in 0..<20 {
                group.addTask { try await system.request(to: counter, bytes("r\(index)")) }
            }
            var replies: [String] = []
            for try await reply in group { replies.append(String(decoding: reply, as: UTF8.self)) }
            return replies
        }
        #expect(Set(replies) == Set((0..<20).map { "r\($0)" }))
        system.shutdown(.drain(timeoutMilliseconds: 10_000))
        #expect(try system.state(of: counter)?.counterValue == 20)
    }

    @Test func realTimersWakeSleepersWithWorkerThreads() throws {
        var configuration = ActorSystemConfiguration()
        configuration.workerCount = 2
        let system = ActorSystem(configuration: configuration)
        defer { system.shutdown() }
        let sleeper = try system.spawn(Probe.definition())
        let before = ChainClock.millisecondsSinceEpoch()
        try system.send(to: sleeper, bytes("sleep:50"))
        #expect(system.waitUntilQuiescent(timeoutMilliseconds: 10_000))
        let state = try #require(try system.stateText(of: sleeper))
        let woke = try #require(UInt64(state.dropFirst(5)))
        #expect(woke >= before + 50)
    }

    @Test func stepNeedsDeterministicMode() {
        let system = ActorSystem(configuration: ActorSystemConfiguration())
        defer { system.shutdown() }
        #expect(throws: ActorSystemError.self) { try system.step() }
    }
}

extension Result {
    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
