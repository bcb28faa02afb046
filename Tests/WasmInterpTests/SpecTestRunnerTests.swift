import Foundation
import Testing
import WasmInterp
@testable import WasmSpecTest

/// The runner's own logic: reading JSON values and matching results.
@Suite struct SpecTestRunnerTests {
    private func expectation(_ type: String, _ value: String) throws -> ExpectedResult {
        let json = #"{"type":"\#(type)","value":"\#(value)"}"#
        let specValue = try JSONDecoder().decode(SpecValue.self, from: Data(json.utf8))
        return try specValue.expectation().get()
    }

    @Test func integersAcceptUnsignedAndNegativeSpellings() throws {
        #expect(try expectation("i32", "4294967295").matches(.i32(0xFFFF_FFFF)))
        #expect(try expectation("i32", "-1").matches(.i32(0xFFFF_FFFF)))
        #expect(try expectation("i64", "-9223372036854775808").matches(.i64(1 << 63)))
        #expect(try !expectation("i32", "1").matches(.i64(1)))
        #expect(throws: SpecCommandFailure.self) { try expectation("i32", "4294967296") }
        #expect(throws: SpecCommandFailure.self) { try expectation("i32", "-2147483649") }
    }

    @Test func floatsCompareByBitPattern() throws {
        let negativeZero = try expectation("f32", "2147483648")
        #expect(negativeZero.matches(.f32(0x8000_0000)))
        #expect(!negativeZero.matches(.f32(0)))
        #expect(try expectation("f64", "9221120237041090561").matches(.f64(0x7FF8_0000_0000_0001)))
        #expect(try !expectation("f64", "9221120237041090561").matches(.f64(0x7FF8_0000_0000_0000)))
    }

    @Test func canonicalNaNIsQuietWithZeroPayloadEitherSign() throws {
        let canonical = try expectation("f32", "nan:canonical")
        #expect(canonical.matches(.f32(0x7FC0_0000)))
        #expect(canonical.matches(.f32(0xFFC0_0000)))
        #expect(!canonical.matches(.f32(0x7FC0_0001)))
        #expect(!canonical.matches(.f32(0x7F80_0001)))
        #expect(!canonical.matches(.f64(0x7FF8_0000_0000_0000)))
        let canonical64 = try expectation("f64", "nan:canonical")
        #expect(canonical64.matches(.f64(0xFFF8_0000_0000_0000)))
        #expect(!canonical64.matches(.f64(0x7FF8_0000_0000_0001)))
    }

    @Test func arithmeticNaNNeedsOnlyTheQuietBit() throws {
        let arithmetic = try expectation("f64", "nan:arithmetic")
        #expect(arithmetic.matches(.f64(0x7FF8_0000_0000_0001)))
        #expect(arithmetic.matches(.f64(0xFFFC_0000_0000_0000)))
        #expect(!arithmetic.matches(.f64(0x7FF0_0000_0000_0001)))
        #expect(!arithmetic.matches(.f64(0x7FF0_0000_0000_0000)))
        #expect(try expectation("f32", "nan:arithmetic").matches(.f32(0xFFE0_0000)))
    }

    @Test func referencesMatchNullExternAndAnyFunction() throws {
        #expect(try expectation("externref", "null").matches(.ref(.null(.externref))))
        #expect(try !expectation("externref", "null").matches(.ref(.null(.funcref))))
        #expect(try expectation("externref", "3").matches(.ref(.extern(3))))
        #expect(try !expectation("externref", "3").matches(.ref(.extern(4))))
        #expect(try expectation("funcref", "null").matches(.ref(.null(.funcref))))
        let anyFunction = try JSONDecoder().decode(SpecValue.self, from: Data(#"{"type":"funcref"}"#.utf8))
        #expect(try anyFunction.expectation().get().matches(.ref(.function(5))))
        #expect(try !anyFunction.expectation().get().matches(.ref(.null(.funcref))))
    }

    private func vectorExpectation(_ laneType: String, _ lanes: [String]) throws -> ExpectedResult {
        let laneList = lanes.map { "\"\($0)\"" }.joined(separator: ",")
        let json = #"{"type":"v128","lane_type":"\#(laneType)","value":[\#(laneList)]}"#
        return try JSONDecoder().decode(SpecValue.self, from: Data(json.utf8)).expectation().get()
    }

    @Test func vectorLanesAreLittleEndianLowestLaneFirst() throws {
        let lanes = try vectorExpectation("i16", ["1", "-1", "0", "0", "0", "0", "0", "32768"])
        let bytes: [UInt8] = [1, 0, 0xFF, 0xFF] + Array(repeating: 0, count: 10) + [0x00, 0x80]
        #expect(lanes.matches(.v128(V128(bytes: bytes))))
        #expect(!lanes.matches(.v128(V128(bytes: Array(bytes.reversed())))))
        #expect(try vectorExpectation("i8", Array(repeating: "-1", count: 16)).matches(.v128(V128(low: .max, high: .max))))
        #expect(throws: SpecCommandFailure.self) { try vectorExpectation("i32", ["1", "2"]) }
    }

    @Test func vectorNaNLanesMatchPerLane() throws {
        let expected = try vectorExpectation("f32", ["nan:canonical", "1065353216", "nan:arithmetic", "0"])
        let matching = V128(low: 0x3F80_0000_7FC0_0000, high: 0x0000_0000_FFE0_0001)
        #expect(expected.matches(.v128(matching)))
        let payloadInCanonicalLane = V128(low: 0x3F80_0000_7FC0_0001, high: 0x0000_0000_FFE0_0001)
        #expect(!expected.matches(.v128(payloadInCanonicalLane)))
    }

    @Test func vectorCommandsAreSkippedWhenSIMDIsOff() throws {
        let json = #"""
            {"commands":[{"type":"assert_return","line":3,
              "action":{"type":"invoke","field":"f","args":[{"type":"v128","lane_type":"i32","value":["0","0","0","0"]}]},
              "expected":[]}]}
            """#
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spec-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("vectors.json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        var runner = SpecTestRunner()
        runner.runsSIMD = false
        let result = runner.run(file: path)
        #expect(result.name == "vectors")
        #expect((result.passed, result.failed, result.skipped) == (0, 0, 1))
    }

    @Test func unreadableScriptIsAFailure() {
        let result = SpecTestRunner().run(file: "/no/such/script.json")
        #expect(result.failed == 1)
        #expect(result.failures.first?.contains("cannot read script") == true)
    }
}
