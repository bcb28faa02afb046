/// The meaning of every `NumericOperator`, on value-stack slot bits (an i32/f32 lives in
/// the low 32 bits with the upper 32 bits zero; results keep that invariant).
///
/// The operators themselves are small typed functions, grouped by kind in
/// `IntegerSemantics.swift`, `FloatSemantics.swift` and `ConversionSemantics.swift`, for
/// the executor to call directly on hot paths; `evaluateUnary` / `evaluateBinary` are the
/// generic entry points built from them.
enum NumericSemantics {
    /// Evaluates a one-operand operator (tests, conversions, unary float ops, extends...).
    /// A two-operand operator here is a caller bug, reported as `.unreachable`.
    static func evaluateUnary(_ op: NumericOperator, _ operand: UInt64) throws(TrapReason) -> UInt64 {
        let a = operand
        switch op {
        case .i32Eqz: return slot(bool: i32Eqz(u32(a)))
        case .i64Eqz: return slot(bool: i64Eqz(a))
        case .i32Clz: return slot(u32: i32Clz(u32(a)))
        case .i32Ctz: return slot(u32: i32Ctz(u32(a)))
        case .i32Popcnt: return slot(u32: i32Popcnt(u32(a)))
        case .i64Clz: return i64Clz(a)
        case .i64Ctz: return i64Ctz(a)
        case .i64Popcnt: return i64Popcnt(a)

        case .f32Abs: return slot(f32: f32Abs(f32(a)))
        case .f32Neg: return slot(f32: f32Neg(f32(a)))
        case .f32Ceil: return slot(f32: f32Ceil(f32(a)))
        case .f32Floor: return slot(f32: f32Floor(f32(a)))
        case .f32Trunc: return slot(f32: f32Trunc(f32(a)))
        case .f32Nearest: return slot(f32: f32Nearest(f32(a)))
        case .f32Sqrt: return slot(f32: f32Sqrt(f32(a)))
        case .f64Abs: return slot(f64: f64Abs(f64(a)))
        case .f64Neg: return slot(f64: f64Neg(f64(a)))
        case .f64Ceil: return slot(f64: f64Ceil(f64(a)))
        case .f64Floor: return slot(f64: f64Floor(f64(a)))
        case .f64Trunc: return slot(f64: f64Trunc(f64(a)))
        case .f64Nearest: return slot(f64: f64Nearest(f64(a)))
        case .f64Sqrt: return slot(f64: f64Sqrt(f64(a)))

        case .i32WrapI64: return slot(u32: i32WrapI64(a))
        case .i64ExtendI32S: return slot(s64: i64ExtendI32S(u32(a)))
        case .i64ExtendI32U: return i64ExtendI32U(u32(a))
        case .i32Extend8S: return slot(s32: i32Extend8S(u32(a)))
        case .i32Extend16S: return slot(s32: i32Extend16S(u32(a)))
        case .i64Extend8S: return slot(s64: i64Extend8S(a))
        case .i64Extend16S: return slot(s64: i64Extend16S(a))
        case .i64Extend32S: return slot(s64: i64Extend32S(a))

        case .i32TruncF32S: return slot(s32: try i32TruncF32S(f32(a)))
        case .i32TruncF32U: return slot(u32: try i32TruncF32U(f32(a)))
        case .i32TruncF64S: return slot(s32: try i32TruncF64S(f64(a)))
        case .i32TruncF64U: return slot(u32: try i32TruncF64U(f64(a)))
        case .i64TruncF32S: return slot(s64: try i64TruncF32S(f32(a)))
        case .i64TruncF32U: return try i64TruncF32U(f32(a))
        case .i64TruncF64S: return slot(s64: try i64TruncF64S(f64(a)))
        case .i64TruncF64U: return try i64TruncF64U(f64(a))

        case .i32TruncSatF32S: return slot(s32: i32TruncSatF32S(f32(a)))
        case .i32TruncSatF32U: return slot(u32: i32TruncSatF32U(f32(a)))
        case .i32TruncSatF64S: return slot(s32: i32TruncSatF64S(f64(a)))
        case .i32TruncSatF64U: return slot(u32: i32TruncSatF64U(f64(a)))
        case .i64TruncSatF32S: return slot(s64: i64TruncSatF32S(f32(a)))
        case .i64TruncSatF32U: return i64TruncSatF32U(f32(a))
        case .i64TruncSatF64S: return slot(s64: i64TruncSatF64S(f64(a)))
        case .i64TruncSatF64U: return i64TruncSatF64U(f64(a))

        case .f32ConvertI32S: return slot(f32: f32ConvertI32S(s32(a)))
        case .f32ConvertI32U: return slot(f32: f32ConvertI32U(u32(a)))
        case .f32ConvertI64S: return slot(f32: f32ConvertI64S(s64(a)))
        case .f32ConvertI64U: return slot(f32: f32ConvertI64U(a))
        case .f64ConvertI32S: return slot(f64: f64ConvertI32S(s32(a)))
        case .f64ConvertI32U: return slot(f64: f64ConvertI32U(u32(a)))
        case .f64ConvertI64S: return slot(f64: f64ConvertI64S(s64(a)))
        case .f64ConvertI64U: return slot(f64: f64ConvertI64U(a))
        case .f32DemoteF64: return slot(f32: f32DemoteF64(f64(a)))
        case .f64PromoteF32: return slot(f64: f64PromoteF32(f32(a)))

        // Same bits, same slot layout: nothing to do.
        case .i32ReinterpretF32, .i64ReinterpretF64, .f32ReinterpretI32, .f64ReinterpretI64:
            return a

        case .i32Eq, .i32Ne, .i32LtS, .i32LtU, .i32GtS, .i32GtU, .i32LeS, .i32LeU, .i32GeS, .i32GeU,
            .i64Eq, .i64Ne, .i64LtS, .i64LtU, .i64GtS, .i64GtU, .i64LeS, .i64LeU, .i64GeS, .i64GeU,
            .f32Eq, .f32Ne, .f32Lt, .f32Gt, .f32Le, .f32Ge, .f64Eq, .f64Ne, .f64Lt, .f64Gt, .f64Le, .f64Ge,
            .i32Add, .i32Sub, .i32Mul, .i32DivS, .i32DivU, .i32RemS, .i32RemU,
            .i32And, .i32Or, .i32Xor, .i32Shl, .i32ShrS, .i32ShrU, .i32Rotl, .i32Rotr,
            .i64Add, .i64Sub, .i64Mul, .i64DivS, .i64DivU, .i64RemS, .i64RemU,
            .i64And, .i64Or, .i64Xor, .i64Shl, .i64ShrS, .i64ShrU, .i64Rotl, .i64Rotr,
            .f32Add, .f32Sub, .f32Mul, .f32Div, .f32Min, .f32Max, .f32Copysign,
            .f64Add, .f64Sub, .f64Mul, .f64Div, .f64Min, .f64Max, .f64Copysign:
            throw .unreachable
        }
    }

