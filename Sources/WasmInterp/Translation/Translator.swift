/// Translates one validated function body into the register-machine instruction stream.
///
/// The translator keeps a model of the Wasm operand stack in which every entry has a home
/// slot (its stack position) and a source slot (where its value is right now): a
/// `local.get` or a constant pushes an entry whose source is the local's or the constant's
/// slot, so it costs nothing until an instruction reads it. Values are copied to their
/// home slots only where control flow merges (block boundaries, branches, calls). A
/// producer directly followed by `local.set` writes into the local; a comparison directly
/// followed by `br_if` or `if` becomes one compare-and-branch.
///
/// Fuel is charged per block at its entry: one `consumeFuel` heads the function body, every
/// loop iteration and each arm of an `if`, counting the Wasm instructions of that block
/// (those of nested loops and ifs are charged by their own).
///
/// `forTracing` translates one-to-one instead (every Wasm instruction emits at least one
/// internal instruction, operands always in their home slots), so a trace can report
/// each executed Wasm instruction and the operands it consumed.
struct Translator {
    /// The module's index spaces: translation depends on nothing per instance or store,
    /// so one translation serves every instance of the module.
    let module: ModuleLayout
    let functionIndex: UInt32
    let body: FunctionBody
    let meterFuel: Bool
    let forTracing: Bool

    var instructions: [InternalInstruction] = []
    var sourceOffsets: [UInt32] = []
    var traceOperands: [CompiledFunction.TraceOperands] = []
    var operands: [Operand] = []
    /// Slots the operand stack occupies.
    var operandHeight = 0
    var maxOperandHeight = 0
    var controls: [ControlFrame] = []
    var localTypes: [ValueType] = []
    var localSlots: [UInt32] = []
    var constants: [UInt64] = []
    var constantSlots: [UInt64: UInt32] = [:]
    var vectorConstantSlots: [V128: UInt32] = [:]
    var functionReferences: [CompiledFunction.FunctionReference] = []
    /// First slot of the constants, and of the operand stack.
    var constantBase: UInt32 = 0
    var operandBase: UInt32 = 0
    /// Byte offset of the Wasm instruction being translated, and whether its first internal
    /// instruction has been emitted.
    var currentOffset = 0
    var currentInstructionEmitted = false
    /// The last instruction whose `x` is a pure destination, and the last position a branch
    /// can land on: a producer may be retargeted or fused only if no label lies between.
    var lastProducer = -1
    /// Where the last producer's words end (a `select` carries its condition in a second word).
    var lastProducerEnd = -1
    var lastLabel = 0

    /// An operand-stack entry.
    struct Operand {
        var type: ValueType
        /// The slot of its stack position.
        var home: UInt32
        /// Where its value is now: `home`, a local's slot or a constant's slot.
        var source: UInt32
        var isInHome: Bool { source == home }
    }

    struct ControlFrame {
        enum Kind { case function, block, loop, `if` }
        var kind: Kind
        /// Operand height (slots) and count below the frame's parameters.
        var startHeight: Int
        var startCount: Int
        var parameters: [ValueType]
        var results: [ValueType]
        /// Where a branch to a loop goes.
        var loopHeader = 0
        /// Branches (and branch-table entries) to this frame's end, to patch.
        var pendingBranches: [Int] = []
        /// The false edge of an `if` still waiting for its `else` or `end`.
        var pendingElse: Int?
        /// The `consumeFuel` charging this block's instructions, if it has its own.
        var fuelInstruction: Int?
        /// For an `if`: instructions of the arm being translated, and of the then-arm. The
        /// longer arm is charged to the enclosing block, so an `if` costs no fuel check.
        var armFuel: UInt32 = 0
        var thenArmFuel: UInt32 = 0
        /// The rest of the frame is unreachable (after br, return, unreachable...).
        var isUnreachable = false
        /// The whole frame lies in unreachable code: nothing of it is emitted.
        var enteredUnreachable = false

