import Testing

@testable import ActorSystem

@Suite struct PingPongTests {
    /// The ping-pong fixture reads `send`'s result discriminant, which the canonical ABI
    /// writes as one byte: a long exchange must never see an ok result as an error.
    @Test func aLongPingPongExchangeCompletesOnBothSides() throws {
        let system = ActorSystem(configuration: .deterministic)
        let pingPong = try ActorFixtures.bytes("ping-pong", in: "actors")
        let interfaces: Set<HostInterfaceName> = [.runtime, .messageServerHost]
        let first = try system.spawn(ActorDefinition(componentBytes: pingPong, name: "a", hostInterfaces: interfaces))
        let second = try system.spawn(ActorDefinition(componentBytes: pingPong, name: "b", hostInterfaces: interfaces))
        try system.send(to: first, bytes("ping 50 b"))
        try system.runUntilQuiescent()
        #expect(try system.state(of: first).map(count) == 26)
        #expect(try system.state(of: second).map(count) == 25)
    }

    /// The exchange count: the state's first 8 bytes, little-endian.
    private func count(_ state: [UInt8]) -> UInt64 {
        state.prefix(8).enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }
}
