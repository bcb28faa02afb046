// Float operators on Swift's IEEE 754 binary32/binary64 (round to nearest, ties to even;
// no extended precision on x86-64 SSE or ARM64).
//
// NaN results: Wasm lets an arithmetic operator return any NaN whose payload is the
// canonical one when all NaN inputs are canonical, and any quiet ("arithmetic") NaN
// otherwise. The canonical NaN satisfies both, so every NaN result here IS the positive
// canonical NaN. That makes results bit-identical on every host, whatever NaN the host's
// FPU would produce (x86 yields a negative default NaN, ARM a positive one, and they
// propagate payloads differently). abs, neg and copysign are bit operations and keep
// NaN payloads, as the spec requires.
extension NumericSemantics {
    /// The positive canonical NaN: quiet bit set, rest of the payload zero.
    @inline(__always) static var f32CanonicalNaN: Float { float(0x7fc0_0000) }
    @inline(__always) static var f64CanonicalNaN: Double { double(0x7ff8_0000_0000_0000) }

    // A branch, not a select: NaN results are rare, so the branch predicts well and adds
    // nothing to the latency of a chain of dependent float operations, which a select's
    // compare-and-blend would.
    @inline(__always) static func canonicalized(_ x: Float) -> Float {
        if _slowPath(isNaN(x)) { return f32CanonicalNaN }
        return x
    }
    @inline(__always) static func canonicalized(_ x: Double) -> Double {
        if _slowPath(isNaN(x)) { return f64CanonicalNaN }
        return x
    }

    // NaN tests as a self-comparison: one `ucomiss`/`ucomisd` and a parity flag, where
    // `Float.isNaN` compiles to exponent and significand bit tests (about five more
    // instructions on every float operation).
    @inline(__always) static func isNaN(_ x: Float) -> Bool { x != x }
    @inline(__always) static func isNaN(_ x: Double) -> Bool { x != x }

    // MARK: f32

    @inline(__always) static func f32Eq(_ a: Float, _ b: Float) -> Bool { a == b }
    @inline(__always) static func f32Ne(_ a: Float, _ b: Float) -> Bool { a != b }
    @inline(__always) static func f32Lt(_ a: Float, _ b: Float) -> Bool { a < b }
    @inline(__always) static func f32Gt(_ a: Float, _ b: Float) -> Bool { a > b }
    @inline(__always) static func f32Le(_ a: Float, _ b: Float) -> Bool { a <= b }
    @inline(__always) static func f32Ge(_ a: Float, _ b: Float) -> Bool { a >= b }

    @inline(__always) static func f32Abs(_ a: Float) -> Float { float(bits(a) & 0x7fff_ffff) }
    @inline(__always) static func f32Neg(_ a: Float) -> Float { float(bits(a) ^ 0x8000_0000) }
    @inline(__always) static func f32Copysign(_ a: Float, _ b: Float) -> Float {
        float((bits(a) & 0x7fff_ffff) | (bits(b) & 0x8000_0000))
    }

    @inline(__always) static func f32Ceil(_ a: Float) -> Float { canonicalized(a.rounded(.up)) }
    @inline(__always) static func f32Floor(_ a: Float) -> Float { canonicalized(a.rounded(.down)) }
    @inline(__always) static func f32Trunc(_ a: Float) -> Float { canonicalized(a.rounded(.towardZero)) }
    @inline(__always) static func f32Nearest(_ a: Float) -> Float { canonicalized(a.rounded(.toNearestOrEven)) }
    @inline(__always) static func f32Sqrt(_ a: Float) -> Float { canonicalized(a.squareRoot()) }

    @inline(__always) static func f32Add(_ a: Float, _ b: Float) -> Float { canonicalized(a + b) }
    @inline(__always) static func f32Sub(_ a: Float, _ b: Float) -> Float { canonicalized(a - b) }
    @inline(__always) static func f32Mul(_ a: Float, _ b: Float) -> Float { canonicalized(a * b) }
    @inline(__always) static func f32Div(_ a: Float, _ b: Float) -> Float { canonicalized(a / b) }

    /// NaN if either is NaN (unlike `Float.minimum`); -0 is below +0.
    @inline(__always) static func f32Min(_ a: Float, _ b: Float) -> Float {
        if isNaN(a) || isNaN(b) { return f32CanonicalNaN }
        // Equal non-NaNs differ at most in the sign of zero; OR-ing picks -0.
        if a == b { return float(bits(a) | bits(b)) }
        return a < b ? a : b
    }

