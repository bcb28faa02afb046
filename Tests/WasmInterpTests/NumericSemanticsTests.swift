import Foundation
import Testing
@testable import WasmInterp

private typealias N = NumericSemantics

private func f32Bits(_ x: Float) -> UInt64 { UInt64(x.bitPattern) }
private func f64Bits(_ x: Double) -> UInt64 { x.bitPattern }

/// The trap `body` throws, nil if it returns (any other error would fail the comparison).
private func trapReason(_ body: () throws -> Void) -> TrapReason? {
    do {
        try body()
        return nil
    } catch let reason as TrapReason {
        return reason
    } catch {
        return .hostError("not a trap: \(error)")
    }
}

// MARK: - Integers

@Suite struct IntegerSemanticsTests {
    @Test func signedDivisionTrapsOnZeroAndOverflow() {
        #expect(trapReason { _ = try N.i32DivS(1, 0) } == .integerDivideByZero)
        #expect(trapReason { _ = try N.i32DivS(.min, -1) } == .integerOverflow)
        #expect(trapReason { _ = try N.i64DivS(.min, -1) } == .integerOverflow)
        #expect(trapReason { _ = try N.i64DivS(7, 0) } == .integerDivideByZero)
        #expect((try? N.i32DivS(-7, 2)) == -3)
        #expect((try? N.i64DivS(.min, 2)) == Int64.min / 2)
    }

    @Test func signedRemainderOfMinByMinusOneIsZero() {
        #expect((try? N.i32RemS(.min, -1)) == 0)
        #expect((try? N.i64RemS(.min, -1)) == 0)
        #expect((try? N.i32RemS(-7, 2)) == -1)
        #expect(trapReason { _ = try N.i32RemS(.min, 0) } == .integerDivideByZero)
        #expect(trapReason { _ = try N.i64RemS(1, 0) } == .integerDivideByZero)
    }

    @Test func unsignedDivisionAndRemainderTrapOnZero() {
        #expect(trapReason { _ = try N.i32DivU(1, 0) } == .integerDivideByZero)
        #expect(trapReason { _ = try N.i32RemU(1, 0) } == .integerDivideByZero)
        #expect(trapReason { _ = try N.i64DivU(1, 0) } == .integerDivideByZero)
        #expect(trapReason { _ = try N.i64RemU(1, 0) } == .integerDivideByZero)
        #expect((try? N.i32DivU(0x8000_0000, UInt32.max)) == 0)
        #expect((try? N.i64RemU(UInt64.max, 10)) == 5)
    }

    @Test func arithmeticWraps() {
        #expect(N.i32Add(UInt32.max, 1) == 0)
        #expect(N.i32Sub(0, 1) == UInt32.max)
        #expect(N.i32Mul(0x8000_0000, 2) == 0)
        #expect(N.i64Mul(0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210) == 0x2236_d88f_e561_8cf0)
    }

    @Test func shiftCountsAreTakenModuloTheWidth() {
        #expect(N.i32Shl(1, 32) == 1)
        #expect(N.i32Shl(1, 33) == 2)
        #expect(N.i32ShrS(-8, 33) == -4)
        #expect(N.i32ShrU(0x8000_0000, 63) == 1)
        #expect(N.i64Shl(1, 64) == 1)
        #expect(N.i64ShrS(.min, 127) == -1)
        #expect(N.i64ShrU(UInt64.max, 0xffff_ffff_ffff_ffc1) == UInt64.max >> 1)
    }

    @Test func rotationsWrapAroundAndTakeCountModuloTheWidth() {
        #expect(N.i32Rotl(0x8000_0001, 1) == 3)
        #expect(N.i32Rotl(0x1234_5678, 0) == 0x1234_5678)
        #expect(N.i32Rotl(0x1234_5678, 32) == 0x1234_5678)
        #expect(N.i32Rotr(1, 1) == 0x8000_0000)
        #expect(N.i32Rotr(0xabcd_0000, 0xffff_fff0) == 0x0000_abcd)
        #expect(N.i64Rotl(0x8000_0000_0000_0001, 65) == 3)
        #expect(N.i64Rotr(1, 64) == 1)
        #expect(N.i64Rotr(1, 63) == 2)
    }

