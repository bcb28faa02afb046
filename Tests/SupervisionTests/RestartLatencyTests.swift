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
        var line = "restart latency (\(mode), \(latencies.count) crashes): median \(median) µs, p99 \(p99) µs"
        if deterministic {
            // Everything ran on this thread: its CPU time is the latency without the time
            // other processes on the machine took.
            let cpu = marks.cpuLatencies.sorted()
            line += " (CPU time: median \(cpu[cpu.count / 2]) µs)"
        }
        print(line)
        system.shutdown()
    }
}

/// Times the crash events and the first `init` result after each.
final class LatencyMarks: @unchecked Sendable {
    private let lock = NSLock()
    private var crashedAt: ContinuousClock.Instant?
    private var crashedAtCPU: Duration?
    private var stored: [Int] = []
    private var storedCPU: [Int] = []

    func note(_ event: ChainEvent) {
        let now = ContinuousClock.now
        let cpuNow = Self.threadCPUTime()
        lock.withLock {
            if event.eventType == "crash" {
                crashedAt = now
                crashedAtCPU = cpuNow
            } else if event.eventType == "handler-result", let crashed = crashedAt, let crashedCPU = crashedAtCPU,
                String(decoding: event.data, as: UTF8.self).contains("\"function\":\"init\"")
            {
                stored.append(Self.microseconds(now - crashed))
                storedCPU.append(Self.microseconds(cpuNow - crashedCPU))
                crashedAt = nil
            }
        }
    }

    var latencies: [Int] { lock.withLock { stored } }
    /// The calling thread's CPU time over the same spans (meaningful when one thread runs
    /// everything, as in deterministic mode).
    var cpuLatencies: [Int] { lock.withLock { storedCPU } }

    private static func microseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000)
    }

    private static func threadCPUTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
}
