// Integer lane operators. Plain arithmetic wraps (`&+`, `&-`, `&*`); the `_sat` forms,
// narrowing and q15mulr clamp to the lane's range, computed in `Int` where the exact
// result always fits (they only exist for 8- and 16-bit lanes).
extension SIMDSemantics {
    static func integerUnary(_ op: SIMDOperator, _ a: V128) -> V128? {
        switch op {
        case .v128Not: return V128(low: ~a.low, high: ~a.high)
        case .i8x16Abs: return absolute(a, Int8.self)
        case .i16x8Abs: return absolute(a, Int16.self)
        case .i32x4Abs: return absolute(a, Int32.self)
        case .i64x2Abs: return absolute(a, Int64.self)
        case .i8x16Neg: return a.mapLanes(UInt8.self) { 0 &- $0 }
        case .i16x8Neg: return a.mapLanes(UInt16.self) { 0 &- $0 }
        case .i32x4Neg: return a.mapLanes(UInt32.self) { 0 &- $0 }
        case .i64x2Neg: return a.mapLanes(UInt64.self) { 0 &- $0 }
        case .i8x16Popcnt: return a.mapLanes(UInt8.self) { UInt8(truncatingIfNeeded: $0.nonzeroBitCount) }
        case .i16x8ExtendLowI8x16S: return extend(a, from: Int8.self, to: Int16.self, high: false)
        case .i16x8ExtendHighI8x16S: return extend(a, from: Int8.self, to: Int16.self, high: true)
        case .i16x8ExtendLowI8x16U: return extend(a, from: UInt8.self, to: UInt16.self, high: false)
        case .i16x8ExtendHighI8x16U: return extend(a, from: UInt8.self, to: UInt16.self, high: true)
        case .i32x4ExtendLowI16x8S: return extend(a, from: Int16.self, to: Int32.self, high: false)
        case .i32x4ExtendHighI16x8S: return extend(a, from: Int16.self, to: Int32.self, high: true)
        case .i32x4ExtendLowI16x8U: return extend(a, from: UInt16.self, to: UInt32.self, high: false)
        case .i32x4ExtendHighI16x8U: return extend(a, from: UInt16.self, to: UInt32.self, high: true)
        case .i64x2ExtendLowI32x4S: return extend(a, from: Int32.self, to: Int64.self, high: false)
        case .i64x2ExtendHighI32x4S: return extend(a, from: Int32.self, to: Int64.self, high: true)
        case .i64x2ExtendLowI32x4U: return extend(a, from: UInt32.self, to: UInt64.self, high: false)
        case .i64x2ExtendHighI32x4U: return extend(a, from: UInt32.self, to: UInt64.self, high: true)
        case .i16x8ExtaddPairwiseI8x16S: return pairwiseSum(a, from: Int8.self, to: Int16.self)
        case .i16x8ExtaddPairwiseI8x16U: return pairwiseSum(a, from: UInt8.self, to: UInt16.self)
        case .i32x4ExtaddPairwiseI16x8S: return pairwiseSum(a, from: Int16.self, to: Int32.self)
        case .i32x4ExtaddPairwiseI16x8U: return pairwiseSum(a, from: UInt16.self, to: UInt32.self)
        default: return nil
        }
    }

    static func bitwiseBinary(_ op: SIMDOperator, _ a: V128, _ b: V128) -> V128? {
        switch op {
        case .v128And: return V128(low: a.low & b.low, high: a.high & b.high)
        case .v128Andnot: return V128(low: a.low & ~b.low, high: a.high & ~b.high)
        case .v128Or: return V128(low: a.low | b.low, high: a.high | b.high)
        case .v128Xor: return V128(low: a.low ^ b.low, high: a.high ^ b.high)
        case .i8x16Swizzle: return swizzle(a, b)
        default: return nil
        }
    }

