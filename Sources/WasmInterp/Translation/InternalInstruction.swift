/// One instruction of the internal instruction stream the executor runs.
///
/// The stream is a register machine over the 64-bit slots of a frame: operands name slots
/// relative to the frame base, so `local.get` and constants cost nothing at run time and a
/// producer writes straight into the local a following `local.set` names. Every instruction
/// is 16 bytes: an opcode, a 16-bit operand `w` (in what would be padding) and three 32-bit
/// operands whose meaning the opcode gives (usually `x` the destination slot, `y` and `z`
/// the source slots). Words that do nothing when executed (`traceMarker` and the operand
/// words `callIndirectFrame`, `selectCondition`, `simdOperands`, `bulkOperand`) keep `w` 0:
/// the loop steps over them by `w` (an empty case would keep LLVM from giving every case its
/// own dispatch).
struct InternalInstruction {
    var opcode: InternalOpcode
    var w: UInt16
    var x: UInt32
    var y: UInt32
    var z: UInt32

    init(_ opcode: InternalOpcode, w: UInt16 = 0, x: UInt32 = 0, y: UInt32 = 0, z: UInt32 = 0) {
        self.opcode = opcode
        self.w = w
        self.x = x
        self.y = y
        self.z = z
    }
}

/// Opcodes of the internal instruction stream. Slots are relative to the frame base: the
/// parameters, then the declared locals, then the function's constants (copied in on
/// entry), then one slot per operand-stack position (two for a v128).
enum InternalOpcode: UInt16 {
    // Control
    case unreachable
    /// Charge `x` fuel units for the block that starts here.
    case consumeFuel
    /// Jump to instruction `x`. (The branches up to `branchIfI64NezLoop` stay together:
    /// `Translator.branchTargets` finds them by their place.)
    case branch
    /// Jump to `x` if slot `y` (i32) is non-zero.
    case branchIf
    /// Jump to `x` if slot `y` (i32) is zero.
    case branchIfZero
    /// Compare-and-branch: jump to `x` if the comparison of slots `y` and `z` holds
    /// (`...Eqz` forms test slot `y` alone).
    case branchIfI32Eq, branchIfI32Ne, branchIfI32LtS, branchIfI32LtU, branchIfI32GtS, branchIfI32GtU
    case branchIfI32LeS, branchIfI32LeU, branchIfI32GeS, branchIfI32GeU
    case branchIfI64Eq, branchIfI64Ne, branchIfI64LtS, branchIfI64LtU, branchIfI64GtS, branchIfI64GtU
    case branchIfI64LeS, branchIfI64LeU, branchIfI64GeS, branchIfI64GeU
    case branchIfI64Eqz, branchIfI64Nez
    /// Loop back edges: like the branches above, but they charge the loop's fuel (the `x` of
    /// the `consumeFuel` at the target) and continue after it, saving a dispatch per iteration.
    case branchLoop, branchIfLoop, branchIfZeroLoop
    case branchIfI32EqLoop, branchIfI32NeLoop, branchIfI32LtSLoop, branchIfI32LtULoop, branchIfI32GtSLoop
    case branchIfI32GtULoop, branchIfI32LeSLoop, branchIfI32LeULoop, branchIfI32GeSLoop, branchIfI32GeULoop
    case branchIfI64NeLoop, branchIfI64LtSLoop, branchIfI64LtULoop, branchIfI64EqzLoop, branchIfI64NezLoop
    /// Index in slot `y`; `x` = number of targets n; followed by n + 1 `branchTableEntry`
    /// instructions (the last is the default), each jumping to its `x`.
    case branchTable
    case branchTableEntry
    /// Return the `x` slots starting at slot `z` (they move to the frame base); `y` is 0,
    /// so the executor can continue with `returnSlot`'s code, whose copy is then a no-op.
    case `return`
    /// Return one one-slot result, moved from slot `y` to the frame base.
    case returnSlot
    /// Return with the results (if any) already at the frame base: nothing to move.
    case returnInPlace
    /// Call function `x` of the instance; its frame (arguments first) starts at slot `y`.
    case call
    /// Call through table `z`'s element at the index in slot `y`, expecting type `x`.
    /// Followed by a `callIndirectFrame` whose `x` is the callee frame's first slot.
    case callIndirect
    case callIndirectFrame
    // Moves
    /// Slot `x` = slot `y`.
    case copy
    /// Slots `x`, `x`+1 = slots `y`, `y`+1 (a v128).
    case copyWide
    /// Two consecutive copies: slot `x` = slot `y`, then slot `w` = slot `z`.
    case copyPair
    /// Slot `x` = slot `y` if the condition is non-zero, else slot `z`; the condition's slot
    /// is the `x` of the `selectCondition` word that follows.
    case select
    case selectWide
    case selectCondition
    /// Slot `x` = global `y`.
    case globalGet
    /// Global `y` = slot `x`.
    case globalSet
    case globalGetWide
    case globalSetWide
    // Memory: loads `x` = dst, `y` = address slot, `z` = static offset; stores `x` = value slot.
    case i32Load, i64Load, f32Load, f64Load
    case i32Load8S, i32Load8U, i32Load16S, i32Load16U
    case i64Load8S, i64Load8U, i64Load16S, i64Load16U, i64Load32S, i64Load32U
    case i32Store, i64Store, f32Store, f64Store
    case i32Store8, i32Store16, i64Store8, i64Store16, i64Store32
    /// A v128 load into slots `x`, `x`+1 / store from them.
    case v128Load, v128Store
    /// Any other SIMD memory instruction (`x` = destination or stored vector); followed by a
    /// `simdOperands` whose `x` is the `SIMDMemoryOperator`, `y` the lane, `z` the slot of the
    /// vector a lane load starts from.
    case simdMemory
    /// Any non-memory SIMD instruction: `x` = destination, `y` and `z` = operand slots;
    /// followed by a `simdOperands` whose `x` is the `SIMDInstructionKind`, `y` a third operand
    /// slot (bitselect, or the shuffle's lane constant) or the lane, `z` the operator.
    case simd
    case simdOperands
    // Table and bulk instructions run out of line (see BulkInstructions.swift); their
    // operands are in consecutive slots starting at `y`, a result goes to `x`, and `z` is
    // the table / segment index (`tableCopy`, `tableInit`: the second index follows in a
    // `bulkOperand` instruction's `x`).
    case memorySize, memoryGrow, memoryInit, dataDrop, memoryCopy, memoryFill
    case tableGet, tableSet, tableSize, tableGrow, tableFill, tableCopy, tableInit, elementDrop
    case bulkOperand
    /// Does nothing: stands for a Wasm instruction that needs no code (`nop`, `block`,
    /// `drop`...) in code translated for tracing, so every Wasm instruction is reported.
    case traceMarker
    /// Slot `x` = whether slot `y` is a null reference (0).
    case refIsNull
    /// Loads and stores whose address is the i32 sum of slots `y` and `z` (an `i32.add`
    /// fused into the access), plus the static offset `w`; `x` as for the plain forms.
    /// Narrower or float forms with the same bits share them (`f64.load` is `i64LoadAtSum`).
    case i32LoadAtSum, i64LoadAtSum, i32Load8SAtSum, i32Load8UAtSum, i32Load16SAtSum, i32Load16UAtSum
    case i32StoreAtSum, i64StoreAtSum, i32Store8AtSum, i32Store16AtSum
    /// f64 arithmetic with one operand loaded from memory (an `f64.load` fused into the
    /// operator that consumes it): slot `x` = slot `y` op the f64 at the address in slot `z`
    /// plus offset `w` (`f64LoadSub`: the loaded value minus slot `y`).
    case f64AddLoad, f64MulLoad, f64SubLoad, f64LoadSub
    /// f64 arithmetic whose result an `f64.store` takes (fused into the store): the f64
    /// slot `y` op slot `z` goes to the address in slot `x` plus offset `w`.
    case f64AddStore, f64SubStore, f64MulStore
    /// Slot `x` = (slot `y` × slot `z`) × slot `w`: an `f64.mul` of a product and a local
    /// or constant (whose slot fits `w`).
    case f64MulMul
    /// Accumulator forms (see Translator+Accumulator.swift): each is the instruction named
    /// before `Acc`, except that its operand named after it (`y` an address or left operand,
    /// `x` a stored value) comes from the accumulator the instruction just before left it in
    /// (`acc` for integers, `facc` for f64): no reload of the slot that was just written.
    case i32LoadAccY, i64LoadAccY, f64LoadAccY, i32Load8SAccY, i32Load8UAccY, i32Load16SAccY, i32Load16UAccY
    case i32LoadAtSumAccY, i64LoadAtSumAccY, i32Load8SAtSumAccY, i32Load8UAtSumAccY, i32Load16SAtSumAccY, i32Load16UAtSumAccY
    case i32StoreAccX, i64StoreAccX, f64StoreAccX, i32Store8AccX, i32Store16AccX
    case f64AddLoadAccY, f64MulLoadAccY, f64SubLoadAccY, f64LoadSubAccY
    case f64AddStoreAccY, f64SubStoreAccY, f64SubStoreAccZ, f64MulStoreAccY
    case f64MulMulAccY
    case branchIfAcc, branchIfZeroAcc, branchIfLoopAcc, branchIfZeroLoopAcc
    case branchIfI32EqAccY, branchIfI32NeAccY, branchIfI32LtSAccY, branchIfI32LtUAccY, branchIfI32GtSAccY
    case branchIfI32GtUAccY, branchIfI32LeSAccY, branchIfI32LeUAccY, branchIfI32GeSAccY, branchIfI32GeUAccY
    case branchIfI32EqLoopAccY, branchIfI32NeLoopAccY, branchIfI32LtSLoopAccY, branchIfI32LtULoopAccY, branchIfI32GtSLoopAccY
    case branchIfI32GtULoopAccY, branchIfI32LeSLoopAccY, branchIfI32LeULoopAccY, branchIfI32GeSLoopAccY, branchIfI32GeULoopAccY
    /// `copy` of the integer (`copyAccY`) or f64 (`copyFAccY`) result just computed.
    case copyAccY, copyFAccY
    /// `select` whose condition (the `x` of its `selectCondition` word) is the integer
    /// result just computed.
    case selectAcc
    // Numeric operators: slot `x` = op(slot `y`, slot `z`).
    // BEGIN GENERATED NUMERIC OPCODES
    case i32Eqz
    case i32Eq
    case i32Ne
    case i32LtS
    case i32LtU
    case i32GtS
    case i32GtU
    case i32LeS
    case i32LeU
    case i32GeS
    case i32GeU
    case i64Eqz
    case i64Eq
    case i64Ne
    case i64LtS
    case i64LtU
    case i64GtS
    case i64GtU
    case i64LeS
    case i64LeU
    case i64GeS
    case i64GeU
    case f32Eq
    case f32Ne
    case f32Lt
    case f32Gt
    case f32Le
    case f32Ge
    case f64Eq
    case f64Ne
    case f64Lt
    case f64Gt
    case f64Le
    case f64Ge
    case i32Clz
    case i32Ctz
    case i32Popcnt
    case i32Add
    case i32Sub
    case i32Mul
    case i32DivS
    case i32DivU
    case i32RemS
    case i32RemU
    case i32And
    case i32Or
    case i32Xor
    case i32Shl
    case i32ShrS
    case i32ShrU
    case i32Rotl
    case i32Rotr
    case i64Clz
    case i64Ctz
    case i64Popcnt
    case i64Add
    case i64Sub
    case i64Mul
    case i64DivS
    case i64DivU
    case i64RemS
    case i64RemU
    case i64And
    case i64Or
    case i64Xor
    case i64Shl
    case i64ShrS
    case i64ShrU
    case i64Rotl
    case i64Rotr
    case f32Abs
    case f32Neg
    case f32Ceil
    case f32Floor
    case f32Trunc
    case f32Nearest
    case f32Sqrt
    case f32Add
    case f32Sub
    case f32Mul
    case f32Div
    case f32Min
    case f32Max
    case f32Copysign
    case f64Abs
    case f64Neg
    case f64Ceil
    case f64Floor
    case f64Trunc
    case f64Nearest
    case f64Sqrt
    case f64Add
    case f64Sub
    case f64Mul
    case f64Div
    case f64Min
    case f64Max
    case f64Copysign
    case i32WrapI64
    case i32TruncF32S
    case i32TruncF32U
    case i32TruncF64S
    case i32TruncF64U
    case i64ExtendI32S
    case i64ExtendI32U
    case i64TruncF32S
    case i64TruncF32U
    case i64TruncF64S
    case i64TruncF64U
    case f32ConvertI32S
    case f32ConvertI32U
    case f32ConvertI64S
    case f32ConvertI64U
    case f32DemoteF64
    case f64ConvertI32S
    case f64ConvertI32U
    case f64ConvertI64S
    case f64ConvertI64U
    case f64PromoteF32
    case i32ReinterpretF32
    case i64ReinterpretF64
    case f32ReinterpretI32
    case f64ReinterpretI64
    case i32Extend8S
    case i32Extend16S
    case i64Extend8S
    case i64Extend16S
    case i64Extend32S
    case i32TruncSatF32S
    case i32TruncSatF32U
    case i32TruncSatF64S
    case i32TruncSatF64U
    case i64TruncSatF32S
    case i64TruncSatF32U
    case i64TruncSatF64S
    case i64TruncSatF64U
    case i32EqzAccY
    case i32EqAccY
    case i32NeAccY
    case i32LtSAccY
    case i32LtUAccY
    case i32GtSAccY
    case i32GtUAccY
    case i32LeSAccY
    case i32LeUAccY
    case i32GeSAccY
    case i32GeUAccY
    case i32AddAccY
    case i32SubAccY
    case i32SubAccZ
    case i32MulAccY
    case i32AndAccY
    case i32OrAccY
    case i32XorAccY
    case i32ShlAccY
    case i32ShlAccZ
    case i32ShrSAccY
    case i32ShrSAccZ
    case i32ShrUAccY
    case i32ShrUAccZ
    case i32RotlAccY
    case i32RotlAccZ
    case i32RotrAccY
    case i32RotrAccZ
    case i64AddAccY
    case i64SubAccY
    case i64SubAccZ
    case i64MulAccY
    case i64AndAccY
    case i64OrAccY
    case i64XorAccY
    case i64ShlAccY
    case i64ShlAccZ
    case i64ShrUAccY
    case i64ShrUAccZ
    case f64SqrtAccY
    case f64AddAccY
    case f64SubAccY
    case f64SubAccZ
    case f64MulAccY
    case f64DivAccY
    case f64DivAccZ
    case i32WrapI64AccY
    case i64ExtendI32SAccY
    case i64ExtendI32UAccY
    case f64ConvertI32SAccY
    case f64ConvertI32UAccY
    // END GENERATED NUMERIC OPCODES
}
