import ActorSystem

/// Request round trips: from the host to a no-op actor, and from a guest (the requester
/// actor, inside its handler) to a no-op actor.
struct RoundTripMeasurement {
    var name: String
    var mode: Mode
    var events: Events
    var requests: Int
    var medianMicroseconds: Double
    var p99Microseconds: Double
    var meanMicroseconds: Double
}

enum RequestBenchmark {
    /// The host submits one request at a time and waits for its reply: in deterministic
    /// mode by running the system, with workers by polling the reply (a spinning host
    /// thread, so one core is busy waiting).
    static func hostToActor(mode: Mode, events: Events, requests: Int, options: Options) throws -> RoundTripMeasurement {
        let system = ActorSystem.benchmarked(mode, events: events, options: options)
        defer { system.shutdown() }
        let target = try system.spawn(
            ActorDefinition(componentBytes: try Fixtures.noop.get(), initialState: Array(repeating: 7, count: 8), hostInterfaces: []))
        try system.settle()
        let message: [UInt8] = Array("ping".utf8)
        var times: [Double] = []
        times.reserveCapacity(requests)
        let start = nanoseconds()
        for _ in 0..<requests {
            let sent = nanoseconds()
            let reply = try system.submitRequest(to: target, message)
            if mode == .deterministic {
                try system.runUntilQuiescent()
            } else {
                while reply.result == nil {}
            }
            times.append(Double(nanoseconds() - sent) / 1_000)
            guard case .success(let bytes)? = reply.result, bytes == message else {
                throw BenchmarkFailure(description: "request failed: \(String(describing: reply.result))")
            }
        }
        let total = Double(nanoseconds() - start) / 1_000
        return RoundTripMeasurement(
            name: "host → noop", mode: mode, events: events, requests: requests, medianMicroseconds: median(times),
            p99Microseconds: percentile(times, 0.99), meanMicroseconds: total / Double(requests))
    }

    /// The host sends `requests` messages to the requester actor, each of which makes it
    /// request from a no-op actor inside its handler (suspending until the reply); the
    /// time per message is one `handle-send` of the requester plus one round trip. Only
    /// the mean is known (the messages are in flight together).
    static func guestToActor(mode: Mode, events: Events, requests: Int, options: Options) throws -> RoundTripMeasurement {
        let system = ActorSystem.benchmarked(mode, events: events, options: options)
        defer { system.shutdown() }
        let responder = try system.spawn(
            ActorDefinition(componentBytes: try Fixtures.noop.get(), initialState: Array(repeating: 7, count: 8), hostInterfaces: []))
        let requester = try system.spawn(
            ActorDefinition(componentBytes: try Fixtures.requester.get(), hostInterfaces: [.messageServerHost]))
        try system.settle()
        let message = Array("\(responder):ping".utf8)
        let batch = 10_000
        let start = nanoseconds()
        for index in 0..<requests {
            try system.send(to: requester, message)
            if mode == .deterministic, index % batch == batch - 1 { try system.runUntilQuiescent() }
        }
        try system.settle()
        let total = Double(nanoseconds() - start) / 1_000
        guard try system.state(of: requester) == Array("ping".utf8) else {
            throw BenchmarkFailure(description: "the requester's state is \(String(describing: try system.state(of: requester)))")
        }
        let mean = total / Double(requests)
        return RoundTripMeasurement(
            name: "requester → noop (send + request)", mode: mode, events: events, requests: requests,
            medianMicroseconds: mean, p99Microseconds: .nan, meanMicroseconds: mean)
    }
}