        /// Values a branch to this frame carries.
        var labelTypes: [ValueType] { kind == .loop ? parameters : results }
    }

    init(module: ModuleLayout, functionIndex: UInt32, body: FunctionBody, meterFuel: Bool, forTracing: Bool) {
        self.module = module
        self.functionIndex = functionIndex
        self.body = body
        self.meterFuel = meterFuel
        self.forTracing = forTracing
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
        // Constants are collected while translating; operands live above them, so the
        // translation runs with a provisional operand base that is fixed up at the end.
        constantBase = slot
        operandBase = Translator.provisionalOperandBase
        var frame = ControlFrame(kind: .function, startHeight: 0, startCount: 0, parameters: [], results: type.results)
        frame.fuelInstruction = emitFuel()
        controls.append(frame)

        var reader = InstructionReader(bytes: body.bytes, range: body.codeRange)
        while !controls.isEmpty {
            guard !reader.isAtEnd else { throw ValidationError("unexpected end of function body", functionIndex: functionIndex) }
            currentOffset = reader.offset
            currentInstructionEmitted = false
            pendingTraceOperands = nil
            let instruction = try reader.read()
            try translate(instruction)
            if forTracing && !currentInstructionEmitted && !controls.isEmpty && !(controls[controls.count - 1].isUnreachable && !isStructural(instruction)) {
                emit(.traceMarker)
            }
        }
        try relocateOperands()
        pairAccumulators()
        return CompiledFunction(
            instructions: instructions, sourceOffsets: sourceOffsets, traceOperands: traceOperands,
            parameterSlots: Translator.slots(type.parameters), declaredLocalSlots: Int(constantBase) - Translator.slots(type.parameters),
            constants: constants, functionReferences: functionReferences, resultSlots: Translator.slots(type.results),
            maxFrameSlots: Int(operandBase) + maxOperandHeight + 2)
    }

    private func isStructural(_ instruction: Instruction) -> Bool {
        switch instruction {
        case .else, .end: return true
        default: return false
        }
    }

    // MARK: Slots

    /// Operand slots are numbered from this base during translation, then moved down to
    /// sit right after the constants (whose number is only known at the end).
    static let provisionalOperandBase: UInt32 = 0x8000_0000

    private mutating func relocateOperands() throws {
        let finalBase = constantBase + UInt32(constants.count)
        let shift = Translator.provisionalOperandBase - finalBase
        guard UInt64(finalBase) + UInt64(maxOperandHeight) + 2 < UInt64(Translator.provisionalOperandBase) else {
            throw ValidationError("function frame too large", functionIndex: functionIndex)
        }
        func relocate(_ slot: inout UInt32) {
            if slot >= Translator.provisionalOperandBase { slot -= shift }
        }
        // Only slots reach the provisional range: branch targets, indices and fuel counts are
        // far smaller. A load's or store's `z` is a static offset, which may be anything.
        for index in instructions.indices {
            relocate(&instructions[index].x)
            relocate(&instructions[index].y)
            if !Translator.isMemoryAccess(instructions[index].opcode) { relocate(&instructions[index].z) }
        }
        for index in traceOperands.indices { relocate(&traceOperands[index].firstSlot) }
        operandBase = finalBase
    }

    static func isMemoryAccess(_ opcode: InternalOpcode) -> Bool {
        opcode.rawValue >= InternalOpcode.i32Load.rawValue && opcode.rawValue <= InternalOpcode.simdMemory.rawValue
    }

    static func isBranchOnComparison(_ opcode: InternalOpcode) -> Bool {
        opcode.rawValue >= InternalOpcode.branchIfI32Eq.rawValue && opcode.rawValue <= InternalOpcode.branchIfI64Nez.rawValue
    }

    /// Two consecutive constant slots holding a v128.
    mutating func constantSlot(_ vector: V128) -> UInt32 {
        if let slot = vectorConstantSlots[vector] { return slot }
        let slot = constantBase + UInt32(constants.count)
        constants.append(vector.low)
        constants.append(vector.high)
        vectorConstantSlots[vector] = slot
        return slot
    }

