// Conversions between integers and floats, and between float widths.
//
// Float → integer: Swift's `Int32(someFloat)` truncates toward zero but crashes when the
// result is out of range, so every conversion checks its range first. A value converts
// when its truncation fits, so the bounds are open at the float just past the type's
// range: unsigned accepts (-1, 2^N), signed accepts (-2^(N-1) - 1, 2^(N-1)). Where
// -2^(N-1) - 1 is not representable in the float type (all but i32 from f64) the nearest
// float below -2^(N-1) truncates out of range, so the lower bound becomes >= -2^(N-1).
// All bounds are powers of two (or 2^31 + 1 in f64), hence exact literals.
extension NumericSemantics {
    // MARK: Trapping float → integer

    @inline(__always) static func i32TruncF32S(_ x: Float) throws(TrapReason) -> Int32 {
        if x.isNaN { throw .invalidConversionToInteger }
        guard x >= -2147483648.0 && x < 2147483648.0 else { throw .integerOverflow }
        return Int32(x)
    }

    @inline(__always) static func i32TruncF32U(_ x: Float) throws(TrapReason) -> UInt32 {
        if x.isNaN { throw .invalidConversionToInteger }
        guard x > -1.0 && x < 4294967296.0 else { throw .integerOverflow }
        // Truncating first makes (-1, 0) become -0, which any unsigned init accepts.
        return UInt32(x.rounded(.towardZero))
    }

    @inline(__always) static func i32TruncF64S(_ x: Double) throws(TrapReason) -> Int32 {
        if x.isNaN { throw .invalidConversionToInteger }
        guard x > -2147483649.0 && x < 2147483648.0 else { throw .integerOverflow }
        return Int32(x)
    }

    @inline(__always) static func i32TruncF64U(_ x: Double) throws(TrapReason) -> UInt32 {
        if x.isNaN { throw .invalidConversionToInteger }
        guard x > -1.0 && x < 4294967296.0 else { throw .integerOverflow }
        return UInt32(x.rounded(.towardZero))
    }

    @inline(__always) static func i64TruncF32S(_ x: Float) throws(TrapReason) -> Int64 {
        if x.isNaN { throw .invalidConversionToInteger }
        guard x >= -9223372036854775808.0 && x < 9223372036854775808.0 else { throw .integerOverflow }
        return Int64(x)
    }

    @inline(__always) static func i64TruncF32U(_ x: Float) throws(TrapReason) -> UInt64 {
        if x.isNaN { throw .invalidConversionToInteger }
        guard x > -1.0 && x < 18446744073709551616.0 else { throw .integerOverflow }
        return UInt64(x.rounded(.towardZero))
    }

    @inline(__always) static func i64TruncF64S(_ x: Double) throws(TrapReason) -> Int64 {
        if x.isNaN { throw .invalidConversionToInteger }
        guard x >= -9223372036854775808.0 && x < 9223372036854775808.0 else { throw .integerOverflow }
        return Int64(x)
    }

    @inline(__always) static func i64TruncF64U(_ x: Double) throws(TrapReason) -> UInt64 {
        if x.isNaN { throw .invalidConversionToInteger }
        guard x > -1.0 && x < 18446744073709551616.0 else { throw .integerOverflow }
        return UInt64(x.rounded(.towardZero))
    }

    // MARK: Saturating float → integer (NaN → 0, out of range → the nearest bound)

    @inline(__always) static func i32TruncSatF32S(_ x: Float) -> Int32 {
        if x.isNaN { return 0 }
        if x < -2147483648.0 { return .min }
        if x >= 2147483648.0 { return .max }
        return Int32(x)
    }

    /// `!(x > 0)` also catches NaN; (0, 1) truncates to 0 in the conversion.
    @inline(__always) static func i32TruncSatF32U(_ x: Float) -> UInt32 {
        if !(x > 0) { return 0 }
        if x >= 4294967296.0 { return .max }
        return UInt32(x)
    }

    @inline(__always) static func i32TruncSatF64S(_ x: Double) -> Int32 {
        if x.isNaN { return 0 }
        if x < -2147483648.0 { return .min }
        if x >= 2147483648.0 { return .max }
        return Int32(x)
    }

    @inline(__always) static func i32TruncSatF64U(_ x: Double) -> UInt32 {
        if !(x > 0) { return 0 }
        if x >= 4294967296.0 { return .max }
        return UInt32(x)
    }

    @inline(__always) static func i64TruncSatF32S(_ x: Float) -> Int64 {
        if x.isNaN { return 0 }
        if x < -9223372036854775808.0 { return .min }
        if x >= 9223372036854775808.0 { return .max }
        return Int64(x)
    }

    @inline(__always) static func i64TruncSatF32U(_ x: Float) -> UInt64 {
        if !(x > 0) { return 0 }
        if x >= 18446744073709551616.0 { return .max }
        return UInt64(x)
    }

    @inline(__always) static func i64TruncSatF64S(_ x: Double) -> Int64 {
        if x.isNaN { return 0 }
        if x < -9223372036854775808.0 { return .min }
        if x >= 9223372036854775808.0 { return .max }
        return Int64(x)
    }

    @inline(__always) static func i64TruncSatF64U(_ x: Double) -> UInt64 {
        if !(x > 0) { return 0 }
        if x >= 18446744073709551616.0 { return .max }
        return UInt64(x)
    }

    // MARK: Integer → float
    // Swift's integer-to-float initializers round once, to nearest even, including
    // UInt64/Int64 → Float (going through Double would round twice).

    @inline(__always) static func f32ConvertI32S(_ a: Int32) -> Float { Float(a) }
    @inline(__always) static func f32ConvertI32U(_ a: UInt32) -> Float { Float(a) }
    @inline(__always) static func f32ConvertI64S(_ a: Int64) -> Float { Float(a) }
    @inline(__always) static func f32ConvertI64U(_ a: UInt64) -> Float { Float(a) }
    @inline(__always) static func f64ConvertI32S(_ a: Int32) -> Double { Double(a) }
    @inline(__always) static func f64ConvertI32U(_ a: UInt32) -> Double { Double(a) }
    @inline(__always) static func f64ConvertI64S(_ a: Int64) -> Double { Double(a) }
    @inline(__always) static func f64ConvertI64U(_ a: UInt64) -> Double { Double(a) }

    // MARK: Float width changes (NaN → canonical NaN, see FloatSemantics.swift)

    @inline(__always) static func f32DemoteF64(_ x: Double) -> Float { isNaN(x) ? f32CanonicalNaN : Float(x) }
    @inline(__always) static func f64PromoteF32(_ x: Float) -> Double { isNaN(x) ? f64CanonicalNaN : Double(x) }

    // MARK: Reinterpretations (bit copies)

    @inline(__always) static func i32ReinterpretF32(_ x: Float) -> UInt32 { bits(x) }
    @inline(__always) static func i64ReinterpretF64(_ x: Double) -> UInt64 { bits(x) }
    @inline(__always) static func f32ReinterpretI32(_ a: UInt32) -> Float { float(a) }
    @inline(__always) static func f64ReinterpretI64(_ a: UInt64) -> Double { double(a) }
}
