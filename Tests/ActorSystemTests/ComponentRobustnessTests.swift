import Foundation
import Testing

@testable import ActorSystem

/// Hostile components must end in a spawn error or a crash the system reports, never in a
/// crashed process: mutated actor components go through decoding, type checking, import
/// checks, instantiation, `init`, a message and a request.
@Suite struct ComponentRobustnessTests {
    /// Rounds per run; `THEATER_FUZZ_ROUNDS` raises it for a long search outside CI.
    private static let rounds = ProcessInfo.processInfo.environment["THEATER_FUZZ_ROUNDS"].flatMap { Int($0) } ?? 1_500

    @Test func mutatedActorComponentsNeverCrashTheProcess() throws {
        let seeds = try [
            ActorFixtures.counter(), ActorFixtures.bytes("probe"),
            ActorFixtures.bytes("echo", in: "actors"), ActorFixtures.bytes("requester", in: "actors"),
            ActorFixtures.bytes("trapper", in: "actors"), ActorFixtures.bytes("minimal", in: "actors"),
        ]
        var generator = SplitMix64(seed: 0xBAD_C0DE)
        var outcomes = [String: Int]()
        for round in 0..<Self.rounds {
            var component = seeds[round % seeds.count]
            Self.mutate(&component, using: &generator)
            outcomes[try Self.run(component), default: 0] += 1
        }
        print("component robustness outcomes: \(outcomes.sorted { $0.key < $1.key })")
        // Each stage is reached, so the mutations exercise more than the first check.
        #expect((outcomes["rejected"] ?? 0) > 0)
        #expect((outcomes["ran"] ?? 0) > 0)
    }

    /// Spawns the component, sends it a message and a request, and runs the system until
    /// nothing is left to do; returns how far it got. Every chain must still verify.
    private static func run(_ component: [UInt8]) throws -> String {
        let system = ActorSystem(configuration: .deterministic)
        defer { system.shutdown() }
        let limits = ActorLimits(
            fuelPerMessage: 200_000, maxMemoryPages: 32, maxCallDepth: 500, mailboxCapacity: 16,
            requestTimeoutMilliseconds: 1_000)
        let definition = ActorDefinition(
            componentBytes: component, name: "fuzzed", initialState: Array("0".utf8),
            hostInterfaces: Probe.interfaces, limits: limits)
        let id: ActorID
        do {
            id = try system.spawn(definition)
        } catch {
            return "rejected"
        }
        try? system.send(to: id, Array("append:x".utf8))
        let reply = try? system.submitRequest(to: id, Array("echo me".utf8))
        try system.runUntilQuiescent()
        _ = reply?.result
        let verification = try system.verifyEvents(of: id)
        if case .failure(let failure) = verification { Issue.record("the chain does not verify: \(failure)") }
        return "ran"
    }

    /// One to four edits: bit flips, random bytes, truncation, a dropped or repeated range.
    private static func mutate(_ bytes: inout [UInt8], using generator: inout SplitMix64) {
        for _ in 0..<(1 + Int(generator.next() % 4)) {
            guard !bytes.isEmpty else { return }
            let index = Int(generator.next() % UInt64(bytes.count))
            let length = min(bytes.count - index, 1 + Int(generator.next() % 16))
            switch generator.next() % 6 {
            case 0: bytes[index] ^= UInt8(1) << (generator.next() % 8)
            case 1: bytes[index] = UInt8(truncatingIfNeeded: generator.next())
            case 2: bytes.removeSubrange(index...)
            case 3: bytes.removeSubrange(index..<(index + length))
            case 4: bytes.insert(contentsOf: bytes[index..<(index + length)], at: index)
            default: bytes[index] = [0x00, 0x7F, 0x80, 0xFF][Int(generator.next() % 4)]
            }
        }
    }
}
