/// The meaning of every fixed-width SIMD instruction, as pure functions on `V128` values
/// (and on scalars in their value-stack slot encoding, see `ValueEncoding.swift`).
///
/// Results are bit-identical on every host: lanes are computed one by one in portable
/// Swift, with the scalar float semantics of `FloatSemantics.swift` (every NaN an
/// arithmetic lane produces is the positive canonical NaN) and the saturating
/// conversions of `ConversionSemantics.swift`.
///
/// The entry points take the operator and dispatch on it; passing an operator of another
/// shape (see `SIMDOperator.shape`) is a caller bug, reported as `.unreachable` like
/// `NumericSemantics` does. Memory instructions are split between the executor (bounds
/// checks, reading and writing bytes) and the helpers in `SIMDSemantics+Memory.swift`.
///
/// ```swift
/// let sum = try SIMDSemantics.evaluate(.i32x4Add, a, b)
/// let high = SIMDSemantics.extractLane(.i64x2ExtractLane, sum, lane: 1)
/// ```
enum SIMDSemantics {
    /// A `v128 -> v128` operator.
    static func evaluate(_ op: SIMDOperator, _ a: V128) throws(TrapReason) -> V128 {
        if let result = integerUnary(op, a) { return result }
        if let result = floatUnary(op, a) { return result }
        throw .unreachable
    }

    /// A `v128 v128 -> v128` operator.
    static func evaluate(_ op: SIMDOperator, _ a: V128, _ b: V128) throws(TrapReason) -> V128 {
        if let result = bitwiseBinary(op, a, b) { return result }
        if let result = integerComparison(op, a, b) { return result }
        if let result = integerArithmetic(op, a, b) { return result }
        if let result = floatBinary(op, a, b) { return result }
        throw .unreachable
    }

    /// A `v128 v128 v128 -> v128` operator (only `v128.bitselect`).
    static func evaluate(_ op: SIMDOperator, _ a: V128, _ b: V128, _ c: V128) throws(TrapReason) -> V128 {
        guard op == .v128Bitselect else { throw .unreachable }
        return bitselect(a, b, mask: c)
    }

    /// Bits of `a` where `mask` is 1, bits of `b` where it is 0.
    @inline(__always) static func bitselect(_ a: V128, _ b: V128, mask: V128) -> V128 {
        V128(low: (a.low & mask.low) | (b.low & ~mask.low), high: (a.high & mask.high) | (b.high & ~mask.high))
    }

    /// A `v128 -> i32` operator: `any_true`, `all_true`, `bitmask`.
    static func test(_ op: SIMDOperator, _ a: V128) throws(TrapReason) -> UInt32 {
        switch op {
        case .v128AnyTrue: return a.low | a.high != 0 ? 1 : 0
        case .i8x16AllTrue: return allLanesNonzero(a, UInt8.self) ? 1 : 0
        case .i16x8AllTrue: return allLanesNonzero(a, UInt16.self) ? 1 : 0
        case .i32x4AllTrue: return allLanesNonzero(a, UInt32.self) ? 1 : 0
        case .i64x2AllTrue: return allLanesNonzero(a, UInt64.self) ? 1 : 0
        case .i8x16Bitmask: return bitmask(a, Int8.self)
        case .i16x8Bitmask: return bitmask(a, Int16.self)
        case .i32x4Bitmask: return bitmask(a, Int32.self)
        case .i64x2Bitmask: return bitmask(a, Int64.self)
        default: throw .unreachable
        }
    }

    /// A `v128 i32 -> v128` shift; the count is taken modulo the lane width.
    static func shift(_ op: SIMDOperator, _ a: V128, by count: UInt32) throws(TrapReason) -> V128 {
        switch op {
        case .i8x16Shl: return a.mapLanes(UInt8.self) { $0 &<< count }
        case .i8x16ShrS: return a.mapLanes(Int8.self) { $0 &>> count }
        case .i8x16ShrU: return a.mapLanes(UInt8.self) { $0 &>> count }
        case .i16x8Shl: return a.mapLanes(UInt16.self) { $0 &<< count }
        case .i16x8ShrS: return a.mapLanes(Int16.self) { $0 &>> count }
        case .i16x8ShrU: return a.mapLanes(UInt16.self) { $0 &>> count }
        case .i32x4Shl: return a.mapLanes(UInt32.self) { $0 &<< count }
        case .i32x4ShrS: return a.mapLanes(Int32.self) { $0 &>> count }
        case .i32x4ShrU: return a.mapLanes(UInt32.self) { $0 &>> count }
        case .i64x2Shl: return a.mapLanes(UInt64.self) { $0 &<< count }
        case .i64x2ShrS: return a.mapLanes(Int64.self) { $0 &>> count }
        case .i64x2ShrU: return a.mapLanes(UInt64.self) { $0 &>> count }
        default: throw .unreachable
        }
    }

