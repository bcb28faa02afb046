/// Translates one validated function body into the internal instruction stream.
///
/// It tracks the operand stack's types (hence slot heights) so that every branch knows,
/// before execution, where its values go and where it continues; execution never
/// scans for `end`. Fuel is charged by one `consumeFuel` at the head of each straight-line
/// region, whose immediate counts that region's Wasm instructions.
struct Translator {
    private let instance: ModuleInstance
    private let functionIndex: UInt32
    private let body: FunctionBody
    private let meterFuel: Bool

    private var instructions: [InternalInstruction] = []
    private var sourceOffsets: [UInt32] = []
    private var consumedSlots: [UInt8] = []
    /// Types on the operand stack (above the locals).
    private var operandTypes: [ValueType] = []
    /// Slots on the operand stack.
    private var operandHeight = 0
    private var maxOperandHeight = 0
    private var controls: [ControlFrame] = []
    /// Index of the `consumeFuel` heading the current region, if any.
    private var fuelInstruction: Int?
    private var localTypes: [ValueType] = []
    private var localSlots: [UInt32] = []
    /// Byte offset of the Wasm instruction being translated.
    private var currentOffset = 0

    private struct ControlFrame {
        enum Kind { case function, block, loop, `if` }
        var kind: Kind
        /// Operand height (slots) and type depth below the frame's parameters.
        var startHeight: Int
        var startDepth: Int
        var parameters: [ValueType]
        var results: [ValueType]
        /// Where a branch to a loop goes.
        var loopHeader = 0
        /// Branch instructions whose target is this frame's end.
        var pendingBranches: [Int] = []
        /// The `branchIfZero` of an `if` still waiting for its `else` or `end`.
        var pendingElse: Int?
        /// The rest of the frame is unreachable (after br, return, unreachable...).
        var isUnreachable = false
        /// The whole frame lies in unreachable code: nothing of it is emitted.
        var enteredUnreachable = false

        /// Values a branch to this frame carries.
        var labelTypes: [ValueType] { kind == .loop ? parameters : results }
    }

    init(instance: ModuleInstance, functionIndex: UInt32, body: FunctionBody, meterFuel: Bool) {
        self.instance = instance
        self.functionIndex = functionIndex
        self.body = body
        self.meterFuel = meterFuel
    }

    static func slots(_ types: [ValueType]) -> Int {
        var count = 0
        for type in types { count += type.slotCount }
        return count
    }

    mutating func translate(type: FunctionType) throws -> CompiledFunction {
        var slot: UInt32 = 0
        for local in type.parameters + body.locals {
            localTypes.append(local)
            localSlots.append(slot)
            slot += UInt32(local.slotCount)
        }
        let parameterSlots = Translator.slots(type.parameters)
        let frameBase = Int(slot)
        controls.append(ControlFrame(
            kind: .function, startHeight: 0, startDepth: 0, parameters: [], results: type.results))
        beginFuelRegion()

        var reader = InstructionReader(bytes: body.bytes, range: body.codeRange)
        while !controls.isEmpty {
            guard !reader.isAtEnd else { throw ValidationError("unexpected end of function body", functionIndex: functionIndex) }
            currentOffset = reader.offset
            let instruction = try reader.read()
            try translate(instruction)
        }
        return CompiledFunction(
            instructions: instructions, sourceOffsets: sourceOffsets, consumedSlots: consumedSlots,
            parameterSlots: parameterSlots, declaredLocalSlots: frameBase - parameterSlots,
            resultSlots: Translator.slots(type.results), maxFrameSlots: frameBase + maxOperandHeight + 2)
    }

    // MARK: Emitting

    private var nextPC: Int { instructions.count }

    @discardableResult
    private mutating func emit(_ opcode: InternalOpcode, a: UInt32 = 0, b: UInt64 = 0, consumes: Int = 0, synthetic: Bool = false) -> Int {
        instructions.append(InternalInstruction(opcode, a: a, b: b))
        sourceOffsets.append(synthetic ? CompiledFunction.noSourceOffset : UInt32(truncatingIfNeeded: currentOffset))
        consumedSlots.append(UInt8(truncatingIfNeeded: consumes))
        return instructions.count - 1
    }