    @Test func bitCounts() {
        #expect(N.i32Clz(0) == 32)
        #expect(N.i32Ctz(0) == 32)
        #expect(N.i32Clz(1) == 31)
        #expect(N.i32Ctz(0x8000_0000) == 31)
        #expect(N.i32Popcnt(UInt32.max) == 32)
        #expect(N.i64Clz(0) == 64)
        #expect(N.i64Ctz(0) == 64)
        #expect(N.i64Popcnt(0x00ff_00ff_00ff_00ff) == 32)
    }

    @Test func signExtensions() {
        #expect(N.i32Extend8S(0x80) == -128)
        #expect(N.i32Extend8S(0xffff_ff7f) == 127)
        #expect(N.i32Extend16S(0x8000) == -32768)
        #expect(N.i64Extend8S(0x1_0000_00ff) == -1)
        #expect(N.i64Extend16S(0x7fff) == 32767)
        #expect(N.i64Extend32S(0x8000_0000) == Int64(Int32.min))
        #expect(N.i64ExtendI32S(0xffff_ffff) == -1)
        #expect(N.i64ExtendI32U(0xffff_ffff) == 0xffff_ffff)
        #expect(N.i32WrapI64(0x1234_5678_9abc_def0) == 0x9abc_def0)
    }

    @Test func comparisonsProduceZeroOrOne() throws {
        #expect(try N.evaluateBinary(.i32LtS, 0xffff_ffff, 0) == 1)
        #expect(try N.evaluateBinary(.i32LtU, 0xffff_ffff, 0) == 0)
        #expect(try N.evaluateBinary(.i64GeS, UInt64.max, 0) == 0)
        #expect(try N.evaluateBinary(.i64GeU, UInt64.max, 0) == 1)
        #expect(try N.evaluateUnary(.i32Eqz, 0) == 1)
        #expect(try N.evaluateUnary(.i64Eqz, 1 << 40) == 0)
    }
}

// MARK: - Floats

@Suite struct FloatSemanticsTests {
    static let f32SignalingNaN = Float(bitPattern: 0x7fa0_0001)
    static let f64SignalingNaN = Double(bitPattern: 0x7ff4_0000_0000_0001)

    @Test func minAndMaxPropagateNaNAndOrderZeros() {
        #expect(N.f32Min(.nan, 1).isNaN)
        #expect(N.f32Min(1, .nan).isNaN)
        #expect(N.f32Max(-.infinity, .nan).isNaN)
        #expect(N.f64Min(.nan, 1).isNaN)
        #expect(N.f64Max(1, .nan).isNaN)
        #expect(N.f32Min(0.0, -0.0).bitPattern == (-0.0 as Float).bitPattern)
        #expect(N.f32Min(-0.0, 0.0).bitPattern == (-0.0 as Float).bitPattern)
        #expect(N.f32Max(-0.0, 0.0).bitPattern == (0.0 as Float).bitPattern)
        #expect(N.f64Min(0.0, -0.0).bitPattern == (-0.0 as Double).bitPattern)
        #expect(N.f64Max(0.0, -0.0).bitPattern == (0.0 as Double).bitPattern)
        #expect(N.f32Min(-1, 2) == -1)
        #expect(N.f64Max(-.infinity, -1e300) == -1e300)
    }

    @Test func nanResultsAreCanonical() {
        let f32Canonical: UInt32 = 0x7fc0_0000
        let f64Canonical: UInt64 = 0x7ff8_0000_0000_0000
        #expect(N.f32Add(.infinity, -.infinity).bitPattern == f32Canonical)
        #expect(N.f32Div(0, 0).bitPattern == f32Canonical)
        #expect(N.f32Sqrt(-1).bitPattern == f32Canonical)
        #expect(N.f32Mul(Self.f32SignalingNaN, 1).bitPattern == f32Canonical)
        #expect(N.f32Nearest(Self.f32SignalingNaN).bitPattern == f32Canonical)
        #expect(N.f32Min(-Float.nan, 0).bitPattern == f32Canonical)
        #expect(N.f64Sub(.infinity, .infinity).bitPattern == f64Canonical)
        #expect(N.f64Ceil(Self.f64SignalingNaN).bitPattern == f64Canonical)
        #expect(N.f64Max(0, Self.f64SignalingNaN).bitPattern == f64Canonical)
        #expect(N.f32DemoteF64(Self.f64SignalingNaN).bitPattern == f32Canonical)
        #expect(N.f64PromoteF32(Self.f32SignalingNaN).bitPattern == f64Canonical)
    }

