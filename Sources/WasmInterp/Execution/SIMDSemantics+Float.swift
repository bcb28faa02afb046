// Float lane operators and the conversions between lane shapes, built from the scalar
// semantics in FloatSemantics.swift and ConversionSemantics.swift so scalar and vector
// code give the same bits: arithmetic NaN results are the positive canonical NaN; abs
// and neg are sign-bit operations that keep NaN payloads; pmin / pmax return one of
// their operands unchanged.
extension SIMDSemantics {
    private typealias Scalar = NumericSemantics

    static func floatUnary(_ op: SIMDOperator, _ a: V128) -> V128? {
        if let result = floatLanewiseUnary(op, a) { return result }
        return conversion(op, a)
    }

    private static func floatLanewiseUnary(_ op: SIMDOperator, _ a: V128) -> V128? {
        switch op {
        case .f32x4Abs: return a.mapLanes(UInt32.self) { $0 & 0x7fff_ffff }
        case .f32x4Neg: return a.mapLanes(UInt32.self) { $0 ^ 0x8000_0000 }
        case .f64x2Abs: return a.mapLanes(UInt64.self) { $0 & 0x7fff_ffff_ffff_ffff }
        case .f64x2Neg: return a.mapLanes(UInt64.self) { $0 ^ 0x8000_0000_0000_0000 }
        case .f32x4Sqrt: return a.mapF32(Scalar.f32Sqrt)
        case .f32x4Ceil: return a.mapF32(Scalar.f32Ceil)
        case .f32x4Floor: return a.mapF32(Scalar.f32Floor)
        case .f32x4Trunc: return a.mapF32(Scalar.f32Trunc)
        case .f32x4Nearest: return a.mapF32(Scalar.f32Nearest)
        case .f64x2Sqrt: return a.mapF64(Scalar.f64Sqrt)
        case .f64x2Ceil: return a.mapF64(Scalar.f64Ceil)
        case .f64x2Floor: return a.mapF64(Scalar.f64Floor)
        case .f64x2Trunc: return a.mapF64(Scalar.f64Trunc)
        case .f64x2Nearest: return a.mapF64(Scalar.f64Nearest)
        default: return nil
        }
    }

    /// Conversions. The `_zero` forms fill the upper two 32-bit lanes with zeros; the
    /// `_low` forms read only the lower two lanes of their operand.
    private static func conversion(_ op: SIMDOperator, _ a: V128) -> V128? {
        switch op {
        case .i32x4TruncSatF32x4S:
            return a.mapLanes(UInt32.self) { UInt32(bitPattern: Scalar.i32TruncSatF32S(Float(bitPattern: $0))) }
        case .i32x4TruncSatF32x4U:
            return a.mapLanes(UInt32.self) { Scalar.i32TruncSatF32U(Float(bitPattern: $0)) }
        case .f32x4ConvertI32x4S:
            return a.mapLanes(UInt32.self) { Scalar.f32ConvertI32S(Int32(bitPattern: $0)).bitPattern }
        case .f32x4ConvertI32x4U:
            return a.mapLanes(UInt32.self) { Scalar.f32ConvertI32U($0).bitPattern }
        case .i32x4TruncSatF64x2SZero:
            return twoLanesThenZeros { UInt32(bitPattern: Scalar.i32TruncSatF64S(a.f64Lane($0))) }
        case .i32x4TruncSatF64x2UZero:
            return twoLanesThenZeros { Scalar.i32TruncSatF64U(a.f64Lane($0)) }
        case .f32x4DemoteF64x2Zero:
            return twoLanesThenZeros { Scalar.f32DemoteF64(a.f64Lane($0)).bitPattern }
        case .f64x2ConvertLowI32x4S:
            return V128.lanes(UInt64.self) { Scalar.f64ConvertI32S(a.lane($0, as: Int32.self)).bitPattern }
        case .f64x2ConvertLowI32x4U:
            return V128.lanes(UInt64.self) { Scalar.f64ConvertI32U(a.lane($0, as: UInt32.self)).bitPattern }
        case .f64x2PromoteLowF32x4:
            return V128.lanes(UInt64.self) { Scalar.f64PromoteF32(a.f32Lane($0)).bitPattern }
        default:
            return nil
        }
    }

