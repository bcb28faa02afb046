/// Straight-line instructions: variables, constants, memory, tables, numeric operators.
extension Translator {
    mutating func translatePlain(_ instruction: Instruction) throws {
        switch instruction {
        case .drop:
            noteConsumed(1)
            try pop()
        case .select, .typedSelect:
            noteConsumed(3)
            let condition = try pop()
            let second = try pop()
            let first = try pop()
            emitProducer(first.type.slotCount == 2 ? .selectWide : .select, x: first.home, y: first.source, z: second.source)
            emit(.selectCondition, x: condition.source)
            lastProducerEnd = nextPC
            push(first.type)
        case .localGet(let index):
            let (type, slot) = try local(index)
            pushCopy(type, from: slot)
        case .localSet(let index):
            noteConsumed(1)
            let (type, slot) = try local(index)
            let value = try pop()
            materializeReaders(ofLocalSlot: slot, width: type.slotCount)
            store(value, toLocalSlot: slot)
        case .localTee(let index):
            noteConsumed(1)
            let (type, slot) = try local(index)
            let value = try pop()
            materializeReaders(ofLocalSlot: slot, width: type.slotCount)
            store(value, toLocalSlot: slot)
            if forTracing {
                push(type)
            } else {
                push(type, source: slot)
            }
        case .globalGet(let index):
            let type = try globalType(index)
            emitProducer(type.slotCount == 2 ? .globalGetWide : .globalGet, x: nextHome, y: index)
            push(type)
        case .globalSet(let index):
            noteConsumed(1)
            let type = try globalType(index)
            let value = try pop()
            emit(type.slotCount == 2 ? .globalSetWide : .globalSet, x: value.source, y: index)
        case .i32Const(let value):
            pushConstant(UInt64(UInt32(bitPattern: value)), type: .i32)
        case .i64Const(let value):
            pushConstant(UInt64(bitPattern: value), type: .i64)
        case .f32Const(let bits):
            pushConstant(UInt64(bits), type: .f32)
        case .f64Const(let bits):
            pushConstant(bits, type: .f64)
        case .refNull(let type):
            pushConstant(0, type: type.valueType)
        case .refFunc(let index):
            guard index < module.functions.count else { throw ValidationError("unknown function", functionIndex: functionIndex) }
            pushCopy(.funcref, from: functionReferenceSlot(index))
        case .refIsNull:
            try unary(.refIsNull, result: .i32)
        case .numeric(let op):
            if op.operandTypes.count == 1 {
                try unary(.numeric(op), result: op.resultType)
            } else {
                try binary(.numeric(op), result: op.resultType)
            }
        case .load(let op, let memoryArgument):
            noteConsumed(1)
            let address = try pop()
            if let fused = Translator.loadAtSumOpcode(op), let sum = fusibleAddressSum(address, offset: memoryArgument.offset) {
                replaceLastProducer(with: InternalInstruction(fused, w: sum.offset, x: address.home, y: sum.left, z: sum.right))
            } else {
                emitProducer(Translator.loadOpcode(op), x: address.home, y: address.source, z: UInt32(truncatingIfNeeded: memoryArgument.offset))
            }
            push(op.resultType)
        case .store(let op, let memoryArgument):
            noteConsumed(2)
            let value = try pop()
            let address = try pop()
            if let fused = Translator.storeAtSumOpcode(op), let sum = fusibleAddressSum(address, offset: memoryArgument.offset) {
                replaceLastProducer(with: InternalInstruction(fused, w: sum.offset, x: value.source, y: sum.left, z: sum.right))
                lastProducer = -1
            } else if op == .f64Store, let (fused, operation) = fusibleStoredResult(value, offset: memoryArgument.offset) {
                replaceLastProducer(with: InternalInstruction(
                    fused, w: UInt16(memoryArgument.offset), x: address.source, y: operation.y, z: operation.z))
                lastProducer = -1
            } else {
                emit(Translator.storeOpcode(op), x: value.source, y: address.source, z: UInt32(truncatingIfNeeded: memoryArgument.offset))
            }
        case .v128Const, .simd, .simdLane, .i8x16Shuffle, .simdMemory, .simdLaneMemory:
            try translateSIMD(instruction)
        default:
            try translateBulk(instruction)
        }
    }

