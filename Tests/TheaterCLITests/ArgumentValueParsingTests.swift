import Testing
@testable import WasmInterp
@testable import TheaterCLI

@Suite struct ArgumentValueParsingTests {
    @Test func integersAcceptSignedUnsignedAndHex() {
        #expect(ArgumentValueParsing.value("-1", as: .i32) == .i32(0xFFFF_FFFF))
        #expect(ArgumentValueParsing.value("4294967295", as: .i32) == .i32(0xFFFF_FFFF))
        #expect(ArgumentValueParsing.value("-2147483648", as: .i32) == .i32(0x8000_0000))
        #expect(ArgumentValueParsing.value("0x7fffffff", as: .i32) == .i32(0x7FFF_FFFF))
        #expect(ArgumentValueParsing.value("-0x1", as: .i64) == .i64(.max))
        #expect(ArgumentValueParsing.value("18446744073709551615", as: .i64) == .i64(.max))
        #expect(ArgumentValueParsing.value("-9223372036854775808", as: .i64) == .i64(1 << 63))
    }

    @Test(arguments: ["4294967296", "-2147483649", "", "-", "0x", "12abc", "--1", "+-1", "1.5", "0x1_0"])
    func integersRejectOutOfRangeAndGarbage(_ text: String) {
        #expect(ArgumentValueParsing.value(text, as: .i32) == nil)
    }

    @Test func floatsAcceptDecimalNaNAndInfinities() {
        #expect(ArgumentValueParsing.value("1.5", as: .f32) == .f32(Float(1.5).bitPattern))
        #expect(ArgumentValueParsing.value("-inf", as: .f64) == .f64((-Double.infinity).bitPattern))
        #expect(ArgumentValueParsing.value("inf", as: .f32) == .f32(Float.infinity.bitPattern))
        guard case .f64(let bits)? = ArgumentValueParsing.value("nan", as: .f64) else {
            Issue.record("nan did not parse")
            return
        }
        #expect(Double(bitPattern: bits).isNaN)
        #expect(ArgumentValueParsing.value("one", as: .f32) == nil)
    }

    @Test func vectorsRoundTripThroughTheirDescription() {
        let text = "0x000102030405060708090a0b0c0d0e0f"
        let value = ArgumentValueParsing.value(text, as: .v128)
        #expect(value == .v128(V128(bytes: Array(0...15))))
        #expect(value?.description == text)
        #expect(ArgumentValueParsing.value("0x0001", as: .v128) == nil)
        #expect(ArgumentValueParsing.value("0x000102030405060708090a0b0c0d0e0g", as: .v128) == nil)
    }

    @Test func referencesAcceptNullAndExternNumbers() {
        #expect(ArgumentValueParsing.value("null", as: .funcref) == .ref(.null(.funcref)))
        #expect(ArgumentValueParsing.value("7", as: .externref) == .ref(.extern(7)))
        #expect(ArgumentValueParsing.value("7", as: .funcref) == nil)
    }

    @Test func traceLineNamesFunctionOffsetInstructionAndOperands() {
        let event = TraceEvent(functionIndex: 3, functionName: nil, offset: 0x2A, instruction: "i32.add", operands: [1, 2])
        #expect(WasmRunCommand.traceLine(event) == "func[3] @0x2a: i32.add 1 2")
    }
}

@Suite struct BacktraceFormattingTests {
    @Test func repeatedFramesCollapseIntoOneLine() {
        let recurse = BacktraceFrame(functionIndex: 6, functionName: "recurse", offset: 0xCB)
        let caller = BacktraceFrame(functionIndex: 1, functionName: nil, offset: 0x10)
        let lines = WasmRunCommand.backtraceLines(Array(repeating: recurse, count: 1000) + [caller])
        #expect(lines == ["  0: recurse @ 0xcb (1000 frames)", "  1000: func[1] @ 0x10"])
    }
}
