import Testing
@testable import ComponentModel
import WasmInterp

/// Values of every type sent through a real guest and back: lowered flat by the host
/// into an export, lifted flat by a lowered import the guest forwards them to, stored by
/// that import into the guest's return area, and loaded from the export's result.
@Suite struct CanonicalABIRoundTripTests {
    private func expectRoundTrip(
        _ value: ComponentValue, as type: ComponentValueType, encoding: CanonicalStringEncoding = .utf8,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let guest = try CanonicalABITestGuest(encoding: encoding)
        let (received, returned) = try guest.roundTrip(value, as: type)
        #expect(received == value, "the import received", sourceLocation: sourceLocation)
        #expect(returned == value, "the export returned", sourceLocation: sourceLocation)
    }

    private func record(_ fields: (String, ComponentValueType)...) -> ComponentValueType {
        .record(fields.map { .init(name: $0.0, type: $0.1) })
    }

    @Test func integersRoundTripAtTheirLimits() throws {
        try expectRoundTrip(.bool(true), as: .bool)
        try expectRoundTrip(.bool(false), as: .bool)
        try expectRoundTrip(.s8(-128), as: .s8)
        try expectRoundTrip(.u8(255), as: .u8)
        try expectRoundTrip(.s16(-32768), as: .s16)
        try expectRoundTrip(.u16(65535), as: .u16)
        try expectRoundTrip(.s32(.min), as: .s32)
        try expectRoundTrip(.u32(.max), as: .u32)
        try expectRoundTrip(.s64(.min), as: .s64)
        try expectRoundTrip(.u64(.max), as: .u64)
    }

    @Test func floatsRoundTripAndNaNBecomesTheCanonicalNaN() throws {
        try expectRoundTrip(.f32(1.5), as: .f32)
        try expectRoundTrip(.f32(-.infinity), as: .f32)
        try expectRoundTrip(.f64(-0.0), as: .f64)
        try expectRoundTrip(.f64(.pi), as: .f64)
        let guest = try CanonicalABITestGuest()
        let (_, returned) = try guest.roundTrip(.f32(Float(bitPattern: 0xFFC0_1234)), as: .f32)
        guard case .f32(let nan)? = returned else { Issue.record("not an f32: \(String(describing: returned))"); return }
        #expect(nan.bitPattern == 0x7FC0_0000)
        let (_, returned64) = try guest.roundTrip(.f64(Double(bitPattern: 0xFFF8_0000_0000_0001)), as: .f64)
        guard case .f64(let nan64)? = returned64 else { Issue.record("not an f64"); return }
        #expect(nan64.bitPattern == 0x7FF8_0000_0000_0000)
    }

    @Test func charsRoundTrip() throws {
        try expectRoundTrip(.char("😀"), as: .char)
        try expectRoundTrip(.char("\u{0}"), as: .char)
        try expectRoundTrip(.char("\u{10FFFF}"), as: .char)
    }

    @Test func flagsRoundTripInEachStorageWidth() throws {
        for count in [3, 9, 17, 32] {
            let labels = (0..<count).map { "f\($0)" }
            let flags = (0..<count).map { $0 % 3 == 0 || $0 == count - 1 }
            try expectRoundTrip(.flags(flags), as: .flags(labels))
        }
    }

    @Test func enumsRoundTrip() throws {
        try expectRoundTrip(.enum(caseIndex: 2), as: .enum(["red", "green", "blue"]))
        try expectRoundTrip(.enum(caseIndex: 300), as: .enum((0..<400).map { "c\($0)" }))
    }

    @Test func stringsRoundTripInEveryEncoding() throws {
        let strings = ["", "hello", "café", "héllo wörld 😀", "€uro", String(repeating: "ÿ", count: 300)]
        for encoding in [CanonicalStringEncoding.utf8, .utf16, .latin1UTF16] {
            for string in strings { try expectRoundTrip(.string(string), as: .string, encoding: encoding) }
        }
    }