    /// Table, bulk-memory and memory-size instructions: rare, so their operands simply go
    /// home and the executor reads them from consecutive slots.
    private mutating func translateBulk(_ instruction: Instruction) throws {
        switch instruction {
        case .memorySize:
            emitProducer(.memorySize, x: nextHome)
            push(.i32)
        case .memoryGrow:
            try outOfLine(.memoryGrow, operands: 1, result: .i32)
        case .memoryInit(let dataIndex, _):
            try outOfLine(.memoryInit, operands: 3, index: dataIndex)
        case .dataDrop(let dataIndex):
            emit(.dataDrop, z: dataIndex)
        case .memoryCopy:
            try outOfLine(.memoryCopy, operands: 3)
        case .memoryFill:
            try outOfLine(.memoryFill, operands: 3)
        case .tableGet(let table):
            try outOfLine(.tableGet, operands: 1, index: table, result: try tableElementType(table))
        case .tableSet(let table):
            try outOfLine(.tableSet, operands: 2, index: table)
        case .tableSize(let table):
            emit(.tableSize, x: nextHome, z: table)
            push(.i32)
        case .tableGrow(let table):
            try outOfLine(.tableGrow, operands: 2, index: table, result: .i32)
        case .tableFill(let table):
            try outOfLine(.tableFill, operands: 3, index: table)
        case .tableCopy(let destination, let source):
            try outOfLine(.tableCopy, operands: 3, index: destination)
            emit(.bulkOperand, x: source)
        case .tableInit(let elementIndex, let tableIndex):
            try outOfLine(.tableInit, operands: 3, index: tableIndex)
            emit(.bulkOperand, x: elementIndex)
        case .elemDrop(let elementIndex):
            emit(.elementDrop, z: elementIndex)
        default:
            throw ValidationError("unexpected instruction \(instruction)", functionIndex: functionIndex, offset: currentOffset)
        }
    }

    private mutating func outOfLine(_ opcode: InternalOpcode, operands count: Int, index: UInt32 = 0, result: ValueType? = nil) throws {
        noteConsumed(count)
        materializeTop(count)
        let popped = try pop(count)
        let first = popped.first?.home ?? nextHome
        emit(opcode, x: first, y: first, z: index)
        if let result { push(result) }
    }

    // MARK: Helpers

    private mutating func unary(_ opcode: InternalOpcode, result: ValueType) throws {
        noteConsumed(1)
        let operand = try pop()
        emitProducer(opcode, x: operand.home, y: operand.source)
        push(result)
    }

    private mutating func binary(_ opcode: InternalOpcode, result: ValueType) throws {
        noteConsumed(2)
        let right = try pop()
        let left = try pop()
        if let kept = identityOperand(of: opcode, left: left, right: right) {
            keep(kept, as: result)
            return
        }
        if !fuseLoad(into: opcode, left: left, right: right) && !fuseProduct(into: opcode, left: left, right: right) {
            emitProducer(opcode, x: left.home, y: left.source, z: right.source)
        }
        push(result)
    }

    /// An integer operator whose other operand is its identity constant (`x + 0`, `x * 1`,
    /// `x & -1`, a shift by 0...): the operand it leaves unchanged. Compilers emit these
    /// (clang's `return n` can be `local.get 0; i32.const 0; i32.add`).
    private func identityOperand(of opcode: InternalOpcode, left: Operand, right: Operand) -> Operand? {
        guard !forTracing else { return nil }
        if let constant = constantValue(of: right), Translator.isRightIdentity(constant, of: opcode) { return left }
        if let constant = constantValue(of: left), Translator.isLeftIdentity(constant, of: opcode) { return right }
        return nil
    }

    /// The result of an identity operation is `kept`'s value: no instruction when it stays
    /// where it is (in the result's home, or a local or constant slot, as for `local.get`);
    /// a copy when it is an operand slot above the result's home, which later pushes reuse.
    private mutating func keep(_ kept: Operand, as type: ValueType) {
        let home = nextHome
        if kept.source == home || kept.source < constantBase + UInt32(constants.count) {
            push(type, source: kept.source)
        } else {
            emitProducer(.copy, x: home, y: kept.source)
            push(type)
        }
    }

    /// The bits of a constant operand (its source is a constant's slot).
    private func constantValue(of operand: Operand) -> UInt64? {
        guard operand.source >= constantBase, operand.source < constantBase + UInt32(constants.count) else { return nil }
        return constants[Int(operand.source - constantBase)]
    }

    /// Whether `op constant` leaves its left operand unchanged.
    static func isRightIdentity(_ constant: UInt64, of opcode: InternalOpcode) -> Bool {
        switch opcode {
        case .i32Add, .i32Sub, .i32Or, .i32Xor: return UInt32(truncatingIfNeeded: constant) == 0
        case .i32Shl, .i32ShrS, .i32ShrU, .i32Rotl, .i32Rotr: return constant & 31 == 0
        case .i64Add, .i64Sub, .i64Or, .i64Xor: return constant == 0
        case .i64Shl, .i64ShrS, .i64ShrU, .i64Rotl, .i64Rotr: return constant & 63 == 0
        default: return isLeftIdentity(constant, of: opcode)
        }
    }