    /// A constant slot for `ref.func index`. A function's address differs per store, so
    /// the slot is left 0 here and filled in when an instance binds the code.
    mutating func functionReferenceSlot(_ index: UInt32) -> UInt32 {
        if let reference = functionReferences.first(where: { $0.functionIndex == index }) {
            return constantBase + reference.constantIndex
        }
        let constantIndex = UInt32(constants.count)
        constants.append(0)
        functionReferences.append(CompiledFunction.FunctionReference(constantIndex: constantIndex, functionIndex: index))
        return constantBase + constantIndex
    }

    mutating func constantSlot(_ bits: UInt64) -> UInt32 {
        if let slot = constantSlots[bits] { return slot }
        let slot = constantBase + UInt32(constants.count)
        constants.append(bits)
        constantSlots[bits] = slot
        return slot
    }

    /// The home slot of the next pushed operand.
    var nextHome: UInt32 { operandBase + UInt32(operandHeight) }

    // MARK: Emitting

    var nextPC: Int { instructions.count }

    /// Appends an instruction. The first one emitted for a Wasm instruction carries its
    /// source offset (and, for tracing, the operands it consumes); `synthetic` ones none.
    @discardableResult
    mutating func emit(_ opcode: InternalOpcode, x: UInt32 = 0, y: UInt32 = 0, z: UInt32 = 0, synthetic: Bool = false) -> Int {
        if opcode == .copy, let merged = mergeCopy(x: x, y: y) { return merged }
        instructions.append(InternalInstruction(opcode, x: x, y: y, z: z))
        if currentInstructionEmitted || synthetic {
            sourceOffsets.append(CompiledFunction.noSourceOffset)
            traceOperands.append(CompiledFunction.TraceOperands(firstSlot: 0, count: 0))
        } else {
            sourceOffsets.append(UInt32(truncatingIfNeeded: currentOffset))
            traceOperands.append(pendingTraceOperands ?? CompiledFunction.TraceOperands(firstSlot: 0, count: 0))
            pendingTraceOperands = nil
            currentInstructionEmitted = true
        }
        return instructions.count - 1
    }

    /// Folds a copy into the copy just before it (`copyPair`), when no branch lands between
    /// them and the destination fits `w`: runs of copies (a hash's rotating state, moves
    /// to a label's slots) are common, and each dispatch costs more than the copy.
    private mutating func mergeCopy(x: UInt32, y: UInt32) -> Int? {
        let last = instructions.count - 1
        guard !forTracing, last >= 0, lastLabel <= last, x <= UInt32(UInt16.max), instructions[last].opcode == .copy,
              lastProducer != last
        else { return nil }
        instructions[last].opcode = .copyPair
        instructions[last].w = UInt16(x)
        instructions[last].z = y
        return last
    }

    /// Emits an instruction whose `x` is a pure destination slot (a candidate for `local.set` fusion).
    mutating func emitProducer(_ opcode: InternalOpcode, x: UInt32, y: UInt32 = 0, z: UInt32 = 0) {
        lastProducer = emit(opcode, x: x, y: y, z: z)
        lastProducerEnd = nextPC
    }

    /// Records, for tracing, which operand slots the current Wasm instruction consumes
    /// (the top `count` entries, which tracing code keeps in their homes).
    mutating func noteConsumed(_ count: Int) {
        guard forTracing, count > 0, operands.count >= count else { return }
        let first = operands[operands.count - count]
        let slots = operands.suffix(count).reduce(0) { $0 + $1.type.slotCount }
        pendingTraceOperands = CompiledFunction.TraceOperands(firstSlot: first.home, count: UInt32(slots))
    }

    var pendingTraceOperands: CompiledFunction.TraceOperands?

    mutating func emitFuel() -> Int? {
        guard meterFuel else { return nil }
        return emit(.consumeFuel, synthetic: true)
    }

