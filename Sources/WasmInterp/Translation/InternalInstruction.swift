/// One instruction of the internal instruction stream the executor runs.
///
/// Fixed size (16 bytes) so a function's code is one flat buffer. The meaning of
/// `a` and `b` depends on the opcode (see `InternalOpcode`).
struct InternalInstruction {
    var opcode: InternalOpcode
    var a: UInt32
    var b: UInt64

    init(_ opcode: InternalOpcode, a: UInt32 = 0, b: UInt64 = 0) {
        self.opcode = opcode
        self.a = a
        self.b = b
    }
}

/// A branch's effect on the value stack, packed into `InternalInstruction.b`: move the top
/// `arity` slots down to `height` slots above the frame base, then continue at the target.
struct BranchShape {
    var height: UInt32
    var arity: UInt32

    var packed: UInt64 { UInt64(height) | (UInt64(arity) << 32) }

    init(height: UInt32, arity: UInt32) {
        self.height = height
        self.arity = arity
    }

    init(packed: UInt64) {
        height = UInt32(truncatingIfNeeded: packed)
        arity = UInt32(truncatingIfNeeded: packed >> 32)
    }
}

/// Opcodes of the internal instruction stream. The stream is a stack machine over 64-bit
/// slots whose branch targets and stack heights were resolved at translation.
/// Immediates: `a` (32 bits) and `b` (64 bits) as noted.
enum InternalOpcode: UInt16 {
    // Control
    case unreachable
    /// Charge `a` fuel units for the straight-line code that follows.
    case consumeFuel
    /// Jump to `a`; `b` is a packed `BranchShape`.
    case branch
    /// Pop an i32; if non-zero, branch like `branch`.
    case branchIf
    /// Pop an i32; if zero, jump to `a` (no values move: `if`'s false edge).
    case branchIfZero
    /// Jump to `a` (no values move).
    case jump
    /// Pop an index; `a` = number of targets n; followed by n + 1 `branchTableEntry`
    /// instructions (the last is the default), each with target `a` and shape `b`.
    case branchTable
    case branchTableEntry
    /// Return; `a` = result slot count.
    case `return`
    /// Call function `a` of the current instance.
    case call
    /// Pop a table index and call through table `b`, expecting type `a` of the instance.
    case callIndirect
    // Parametric
    /// Pop `a` slots.
    case drop
    /// Pop condition and two one-slot values.
    case select
    /// Pop condition and two two-slot values.
    case selectWide
    // Variables: `a` = slot index in the frame, or global index.
    case localGet
    case localSet
    case localTee
    case localGetWide
    case localSetWide
    case localTeeWide
    case globalGet
    case globalSet
    case globalGetWide
    case globalSetWide
    /// Push the 64-bit constant `b` (any one-slot value: numbers and encoded references).
    case const
    // Tables: `a` = table index (`tableCopy`: `a` destination, `b` source;
    // `tableInit`: `a` table, `b` element segment).
    case tableGet
    case tableSet
    case tableSize
    case tableGrow
    case tableFill
    case tableCopy
    case tableInit
    /// Drop element segment `a`.
    case elementDrop
    // Memory: loads and stores with static offset `b`.
    case i32Load, i64Load, f32Load, f64Load
    case i32Load8S, i32Load8U, i32Load16S, i32Load16U
    case i64Load8S, i64Load8U, i64Load16S, i64Load16U, i64Load32S, i64Load32U
    case i32Store, i64Store, f32Store, f64Store
    case i32Store8, i32Store16, i64Store8, i64Store16, i64Store32
    case memorySize
    case memoryGrow
    /// `memory.init` of data segment `a`.
    case memoryInit
    /// Drop data segment `a`.
    case dataDrop
    case memoryCopy
    case memoryFill
    // Integer fast paths.
    case i32Eqz, i32Eq, i32Ne, i32LtS, i32LtU, i32GtS, i32GtU, i32LeS, i32LeU, i32GeS, i32GeU
    case i32Add, i32Sub, i32Mul, i32And, i32Or, i32Xor, i32Shl, i32ShrS, i32ShrU
    case i64Eqz, i64Eq, i64Ne, i64LtS, i64LtU, i64GtS, i64GtU, i64LeS, i64LeU, i64GeS, i64GeU
    case i64Add, i64Sub, i64Mul, i64And, i64Or, i64Xor, i64Shl, i64ShrS, i64ShrU
    case i32WrapI64, i64ExtendI32S, i64ExtendI32U
    /// Any other one-operand numeric operator; `a` = `NumericOperator` raw value.
    case numericUnary
    /// Any other two-operand numeric operator; `a` = `NumericOperator` raw value.
    case numericBinary
    /// `ref.is_null` (also any 64-bit zero test).
    case refIsNull
}