    /// A `t -> v128` splat of a scalar in its slot encoding (i32/f32 in the low 32 bits).
    static func splat(_ op: SIMDOperator, _ scalar: UInt64) throws(TrapReason) -> V128 {
        switch op {
        case .i8x16Splat: return V128.lanes(UInt8.self) { _ in UInt8(truncatingIfNeeded: scalar) }
        case .i16x8Splat: return V128.lanes(UInt16.self) { _ in UInt16(truncatingIfNeeded: scalar) }
        case .i32x4Splat, .f32x4Splat: return V128.lanes(UInt32.self) { _ in UInt32(truncatingIfNeeded: scalar) }
        case .i64x2Splat, .f64x2Splat: return V128(low: scalar, high: scalar)
        default: throw .unreachable
        }
    }

    /// The lane as a scalar in its slot encoding: narrow integer lanes sign- or
    /// zero-extend to i32, whose upper 32 slot bits are zero.
    static func extractLane(_ op: SIMDLaneOperator, _ a: V128, lane: UInt8) -> UInt64 {
        let index = Int(lane)
        switch op {
        case .i8x16ExtractLaneS: return UInt64(UInt32(bitPattern: Int32(a.lane(index, as: Int8.self))))
        case .i8x16ExtractLaneU: return UInt64(a.lane(index, as: UInt8.self))
        case .i16x8ExtractLaneS: return UInt64(UInt32(bitPattern: Int32(a.lane(index, as: Int16.self))))
        case .i16x8ExtractLaneU: return UInt64(a.lane(index, as: UInt16.self))
        case .i32x4ExtractLane, .f32x4ExtractLane: return UInt64(a.lane(index, as: UInt32.self))
        case .i64x2ExtractLane, .f64x2ExtractLane: return a.lane(index, as: UInt64.self)
        case .i8x16ReplaceLane, .i16x8ReplaceLane, .i32x4ReplaceLane, .i64x2ReplaceLane,
             .f32x4ReplaceLane, .f64x2ReplaceLane:
            return 0
        }
    }

    /// `a` with one lane set to the low bits of `scalar` (a slot-encoded scalar).
    /// An extract operator leaves `a` as it is.
    static func replaceLane(_ op: SIMDLaneOperator, _ a: V128, lane: UInt8, with scalar: UInt64) -> V128 {
        var result = a
        let index = Int(lane)
        switch op {
        case .i8x16ReplaceLane: result.setLane(index, to: UInt8(truncatingIfNeeded: scalar))
        case .i16x8ReplaceLane: result.setLane(index, to: UInt16(truncatingIfNeeded: scalar))
        case .i32x4ReplaceLane, .f32x4ReplaceLane: result.setLane(index, to: UInt32(truncatingIfNeeded: scalar))
        case .i64x2ReplaceLane, .f64x2ReplaceLane: result.setLane(index, to: scalar)
        default: break
        }
        return result
    }

    /// `i8x16.shuffle`: result byte `i` is byte `lanes[i]` of the 32 bytes `a` then `b`.
    static func shuffle(_ a: V128, _ b: V128, lanes: V128) -> V128 {
        V128.lanes(UInt8.self) { index in
            let selector = Int(lanes.lane(index, as: UInt8.self) & 31)
            return selector < 16 ? a.lane(selector, as: UInt8.self) : b.lane(selector &- 16, as: UInt8.self)
        }
    }

    /// `i8x16.swizzle`: result byte `i` is byte `b[i]` of `a`, or 0 when `b[i]` is past 15.
    static func swizzle(_ a: V128, _ b: V128) -> V128 {
        V128.lanes(UInt8.self) { index in
            let selector = b.lane(index, as: UInt8.self)
            return selector < 16 ? a.lane(Int(selector), as: UInt8.self) : 0
        }
    }

    // MARK: Tests

    private static func allLanesNonzero<Lane: FixedWidthInteger>(_ a: V128, _: Lane.Type) -> Bool {
        for index in 0..<V128.laneCount(of: Lane.self) where a.lane(index, as: Lane.self) == 0 { return false }
        return true
    }

    /// Bit `i` is the sign bit of lane `i`.
    private static func bitmask<Lane: FixedWidthInteger & SignedInteger>(_ a: V128, _: Lane.Type) -> UInt32 {
        var mask: UInt32 = 0
        for index in 0..<V128.laneCount(of: Lane.self) where a.lane(index, as: Lane.self) < 0 {
            mask |= 1 &<< UInt32(index)
        }
        return mask
    }
}
