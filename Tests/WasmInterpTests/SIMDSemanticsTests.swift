import Foundation
import Testing
@testable import WasmInterp
@testable import WasmSpecTest

/// Outcome of checking the `assert_return` / `assert_trap` commands of the simd scripts
/// against `SIMDSemantics` (through `StraightLineEvaluator`).
private struct SIMDSpecTally {
    var checked = 0
    var mismatches: [String] = []
    /// Commands whose function body the evaluator cannot run (control flow, calls...).
    var unsupported = 0
    var unsupportedReasons: [String: Int] = [:]

    mutating func recordUnsupported(_ reason: String) {
        unsupported += 1
        unsupportedReasons[reason, default: 0] += 1
    }
}

@Suite struct SIMDSemanticsTests {
    /// Every simd spec script: each module is loaded into a `StraightLineEvaluator` and
    /// each `assert_return` / `assert_trap` on it is evaluated and compared lane by lane
    /// (NaN lanes by class: `nan:canonical`, `nan:arithmetic`).
    @Test func simdSpecAssertionsHold() throws {
        guard let directory = SpecSuiteFiles.directory else {
            print("SKIPPED simd semantics: spec suite not found")
            return
        }
        var total = SIMDSpecTally()
        for path in SpecTestRunner.scriptPaths(in: directory, filters: ["simd_"]) {
            let tally = try check(scriptAt: URL(fileURLWithPath: path))
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            print("\(name): \(tally.checked) checked, \(tally.mismatches.count) mismatches, \(tally.unsupported) unsupported")
            total.checked += tally.checked
            total.unsupported += tally.unsupported
            total.mismatches += tally.mismatches.map { "\(name): \($0)" }
            total.unsupportedReasons.merge(tally.unsupportedReasons, uniquingKeysWith: +)
        }
        let reasons = total.unsupportedReasons.sorted { $0.value > $1.value }.prefix(12)
            .map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
        print("simd spec assertions: \(total.checked) checked, \(total.mismatches.count) mismatches, "
            + "\(total.unsupported) not straight-line (\(reasons))")
        #expect(total.mismatches.isEmpty, "\(total.mismatches.prefix(30).joined(separator: "\n"))")
        #expect(total.checked > 24_000)
    }

    private func check(scriptAt url: URL) throws -> SIMDSpecTally {
        let script = try JSONDecoder().decode(SpecScript.self, from: Data(contentsOf: url))
        var tally = SIMDSpecTally()
        var evaluator: StraightLineEvaluator?
        var unsupportedModule = ""
        for command in script.commands {
            switch command.type {
            case "module":
                evaluator = nil
                guard let filename = command.filename else { continue }
                do {
                    let bytes = try [UInt8](Data(contentsOf: url.deletingLastPathComponent().appendingPathComponent(filename)))
                    evaluator = try StraightLineEvaluator(module: Module(bytes: bytes))
                } catch {
                    unsupportedModule = "module: \(error)"
                }
            case "assert_return", "assert_trap", "action":
                guard command.action?.type == "invoke", command.action?.module == nil else { continue }
                guard var current = evaluator else {
                    tally.recordUnsupported(unsupportedModule)
                    continue
                }
                check(command, with: &current, into: &tally)
                evaluator = current
            default:
                continue
            }
        }
        return tally
    }

    private func check(_ command: SpecCommand, with evaluator: inout StraightLineEvaluator, into tally: inout SIMDSpecTally) {
        guard let action = command.action else { return }
        let location = "line \(command.line) \(action.field)"
        do {
            let arguments = try (action.args ?? []).map { try $0.argument() }
            let expected = try (command.expected ?? []).map { try $0.expectation().get() }
            let results: [Value]
            do {
                results = try evaluator.invoke(action.field, arguments)
            } catch let trap as TrapReason {
                tally.checked += 1
                if command.type != "assert_trap" || !(command.text ?? "").contains(trap.description) {
                    tally.mismatches.append("\(location): trapped \(trap), expected \(command.type) \(command.text ?? "")")
                }
                return
            }
            guard command.type != "action" else { return }
            tally.checked += 1
            if command.type == "assert_trap" {
                tally.mismatches.append("\(location): expected trap \(command.text ?? ""), returned \(results)")
                return
            }
            guard results.count == expected.count, zip(expected, results).allSatisfy({ $0.matches($1) }) else {
                let wanted = expected.map(\.description).joined(separator: ", ")
                let got = results.map(SIMDSemanticsTests.describeLanes).joined(separator: ", ")
                tally.mismatches.append("\(location) \(action.args ?? [] ): expected [\(wanted)], got [\(got)]")
                return
            }
        } catch let unsupported as StraightLineEvaluator.Unsupported {
            tally.recordUnsupported(unsupported.description)
        } catch {
            tally.mismatches.append("\(location): \(error)")
        }
    }

    private static func describeLanes(_ value: Value) -> String {
        guard case .v128(let vector) = value else { return value.description }
        return "v128 i32x4 [" + (0..<4).map { "0x" + String(vector.lane($0, as: UInt32.self), radix: 16) }
            .joined(separator: " ") + "]"
    }
}