    /// An i32x4 / f32x4 result whose lanes 0 and 1 are `make(0)`, `make(1)` and whose
    /// lanes 2 and 3 are zero.
    private static func twoLanesThenZeros(_ make: (Int) -> UInt32) -> V128 {
        V128(low: UInt64(make(0)) | UInt64(make(1)) &<< 32, high: 0)
    }

    static func floatBinary(_ op: SIMDOperator, _ a: V128, _ b: V128) -> V128? {
        if let result = floatArithmetic(op, a, b) { return result }
        return floatComparison(op, a, b)
    }

    private static func floatArithmetic(_ op: SIMDOperator, _ a: V128, _ b: V128) -> V128? {
        switch op {
        case .f32x4Add: return a.zipF32(b, Scalar.f32Add)
        case .f32x4Sub: return a.zipF32(b, Scalar.f32Sub)
        case .f32x4Mul: return a.zipF32(b, Scalar.f32Mul)
        case .f32x4Div: return a.zipF32(b, Scalar.f32Div)
        case .f32x4Min: return a.zipF32(b, Scalar.f32Min)
        case .f32x4Max: return a.zipF32(b, Scalar.f32Max)
        case .f32x4Pmin: return a.zipLanes(b, UInt32.self, pseudoMinimumF32)
        case .f32x4Pmax: return a.zipLanes(b, UInt32.self, pseudoMaximumF32)
        case .f64x2Add: return a.zipF64(b, Scalar.f64Add)
        case .f64x2Sub: return a.zipF64(b, Scalar.f64Sub)
        case .f64x2Mul: return a.zipF64(b, Scalar.f64Mul)
        case .f64x2Div: return a.zipF64(b, Scalar.f64Div)
        case .f64x2Min: return a.zipF64(b, Scalar.f64Min)
        case .f64x2Max: return a.zipF64(b, Scalar.f64Max)
        case .f64x2Pmin: return a.zipLanes(b, UInt64.self, pseudoMinimumF64)
        case .f64x2Pmax: return a.zipLanes(b, UInt64.self, pseudoMaximumF64)
        default: return nil
        }
    }

    private static func floatComparison(_ op: SIMDOperator, _ a: V128, _ b: V128) -> V128? {
        switch op {
        case .f32x4Eq: return a.compareF32(b, ==)
        case .f32x4Ne: return a.compareF32(b, !=)
        case .f32x4Lt: return a.compareF32(b, <)
        case .f32x4Gt: return a.compareF32(b, >)
        case .f32x4Le: return a.compareF32(b, <=)
        case .f32x4Ge: return a.compareF32(b, >=)
        case .f64x2Eq: return a.compareF64(b, ==)
        case .f64x2Ne: return a.compareF64(b, !=)
        case .f64x2Lt: return a.compareF64(b, <)
        case .f64x2Gt: return a.compareF64(b, >)
        case .f64x2Le: return a.compareF64(b, <=)
        case .f64x2Ge: return a.compareF64(b, >=)
        default: return nil
        }
    }

    // `pmin` is `b < a ? b : a` and `pmax` is `a < b ? b : a` (C's `std::min` / `std::max`
    // argument order): a NaN operand is returned only when it is `a`, and equal zeros give `a`.

    @inline(__always) private static func pseudoMinimumF32(_ a: UInt32, _ b: UInt32) -> UInt32 {
        Float(bitPattern: b) < Float(bitPattern: a) ? b : a
    }

    @inline(__always) private static func pseudoMaximumF32(_ a: UInt32, _ b: UInt32) -> UInt32 {
        Float(bitPattern: a) < Float(bitPattern: b) ? b : a
    }

    @inline(__always) private static func pseudoMinimumF64(_ a: UInt64, _ b: UInt64) -> UInt64 {
        Double(bitPattern: b) < Double(bitPattern: a) ? b : a
    }

    @inline(__always) private static func pseudoMaximumF64(_ a: UInt64, _ b: UInt64) -> UInt64 {
        Double(bitPattern: a) < Double(bitPattern: b) ? b : a
    }
}

extension V128 {
    @inline(__always) fileprivate func f32Lane(_ index: Int) -> Float { Float(bitPattern: lane(index, as: UInt32.self)) }
    @inline(__always) fileprivate func f64Lane(_ index: Int) -> Double { Double(bitPattern: lane(index, as: UInt64.self)) }
}