    /// Whether `constant op` leaves its right operand unchanged (commutative operators).
    static func isLeftIdentity(_ constant: UInt64, of opcode: InternalOpcode) -> Bool {
        switch opcode {
        case .i32Add, .i32Or, .i32Xor: return UInt32(truncatingIfNeeded: constant) == 0
        case .i32Mul: return UInt32(truncatingIfNeeded: constant) == 1
        case .i32And: return UInt32(truncatingIfNeeded: constant) == UInt32.max
        case .i64Add, .i64Or, .i64Xor: return constant == 0
        case .i64Mul: return constant == 1
        case .i64And: return constant == UInt64.max
        default: return false
        }
    }

    /// An `f64.mul` of the product the instruction just before computed and a local or
    /// constant becomes one `f64MulMul` (chains like `a * b * c` are common in float code).
    private mutating func fuseProduct(into opcode: InternalOpcode, left: Operand, right: Operand) -> Bool {
        guard !forTracing, opcode == .f64Mul, lastProducer >= 0, lastProducer == nextPC - 1, lastProducerEnd == nextPC,
              lastLabel <= lastProducer
        else { return false }
        let product = instructions[lastProducer]
        guard product.opcode == .f64Mul else { return false }
        let other: UInt32
        if right.isInHome, right.home == product.x {
            other = left.source
        } else if left.isInHome, left.home == product.x {
            other = right.source
        } else {
            return false
        }
        // Operand-stack slots are numbered far above this while translating: only a local's
        // or a constant's slot fits.
        guard other <= UInt32(UInt16.max) else { return false }
        instructions[lastProducer] = InternalInstruction(.f64MulMul, w: UInt16(other), x: left.home, y: product.y, z: product.z)
        currentInstructionEmitted = true
        return true
    }

    /// `f64.add`, `f64.sub` or `f64.mul` whose operand the `f64.load` just before computed
    /// takes that load over (the `...Load` opcodes): float kernels load an operand right
    /// before using it, and this saves a dispatch per load.
    private mutating func fuseLoad(into opcode: InternalOpcode, left: Operand, right: Operand) -> Bool {
        guard !forTracing, lastProducer >= 0, lastProducer == nextPC - 1, lastProducerEnd == nextPC, lastLabel <= lastProducer
        else { return false }
        let load = instructions[lastProducer]
        guard load.opcode == .f64Load, load.z <= UInt32(UInt16.max) else { return false }
        let loadIsRight: Bool
        if right.isInHome, right.home == load.x {
            loadIsRight = true
        } else if left.isInHome, left.home == load.x {
            loadIsRight = false
        } else {
            return false
        }
        let fused: InternalOpcode
        switch opcode {
        case .f64Add: fused = .f64AddLoad
        case .f64Mul: fused = .f64MulLoad
        case .f64Sub: fused = loadIsRight ? .f64SubLoad : .f64LoadSub
        default: return false
        }
        let other = loadIsRight ? left.source : right.source
        // The load's source offset stays: a trap is the load's.
        instructions[lastProducer] = InternalInstruction(fused, w: UInt16(load.z), x: left.home, y: other, z: load.y)
        currentInstructionEmitted = true
        return true
    }

    mutating func pushConstant(_ bits: UInt64, type: ValueType) {
        pushCopy(type, from: constantSlot(bits))
    }

    /// `local.set`: the instruction that just computed the value writes the local directly
    /// when nothing can jump in between; otherwise the value is copied.
    private mutating func store(_ value: Operand, toLocalSlot slot: UInt32) {
        if !forTracing, value.isInHome, lastProducerEnd == nextPC, lastLabel <= lastProducer,
           instructions[lastProducer].x == value.home
        {
            instructions[lastProducer].x = slot
            lastProducer = -1
            return
        }
        if value.source != slot {
            emit(value.type.slotCount == 2 ? .copyWide : .copy, x: slot, y: value.source)
        }
    }

    private func local(_ index: UInt32) throws -> (ValueType, UInt32) {
        guard index < localTypes.count else { throw ValidationError("unknown local", functionIndex: functionIndex, offset: currentOffset) }
        return (localTypes[Int(index)], localSlots[Int(index)])
    }

    private func globalType(_ index: UInt32) throws -> ValueType {
        guard index < module.globals.count else { throw ValidationError("unknown global", functionIndex: functionIndex, offset: currentOffset) }
        return module.globals[Int(index)].valueType
    }

