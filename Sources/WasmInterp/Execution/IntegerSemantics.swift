// Integer operators. Sign-agnostic operators take unsigned values, signed ones signed
// values; nothing here can trap in Swift: arithmetic wraps and shift counts are masked.
extension NumericSemantics {
    // MARK: i32

    @inline(__always) static func i32Eqz(_ a: UInt32) -> Bool { a == 0 }
    @inline(__always) static func i32Eq(_ a: UInt32, _ b: UInt32) -> Bool { a == b }
    @inline(__always) static func i32Ne(_ a: UInt32, _ b: UInt32) -> Bool { a != b }
    @inline(__always) static func i32LtS(_ a: Int32, _ b: Int32) -> Bool { a < b }
    @inline(__always) static func i32LtU(_ a: UInt32, _ b: UInt32) -> Bool { a < b }
    @inline(__always) static func i32GtS(_ a: Int32, _ b: Int32) -> Bool { a > b }
    @inline(__always) static func i32GtU(_ a: UInt32, _ b: UInt32) -> Bool { a > b }
    @inline(__always) static func i32LeS(_ a: Int32, _ b: Int32) -> Bool { a <= b }
    @inline(__always) static func i32LeU(_ a: UInt32, _ b: UInt32) -> Bool { a <= b }
    @inline(__always) static func i32GeS(_ a: Int32, _ b: Int32) -> Bool { a >= b }
    @inline(__always) static func i32GeU(_ a: UInt32, _ b: UInt32) -> Bool { a >= b }

    @inline(__always) static func i32Clz(_ a: UInt32) -> UInt32 { UInt32(truncatingIfNeeded: a.leadingZeroBitCount) }
    @inline(__always) static func i32Ctz(_ a: UInt32) -> UInt32 { UInt32(truncatingIfNeeded: a.trailingZeroBitCount) }
    @inline(__always) static func i32Popcnt(_ a: UInt32) -> UInt32 { UInt32(truncatingIfNeeded: a.nonzeroBitCount) }

    @inline(__always) static func i32Add(_ a: UInt32, _ b: UInt32) -> UInt32 { a &+ b }
    @inline(__always) static func i32Sub(_ a: UInt32, _ b: UInt32) -> UInt32 { a &- b }
    @inline(__always) static func i32Mul(_ a: UInt32, _ b: UInt32) -> UInt32 { a &* b }

    @inline(__always) static func i32DivS(_ a: Int32, _ b: Int32) throws(TrapReason) -> Int32 {
        if b == 0 { throw .integerDivideByZero }
        if a == .min && b == -1 { throw .integerOverflow }
        return a / b
    }

    @inline(__always) static func i32DivU(_ a: UInt32, _ b: UInt32) throws(TrapReason) -> UInt32 {
        if b == 0 { throw .integerDivideByZero }
        return a / b
    }

    /// `INT_MIN rem -1` is 0 in Wasm but overflows in Swift, hence the `-1` case.
    @inline(__always) static func i32RemS(_ a: Int32, _ b: Int32) throws(TrapReason) -> Int32 {
        if b == 0 { throw .integerDivideByZero }
        if b == -1 { return 0 }
        return a % b
    }

    @inline(__always) static func i32RemU(_ a: UInt32, _ b: UInt32) throws(TrapReason) -> UInt32 {
        if b == 0 { throw .integerDivideByZero }
        return a % b
    }

    @inline(__always) static func i32And(_ a: UInt32, _ b: UInt32) -> UInt32 { a & b }
    @inline(__always) static func i32Or(_ a: UInt32, _ b: UInt32) -> UInt32 { a | b }
    @inline(__always) static func i32Xor(_ a: UInt32, _ b: UInt32) -> UInt32 { a ^ b }
    // `&<<` and `&>>` take the count modulo the bit width, exactly as Wasm does.
    @inline(__always) static func i32Shl(_ a: UInt32, _ b: UInt32) -> UInt32 { a &<< b }
    @inline(__always) static func i32ShrS(_ a: Int32, _ b: Int32) -> Int32 { a &>> b }
    @inline(__always) static func i32ShrU(_ a: UInt32, _ b: UInt32) -> UInt32 { a &>> b }
    // With a count of 0 the other shift is by 32 ≡ 0, so both halves are `a`: still right.
    @inline(__always) static func i32Rotl(_ a: UInt32, _ b: UInt32) -> UInt32 { (a &<< b) | (a &>> (32 &- b)) }
    @inline(__always) static func i32Rotr(_ a: UInt32, _ b: UInt32) -> UInt32 { (a &>> b) | (a &<< (32 &- b)) }

