import Testing
@testable import ComponentModel
import WasmInterp

/// Stored bytes and flat values compared with what the spec's reference implementation
/// (`design/mvp/canonical-abi/definitions.py`, `store` and `lower_flat` with the
/// deterministic profile) produces for the same values; then lifted back.
@Suite struct CanonicalABIReferenceTests {
    private struct Case {
        var type: ComponentValueType
        var value: ComponentValue
        var bytes: [UInt8]
        var flat: [UInt64]
    }

    private static func record(_ types: ComponentValueType...) -> ComponentValueType {
        .record(types.enumerated().map { .init(name: "f\($0.offset)", type: $0.element) })
    }

    private static let cases: [Case] = [
        Case(type: record(.u8, .u64, .u16), value: .record([.u8(0xAB), .u64(0x1122_3344_5566_7788), .u16(0xBEEF)]),
             bytes: [0xab, 0, 0, 0, 0, 0, 0, 0, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, 0xef, 0xbe, 0, 0, 0, 0, 0, 0],
             flat: [0xab, 0x1122_3344_5566_7788, 0xbeef]),
        Case(type: .option(.f64), value: .option(.f64(1.5)),
             bytes: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xf8, 0x3f],
             flat: [1, 0x3FF8_0000_0000_0000]),
        Case(type: .result(ok: .u8, error: .u64), value: .error(.u64(0x0102_0304_0506_0708)),
             bytes: [1, 0, 0, 0, 0, 0, 0, 0, 8, 7, 6, 5, 4, 3, 2, 1],
             flat: [1, 0x0102_0304_0506_0708]),
        Case(type: .tuple([.bool, .char, .s16]), value: .tuple([.bool(true), .char("\u{1F600}"), .s16(-2)]),
             bytes: [1, 0, 0, 0, 0, 0xf6, 0x01, 0, 0xfe, 0xff, 0, 0],
             flat: [1, 0x1f600, 0xffff_fffe]),
        Case(type: .flags((0..<17).map { "f\($0)" }), value: .flags((0..<17).map { $0 % 3 == 0 }),
             bytes: [0x49, 0x92, 0, 0],
             flat: [0x9249]),
        Case(type: .variant([.u32, .f32, .u64, .f64].enumerated().map { .init(name: "c\($0.offset)", payload: $0.element) }),
             value: .variant(caseIndex: 1, payload: .f32(-1.5)),
             bytes: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xc0, 0xbf, 0, 0, 0, 0],
             flat: [1, 0xbfc0_0000]),
        Case(type: .variant((0..<257).map { .init(name: "c\($0)", payload: .u8) }),
             value: .variant(caseIndex: 256, payload: .u8(0x7F)),
             bytes: [0, 1, 0x7f, 0],
             flat: [0x100, 0x7f]),
    ]

    @Test func storedBytesMatchTheReferenceImplementation() throws {
        let guest = try CanonicalABITestGuest()
        let memory = GuestMemory(memory: try guest.memory)
        for (index, testCase) in Self.cases.enumerated() {
            let layout = try CanonicalTypeLayout(testCase.type)
            #expect(layout.size == UInt32(testCase.bytes.count), "case \(index)")
            let address = 60000
            try guest.poke(Array(repeating: 0, count: 32), at: address)
            var writer = CanonicalWriter(memory: memory, address: UInt64(address), context: guest.context())
            try writer.write(testCase.value, as: layout)
            #expect(try guest.peek(testCase.bytes.count, at: address) == testCase.bytes, "case \(index)")
            var reader = CanonicalReader(memory: memory, address: UInt64(address), context: guest.context())
            #expect(try reader.read(layout) == testCase.value, "case \(index)")
        }
    }

    @Test func flatValuesMatchTheReferenceImplementation() throws {
        let guest = try CanonicalABITestGuest()
        for (index, testCase) in Self.cases.enumerated() {
            let layout = try CanonicalTypeLayout(testCase.type)
            var writer = CanonicalWriter(flatCapacity: 4, context: guest.context())
            try writer.write(testCase.value, as: layout)
            #expect(writer.slots == testCase.flat, "case \(index)")
            var reader = CanonicalReader(flat: testCase.flat, context: guest.context())
            #expect(try reader.read(layout) == testCase.value, "case \(index)")
        }
    }
}
