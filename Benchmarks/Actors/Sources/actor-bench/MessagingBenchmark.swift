import ActorSystem

/// One-way messages per second through `handle-send` of no-op actors, sent by the host,
/// and between two guests (ping-pong).
struct ThroughputMeasurement {
    var name: String
    var mode: Mode
    var events: Events
    var actors: Int
    var messages: Int
    var messagesPerSecond: Double
}

enum MessagingBenchmark {
    /// The host sends `messages` 8-byte messages round-robin to `actors` no-op actors and
    /// waits until all are handled. In deterministic mode the caller runs the system after
    /// every 10,000 sends; with workers, sending and handling overlap.
    static func hostToActors(mode: Mode, events: Events, actors: Int, messages: Int, options: Options) throws -> ThroughputMeasurement {
        let system = ActorSystem.benchmarked(mode, events: events, options: options)
        defer { system.shutdown() }
        let component = try Fixtures.noop.get()
        let state: [UInt8] = Array(repeating: 7, count: 8)
        var ids: [ActorID] = []
        for _ in 0..<actors {
            ids.append(try system.spawn(ActorDefinition(componentBytes: component, initialState: state, hostInterfaces: [])))
        }
        try system.settle()
        let message: [UInt8] = Array("message!".utf8)
        let batch = 10_000
        let start = nanoseconds()
        var target = 0
        for index in 0..<messages {
            try system.send(to: ids[target], message)
            target += 1
            if target == actors { target = 0 }
            if mode == .deterministic, index % batch == batch - 1 { try system.runUntilQuiescent() }
        }
        try system.settle()
        let elapsed = Double(nanoseconds() - start) / 1e9
        for id in [ids[0], ids[ids.count - 1]] {
            guard try system.status(of: id) == .running, try system.mailboxCount(of: id) == 0 else {
                throw BenchmarkFailure(description: "actor \(id) did not handle its messages")
            }
        }
        return ThroughputMeasurement(
            name: "host → noop", mode: mode, events: events, actors: actors, messages: messages,
            messagesPerSecond: Double(messages) / elapsed)
    }

    /// Two ping-pong actors pass a ball `messages` times (each pass is one `send` from a
    /// guest's handler, which parses and formats the message).
    static func pingPong(mode: Mode, events: Events, messages: Int, options: Options) throws -> ThroughputMeasurement {
        let system = ActorSystem.benchmarked(mode, events: events, options: options)
        defer { system.shutdown() }
        let component = try Fixtures.pingPong.get()
        let first = try system.spawn(ActorDefinition(componentBytes: component, hostInterfaces: [.messageServerHost]))
        let second = try system.spawn(ActorDefinition(componentBytes: component, hostInterfaces: [.messageServerHost]))
        try system.settle()
        let start = nanoseconds()
        try system.send(to: first, Array("ping \(messages - 1) \(second)".utf8))
        try system.settle()
        let elapsed = Double(nanoseconds() - start) / 1e9
        let counts = try [first, second].map { id -> UInt64 in
            guard let state = try system.state(of: id), state.count >= 8 else { return 0 }
            return state.prefix(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
        }
        guard counts.reduce(0, +) == UInt64(messages) else {
            throw BenchmarkFailure(description: "ping-pong handled \(counts) messages, expected \(messages)")
        }
        return ThroughputMeasurement(
            name: "guest → guest (ping-pong)", mode: mode, events: events, actors: 2, messages: messages,
            messagesPerSecond: Double(messages) / elapsed)
    }
}