    @Test func signOperationsKeepNaNPayloads() throws {
        let signaling: UInt64 = 0x7fa0_0001
        #expect(try N.evaluateUnary(.f32Neg, signaling) == 0xffa0_0001)
        #expect(try N.evaluateUnary(.f32Abs, 0xffa0_0001) == signaling)
        #expect(try N.evaluateBinary(.f32Copysign, signaling, f32Bits(-1)) == 0xffa0_0001)
        #expect(try N.evaluateUnary(.f64Neg, 0x7ff4_0000_0000_0001) == 0xfff4_0000_0000_0001)
        #expect(try N.evaluateUnary(.f64Abs, 0xfff4_0000_0000_0001) == 0x7ff4_0000_0000_0001)
        #expect(try N.evaluateBinary(.f64Copysign, 0xfff4_0000_0000_0001, f64Bits(1)) == 0x7ff4_0000_0000_0001)
        #expect(N.f32Copysign(1, -0.0) == -1)
        #expect(N.f64Neg(0).bitPattern == (-0.0 as Double).bitPattern)
    }

    @Test func nearestRoundsHalfToEvenAndKeepsTheSignOfZero() {
        #expect(N.f32Nearest(0.5) == 0)
        #expect(N.f32Nearest(1.5) == 2)
        #expect(N.f32Nearest(2.5) == 2)
        #expect(N.f32Nearest(-0.5).bitPattern == (-0.0 as Float).bitPattern)
        #expect(N.f64Nearest(-3.5) == -4)
        #expect(N.f64Nearest(4503599627370495.5) == 4503599627370496)
        #expect(N.f64Nearest(-0.25).bitPattern == (-0.0 as Double).bitPattern)
    }

    @Test func roundingTowardIntegers() {
        #expect(N.f32Ceil(-0.5).bitPattern == (-0.0 as Float).bitPattern)
        #expect(N.f32Floor(-0.5) == -1)
        #expect(N.f32Trunc(-1.9) == -1)
        #expect(N.f64Ceil(1.0000000000000002) == 2)
        #expect(N.f64Floor(0.5).bitPattern == (0.0 as Double).bitPattern)
        #expect(N.f64Trunc(-0.7).bitPattern == (-0.0 as Double).bitPattern)
        #expect(N.f64Trunc(.infinity) == .infinity)
    }

    @Test func floatComparisonsAreFalseForNaNExceptNe() throws {
        let nan = f32Bits(.nan)
        #expect(try N.evaluateBinary(.f32Eq, nan, nan) == 0)
        #expect(try N.evaluateBinary(.f32Ne, nan, nan) == 1)
        #expect(try N.evaluateBinary(.f32Le, nan, f32Bits(1)) == 0)
        #expect(try N.evaluateBinary(.f64Ge, f64Bits(1), f64Bits(.nan)) == 0)
        #expect(try N.evaluateBinary(.f64Eq, f64Bits(0), f64Bits(-0.0)) == 1)
    }
}

// MARK: - Conversions

@Suite struct ConversionSemanticsTests {
    @Test func truncationToI32AcceptsExactlyTheRepresentableRange() {
        #expect((try? N.i32TruncF32S(-2147483648.0)) == .min)
        #expect(trapReason { _ = try N.i32TruncF32S(2147483648.0) } == .integerOverflow)
        #expect(trapReason { _ = try N.i32TruncF32S(-2147483904.0) } == .integerOverflow)
        #expect((try? N.i32TruncF32S(2147483520.0)) == 2147483520)
        #expect((try? N.i32TruncF64S(-2147483648.9)) == .min)
        #expect(trapReason { _ = try N.i32TruncF64S(-2147483649.0) } == .integerOverflow)
        #expect((try? N.i32TruncF64S(2147483647.9)) == .max)
        #expect(trapReason { _ = try N.i32TruncF64S(2147483648.0) } == .integerOverflow)
        #expect((try? N.i32TruncF32U(-0.9)) == 0)
        #expect(trapReason { _ = try N.i32TruncF32U(-1.0) } == .integerOverflow)
        #expect((try? N.i32TruncF64U(-0.9)) == 0)
        #expect((try? N.i32TruncF64U(4294967295.9)) == .max)
        #expect(trapReason { _ = try N.i32TruncF64U(4294967296.0) } == .integerOverflow)
        #expect(trapReason { _ = try N.i32TruncF64U(-1.0) } == .integerOverflow)
    }