    @Test func listsRoundTrip() throws {
        try expectRoundTrip(.bytes([0, 1, 255]), as: .list(.u8))
        try expectRoundTrip(.bytes([]), as: .list(.u8))
        try expectRoundTrip(.bytes(Array(repeating: 7, count: 100_000)), as: .list(.u8))
        try expectRoundTrip(.list([.string("a"), .string("bc"), .string("")]), as: .list(.string))
        try expectRoundTrip(.list([.u32(1), .u32(.max)]), as: .list(.u32))
        try expectRoundTrip(.list([.bytes([1]), .bytes([]), .bytes([2, 3])]), as: .list(.list(.u8)))
        try expectRoundTrip(
            .list([.tuple([.u8(1), .u64(2)]), .tuple([.u8(3), .u64(.max)])]), as: .list(.tuple([.u8, .u64])))
        try expectRoundTrip(.list([.option(.s16(-2)), .option(nil)]), as: .list(.option(.s16)))
        try expectRoundTrip(.list([.option(.f32(2.5)), .option(nil)]), as: .list(.option(.f32)))
        try expectRoundTrip(.list([.char("a"), .char("😀")]), as: .list(.char))
        try expectRoundTrip(.list([.bool(true), .bool(false)]), as: .list(.bool))
    }

    @Test func aListOfU8MayBeGivenElementByElement() throws {
        let guest = try CanonicalABITestGuest()
        let (received, returned) = try guest.roundTrip(.list([.u8(4), .u8(5)]), as: .list(.u8))
        #expect(received == .bytes([4, 5]))
        #expect(returned == .bytes([4, 5]))
    }

    @Test func optionsAndResultsRoundTrip() throws {
        try expectRoundTrip(.option(nil), as: .option(.list(.u8)))
        try expectRoundTrip(.option(.bytes([9, 8])), as: .option(.list(.u8)))
        let actorResult = ComponentValueType.result(ok: .tuple([.option(.list(.u8))]), error: .string)
        try expectRoundTrip(.ok(.tuple([.option(.bytes([1, 2, 3]))])), as: actorResult)
        try expectRoundTrip(.ok(.tuple([.option(nil)])), as: actorResult)
        try expectRoundTrip(.error(.string("failed")), as: actorResult)
        try expectRoundTrip(.ok(nil), as: .result(ok: nil, error: .string))
        try expectRoundTrip(.error(.string("no")), as: .result(ok: nil, error: .string))
        // ok(u32) and error(f32) share one i32 slot.
        try expectRoundTrip(.ok(.u32(0xDEAD_BEEF)), as: .result(ok: .u32, error: .f32))
        try expectRoundTrip(.error(.f32(-3.25)), as: .result(ok: .u32, error: .f32))
    }

    @Test func recordsAndTuplesRoundTrip() throws {
        try expectRoundTrip(
            .record([.u8(7), .string("name"), .f64(2.5)]), as: record(("a", .u8), ("b", .string), ("c", .f64)))
        try expectRoundTrip(.tuple([.char("x"), .s8(-1), .u16(9)]), as: .tuple([.char, .s8, .u16]))
    }

    @Test func variantCasesRoundTripThroughJoinedSlots() throws {
        let type = ComponentValueType.variant([
            .init(name: "a", payload: .u32), .init(name: "b", payload: .f32), .init(name: "c", payload: .u64),
            .init(name: "d", payload: .f64), .init(name: "e", payload: .string), .init(name: "f", payload: nil),
        ])
        try expectRoundTrip(.variant(caseIndex: 0, payload: .u32(.max)), as: type)
        try expectRoundTrip(.variant(caseIndex: 1, payload: .f32(-1.5)), as: type)
        try expectRoundTrip(.variant(caseIndex: 2, payload: .u64(.max)), as: type)
        try expectRoundTrip(.variant(caseIndex: 3, payload: .f64(1e300)), as: type)
        try expectRoundTrip(.variant(caseIndex: 4, payload: .string("payload")), as: type)
        try expectRoundTrip(.variant(caseIndex: 5, payload: nil), as: type)
    }

    @Test func valuesThatDoNotMatchTheirTypeAreRejected() throws {
        let guest = try CanonicalABITestGuest()
        let mismatches: [(ComponentValue, ComponentValueType)] = [
            (.u32(1), .string), (.bytes([1]), .list(.u16)), (.record([.u8(1)]), .tuple([.u8])),
            (.flags([true]), .flags(["a", "b"])), (.variant(caseIndex: 3, payload: nil), .enum(["a"])),
            (.enum(caseIndex: 5), .enum(["a", "b"])), (.option(.u8(1)), .option(.u16)),
            (.variant(caseIndex: 0, payload: nil), .variant([.init(name: "a", payload: .u8)])),
        ]
        for (value, type) in mismatches {
            var writer = CanonicalWriter(flatCapacity: 4, context: guest.context())
            do {
                try writer.write(value, as: CanonicalTypeLayout(type))
                Issue.record("\(value) was lowered as \(type)")
            } catch {
                guard case .valueDoesNotMatchType = error else { Issue.record("\(value) as \(type): \(error)"); continue }
            }
        }
    }
}