/// Edge cases pinned down directly, with the lanes spelled out.
@Suite struct SIMDLaneSemanticsTests {
    private func i32x4(_ lanes: UInt32...) -> V128 { V128.lanes(UInt32.self) { lanes[$0] } }
    private func i16x8(_ lanes: Int16...) -> V128 { V128.lanes(Int16.self) { lanes[$0] } }
    private func lanes32(_ vector: V128) -> [UInt32] { (0..<4).map { vector.lane($0, as: UInt32.self) } }
    private func lanes16(_ vector: V128) -> [Int16] { (0..<8).map { vector.lane($0, as: Int16.self) } }

    @Test func pseudoMinimumReturnsTheFirstOperandUnchangedWhenUnordered() throws {
        let signalingNaN: UInt32 = 0x7fa0_0001
        let a = i32x4(signalingNaN, 0x8000_0000, 0x3f80_0000, 0x0000_0000)  // sNaN, -0, 1, +0
        let b = i32x4(0x3f80_0000, 0x0000_0000, signalingNaN, 0x8000_0000)  // 1, +0, sNaN, -0
        #expect(lanes32(try SIMDSemantics.evaluate(.f32x4Pmin, a, b)) == [signalingNaN, 0x8000_0000, 0x3f80_0000, 0])
        #expect(lanes32(try SIMDSemantics.evaluate(.f32x4Pmax, a, b)) == [signalingNaN, 0x8000_0000, 0x3f80_0000, 0])
    }

    @Test func minimumPropagatesNaNAsCanonicalAndOrdersZeros() throws {
        let a = i32x4(0x7fa0_0001, 0x8000_0000, 0x0000_0000, 0x3f80_0000)
        let b = i32x4(0x3f80_0000, 0x0000_0000, 0x8000_0000, 0xffc0_1234)
        #expect(lanes32(try SIMDSemantics.evaluate(.f32x4Min, a, b)) == [0x7fc0_0000, 0x8000_0000, 0x8000_0000, 0x7fc0_0000])
        #expect(lanes32(try SIMDSemantics.evaluate(.f32x4Max, a, b)) == [0x7fc0_0000, 0, 0, 0x7fc0_0000])
    }

    @Test func nearestRoundsTiesToEven() throws {
        let halves = V128.lanes(UInt32.self) { [Float(0.5), 1.5, 2.5, -2.5][$0].bitPattern }
        let rounded = try SIMDSemantics.evaluate(.f32x4Nearest, halves)
        #expect(lanes32(rounded).map { Float(bitPattern: $0) } == [0, 2, 2, -2])
        #expect(lanes32(rounded)[0] == 0 && lanes32(rounded)[3] == Float(-2).bitPattern)
    }

    @Test func truncSatSaturatesAndMapsNaNToZero() throws {
        let inputs = V128.lanes(UInt32.self) { [Float.nan, 5e9, -5e9, -0.9][$0].bitPattern }
        #expect(lanes32(try SIMDSemantics.evaluate(.i32x4TruncSatF32x4S, inputs)) == [0, 0x7fff_ffff, 0x8000_0000, 0])
        #expect(lanes32(try SIMDSemantics.evaluate(.i32x4TruncSatF32x4U, inputs)) == [0, 0xffff_ffff, 0, 0])
    }

    @Test func q15MultiplySaturatesOnlyMinusOneSquared() throws {
        let a = i16x8(.min, .min, 0x4000, -0x4000, 1, 0, 0, 0)
        let b = i16x8(.min, .max, 0x4000, 0x4000, 0x4000, 0, 0, 0)
        #expect(lanes16(try SIMDSemantics.evaluate(.i16x8Q15mulrSatS, a, b)) == [.max, -0x7fff, 0x2000, -0x2000, 1, 0, 0, 0])
    }

    @Test func narrowingSaturatesSignedInputs() throws {
        let a = i16x8(300, -300, 127, -128, 255, 256, -1, 0)
        let signed = try SIMDSemantics.evaluate(.i8x16NarrowI16x8S, a, a)
        let unsigned = try SIMDSemantics.evaluate(.i8x16NarrowI16x8U, a, a)
        #expect((0..<8).map { signed.lane($0, as: Int8.self) } == [127, -128, 127, -128, 127, 127, -1, 0])
        #expect((0..<8).map { unsigned.lane($0, as: UInt8.self) } == [255, 0, 127, 0, 255, 255, 0, 0])
    }

    @Test func dotProductWrapsInItsOneOverflowCase() throws {
        let minimum = i16x8(.min, .min, 2, 3, 0, 0, 0, 0)
        #expect(lanes32(try SIMDSemantics.evaluate(.i32x4DotI16x8S, minimum, minimum)) == [0x8000_0000, 13, 0, 0])
    }