    /// NaN if either is NaN (unlike `Float.maximum`); +0 is above -0.
    @inline(__always) static func f32Max(_ a: Float, _ b: Float) -> Float {
        if isNaN(a) || isNaN(b) { return f32CanonicalNaN }
        // Equal non-NaNs differ at most in the sign of zero; AND-ing picks +0.
        if a == b { return float(bits(a) & bits(b)) }
        return a > b ? a : b
    }

    // MARK: f64

    @inline(__always) static func f64Eq(_ a: Double, _ b: Double) -> Bool { a == b }
    @inline(__always) static func f64Ne(_ a: Double, _ b: Double) -> Bool { a != b }
    @inline(__always) static func f64Lt(_ a: Double, _ b: Double) -> Bool { a < b }
    @inline(__always) static func f64Gt(_ a: Double, _ b: Double) -> Bool { a > b }
    @inline(__always) static func f64Le(_ a: Double, _ b: Double) -> Bool { a <= b }
    @inline(__always) static func f64Ge(_ a: Double, _ b: Double) -> Bool { a >= b }

    @inline(__always) static func f64Abs(_ a: Double) -> Double {
        double(bits(a) & 0x7fff_ffff_ffff_ffff)
    }
    @inline(__always) static func f64Neg(_ a: Double) -> Double {
        double(bits(a) ^ 0x8000_0000_0000_0000)
    }
    @inline(__always) static func f64Copysign(_ a: Double, _ b: Double) -> Double {
        double((bits(a) & 0x7fff_ffff_ffff_ffff) | (bits(b) & 0x8000_0000_0000_0000))
    }

    @inline(__always) static func f64Ceil(_ a: Double) -> Double { canonicalized(a.rounded(.up)) }
    @inline(__always) static func f64Floor(_ a: Double) -> Double { canonicalized(a.rounded(.down)) }
    @inline(__always) static func f64Trunc(_ a: Double) -> Double { canonicalized(a.rounded(.towardZero)) }
    @inline(__always) static func f64Nearest(_ a: Double) -> Double { canonicalized(a.rounded(.toNearestOrEven)) }
    @inline(__always) static func f64Sqrt(_ a: Double) -> Double { canonicalized(a.squareRoot()) }

    @inline(__always) static func f64Add(_ a: Double, _ b: Double) -> Double { canonicalized(a + b) }
    @inline(__always) static func f64Sub(_ a: Double, _ b: Double) -> Double { canonicalized(a - b) }
    @inline(__always) static func f64Mul(_ a: Double, _ b: Double) -> Double { canonicalized(a * b) }
    @inline(__always) static func f64Div(_ a: Double, _ b: Double) -> Double { canonicalized(a / b) }

    /// NaN if either is NaN (unlike `Double.minimum`); -0 is below +0.
    @inline(__always) static func f64Min(_ a: Double, _ b: Double) -> Double {
        if isNaN(a) || isNaN(b) { return f64CanonicalNaN }
        if a == b { return double(bits(a) | bits(b)) }
        return a < b ? a : b
    }

    /// NaN if either is NaN (unlike `Double.maximum`); +0 is above -0.
    @inline(__always) static func f64Max(_ a: Double, _ b: Double) -> Double {
        if isNaN(a) || isNaN(b) { return f64CanonicalNaN }
        if a == b { return double(bits(a) & bits(b)) }
        return a > b ? a : b
    }
}

// Bit casts that always inline (the `bitPattern` getter may not, inside the interpreter
// loop, and an out-of-line call per float operation costs more than the operation).
@inline(__always) func reinterpret<Source, Target>(_ value: Source, as _: Target.Type) -> Target {
    unsafeBitCast(value, to: Target.self)
}
@inline(__always) func bits(_ value: Float) -> UInt32 { reinterpret(value, as: UInt32.self) }
@inline(__always) func bits(_ value: Double) -> UInt64 { reinterpret(value, as: UInt64.self) }
@inline(__always) func float(_ bits: UInt32) -> Float { Float(bitPattern: bits) }
@inline(__always) func double(_ bits: UInt64) -> Double { Double(bitPattern: bits) }