    private mutating func beginFuelRegion() {
        guard meterFuel else { return }
        fuelInstruction = emit(.consumeFuel, synthetic: true)
    }

    private mutating func chargeFuel() {
        if let index = fuelInstruction { instructions[index].a &+= 1 }
    }

    private mutating func push(_ type: ValueType) {
        operandTypes.append(type)
        operandHeight += type.slotCount
        if operandHeight > maxOperandHeight { maxOperandHeight = operandHeight }
    }

    private mutating func push(_ types: [ValueType]) {
        for type in types { push(type) }
    }

    @discardableResult
    private mutating func pop() throws -> ValueType {
        guard let type = operandTypes.popLast() else { throw ValidationError("operand stack underflow", functionIndex: functionIndex, offset: currentOffset) }
        operandHeight -= type.slotCount
        return type
    }

    private mutating func pop(_ count: Int) throws {
        for _ in 0..<count { try pop() }
    }

    private var frameBaseSlots: UInt32 { localSlots.last.map { $0 + UInt32(localTypes[localTypes.count - 1].slotCount) } ?? 0 }

    private func blockSignature(_ blockType: BlockType) throws -> ([ValueType], [ValueType]) {
        switch blockType {
        case .empty: return ([], [])
        case .value(let type): return ([], [type])
        case .typeIndex(let index):
            guard index < instance.types.count else { throw ValidationError("unknown type", functionIndex: functionIndex) }
            let type = instance.types[Int(index)]
            return (type.parameters, type.results)
        }
    }

    private func frame(forDepth depth: UInt32) throws -> Int {
        guard depth < controls.count else { throw ValidationError("unknown label", functionIndex: functionIndex, offset: currentOffset) }
        return controls.count - 1 - Int(depth)
    }

    private mutating func markUnreachable() {
        controls[controls.count - 1].isUnreachable = true
        let start = controls[controls.count - 1]
        operandTypes.removeSubrange(start.startDepth...)
        operandHeight = start.startHeight
    }

    /// Emits a branch to the frame at `depth` (`conditional`: branch_if).
    private mutating func emitBranch(depth: UInt32, conditional: Bool) throws {
        let target = try frame(forDepth: depth)
        let frame = controls[target]
        let arity = Translator.slots(frame.labelTypes)
        if frame.kind == .function {
            if conditional {
                let skip = emit(.branchIfZero, consumes: 1)
                emit(.return, a: UInt32(arity), consumes: arity, synthetic: true)
                instructions[skip].a = UInt32(nextPC)
            } else {
                emit(.return, a: UInt32(arity), consumes: arity)
            }
            return
        }
        let shape = BranchShape(height: frameBaseSlots + UInt32(frame.startHeight), arity: UInt32(arity))
        let pc = emit(conditional ? .branchIf : .branch, b: shape.packed, consumes: conditional ? 1 : 0)
        if frame.kind == .loop {
            instructions[pc].a = UInt32(frame.loopHeader)
        } else {
            controls[target].pendingBranches.append(pc)
        }
    }

    // MARK: Instructions