    @Test func shiftCountsAreTakenModuloTheLaneWidth() throws {
        let ones = i32x4(1, 2, 0x8000_0000, 0xffff_ffff)
        #expect(lanes32(try SIMDSemantics.shift(.i32x4Shl, ones, by: 33)) == [2, 4, 0, 0xffff_fffe])
        #expect(lanes32(try SIMDSemantics.shift(.i32x4ShrS, ones, by: 63)) == [0, 0, 0xffff_ffff, 0xffff_ffff])
        #expect(lanes32(try SIMDSemantics.shift(.i32x4ShrU, ones, by: 31)) == [0, 0, 1, 1])
    }

    @Test func bitmaskCollectsSignBits() throws {
        #expect(try SIMDSemantics.test(.i32x4Bitmask, i32x4(0x8000_0000, 1, 0xffff_ffff, 0)) == 0b0101)
        #expect(try SIMDSemantics.test(.i16x8Bitmask, i16x8(-1, 0, 0, 0, 0, 0, 0, -5)) == 0b1000_0001)
        #expect(try SIMDSemantics.test(.i32x4AllTrue, i32x4(1, 2, 3, 0)) == 0)
        #expect(try SIMDSemantics.test(.v128AnyTrue, i32x4(0, 0, 0, 0x100)) == 1)
    }

    @Test func shuffleAndSwizzlePickBytes() {
        let a = V128.lanes(UInt8.self) { UInt8($0) }
        let b = V128.lanes(UInt8.self) { UInt8($0 + 16) }
        let reversed = V128.lanes(UInt8.self) { UInt8(31 - $0) }
        #expect(SIMDSemantics.shuffle(a, b, lanes: reversed) == reversed)
        // Swizzle selectors past 15 (here 16...31) give zero bytes.
        let swizzled = SIMDSemantics.swizzle(a, reversed)
        #expect((0..<16).map { swizzled.lane($0, as: UInt8.self) } == [UInt8](repeating: 0, count: 16))
        #expect(SIMDSemantics.swizzle(b, a) == b)
    }

    @Test func lanesAreExtractedAndReplacedInSlotEncoding() {
        let vector = V128.lanes(Int8.self) { Int8(truncatingIfNeeded: $0 * 17 - 100) }
        #expect(SIMDSemantics.extractLane(.i8x16ExtractLaneS, vector, lane: 0) == 0xffff_ff9c)
        #expect(SIMDSemantics.extractLane(.i8x16ExtractLaneU, vector, lane: 0) == 0x9c)
        let replaced = SIMDSemantics.replaceLane(.i64x2ReplaceLane, vector, lane: 1, with: 0x0123_4567_89ab_cdef)
        #expect(replaced.low == vector.low && replaced.high == 0x0123_4567_89ab_cdef)
        // An out-of-range lane (rejected by validation) wraps around instead of trapping.
        #expect(SIMDSemantics.extractLane(.i32x4ExtractLane, vector, lane: 0xFF) == UInt64(vector.lane(3, as: UInt32.self)))
    }

    @Test func memoryHelpersExtendSplatAndZeroFill() throws {
        let raw: UInt64 = 0x8081_0203_fffe_0100
        let extended = try SIMDSemantics.load(.v128Load16x4S, raw: raw)
        #expect(lanes32(extended) == [0x0100, 0xffff_fffe, 0x0203, 0xffff_8081])
        #expect(try SIMDSemantics.load(.v128Load32Zero, raw: raw) == V128(low: 0xfffe_0100, high: 0))
        #expect(try SIMDSemantics.load(.v128Load16Splat, raw: 0xbeef) == V128.lanes(UInt16.self) { _ in 0xbeef })
        let withLane = try SIMDSemantics.loadLane(.v128Load8Lane, into: .zero, lane: 9, raw: 0x7f)
        #expect(withLane == V128(low: 0, high: 0x7f00))
        #expect(try SIMDSemantics.storedLane(.v128Store16Lane, of: withLane, lane: 4) == 0x7f00)
    }

    @Test func operatorsOfAnotherShapeAreCallerBugs() {
        #expect(throws: TrapReason.unreachable) { try SIMDSemantics.evaluate(.i32x4Add, .zero) }
        #expect(throws: TrapReason.unreachable) { try SIMDSemantics.evaluate(.v128Not, .zero, .zero) }
        #expect(throws: TrapReason.unreachable) { try SIMDSemantics.shift(.i32x4Add, .zero, by: 1) }
        #expect(throws: TrapReason.unreachable) { try SIMDSemantics.load(.v128Store, raw: 0) }
    }

    /// Each operator answers exactly one of the entry points its shape names.
    @Test func everyOperatorIsImplementedForItsShape() throws {
        let sample = V128(low: 0x0123_4567_89ab_cdef, high: 0xfedc_ba98_7654_3210)
        for op in SIMDOperator.allCases {
            switch op.shape {
            case .unary: _ = try SIMDSemantics.evaluate(op, sample)
            case .binary: _ = try SIMDSemantics.evaluate(op, sample, sample)
            case .ternary: _ = try SIMDSemantics.evaluate(op, sample, sample, sample)
            case .test: _ = try SIMDSemantics.test(op, sample)
            case .shift: _ = try SIMDSemantics.shift(op, sample, by: 3)
            case .splat: _ = try SIMDSemantics.splat(op, 7)
            }
        }
    }
}
