import ActorSystem
import Foundation

/// The actor components the benchmarks run, from the main package's `Fixtures/actors`.
enum Fixtures {
    static let actors = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/actors")

    static func bytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: actors.appendingPathComponent("\(name).wasm")))
    }

    /// The no-op actor: keeps its state, ignores messages, echoes requests.
    static let noop = Result { try bytes("noop") }
    /// Requests from another actor inside its handler (`"ACTOR-ID:PAYLOAD"`).
    static let requester = Result { try bytes("requester") }
    /// Passes a ball back and forth (`"ping N PEER"`).
    static let pingPong = Result { try bytes("ping-pong") }
}

/// Whether chain events are recorded (and hashed) during a measurement.
enum Events: String, CaseIterable {
    case on, off

    /// On keeps a window of recent events, so memory stays flat over millions of messages.
    var retention: EventRetention { self == .on ? .recent(1_000) : .none }
}

/// How the system runs: the caller drives it on one thread, or worker threads do.
enum Mode: String, CaseIterable {
    case deterministic, workers
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String
}

extension ActorSystem {
    /// A system for one measurement.
    static func benchmarked(_ mode: Mode, events: Events, options: Options) -> ActorSystem {
        var configuration = mode == .deterministic ? ActorSystemConfiguration.deterministic : ActorSystemConfiguration()
        if mode == .workers, let workers = options.workers { configuration.workerCount = workers }
        configuration.eventRetention = events.retention
        return ActorSystem(configuration: configuration)
    }

    /// Runs until nothing is left to do, in either mode.
    func settle() throws {
        if configuration.isDeterministic {
            try runUntilQuiescent()
        } else {
            guard waitUntilQuiescent(timeoutMilliseconds: 600_000) else { throw BenchmarkFailure(description: "not quiescent after 10 minutes") }
        }
    }
}