    private mutating func translate(_ instruction: Instruction) throws {
        var frame = controls[controls.count - 1]
        if frame.isUnreachable {
            try skipUnreachable(instruction)
            return
        }
        chargeFuel()
        switch instruction {
        case .unreachable:
            emit(.unreachable)
            markUnreachable()
        case .nop:
            break
        case .block(let blockType), .loop(let blockType):
            let (parameters, results) = try blockSignature(blockType)
            let isLoop: Bool
            if case .loop = instruction { isLoop = true } else { isLoop = false }
            var newFrame = ControlFrame(
                kind: isLoop ? .loop : .block, startHeight: operandHeight - Translator.slots(parameters),
                startDepth: operandTypes.count - parameters.count, parameters: parameters, results: results)
            if isLoop {
                newFrame.loopHeader = nextPC
                beginFuelRegion()
            }
            controls.append(newFrame)
        case .if(let blockType):
            let (parameters, results) = try blockSignature(blockType)
            try pop()
            var newFrame = ControlFrame(
                kind: .if, startHeight: operandHeight - Translator.slots(parameters),
                startDepth: operandTypes.count - parameters.count, parameters: parameters, results: results)
            newFrame.pendingElse = emit(.branchIfZero, consumes: 1)
            controls.append(newFrame)
            beginFuelRegion()
        case .else:
            // Then-arm falls through to the end.
            let jump = emit(.jump)
            frame.pendingBranches.append(jump)
            startElse(&frame)
        case .end:
            try end(reachable: true)
        case .br(let depth):
            try emitBranch(depth: depth, conditional: false)
            markUnreachable()
        case .brIf(let depth):
            try pop()
            try emitBranch(depth: depth, conditional: true)
            beginFuelRegion()
        case .brTable(let targets, let defaultTarget):
            try pop()
            try emitBranchTable(targets: targets, defaultTarget: defaultTarget)
            markUnreachable()
        case .return:
            let arity = Translator.slots(controls[0].results)
            emit(.return, a: UInt32(arity), consumes: arity)
            markUnreachable()
        case .call(let index):
            guard index < instance.functions.count else { throw ValidationError("unknown function", functionIndex: functionIndex) }
            let type = instance.functions[Int(index)].type
            emit(.call, a: index, consumes: Translator.slots(type.parameters))
            try pop(type.parameters.count)
            push(type.results)
        case .callIndirect(let typeIndex, let tableIndex):
            guard typeIndex < instance.types.count else { throw ValidationError("unknown type", functionIndex: functionIndex) }
            let type = instance.types[Int(typeIndex)]
            emit(.callIndirect, a: typeIndex, b: UInt64(tableIndex), consumes: Translator.slots(type.parameters) + 1)
            try pop()
            try pop(type.parameters.count)
            push(type.results)
        default:
            try translatePlain(instruction)
        }
    }

    private mutating func startElse(_ frame: inout ControlFrame) {
        if let pendingElse = frame.pendingElse { instructions[pendingElse].a = UInt32(nextPC) }
        frame.pendingElse = nil
        frame.isUnreachable = false
        controls[controls.count - 1] = frame
        operandTypes.removeSubrange(frame.startDepth...)
        operandHeight = frame.startHeight
        push(frame.parameters)
        beginFuelRegion()
    }

    private mutating func end(reachable: Bool) throws {
        let frame = controls.removeLast()
        if frame.kind == .function {
            if reachable || !frame.pendingBranches.isEmpty {
                let arity = Translator.slots(frame.results)
                let pc = emit(.return, a: UInt32(arity), consumes: arity)
                for branch in frame.pendingBranches { instructions[branch].a = UInt32(pc) }
            }
            return
        }
        let endPC = nextPC
        for pc in frame.pendingBranches { instructions[pc].a = UInt32(endPC) }
        if let pendingElse = frame.pendingElse { instructions[pendingElse].a = UInt32(endPC) }
        operandTypes.removeSubrange(frame.startDepth...)
        operandHeight = frame.startHeight
        push(frame.results)
        beginFuelRegion()
    }

    /// In unreachable code nothing is emitted, but block structure is followed so the
    /// matching `else`/`end` is found.
    private mutating func skipUnreachable(_ instruction: Instruction) throws {
        var frame = controls[controls.count - 1]
        switch instruction {
        case .block, .loop, .if:
            var dead = ControlFrame(kind: .block, startHeight: operandHeight, startDepth: operandTypes.count, parameters: [], results: [])
            dead.isUnreachable = true
            dead.enteredUnreachable = true
            controls.append(dead)
        case .else:
            if frame.enteredUnreachable { return }
            chargeFuel()
            startElse(&frame)
        case .end:
            if frame.enteredUnreachable {
                controls.removeLast()
                return
            }
            chargeFuel()
            // The fallthrough edge is dead; only branches (or an if's false edge) reach the end.
            try end(reachable: false)
        default:
            break
        }
    }