    @inline(__always) static func i32Extend8S(_ a: UInt32) -> Int32 { Int32(Int8(truncatingIfNeeded: a)) }
    @inline(__always) static func i32Extend16S(_ a: UInt32) -> Int32 { Int32(Int16(truncatingIfNeeded: a)) }
    @inline(__always) static func i32WrapI64(_ a: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: a) }

    // MARK: i64

    @inline(__always) static func i64Eqz(_ a: UInt64) -> Bool { a == 0 }
    @inline(__always) static func i64Eq(_ a: UInt64, _ b: UInt64) -> Bool { a == b }
    @inline(__always) static func i64Ne(_ a: UInt64, _ b: UInt64) -> Bool { a != b }
    @inline(__always) static func i64LtS(_ a: Int64, _ b: Int64) -> Bool { a < b }
    @inline(__always) static func i64LtU(_ a: UInt64, _ b: UInt64) -> Bool { a < b }
    @inline(__always) static func i64GtS(_ a: Int64, _ b: Int64) -> Bool { a > b }
    @inline(__always) static func i64GtU(_ a: UInt64, _ b: UInt64) -> Bool { a > b }
    @inline(__always) static func i64LeS(_ a: Int64, _ b: Int64) -> Bool { a <= b }
    @inline(__always) static func i64LeU(_ a: UInt64, _ b: UInt64) -> Bool { a <= b }
    @inline(__always) static func i64GeS(_ a: Int64, _ b: Int64) -> Bool { a >= b }
    @inline(__always) static func i64GeU(_ a: UInt64, _ b: UInt64) -> Bool { a >= b }

    @inline(__always) static func i64Clz(_ a: UInt64) -> UInt64 { UInt64(truncatingIfNeeded: a.leadingZeroBitCount) }
    @inline(__always) static func i64Ctz(_ a: UInt64) -> UInt64 { UInt64(truncatingIfNeeded: a.trailingZeroBitCount) }
    @inline(__always) static func i64Popcnt(_ a: UInt64) -> UInt64 { UInt64(truncatingIfNeeded: a.nonzeroBitCount) }

    @inline(__always) static func i64Add(_ a: UInt64, _ b: UInt64) -> UInt64 { a &+ b }
    @inline(__always) static func i64Sub(_ a: UInt64, _ b: UInt64) -> UInt64 { a &- b }
    @inline(__always) static func i64Mul(_ a: UInt64, _ b: UInt64) -> UInt64 { a &* b }

    @inline(__always) static func i64DivS(_ a: Int64, _ b: Int64) throws(TrapReason) -> Int64 {
        if b == 0 { throw .integerDivideByZero }
        if a == .min && b == -1 { throw .integerOverflow }
        return a / b
    }

    @inline(__always) static func i64DivU(_ a: UInt64, _ b: UInt64) throws(TrapReason) -> UInt64 {
        if b == 0 { throw .integerDivideByZero }
        return a / b
    }

    /// `INT_MIN rem -1` is 0 in Wasm but overflows in Swift, hence the `-1` case.
    @inline(__always) static func i64RemS(_ a: Int64, _ b: Int64) throws(TrapReason) -> Int64 {
        if b == 0 { throw .integerDivideByZero }
        if b == -1 { return 0 }
        return a % b
    }

    @inline(__always) static func i64RemU(_ a: UInt64, _ b: UInt64) throws(TrapReason) -> UInt64 {
        if b == 0 { throw .integerDivideByZero }
        return a % b
    }

    @inline(__always) static func i64And(_ a: UInt64, _ b: UInt64) -> UInt64 { a & b }
    @inline(__always) static func i64Or(_ a: UInt64, _ b: UInt64) -> UInt64 { a | b }
    @inline(__always) static func i64Xor(_ a: UInt64, _ b: UInt64) -> UInt64 { a ^ b }
    @inline(__always) static func i64Shl(_ a: UInt64, _ b: UInt64) -> UInt64 { a &<< b }
    @inline(__always) static func i64ShrS(_ a: Int64, _ b: Int64) -> Int64 { a &>> b }
    @inline(__always) static func i64ShrU(_ a: UInt64, _ b: UInt64) -> UInt64 { a &>> b }
    @inline(__always) static func i64Rotl(_ a: UInt64, _ b: UInt64) -> UInt64 { (a &<< b) | (a &>> (64 &- b)) }
    @inline(__always) static func i64Rotr(_ a: UInt64, _ b: UInt64) -> UInt64 { (a &>> b) | (a &<< (64 &- b)) }

    @inline(__always) static func i64Extend8S(_ a: UInt64) -> Int64 { Int64(Int8(truncatingIfNeeded: a)) }
    @inline(__always) static func i64Extend16S(_ a: UInt64) -> Int64 { Int64(Int16(truncatingIfNeeded: a)) }
    @inline(__always) static func i64Extend32S(_ a: UInt64) -> Int64 { Int64(Int32(truncatingIfNeeded: a)) }
    @inline(__always) static func i64ExtendI32S(_ a: UInt32) -> Int64 { Int64(Int32(bitPattern: a)) }
    @inline(__always) static func i64ExtendI32U(_ a: UInt32) -> UInt64 { UInt64(a) }
}
