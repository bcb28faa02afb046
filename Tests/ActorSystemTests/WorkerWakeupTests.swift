import Foundation
import Testing

@testable import ActorSystem

/// Idle workers spin briefly, then sleep; queuing work wakes a sleeper only when no worker
/// is spinning. These tests pin down that no work is left behind on either path.
@Suite struct WorkerWakeupTests {
    private func workerSystem(workers: Int) -> ActorSystem {
        var configuration = ActorSystemConfiguration()
        configuration.workerCount = workers
        configuration.eventRetention = .none
        return ActorSystem(configuration: configuration)
    }

    /// Polls `reply.result` as a spinning host would, failing after `seconds`.
    private func awaitResult(_ reply: PendingReply, seconds: Double = 10) -> Result<[UInt8], ActorSystemError>? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let result = reply.result { return result }
        }
        return nil
    }

    @Test func backToBackRequestsFromAPollingHostAreAllAnswered() throws {
        let system = workerSystem(workers: 2)
        defer { system.shutdown() }
        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter()))
        for index in 0..<500 {
            let reply = try system.submitRequest(to: counter, bytes("echo \(index)"))
            #expect(awaitResult(reply) == .success(bytes("echo \(index)")))
        }
    }

    @Test func requestsAfterWorkersFellAsleepAreAnswered() throws {
        let system = workerSystem(workers: 2)
        defer { system.shutdown() }
        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter()))
        for index in 0..<5 {
            // Far longer than the idle spin: every worker is asleep when the request comes.
            usleep(5_000)
            let reply = try system.submitRequest(to: counter, bytes("late \(index)"))
            #expect(awaitResult(reply) == .success(bytes("late \(index)")))
        }
    }

    @Test func aBurstToManyActorsIsHandledByEveryWorker() throws {
        let system = workerSystem(workers: 4)
        defer { system.shutdown() }
        let counters = try (0..<16).map { _ in try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter())) }
        #expect(system.waitUntilQuiescent(timeoutMilliseconds: 10_000))
        usleep(5_000)
        for _ in 0..<50 {
            for counter in counters { try system.send(to: counter, bytes("tick")) }
        }
        #expect(system.waitUntilQuiescent(timeoutMilliseconds: 10_000))
        for counter in counters { #expect(try system.state(of: counter)?.counterValue == 50) }
    }
}