    private mutating func emitBranchTable(targets: [UInt32], defaultTarget: UInt32) throws {
        emit(.branchTable, a: UInt32(truncatingIfNeeded: targets.count), consumes: 1)
        for depth in targets + [defaultTarget] {
            let target = try frame(forDepth: depth)
            let frame = controls[target]
            let arity = Translator.slots(frame.labelTypes)
            // A branch to the function's frame goes to the final `return`, like a block's end.
            let shape = BranchShape(height: frameBaseSlots + UInt32(frame.startHeight), arity: UInt32(arity))
            let pc = emit(.branchTableEntry, b: shape.packed, synthetic: true)
            if frame.kind == .loop {
                instructions[pc].a = UInt32(frame.loopHeader)
            } else {
                controls[target].pendingBranches.append(pc)
            }
        }
    }

    // MARK: Straight-line instructions

    private mutating func translatePlain(_ instruction: Instruction) throws {
        switch instruction {
        case .drop:
            let type = try pop()
            emit(.drop, a: UInt32(type.slotCount), consumes: type.slotCount)
        case .select, .typedSelect:
            try pop()
            let type = try pop()
            try pop()
            push(type)
            emit(type.slotCount == 2 ? .selectWide : .select, consumes: 2 * type.slotCount + 1)
        case .localGet(let index):
            let (type, slot) = try local(index)
            emit(type.slotCount == 2 ? .localGetWide : .localGet, a: slot)
            push(type)
        case .localSet(let index):
            let (type, slot) = try local(index)
            try pop()
            emit(type.slotCount == 2 ? .localSetWide : .localSet, a: slot, consumes: type.slotCount)
        case .localTee(let index):
            let (type, slot) = try local(index)
            emit(type.slotCount == 2 ? .localTeeWide : .localTee, a: slot, consumes: type.slotCount)
        case .globalGet(let index):
            let type = try globalType(index)
            emit(type.slotCount == 2 ? .globalGetWide : .globalGet, a: index)
            push(type)
        case .globalSet(let index):
            let type = try globalType(index)
            try pop()
            emit(type.slotCount == 2 ? .globalSetWide : .globalSet, a: index, consumes: type.slotCount)
        case .i32Const(let value):
            emitConstant(UInt64(UInt32(bitPattern: value)), type: .i32)
        case .i64Const(let value):
            emitConstant(UInt64(bitPattern: value), type: .i64)
        case .f32Const(let bits):
            emitConstant(UInt64(bits), type: .f32)
        case .f64Const(let bits):
            emitConstant(bits, type: .f64)
        case .refNull(let type):
            emitConstant(0, type: type.valueType)
        case .refFunc(let index):
            guard index < instance.functions.count else { throw ValidationError("unknown function", functionIndex: functionIndex) }
            let function = instance.functions[Int(index)]
            emitConstant(Reference.function(function.address).bits, type: .funcref)
        case .refIsNull:
            try pop()
            emit(.refIsNull, consumes: 1)
            push(.i32)
        case .load(let op, let memoryArgument):
            try pop()
            emit(Translator.loadOpcode(op), b: memoryArgument.offset, consumes: 1)
            push(op.resultType)
        case .store(let op, let memoryArgument):
            try pop(2)
            emit(Translator.storeOpcode(op), b: memoryArgument.offset, consumes: 1 + op.valueType.slotCount)
        case .memorySize:
            emit(.memorySize)
            push(.i32)
        case .memoryGrow:
            try pop()
            emit(.memoryGrow, consumes: 1)
            push(.i32)
        case .memoryInit(let dataIndex, _):
            try pop(3)
            emit(.memoryInit, a: dataIndex, consumes: 3)
        case .dataDrop(let dataIndex):
            emit(.dataDrop, a: dataIndex)
        case .memoryCopy:
            try pop(3)
            emit(.memoryCopy, consumes: 3)
        case .memoryFill:
            try pop(3)
            emit(.memoryFill, consumes: 3)
        default:
            try translateTableOrNumeric(instruction)
        }
    }

