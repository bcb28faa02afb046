// Viewing a V128 as lanes. Lane 0 is the lowest-addressed (least significant) one, so an
// N-bit lane `i` sits at bit `i * N` of the 128-bit little-endian value.
//
// The lane type chooses both width and signedness: `lane(3, as: Int16.self)` is lane 3 of
// an i16x8 read as signed. Indices are always reduced modulo the lane count, so a bad
// index from the caller picks a wrong lane but can never trap.
extension V128 {
    static let zero = V128(low: 0, high: 0)

    @inline(__always) static func laneCount<Lane: FixedWidthInteger>(of _: Lane.Type) -> Int {
        128 / Lane.bitWidth
    }

    @inline(__always) func lane<Lane: FixedWidthInteger>(_ index: Int, as _: Lane.Type) -> Lane {
        let lanesPerWord = 64 / Lane.bitWidth
        let index = index & (2 &* lanesPerWord &- 1)
        let word = index < lanesPerWord ? low : high
        let shift = (index & (lanesPerWord &- 1)) &* Lane.bitWidth
        return Lane(truncatingIfNeeded: word &>> UInt64(shift))
    }

    @inline(__always) mutating func setLane<Lane: FixedWidthInteger>(_ index: Int, to value: Lane) {
        let lanesPerWord = 64 / Lane.bitWidth
        let index = index & (2 &* lanesPerWord &- 1)
        let shift = UInt64((index & (lanesPerWord &- 1)) &* Lane.bitWidth)
        let mask: UInt64 = Lane.bitWidth == 64 ? .max : (1 &<< UInt64(Lane.bitWidth)) &- 1
        let bits = (UInt64(truncatingIfNeeded: value) & mask) &<< shift
        if index < lanesPerWord {
            low = (low & ~(mask &<< shift)) | bits
        } else {
            high = (high & ~(mask &<< shift)) | bits
        }
    }

    /// A vector whose lane `i` is `make(i)`.
    @inline(__always) static func lanes<Lane: FixedWidthInteger>(_: Lane.Type, _ make: (Int) -> Lane) -> V128 {
        var result = V128.zero
        for index in 0..<laneCount(of: Lane.self) { result.setLane(index, to: make(index)) }
        return result
    }

    /// `transform` applied to each lane.
    @inline(__always) func mapLanes<Lane: FixedWidthInteger>(_: Lane.Type, _ transform: (Lane) -> Lane) -> V128 {
        V128.lanes(Lane.self) { transform(lane($0, as: Lane.self)) }
    }

    /// `combine` applied to each pair of corresponding lanes.
    @inline(__always) func zipLanes<Lane: FixedWidthInteger>(
        _ other: V128, _: Lane.Type, _ combine: (Lane, Lane) -> Lane
    ) -> V128 {
        V128.lanes(Lane.self) { combine(lane($0, as: Lane.self), other.lane($0, as: Lane.self)) }
    }

    /// All ones in each lane where `predicate` holds for the corresponding lanes, else zero.
    @inline(__always) func compareLanes<Lane: FixedWidthInteger>(
        _ other: V128, _: Lane.Type, _ predicate: (Lane, Lane) -> Bool
    ) -> V128 {
        V128.lanes(Lane.self) { predicate(lane($0, as: Lane.self), other.lane($0, as: Lane.self)) ? ~0 : 0 }
    }

    // Float lanes travel as their bit patterns (UInt32 / UInt64), so NaN payloads that an
    // operator must keep (abs, neg, pmin, pmax) are never touched by float registers.

    @inline(__always) func mapF32(_ transform: (Float) -> Float) -> V128 {
        mapLanes(UInt32.self) { transform(Float(bitPattern: $0)).bitPattern }
    }

    @inline(__always) func mapF64(_ transform: (Double) -> Double) -> V128 {
        mapLanes(UInt64.self) { transform(Double(bitPattern: $0)).bitPattern }
    }

    @inline(__always) func zipF32(_ other: V128, _ combine: (Float, Float) -> Float) -> V128 {
        zipLanes(other, UInt32.self) { combine(Float(bitPattern: $0), Float(bitPattern: $1)).bitPattern }
    }

    @inline(__always) func zipF64(_ other: V128, _ combine: (Double, Double) -> Double) -> V128 {
        zipLanes(other, UInt64.self) { combine(Double(bitPattern: $0), Double(bitPattern: $1)).bitPattern }
    }

    @inline(__always) func compareF32(_ other: V128, _ predicate: (Float, Float) -> Bool) -> V128 {
        compareLanes(other, UInt32.self) { predicate(Float(bitPattern: $0), Float(bitPattern: $1)) }
    }

    @inline(__always) func compareF64(_ other: V128, _ predicate: (Double, Double) -> Bool) -> V128 {
        compareLanes(other, UInt64.self) { predicate(Double(bitPattern: $0), Double(bitPattern: $1)) }
    }
}
