import ActorSystem
import Foundation
import Supervision

/// Crash to running again under one-for-one with last-good state: a supervised trapper
/// actor handles a message, traps on the next, and is restarted in place; each sample is
/// the time from the crash event to the `init` result of the new instance.
struct RestartMeasurement {
    var medianMicroseconds: Double
    var p99Microseconds: Double
}

enum RestartBenchmark {
    static func measure(mode: Mode, crashes: Int, options: Options) throws -> RestartMeasurement {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("actor-bench-restart-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try writeManifests(in: directory, maxRestarts: crashes + 1)

        let marks = RestartMarks()
        var configuration = mode == .deterministic ? ActorSystemConfiguration.deterministic : ActorSystemConfiguration()
        if mode == .workers, let workers = options.workers { configuration.workerCount = workers }
        configuration.eventRetention = Events.on.retention
        configuration.eventSink = { _, event in marks.note(event) }
        let system = ActorSystem(configuration: configuration)
        defer { system.shutdown() }
        let tree = try SupervisionTree.start(manifestAt: directory.appendingPathComponent("root.toml").path, in: system)
        guard let worker = tree.actorID(of: "worker") else { throw BenchmarkFailure(description: "no worker in the tree") }
        for _ in 0..<crashes {
            try system.send(to: worker, Array("x".utf8))
            try system.send(to: worker, Array("trap".utf8))
            try system.settle()
        }
        let samples = marks.samples
        guard samples.count == crashes, tree.restartCount == crashes else {
            throw BenchmarkFailure(description: "\(samples.count) restarts timed, \(tree.restartCount) made, \(crashes) expected")
        }
        return RestartMeasurement(medianMicroseconds: median(samples), p99Microseconds: percentile(samples, 0.99))
    }

    private static func writeManifests(in directory: URL, maxRestarts: Int) throws {
        let worker = """
            name = "worker"
            component = "\(Fixtures.actors.appendingPathComponent("trapper.wasm").path)"
            [[handler]]
            type = "runtime"
            [[handler]]
            type = "message-server"
            """
        let root = """
            name = "root"
            [supervisor]
            strategy = "one-for-one"
            max_restarts = \(maxRestarts)
            period_ms = 3600000
            [[child]]
            name = "worker"
            manifest = "worker.toml"
            restart = "permanent"
            state = "last-good"
            """
        try worker.write(to: directory.appendingPathComponent("worker.toml"), atomically: true, encoding: .utf8)
        try root.write(to: directory.appendingPathComponent("root.toml"), atomically: true, encoding: .utf8)
    }
}

/// Times each crash event and the first `init` result after it (events arrive from any worker).
private final class RestartMarks: @unchecked Sendable {
    private let lock = NSLock()
    private var crashedAt: UInt64?
    private var stored: [Double] = []

    func note(_ event: ChainEvent) {
        let now = nanoseconds()
        lock.withLock {
            if event.eventType == "crash" {
                crashedAt = now
            } else if event.eventType == "handler-result", let crashed = crashedAt,
                String(decoding: event.data, as: UTF8.self).contains("\"function\":\"init\"")
            {
                stored.append(Double(now - crashed) / 1_000)
                crashedAt = nil
            }
        }
    }

    var samples: [Double] { lock.withLock { stored } }
}