    static func integerComparison(_ op: SIMDOperator, _ a: V128, _ b: V128) -> V128? {
        switch op {
        case .i8x16Eq: return a.compareLanes(b, UInt8.self, ==)
        case .i8x16Ne: return a.compareLanes(b, UInt8.self, !=)
        case .i8x16LtS: return a.compareLanes(b, Int8.self, <)
        case .i8x16LtU: return a.compareLanes(b, UInt8.self, <)
        case .i8x16GtS: return a.compareLanes(b, Int8.self, >)
        case .i8x16GtU: return a.compareLanes(b, UInt8.self, >)
        case .i8x16LeS: return a.compareLanes(b, Int8.self, <=)
        case .i8x16LeU: return a.compareLanes(b, UInt8.self, <=)
        case .i8x16GeS: return a.compareLanes(b, Int8.self, >=)
        case .i8x16GeU: return a.compareLanes(b, UInt8.self, >=)
        case .i16x8Eq: return a.compareLanes(b, UInt16.self, ==)
        case .i16x8Ne: return a.compareLanes(b, UInt16.self, !=)
        case .i16x8LtS: return a.compareLanes(b, Int16.self, <)
        case .i16x8LtU: return a.compareLanes(b, UInt16.self, <)
        case .i16x8GtS: return a.compareLanes(b, Int16.self, >)
        case .i16x8GtU: return a.compareLanes(b, UInt16.self, >)
        case .i16x8LeS: return a.compareLanes(b, Int16.self, <=)
        case .i16x8LeU: return a.compareLanes(b, UInt16.self, <=)
        case .i16x8GeS: return a.compareLanes(b, Int16.self, >=)
        case .i16x8GeU: return a.compareLanes(b, UInt16.self, >=)
        case .i32x4Eq: return a.compareLanes(b, UInt32.self, ==)
        case .i32x4Ne: return a.compareLanes(b, UInt32.self, !=)
        case .i32x4LtS: return a.compareLanes(b, Int32.self, <)
        case .i32x4LtU: return a.compareLanes(b, UInt32.self, <)
        case .i32x4GtS: return a.compareLanes(b, Int32.self, >)
        case .i32x4GtU: return a.compareLanes(b, UInt32.self, >)
        case .i32x4LeS: return a.compareLanes(b, Int32.self, <=)
        case .i32x4LeU: return a.compareLanes(b, UInt32.self, <=)
        case .i32x4GeS: return a.compareLanes(b, Int32.self, >=)
        case .i32x4GeU: return a.compareLanes(b, UInt32.self, >=)
        case .i64x2Eq: return a.compareLanes(b, UInt64.self, ==)
        case .i64x2Ne: return a.compareLanes(b, UInt64.self, !=)
        case .i64x2LtS: return a.compareLanes(b, Int64.self, <)
        case .i64x2GtS: return a.compareLanes(b, Int64.self, >)
        case .i64x2LeS: return a.compareLanes(b, Int64.self, <=)
        case .i64x2GeS: return a.compareLanes(b, Int64.self, >=)
        default: return nil
        }
    }

    static func integerArithmetic(_ op: SIMDOperator, _ a: V128, _ b: V128) -> V128? {
        if let result = wrappingOrSaturating(op, a, b) { return result }
        if let result = minimumMaximumOrAverage(op, a, b) { return result }
        return widening(op, a, b)
    }

    private static func wrappingOrSaturating(_ op: SIMDOperator, _ a: V128, _ b: V128) -> V128? {
        switch op {
        case .i8x16Add: return a.zipLanes(b, UInt8.self, &+)
        case .i16x8Add: return a.zipLanes(b, UInt16.self, &+)
        case .i32x4Add: return a.zipLanes(b, UInt32.self, &+)
        case .i64x2Add: return a.zipLanes(b, UInt64.self, &+)
        case .i8x16Sub: return a.zipLanes(b, UInt8.self, &-)
        case .i16x8Sub: return a.zipLanes(b, UInt16.self, &-)
        case .i32x4Sub: return a.zipLanes(b, UInt32.self, &-)
        case .i64x2Sub: return a.zipLanes(b, UInt64.self, &-)
        case .i16x8Mul: return a.zipLanes(b, UInt16.self, &*)
        case .i32x4Mul: return a.zipLanes(b, UInt32.self, &*)
        case .i64x2Mul: return a.zipLanes(b, UInt64.self, &*)
        case .i8x16AddSatS: return saturatingAdd(a, b, Int8.self)
        case .i8x16AddSatU: return saturatingAdd(a, b, UInt8.self)
        case .i16x8AddSatS: return saturatingAdd(a, b, Int16.self)
        case .i16x8AddSatU: return saturatingAdd(a, b, UInt16.self)
        case .i8x16SubSatS: return saturatingSubtract(a, b, Int8.self)
        case .i8x16SubSatU: return saturatingSubtract(a, b, UInt8.self)
        case .i16x8SubSatS: return saturatingSubtract(a, b, Int16.self)
        case .i16x8SubSatU: return saturatingSubtract(a, b, UInt16.self)
        case .i16x8Q15mulrSatS: return q15MultiplyRoundingSaturating(a, b)
        case .i8x16NarrowI16x8S: return narrow(a, b, from: Int16.self, to: Int8.self)
        case .i8x16NarrowI16x8U: return narrow(a, b, from: Int16.self, to: UInt8.self)
        case .i16x8NarrowI32x4S: return narrow(a, b, from: Int32.self, to: Int16.self)
        case .i16x8NarrowI32x4U: return narrow(a, b, from: Int32.self, to: UInt16.self)
        default: return nil
        }
    }