    private func tableElementType(_ index: UInt32) throws -> ValueType {
        guard index < module.tables.count else { throw ValidationError("unknown table", functionIndex: functionIndex, offset: currentOffset) }
        return module.tables[Int(index)].elementType.valueType
    }

    /// The operands of the `i32.add` that just computed `address`, when a memory access may
    /// take it over: it is the last instruction, no branch lands between, the sum is used
    /// only as this address, and the offset fits `w`.
    private func fusibleAddressSum(_ address: Operand, offset: UInt64) -> (left: UInt32, right: UInt32, offset: UInt16)? {
        guard !forTracing, address.isInHome, lastProducer >= 0, lastProducerEnd == nextPC, lastLabel <= lastProducer,
              offset <= UInt64(UInt16.max)
        else { return nil }
        let producer = instructions[lastProducer]
        guard producer.opcode == .i32Add, producer.x == address.home else { return nil }
        return (producer.y, producer.z, UInt16(offset))
    }

    /// The f64 arithmetic that just computed `value`, when an `f64.store` of it may take it
    /// over (it is the last instruction, no branch lands between, the offset fits `w`).
    private func fusibleStoredResult(_ value: Operand, offset: UInt64) -> (InternalOpcode, InternalInstruction)? {
        guard !forTracing, value.isInHome, lastProducer >= 0, lastProducer == nextPC - 1, lastProducerEnd == nextPC,
              lastLabel <= lastProducer, offset <= UInt64(UInt16.max)
        else { return nil }
        let producer = instructions[lastProducer]
        guard producer.x == value.home else { return nil }
        switch producer.opcode {
        case .f64Add: return (.f64AddStore, producer)
        case .f64Sub: return (.f64SubStore, producer)
        case .f64Mul: return (.f64MulStore, producer)
        default: return nil
        }
    }

    /// Puts `instruction` in place of the last producer (the `i32.add` it absorbs), as the
    /// current Wasm instruction's code: a trap reports the access's offset.
    private mutating func replaceLastProducer(with instruction: InternalInstruction) {
        instructions[lastProducer] = instruction
        sourceOffsets[lastProducer] = UInt32(truncatingIfNeeded: currentOffset)
        currentInstructionEmitted = true
    }

    static func loadAtSumOpcode(_ op: LoadOperator) -> InternalOpcode? {
        switch op {
        case .i32Load, .f32Load, .i64Load32U: return .i32LoadAtSum
        case .i64Load, .f64Load: return .i64LoadAtSum
        case .i32Load8S: return .i32Load8SAtSum
        case .i32Load8U, .i64Load8U: return .i32Load8UAtSum
        case .i32Load16S: return .i32Load16SAtSum
        case .i32Load16U, .i64Load16U: return .i32Load16UAtSum
        case .i64Load8S, .i64Load16S, .i64Load32S: return nil
        }
    }

    static func storeAtSumOpcode(_ op: StoreOperator) -> InternalOpcode? {
        switch op {
        case .i32Store, .f32Store, .i64Store32: return .i32StoreAtSum
        case .i64Store, .f64Store: return .i64StoreAtSum
        case .i32Store8, .i64Store8: return .i32Store8AtSum
        case .i32Store16, .i64Store16: return .i32Store16AtSum
        }
    }

    static func loadOpcode(_ op: LoadOperator) -> InternalOpcode {
        switch op {
        case .i32Load: return .i32Load
        case .i64Load: return .i64Load
        case .f32Load: return .f32Load
        case .f64Load: return .f64Load
        case .i32Load8S: return .i32Load8S
        case .i32Load8U: return .i32Load8U
        case .i32Load16S: return .i32Load16S
        case .i32Load16U: return .i32Load16U
        case .i64Load8S: return .i64Load8S
        case .i64Load8U: return .i64Load8U
        case .i64Load16S: return .i64Load16S
        case .i64Load16U: return .i64Load16U
        case .i64Load32S: return .i64Load32S
        case .i64Load32U: return .i64Load32U
        }
    }

    static func storeOpcode(_ op: StoreOperator) -> InternalOpcode {
        switch op {
        case .i32Store: return .i32Store
        case .i64Store: return .i64Store
        case .f32Store: return .f32Store
        case .f64Store: return .f64Store
        case .i32Store8: return .i32Store8
        case .i32Store16: return .i32Store16
        case .i64Store8: return .i64Store8
        case .i64Store16: return .i64Store16
        case .i64Store32: return .i64Store32
        }
    }
}