    @Test func truncationToI64AcceptsExactlyTheRepresentableRange() {
        #expect((try? N.i64TruncF64S(-9223372036854775808.0)) == .min)
        #expect(trapReason { _ = try N.i64TruncF64S(9223372036854775808.0) } == .integerOverflow)
        #expect((try? N.i64TruncF64S(9223372036854774784.0)) == 9_223_372_036_854_774_784)
        #expect(trapReason { _ = try N.i64TruncF64S(-9223372036854777856.0) } == .integerOverflow)
        #expect((try? N.i64TruncF32S(-9223372036854775808.0)) == .min)
        #expect(trapReason { _ = try N.i64TruncF32S(9223372036854775808.0) } == .integerOverflow)
        #expect((try? N.i64TruncF64U(18446744073709549568.0)) == 18_446_744_073_709_549_568)
        #expect(trapReason { _ = try N.i64TruncF64U(18446744073709551616.0) } == .integerOverflow)
        #expect((try? N.i64TruncF32U(-0.99999994)) == 0)
        #expect(trapReason { _ = try N.i64TruncF32U(-1.0) } == .integerOverflow)
    }

    @Test func truncationTrapsOnNaNAndInfinity() {
        #expect(trapReason { _ = try N.i32TruncF32S(.nan) } == .invalidConversionToInteger)
        #expect(trapReason { _ = try N.i32TruncF64U(-.nan) } == .invalidConversionToInteger)
        #expect(trapReason { _ = try N.i64TruncF32U(.signalingNaN) } == .invalidConversionToInteger)
        #expect(trapReason { _ = try N.i64TruncF64S(.nan) } == .invalidConversionToInteger)
        #expect(trapReason { _ = try N.i32TruncF32S(.infinity) } == .integerOverflow)
        #expect(trapReason { _ = try N.i64TruncF64U(-.infinity) } == .integerOverflow)
    }

    @Test func saturatingTruncationClampsAndMapsNaNToZero() {
        #expect(N.i32TruncSatF32S(.nan) == 0)
        #expect(N.i32TruncSatF32S(.infinity) == .max)
        #expect(N.i32TruncSatF32S(-.infinity) == .min)
        #expect(N.i32TruncSatF64S(-2147483648.9) == .min)
        #expect(N.i32TruncSatF64S(2147483647.9) == .max)
        #expect(N.i32TruncSatF32U(-.nan) == 0)
        #expect(N.i32TruncSatF32U(-5) == 0)
        #expect(N.i32TruncSatF64U(4294967296.0) == .max)
        #expect(N.i32TruncSatF64U(4294967295.5) == .max)
        #expect(N.i64TruncSatF32S(9223372036854775808.0) == .max)
        #expect(N.i64TruncSatF64S(-1e300) == .min)
        #expect(N.i64TruncSatF64U(1e300) == .max)
        #expect(N.i64TruncSatF32U(0.99) == 0)
        #expect(N.i64TruncSatF64U(.nan) == 0)
    }

    @Test func integerToFloatRoundsOnceToNearestEven() {
        // 2^53 + 2^29 + 1: through Double it would round to a tie and then down to 2^53.
        #expect(N.f32ConvertI64S(9_007_199_791_611_905) == 9007200328482816.0)
        #expect(N.f32ConvertI64U(0xffff_ffff_ffff_ffff) == 18446744073709551616.0)
        #expect(N.f32ConvertI64U(0x8000_0080_0000_0001) == 9223373136366403584.0)
        #expect(N.f32ConvertI32U(0xffff_ff7f) == 4294967040.0)
        #expect(N.f32ConvertI32S(16_777_217) == 16777216.0)
        #expect(N.f64ConvertI64U(0xffff_ffff_ffff_fbff) == 18446744073709549568.0)
        #expect(N.f64ConvertI64S(-9_007_199_254_740_993) == -9007199254740992.0)
        #expect(N.f64ConvertI32U(0xffff_ffff) == 4294967295.0)
    }