    mutating func chargeFuel(_ amount: UInt32 = 1) {
        chargeFuel(amount, from: controls.count - 1)
    }

    /// Adds `amount` to the innermost block at or below `index` that charges fuel: a block
    /// with its own `consumeFuel`, or an `if` arm.
    mutating func chargeFuel(_ amount: UInt32, from index: Int) {
        for index in stride(from: index, through: 0, by: -1) {
            if let fuel = controls[index].fuelInstruction {
                instructions[fuel].x &+= amount
                return
            }
            if controls[index].kind == .if {
                controls[index].armFuel &+= amount
                return
            }
        }
    }

    /// Marks the current position as a branch target.
    mutating func bindLabel() -> Int {
        lastLabel = nextPC
        return nextPC
    }

    // MARK: Operand stack

    mutating func push(_ type: ValueType, source: UInt32? = nil) {
        let home = nextHome
        operands.append(Operand(type: type, home: home, source: forTracing ? home : (source ?? home)))
        operandHeight += type.slotCount
        if operandHeight > maxOperandHeight { maxOperandHeight = operandHeight }
    }

    /// Pushes a value whose source is `source`; in code for tracing it is copied home.
    mutating func pushCopy(_ type: ValueType, from source: UInt32) {
        if forTracing {
            let home = nextHome
            emitProducer(type.slotCount == 2 ? .copyWide : .copy, x: home, y: source)
        }
        push(type, source: source)
    }

    @discardableResult
    mutating func pop() throws -> Operand {
        guard let operand = operands.popLast() else {
            throw ValidationError("operand stack underflow", functionIndex: functionIndex, offset: currentOffset)
        }
        operandHeight -= operand.type.slotCount
        return operand
    }

    mutating func pop(_ count: Int) throws -> [Operand] {
        guard count <= operands.count else {
            throw ValidationError("operand stack underflow", functionIndex: functionIndex, offset: currentOffset)
        }
        let popped = Array(operands.suffix(count))
        for _ in 0..<count { try pop() }
        return popped
    }

    /// Copies an entry that is not in its home slot there.
    mutating func materialize(at index: Int) {
        let operand = operands[index]
        guard !operand.isInHome else { return }
        emit(operand.type.slotCount == 2 ? .copyWide : .copy, x: operand.home, y: operand.source)
        operands[index].source = operand.home
    }

    /// Copies the top `count` entries home (call arguments, bulk operands...).
    mutating func materializeTop(_ count: Int) {
        for index in Swift.max(operands.count - count, 0)..<operands.count { materialize(at: index) }
    }

    mutating func materializeAll() {
        for index in operands.indices { materialize(at: index) }
    }

    /// Before a local is written, entries still reading it must get their own copy.
    mutating func materializeReaders(ofLocalSlot slot: UInt32, width: Int) {
        for index in operands.indices where !operands[index].isInHome {
            let source = operands[index].source
            if source >= slot && source < slot + UInt32(width) { materialize(at: index) }
        }
    }

    func frameIndex(forDepth depth: UInt32) throws -> Int {
        guard depth < controls.count else { throw ValidationError("unknown label", functionIndex: functionIndex, offset: currentOffset) }
        return controls.count - 1 - Int(depth)
    }

    mutating func markUnreachable() {
        let frame = controls[controls.count - 1]
        controls[controls.count - 1].isUnreachable = true
        operands.removeSubrange(frame.startCount...)
        operandHeight = frame.startHeight
    }

    mutating func blockSignature(_ blockType: BlockType) throws -> ([ValueType], [ValueType]) {
        switch blockType {
        case .empty: return ([], [])
        case .value(let type): return ([], [type])
        case .typeIndex(let index):
            guard index < module.types.count else { throw ValidationError("unknown type", functionIndex: functionIndex) }
            let type = module.types[Int(index)]
            return (type.parameters, type.results)
        }
    }
}
