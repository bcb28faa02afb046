import ActorSystem
import Foundation
import Testing

@testable import Supervision

/// Crash-to-running-again latency under one-for-one with last-good state: from the
/// moment the crash is recorded in the child's chain to the moment its new instance's
/// `init` has returned. Prints the median and the 99th percentile.
@Suite struct RestartLatencyTests {
    #if DEBUG
    static let crashes = 200
    #else
    static let crashes = 5_000
    #endif

    @Test(arguments: [true, false])
    func crashToRunningAgainLatency(deterministic: Bool) throws {
        let fixture = try TreeFixture()
        try fixture.actor("trapper")
        try fixture.supervisor(
            "root", maxRestarts: Self.crashes + 1, children: [("a", "trapper", "")])
        let marks = LatencyMarks()
        var configuration = deterministic ? ActorSystemConfiguration.deterministic : ActorSystemConfiguration()
        if !deterministic { configuration.workerCount = 2 }
        configuration.eventSink = { _, event in marks.note(event) }
        let system = ActorSystem(configuration: configuration)
        let tree = try SupervisionTree.start(manifestAt: fixture.directory.path + "/root.toml", in: system)
        let a = try tree.id("a")
        for _ in 0..<Self.crashes {
            try system.send(to: a, "x")
            try system.send(to: a, "trap")
            #expect(system.waitUntilQuiescent(timeoutMilliseconds: 10_000))
        }
        let latencies = marks.latencies.sorted()
        #expect(latencies.count == Self.crashes)
        #expect(try system.count(of: a) == UInt64(Self.crashes))
        let median = latencies[latencies.count / 2]
        let p99 = latencies[min(latencies.count - 1, latencies.count * 99 / 100)]
        let mode = deterministic ? "deterministic" : "2 workers"
        print("restart latency (\(mode), \(latencies.count) crashes): median \(median) µs, p99 \(p99) µs")
        system.shutdown()
    }
}

/// Times the crash events and the first `init` result after each.
final class LatencyMarks: @unchecked Sendable {
    private let lock = NSLock()
    private var crashedAt: ContinuousClock.Instant?
    private var stored: [Int] = []

    func note(_ event: ChainEvent) {
        let now = ContinuousClock.now
        lock.withLock {
            if event.eventType == "crash" {
                crashedAt = now
            } else if event.eventType == "handler-result", let crashed = crashedAt,
                String(decoding: event.data, as: UTF8.self).contains("\"function\":\"init\"")
            {
                let elapsed = now - crashed
                stored.append(Int(elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000))
                crashedAt = nil
            }
        }
    }

    var latencies: [Int] { lock.withLock { stored } }
}