    private mutating func translateTableOrNumeric(_ instruction: Instruction) throws {
        switch instruction {
        case .tableGet(let table):
            try pop()
            emit(.tableGet, a: table, consumes: 1)
            push(try tableElementType(table))
        case .tableSet(let table):
            try pop(2)
            emit(.tableSet, a: table, consumes: 2)
        case .tableSize(let table):
            emit(.tableSize, a: table)
            push(.i32)
        case .tableGrow(let table):
            try pop(2)
            emit(.tableGrow, a: table, consumes: 2)
            push(.i32)
        case .tableFill(let table):
            try pop(3)
            emit(.tableFill, a: table, consumes: 3)
        case .tableCopy(let destination, let source):
            try pop(3)
            emit(.tableCopy, a: destination, b: UInt64(source), consumes: 3)
        case .tableInit(let elementIndex, let tableIndex):
            try pop(3)
            emit(.tableInit, a: tableIndex, b: UInt64(elementIndex), consumes: 3)
        case .elemDrop(let elementIndex):
            emit(.elementDrop, a: elementIndex)
        case .numeric(let op):
            let operands = op.operandTypes.count
            try pop(operands)
            if let fast = Translator.fastOpcode(op) {
                emit(fast, consumes: operands)
            } else {
                emit(operands == 1 ? .numericUnary : .numericBinary, a: UInt32(op.rawValue), consumes: operands)
            }
            push(op.resultType)
        default:
            throw ValidationError("unexpected instruction \(instruction)", functionIndex: functionIndex, offset: currentOffset)
        }
    }

    private mutating func emitConstant(_ bits: UInt64, type: ValueType) {
        emit(.const, b: bits)
        push(type)
    }

    private func local(_ index: UInt32) throws -> (ValueType, UInt32) {
        guard index < localTypes.count else { throw ValidationError("unknown local", functionIndex: functionIndex, offset: currentOffset) }
        return (localTypes[Int(index)], localSlots[Int(index)])
    }

    private func globalType(_ index: UInt32) throws -> ValueType {
        guard index < instance.globals.count else { throw ValidationError("unknown global", functionIndex: functionIndex, offset: currentOffset) }
        return instance.globals[Int(index)].type.valueType
    }

    private func tableElementType(_ index: UInt32) throws -> ValueType {
        guard index < instance.tables.count else { throw ValidationError("unknown table", functionIndex: functionIndex, offset: currentOffset) }
        return instance.tables[Int(index)].type.elementType.valueType
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

    /// Operators with a dedicated internal opcode; the rest go through `NumericSemantics`.
    static func fastOpcode(_ op: NumericOperator) -> InternalOpcode? {
        switch op {
        case .i32Eqz: return .i32Eqz
        case .i32Eq: return .i32Eq
        case .i32Ne: return .i32Ne
        case .i32LtS: return .i32LtS
        case .i32LtU: return .i32LtU
        case .i32GtS: return .i32GtS
        case .i32GtU: return .i32GtU
        case .i32LeS: return .i32LeS
        case .i32LeU: return .i32LeU
        case .i32GeS: return .i32GeS
        case .i32GeU: return .i32GeU
        case .i32Add: return .i32Add
        case .i32Sub: return .i32Sub
        case .i32Mul: return .i32Mul
        case .i32And: return .i32And
        case .i32Or: return .i32Or
        case .i32Xor: return .i32Xor
        case .i32Shl: return .i32Shl
        case .i32ShrS: return .i32ShrS
        case .i32ShrU: return .i32ShrU
        case .i64Eqz: return .i64Eqz
        case .i64Eq: return .i64Eq
        case .i64Ne: return .i64Ne
        case .i64LtS: return .i64LtS
        case .i64LtU: return .i64LtU
        case .i64GtS: return .i64GtS
        case .i64GtU: return .i64GtU
        case .i64LeS: return .i64LeS
        case .i64LeU: return .i64LeU
        case .i64GeS: return .i64GeS
        case .i64GeU: return .i64GeU
        case .i64Add: return .i64Add
        case .i64Sub: return .i64Sub
        case .i64Mul: return .i64Mul
        case .i64And: return .i64And
        case .i64Or: return .i64Or
        case .i64Xor: return .i64Xor
        case .i64Shl: return .i64Shl
        case .i64ShrS: return .i64ShrS
        case .i64ShrU: return .i64ShrU
        case .i32WrapI64: return .i32WrapI64
        case .i64ExtendI32S: return .i64ExtendI32S
        case .i64ExtendI32U: return .i64ExtendI32U
        default: return nil
        }
    }
}
