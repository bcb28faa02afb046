// What SIMD loads and stores do with the bytes, once the executor has bounds-checked the
// effective address and read `op.width` bytes (or is about to write them).
//
// The raw bytes travel as a little-endian integer: the first byte in memory is the least
// significant. `v128.load` and `v128.store` move 16 bytes as they are and need no helper.
extension SIMDSemantics {
    /// The vector a load without a lane index produces from the `op.width` bytes it read,
    /// given as `raw` (the unread high bytes of `raw` must be zero or are ignored).
    ///
    /// - `v128.loadNxM_s/u`: M lanes of N bits, each extended to 2N bits.
    /// - `v128.loadN_splat`: the N-bit value in every lane.
    /// - `v128.loadN_zero`: the value in the low N bits, zeros above.
    static func load(_ op: SIMDMemoryOperator, raw: UInt64) throws(TrapReason) -> V128 {
        let bytes = V128(low: raw, high: 0)
        switch op {
        case .v128Load8x8S: return try evaluate(.i16x8ExtendLowI8x16S, bytes)
        case .v128Load8x8U: return try evaluate(.i16x8ExtendLowI8x16U, bytes)
        case .v128Load16x4S: return try evaluate(.i32x4ExtendLowI16x8S, bytes)
        case .v128Load16x4U: return try evaluate(.i32x4ExtendLowI16x8U, bytes)
        case .v128Load32x2S: return try evaluate(.i64x2ExtendLowI32x4S, bytes)
        case .v128Load32x2U: return try evaluate(.i64x2ExtendLowI32x4U, bytes)
        case .v128Load8Splat: return try splat(.i8x16Splat, raw)
        case .v128Load16Splat: return try splat(.i16x8Splat, raw)
        case .v128Load32Splat: return try splat(.i32x4Splat, raw)
        case .v128Load64Splat: return try splat(.i64x2Splat, raw)
        case .v128Load32Zero: return V128(low: raw & 0xffff_ffff, high: 0)
        case .v128Load64Zero: return bytes
        default: throw .unreachable
        }
    }

    /// `v128.loadN_lane`: `vector` with lane `lane` (of `op.width` bytes) replaced by `raw`.
    static func loadLane(_ op: SIMDMemoryOperator, into vector: V128, lane: UInt8, raw: UInt64) throws(TrapReason) -> V128 {
        var result = vector
        let index = Int(lane)
        switch op {
        case .v128Load8Lane: result.setLane(index, to: UInt8(truncatingIfNeeded: raw))
        case .v128Load16Lane: result.setLane(index, to: UInt16(truncatingIfNeeded: raw))
        case .v128Load32Lane: result.setLane(index, to: UInt32(truncatingIfNeeded: raw))
        case .v128Load64Lane: result.setLane(index, to: raw)
        default: throw .unreachable
        }
        return result
    }

    /// `v128.storeN_lane`: the `op.width` bytes to write, as a little-endian integer.
    static func storedLane(_ op: SIMDMemoryOperator, of vector: V128, lane: UInt8) throws(TrapReason) -> UInt64 {
        let index = Int(lane)
        switch op {
        case .v128Store8Lane: return UInt64(vector.lane(index, as: UInt8.self))
        case .v128Store16Lane: return UInt64(vector.lane(index, as: UInt16.self))
        case .v128Store32Lane: return UInt64(vector.lane(index, as: UInt32.self))
        case .v128Store64Lane: return vector.lane(index, as: UInt64.self)
        default: throw .unreachable
        }
    }
}