    private static func minimumMaximumOrAverage(_ op: SIMDOperator, _ a: V128, _ b: V128) -> V128? {
        switch op {
        case .i8x16MinS: return a.zipLanes(b, Int8.self, min)
        case .i8x16MinU: return a.zipLanes(b, UInt8.self, min)
        case .i8x16MaxS: return a.zipLanes(b, Int8.self, max)
        case .i8x16MaxU: return a.zipLanes(b, UInt8.self, max)
        case .i16x8MinS: return a.zipLanes(b, Int16.self, min)
        case .i16x8MinU: return a.zipLanes(b, UInt16.self, min)
        case .i16x8MaxS: return a.zipLanes(b, Int16.self, max)
        case .i16x8MaxU: return a.zipLanes(b, UInt16.self, max)
        case .i32x4MinS: return a.zipLanes(b, Int32.self, min)
        case .i32x4MinU: return a.zipLanes(b, UInt32.self, min)
        case .i32x4MaxS: return a.zipLanes(b, Int32.self, max)
        case .i32x4MaxU: return a.zipLanes(b, UInt32.self, max)
        case .i8x16AvgrU: return averageRoundingUp(a, b, UInt8.self)
        case .i16x8AvgrU: return averageRoundingUp(a, b, UInt16.self)
        default: return nil
        }
    }

    private static func widening(_ op: SIMDOperator, _ a: V128, _ b: V128) -> V128? {
        switch op {
        case .i16x8ExtmulLowI8x16S: return extendedProduct(a, b, from: Int8.self, to: Int16.self, high: false)
        case .i16x8ExtmulHighI8x16S: return extendedProduct(a, b, from: Int8.self, to: Int16.self, high: true)
        case .i16x8ExtmulLowI8x16U: return extendedProduct(a, b, from: UInt8.self, to: UInt16.self, high: false)
        case .i16x8ExtmulHighI8x16U: return extendedProduct(a, b, from: UInt8.self, to: UInt16.self, high: true)
        case .i32x4ExtmulLowI16x8S: return extendedProduct(a, b, from: Int16.self, to: Int32.self, high: false)
        case .i32x4ExtmulHighI16x8S: return extendedProduct(a, b, from: Int16.self, to: Int32.self, high: true)
        case .i32x4ExtmulLowI16x8U: return extendedProduct(a, b, from: UInt16.self, to: UInt32.self, high: false)
        case .i32x4ExtmulHighI16x8U: return extendedProduct(a, b, from: UInt16.self, to: UInt32.self, high: true)
        case .i64x2ExtmulLowI32x4S: return extendedProduct(a, b, from: Int32.self, to: Int64.self, high: false)
        case .i64x2ExtmulHighI32x4S: return extendedProduct(a, b, from: Int32.self, to: Int64.self, high: true)
        case .i64x2ExtmulLowI32x4U: return extendedProduct(a, b, from: UInt32.self, to: UInt64.self, high: false)
        case .i64x2ExtmulHighI32x4U: return extendedProduct(a, b, from: UInt32.self, to: UInt64.self, high: true)
        case .i32x4DotI16x8S: return dotProduct(a, b)
        default: return nil
        }
    }

    // MARK: Lane-generic building blocks

    /// `abs` wraps: the most negative lane value stays as it is.
    private static func absolute<Lane: FixedWidthInteger & SignedInteger>(_ a: V128, _: Lane.Type) -> V128 {
        a.mapLanes(Lane.self) { Lane(truncatingIfNeeded: $0.magnitude) }
    }

    private static func saturatingAdd<Lane: FixedWidthInteger>(_ a: V128, _ b: V128, _: Lane.Type) -> V128 {
        a.zipLanes(b, Lane.self) { Lane(clamping: Int(truncatingIfNeeded: $0) &+ Int(truncatingIfNeeded: $1)) }
    }