    @Test func demotionRoundsToNearestEven() {
        #expect(N.f32DemoteF64(1.0000000596046448) == 1.0)
        #expect(N.f32DemoteF64(1.0000000596046448.nextUp) == Float(1).nextUp)
        #expect(N.f32DemoteF64(0x1.ffffffp+127) == .infinity)
        #expect(N.f32DemoteF64(0x1.fffffefffffffp+127) == .greatestFiniteMagnitude)
        #expect(N.f32DemoteF64(-0.0).bitPattern == (-0.0 as Float).bitPattern)
        #expect(N.f64PromoteF32(.leastNonzeroMagnitude) == 0x1p-149)
    }
}

// MARK: - Generic entry points

@Suite struct NumericEntryPointTests {
    /// Deterministic operands: SplitMix64 bits plus interesting values.
    static func operands(for type: ValueType, count: Int) -> [UInt64] {
        var state: UInt64 = 0x9e37_79b9_7f4a_7c15
        var values: [UInt64] = [0, 1, UInt64.max, 0x8000_0000, 0x7fc0_0000, 0x7fa0_0001, 0xff80_0000,
                                0x7ff8_0000_0000_0000, 0x7ff4_0000_0000_0001, 0x8000_0000_0000_0000,
                                f64Bits(-0.5), f64Bits(2147483648.0), UInt64(Float(-0.5).bitPattern)]
        for _ in 0..<count {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            values.append(z ^ (z >> 31))
        }
        let is32Bit = type == .i32 || type == .f32
        return values.map { is32Bit ? $0 & 0xffff_ffff : $0 }
    }

    @Test func resultsOf32BitOperatorsKeepTheUpperHalfZero() {
        for op in NumericOperator.allCases where op.resultType == .i32 || op.resultType == .f32 {
            let types = op.operandTypes
            let lhsValues = Self.operands(for: types[0], count: 40)
            for lhs in lhsValues {
                if types.count == 1 {
                    let result = try? N.evaluateUnary(op, lhs)
                    #expect((result ?? 0) >> 32 == 0, "\(op)(\(lhs))")
                } else {
                    for rhs in Self.operands(for: types[1], count: 10) {
                        let result = try? N.evaluateBinary(op, lhs, rhs)
                        #expect((result ?? 0) >> 32 == 0, "\(op)(\(lhs), \(rhs))")
                    }
                }
            }
        }
    }

    @Test func wrongArityIsReportedAsUnreachable() {
        for op in NumericOperator.allCases {
            if op.operandTypes.count == 1 {
                #expect(trapReason { _ = try N.evaluateBinary(op, 1, 1) } == .unreachable, "\(op)")
            } else {
                #expect(trapReason { _ = try N.evaluateUnary(op, 1) } == .unreachable, "\(op)")
            }
        }
    }

    @Test func everyOperatorIsImplemented() {
        // Operands that trap nothing: 1 is a valid integer divisor and converts exactly.
        for op in NumericOperator.allCases {
            let one: UInt64 = switch op.operandTypes[0] {
            case .f32: f32Bits(1)
            case .f64: f64Bits(1)
            default: 1
            }
            let outcome = trapReason {
                _ = op.operandTypes.count == 1 ? try N.evaluateUnary(op, one) : try N.evaluateBinary(op, one, one)
            }
            #expect(outcome == nil, "\(op)")
        }
    }
}

// MARK: - Spec test data

/// /work/shared/wasm-spec (or `$WASM_SPEC_DIR`): the package root's sibling `shared`.
private let specDirectory: String? = {
    if let configured = ProcessInfo.processInfo.environment["WASM_SPEC_DIR"] { return configured }
    let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let directory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/wasm-spec").path
    return FileManager.default.fileExists(atPath: directory) ? directory : nil
}()

/// Spec scripts whose exports are each one numeric operator applied to the parameters.
/// Exports are named after the operator without the type prefix in the per-type files
/// ("div_s" in i32.json) and with it in the others ("i32.trunc_f32_s").
@Suite(.enabled(if: specDirectory != nil, "spec tests not found: set WASM_SPEC_DIR"))
struct NumericSpecDataTests {
    static let exportPrefixes: [String: String] = [
        "i32": "i32.", "i64": "i64.", "f32": "f32.", "f64": "f64.",
        "f32_cmp": "f32.", "f64_cmp": "f64.", "f32_bitwise": "f32.", "f64_bitwise": "f64.",
        "conversions": "", "float_misc": "",
    ]

