import Foundation
import Testing

@testable import ActorSystem

/// Host request round trips through the counter, with and without a request timeout (the
/// timeout adds a scheduler timer per request, cancelled by the reply). Prints the time
/// per round trip; run in release for numbers (`swift test -c release --filter
/// RequestRoundTripTests`).
@Suite struct RequestRoundTripTests {
    #if DEBUG
    static let requestCount = 2_000
    #else
    static let requestCount = 200_000
    #endif

    private func roundTrips(timeout: UInt64?) throws -> Double {
        var configuration = ActorSystemConfiguration.deterministic
        configuration.eventRetention = .none
        configuration.defaultLimits.requestTimeoutMilliseconds = timeout
        let system = ActorSystem(configuration: configuration)
        let counter = try system.spawn(ActorDefinition(componentBytes: ActorFixtures.counter()))
        try system.runUntilQuiescent()
        let started = Date()
        for _ in 0..<Self.requestCount {
            let reply = try system.submitRequest(to: counter, bytes("x"))
            try system.runUntilQuiescent()
            guard reply.result == .success(bytes("x")) else { throw ActorSystemError.requestFailed("\(String(describing: reply.result))") }
        }
        let start = system.now
        try system.runUntilQuiescent()
        // Every timeout was cancelled: the virtual clock has nothing to run to.
        #expect(system.now == start)
        return Date().timeIntervalSince(started) / Double(Self.requestCount) * 1e6
    }

    @Test func repliedRequestsCancelTheirTimeoutsAndPrintTheRoundTripTime() throws {
        var without: [Double] = []
        var with: [Double] = []
        for _ in 0..<3 {
            without.append(try roundTrips(timeout: nil))
            with.append(try roundTrips(timeout: 30_000))
        }
        let medianWithout = without.sorted()[1]
        let medianWith = with.sorted()[1]
        print(String(format: "host request round trip: %.2f µs without a timeout, %.2f µs with one", medianWithout, medianWith))
    }
}