    private static func saturatingSubtract<Lane: FixedWidthInteger>(_ a: V128, _ b: V128, _: Lane.Type) -> V128 {
        a.zipLanes(b, Lane.self) { Lane(clamping: Int(truncatingIfNeeded: $0) &- Int(truncatingIfNeeded: $1)) }
    }

    /// `(a + b + 1) / 2` without overflow.
    private static func averageRoundingUp<Lane: FixedWidthInteger & UnsignedInteger>(
        _ a: V128, _ b: V128, _: Lane.Type
    ) -> V128 {
        a.zipLanes(b, Lane.self) {
            Lane(truncatingIfNeeded: (UInt64(truncatingIfNeeded: $0) &+ UInt64(truncatingIfNeeded: $1) &+ 1) &>> 1)
        }
    }

    /// `i16x8.q15mulr_sat_s`: the Q15 fixed-point product, rounded, saturated (only
    /// -1 * -1 overflows).
    private static func q15MultiplyRoundingSaturating(_ a: V128, _ b: V128) -> V128 {
        a.zipLanes(b, Int16.self) { Int16(clamping: (Int($0) &* Int($1) &+ 0x4000) &>> 15) }
    }

    /// Lanes of `a` then lanes of `b`, each clamped into the narrower lane type. The inputs
    /// are signed in both the `_s` and the `_u` forms.
    private static func narrow<Wide: FixedWidthInteger & SignedInteger, Narrow: FixedWidthInteger>(
        _ a: V128, _ b: V128, from _: Wide.Type, to _: Narrow.Type
    ) -> V128 {
        let half = V128.laneCount(of: Wide.self)
        return V128.lanes(Narrow.self) { index in
            let source = index < half ? a : b
            return Narrow(clamping: source.lane(index % half, as: Wide.self))
        }
    }

    /// The low or high half of the narrow lanes, each sign- or zero-extended (by the
    /// signedness of `Narrow`) to a wide lane.
    private static func extend<Narrow: FixedWidthInteger, Wide: FixedWidthInteger>(
        _ a: V128, from _: Narrow.Type, to _: Wide.Type, high: Bool
    ) -> V128 {
        let first = high ? V128.laneCount(of: Wide.self) : 0
        return V128.lanes(Wide.self) { Wide(truncatingIfNeeded: a.lane(first &+ $0, as: Narrow.self)) }
    }

    /// Products of the extended low or high halves; they always fit the wide lane.
    private static func extendedProduct<Narrow: FixedWidthInteger, Wide: FixedWidthInteger>(
        _ a: V128, _ b: V128, from _: Narrow.Type, to _: Wide.Type, high: Bool
    ) -> V128 {
        let first = high ? V128.laneCount(of: Wide.self) : 0
        return V128.lanes(Wide.self) { index in
            let left = Wide(truncatingIfNeeded: a.lane(first &+ index, as: Narrow.self))
            let right = Wide(truncatingIfNeeded: b.lane(first &+ index, as: Narrow.self))
            return left &* right
        }
    }

    /// Wide lane `i` is the sum of narrow lanes `2i` and `2i + 1`, extended.
    private static func pairwiseSum<Narrow: FixedWidthInteger, Wide: FixedWidthInteger>(
        _ a: V128, from _: Narrow.Type, to _: Wide.Type
    ) -> V128 {
        V128.lanes(Wide.self) { index in
            let even = Wide(truncatingIfNeeded: a.lane(2 &* index, as: Narrow.self))
            let odd = Wide(truncatingIfNeeded: a.lane(2 &* index &+ 1, as: Narrow.self))
            return even &+ odd
        }
    }

    /// `i32x4.dot_i16x8_s`: sums of adjacent signed 16-bit products. The sum wraps in the
    /// one case it overflows (all four inputs -32768).
    private static func dotProduct(_ a: V128, _ b: V128) -> V128 {
        V128.lanes(Int32.self) { index in
            let even = Int32(a.lane(2 &* index, as: Int16.self)) &* Int32(b.lane(2 &* index, as: Int16.self))
            let odd = Int32(a.lane(2 &* index &+ 1, as: Int16.self)) &* Int32(b.lane(2 &* index &+ 1, as: Int16.self))
            return even &+ odd
        }
    }
}