    /// Evaluates a two-operand operator; `lhs` was pushed first.
    /// A one-operand operator here is a caller bug, reported as `.unreachable`.
    static func evaluateBinary(_ op: NumericOperator, _ lhs: UInt64, _ rhs: UInt64) throws(TrapReason) -> UInt64 {
        let a = lhs
        let b = rhs
        switch op {
        case .i32Eq: return slot(bool: i32Eq(u32(a), u32(b)))
        case .i32Ne: return slot(bool: i32Ne(u32(a), u32(b)))
        case .i32LtS: return slot(bool: i32LtS(s32(a), s32(b)))
        case .i32LtU: return slot(bool: i32LtU(u32(a), u32(b)))
        case .i32GtS: return slot(bool: i32GtS(s32(a), s32(b)))
        case .i32GtU: return slot(bool: i32GtU(u32(a), u32(b)))
        case .i32LeS: return slot(bool: i32LeS(s32(a), s32(b)))
        case .i32LeU: return slot(bool: i32LeU(u32(a), u32(b)))
        case .i32GeS: return slot(bool: i32GeS(s32(a), s32(b)))
        case .i32GeU: return slot(bool: i32GeU(u32(a), u32(b)))

        case .i64Eq: return slot(bool: i64Eq(a, b))
        case .i64Ne: return slot(bool: i64Ne(a, b))
        case .i64LtS: return slot(bool: i64LtS(s64(a), s64(b)))
        case .i64LtU: return slot(bool: i64LtU(a, b))
        case .i64GtS: return slot(bool: i64GtS(s64(a), s64(b)))
        case .i64GtU: return slot(bool: i64GtU(a, b))
        case .i64LeS: return slot(bool: i64LeS(s64(a), s64(b)))
        case .i64LeU: return slot(bool: i64LeU(a, b))
        case .i64GeS: return slot(bool: i64GeS(s64(a), s64(b)))
        case .i64GeU: return slot(bool: i64GeU(a, b))

        case .f32Eq: return slot(bool: f32Eq(f32(a), f32(b)))
        case .f32Ne: return slot(bool: f32Ne(f32(a), f32(b)))
        case .f32Lt: return slot(bool: f32Lt(f32(a), f32(b)))
        case .f32Gt: return slot(bool: f32Gt(f32(a), f32(b)))
        case .f32Le: return slot(bool: f32Le(f32(a), f32(b)))
        case .f32Ge: return slot(bool: f32Ge(f32(a), f32(b)))
        case .f64Eq: return slot(bool: f64Eq(f64(a), f64(b)))
        case .f64Ne: return slot(bool: f64Ne(f64(a), f64(b)))
        case .f64Lt: return slot(bool: f64Lt(f64(a), f64(b)))
        case .f64Gt: return slot(bool: f64Gt(f64(a), f64(b)))
        case .f64Le: return slot(bool: f64Le(f64(a), f64(b)))
        case .f64Ge: return slot(bool: f64Ge(f64(a), f64(b)))

        case .i32Add: return slot(u32: i32Add(u32(a), u32(b)))
        case .i32Sub: return slot(u32: i32Sub(u32(a), u32(b)))
        case .i32Mul: return slot(u32: i32Mul(u32(a), u32(b)))
        case .i32DivS: return slot(s32: try i32DivS(s32(a), s32(b)))
        case .i32DivU: return slot(u32: try i32DivU(u32(a), u32(b)))
        case .i32RemS: return slot(s32: try i32RemS(s32(a), s32(b)))
        case .i32RemU: return slot(u32: try i32RemU(u32(a), u32(b)))
        case .i32And: return slot(u32: i32And(u32(a), u32(b)))
        case .i32Or: return slot(u32: i32Or(u32(a), u32(b)))
        case .i32Xor: return slot(u32: i32Xor(u32(a), u32(b)))
        case .i32Shl: return slot(u32: i32Shl(u32(a), u32(b)))
        case .i32ShrS: return slot(s32: i32ShrS(s32(a), s32(b)))
        case .i32ShrU: return slot(u32: i32ShrU(u32(a), u32(b)))
        case .i32Rotl: return slot(u32: i32Rotl(u32(a), u32(b)))
        case .i32Rotr: return slot(u32: i32Rotr(u32(a), u32(b)))

        case .i64Add: return i64Add(a, b)
        case .i64Sub: return i64Sub(a, b)
        case .i64Mul: return i64Mul(a, b)
        case .i64DivS: return slot(s64: try i64DivS(s64(a), s64(b)))
        case .i64DivU: return try i64DivU(a, b)
        case .i64RemS: return slot(s64: try i64RemS(s64(a), s64(b)))
        case .i64RemU: return try i64RemU(a, b)
        case .i64And: return i64And(a, b)
        case .i64Or: return i64Or(a, b)
        case .i64Xor: return i64Xor(a, b)
        case .i64Shl: return i64Shl(a, b)
        case .i64ShrS: return slot(s64: i64ShrS(s64(a), s64(b)))
        case .i64ShrU: return i64ShrU(a, b)
        case .i64Rotl: return i64Rotl(a, b)
        case .i64Rotr: return i64Rotr(a, b)

        case .f32Add: return slot(f32: f32Add(f32(a), f32(b)))
        case .f32Sub: return slot(f32: f32Sub(f32(a), f32(b)))
        case .f32Mul: return slot(f32: f32Mul(f32(a), f32(b)))
        case .f32Div: return slot(f32: f32Div(f32(a), f32(b)))
        case .f32Min: return slot(f32: f32Min(f32(a), f32(b)))
        case .f32Max: return slot(f32: f32Max(f32(a), f32(b)))
        case .f32Copysign: return slot(f32: f32Copysign(f32(a), f32(b)))
        case .f64Add: return slot(f64: f64Add(f64(a), f64(b)))
        case .f64Sub: return slot(f64: f64Sub(f64(a), f64(b)))
        case .f64Mul: return slot(f64: f64Mul(f64(a), f64(b)))
        case .f64Div: return slot(f64: f64Div(f64(a), f64(b)))
        case .f64Min: return slot(f64: f64Min(f64(a), f64(b)))
        case .f64Max: return slot(f64: f64Max(f64(a), f64(b)))
        case .f64Copysign: return slot(f64: f64Copysign(f64(a), f64(b)))

        case .i32Eqz, .i64Eqz, .i32Clz, .i32Ctz, .i32Popcnt, .i64Clz, .i64Ctz, .i64Popcnt,
            .f32Abs, .f32Neg, .f32Ceil, .f32Floor, .f32Trunc, .f32Nearest, .f32Sqrt,
            .f64Abs, .f64Neg, .f64Ceil, .f64Floor, .f64Trunc, .f64Nearest, .f64Sqrt,
            .i32WrapI64, .i64ExtendI32S, .i64ExtendI32U,
            .i32Extend8S, .i32Extend16S, .i64Extend8S, .i64Extend16S, .i64Extend32S,
            .i32TruncF32S, .i32TruncF32U, .i32TruncF64S, .i32TruncF64U,
            .i64TruncF32S, .i64TruncF32U, .i64TruncF64S, .i64TruncF64U,
            .i32TruncSatF32S, .i32TruncSatF32U, .i32TruncSatF64S, .i32TruncSatF64U,
            .i64TruncSatF32S, .i64TruncSatF32U, .i64TruncSatF64S, .i64TruncSatF64U,
            .f32ConvertI32S, .f32ConvertI32U, .f32ConvertI64S, .f32ConvertI64U,
            .f64ConvertI32S, .f64ConvertI32U, .f64ConvertI64S, .f64ConvertI64U,
            .f32DemoteF64, .f64PromoteF32,
            .i32ReinterpretF32, .i64ReinterpretF64, .f32ReinterpretI32, .f64ReinterpretI64:
            throw .unreachable
        }
    }
}