    static let operatorsByName: [String: NumericOperator] = Dictionary(
        uniqueKeysWithValues: NumericOperator.allCases.map { ($0.description, $0) })

    @Test(arguments: ["i32", "i64", "f32", "f64", "f32_cmp", "f64_cmp", "f32_bitwise", "f64_bitwise",
                      "conversions", "float_misc"])
    func everyAssertionHolds(script: String) throws {
        let directory = try #require(specDirectory)
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(script)/\(script).json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let commands = try #require(root["commands"] as? [[String: Any]])
        let prefix = Self.exportPrefixes[script] ?? ""

        var checked = 0
        var failures: [String] = []
        for command in commands {
            guard let kind = command["type"] as? String, kind == "assert_return" || kind == "assert_trap",
                  let action = command["action"] as? [String: Any],
                  let field = action["field"] as? String,
                  let arguments = action["args"] as? [[String: Any]]
            else { continue }
            let line = command["line"] as? Int ?? 0
            guard let op = Self.operatorsByName[prefix + field] else {
                failures.append("line \(line): no operator for export \(field)")
                continue
            }
            let operands = arguments.compactMap(Self.slotBits)
            guard operands.count == arguments.count, operands.count == op.operandTypes.count else {
                failures.append("line \(line): cannot read arguments \(arguments)")
                continue
            }
            let outcome: Result<UInt64, TrapReason>
            do throws(TrapReason) {
                outcome = .success(operands.count == 1
                    ? try N.evaluateUnary(op, operands[0]) : try N.evaluateBinary(op, operands[0], operands[1]))
            } catch {
                outcome = .failure(error)
            }
            checked += 1
            if let problem = Self.mismatch(command, kind: kind, outcome: outcome) {
                failures.append("line \(line): \(op)\(operands): \(problem)")
            }
        }
        #expect(checked > 0)
        #expect(failures.isEmpty, "\(failures.count) failures in \(script):\n\(failures.prefix(30).joined(separator: "\n"))")
    }

    /// A JSON value as slot bits: integers are decimal (maybe negative), floats the decimal
    /// of their bit pattern.
    static func slotBits(_ value: [String: Any]) -> UInt64? {
        guard let type = value["type"] as? String, let text = value["value"] as? String else { return nil }
        let is32Bit = type == "i32" || type == "f32"
        if text.hasPrefix("-") {
            guard let signed = Int64(text) else { return nil }
            return is32Bit ? UInt64(UInt32(truncatingIfNeeded: signed)) : UInt64(bitPattern: signed)
        }
        guard let unsigned = UInt64(text) else { return nil }
        return is32Bit && unsigned > UInt64(UInt32.max) ? nil : unsigned
    }

    /// Why `outcome` does not satisfy the assertion, or nil when it does.
    static func mismatch(_ command: [String: Any], kind: String, outcome: Result<UInt64, TrapReason>) -> String? {
        if kind == "assert_trap" {
            let message = command["text"] as? String ?? "?"
            if case .failure(let reason) = outcome, reason.description == message { return nil }
            return "expected trap \"\(message)\", got \(outcome)"
        }
        guard case .success(let bits) = outcome else { return "unexpected \(outcome)" }
        guard let expected = (command["expected"] as? [[String: Any]])?.first,
              let type = expected["type"] as? String, let text = expected["value"] as? String
        else { return "unreadable expectation" }
        let is32Bit = type == "f32"
        let magnitude = bits & (is32Bit ? 0x7fff_ffff : 0x7fff_ffff_ffff_ffff)
        let quietNaN: UInt64 = is32Bit ? 0x7fc0_0000 : 0x7ff8_0000_0000_0000
        let slotIsClean = !is32Bit || bits >> 32 == 0
        switch text {
        case "nan:canonical":
            return magnitude == quietNaN && slotIsClean ? nil : "expected canonical NaN, got \(bits)"
        case "nan:arithmetic":
            return magnitude & quietNaN == quietNaN && slotIsClean ? nil : "expected arithmetic NaN, got \(bits)"
        default:
            guard let expectedBits = slotBits(expected) else { return "unreadable expected value \(text)" }
            return bits == expectedBits ? nil : "expected \(expectedBits), got \(bits)"
        }
    }
}