// Reading operands from slots and writing results back. The i32/f32 readers ignore the
// upper half; the writers zero it.
extension NumericSemantics {
    @inline(__always) static func u32(_ slot: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: slot) }
    @inline(__always) static func s32(_ slot: UInt64) -> Int32 { Int32(truncatingIfNeeded: slot) }
    @inline(__always) static func s64(_ slot: UInt64) -> Int64 { Int64(bitPattern: slot) }
    @inline(__always) static func f32(_ slot: UInt64) -> Float { Float(bitPattern: UInt32(truncatingIfNeeded: slot)) }
    @inline(__always) static func f64(_ slot: UInt64) -> Double { Double(bitPattern: slot) }

    @inline(__always) static func slot(bool value: Bool) -> UInt64 { value ? 1 : 0 }
    @inline(__always) static func slot(u32 value: UInt32) -> UInt64 { UInt64(value) }
    @inline(__always) static func slot(s32 value: Int32) -> UInt64 { UInt64(UInt32(bitPattern: value)) }
    @inline(__always) static func slot(s64 value: Int64) -> UInt64 { UInt64(bitPattern: value) }
    @inline(__always) static func slot(f32 value: Float) -> UInt64 { UInt64(value.bitPattern) }
    @inline(__always) static func slot(f64 value: Double) -> UInt64 { value.bitPattern }
}
