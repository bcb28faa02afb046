/// Control instructions: blocks, branches, calls, returns.
extension Translator {
    mutating func translate(_ instruction: Instruction) throws {
        if controls[controls.count - 1].isUnreachable {
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
        case .block(let blockType):
            try enterBlock(.block, blockType)
        case .loop(let blockType):
            try enterBlock(.loop, blockType)
        case .if(let blockType):
            try enterIf(blockType)
        case .else:
            try enterElse()
        case .end:
            try endFrame()
        case .br(let depth):
            try branch(toDepth: depth)
            markUnreachable()
        case .brIf(let depth):
            try branchIf(toDepth: depth)
        case .brTable(let targets, let defaultTarget):
            try branchTable(targets: targets, defaultTarget: defaultTarget)
            markUnreachable()
        case .return:
            try emitReturn()
            markUnreachable()
        case .call(let index):
            guard index < module.functions.count else { throw ValidationError("unknown function", functionIndex: functionIndex) }
            try call(type: module.functions[Int(index)]) { translator, frameStart in
                translator.emit(.call, x: index, y: frameStart)
            }
        case .callIndirect(let typeIndex, let tableIndex):
            guard typeIndex < module.types.count else { throw ValidationError("unknown type", functionIndex: functionIndex) }
            noteConsumed(module.types[Int(typeIndex)].parameters.count + 1)
            let index = try pop()
            let type = module.types[Int(typeIndex)]
            try call(type: type, traceNoted: true) { translator, frameStart in
                translator.emit(.callIndirect, x: typeIndex, y: index.source, z: tableIndex)
                translator.emit(.callIndirectFrame, x: frameStart)
            }
        default:
            try translatePlain(instruction)
        }
    }

    // MARK: Blocks

    private mutating func enterBlock(_ kind: ControlFrame.Kind, _ blockType: BlockType) throws {
        let (parameters, results) = try blockSignature(blockType)
        // Values below may be read after paths merge, so none may stay lazy across a block.
        materializeAll()
        var frame = ControlFrame(
            kind: kind, startHeight: operandHeight - Translator.slots(parameters),
            startCount: operands.count - parameters.count, parameters: parameters, results: results)
        if kind == .loop {
            frame.loopHeader = bindLabel()
            frame.fuelInstruction = emitFuel()
        }
        controls.append(frame)
    }

    private mutating func enterIf(_ blockType: BlockType) throws {
        let (parameters, results) = try blockSignature(blockType)
        noteConsumed(1)
        // Everything below the condition goes home first: both arms may read it.
        for index in 0..<Swift.max(operands.count - 1, 0) { materialize(at: index) }
        let falseEdge = try emitBranch(onCondition: false)
        var frame = ControlFrame(
            kind: .if, startHeight: operandHeight - Translator.slots(parameters),
            startCount: operands.count - parameters.count, parameters: parameters, results: results)
        frame.pendingElse = falseEdge
        controls.append(frame)
    }

    private mutating func enterElse() throws {
        var frame = controls[controls.count - 1]
        // The then-arm falls through to the end, with its results home.
        try moveLabelValues(to: frame, fallingThrough: true)
        frame.pendingBranches.append(emit(.branch))
        startElse(&frame)
    }

    mutating func startElse(_ frame: inout ControlFrame) {
        let elseStart = bindLabel()
        if let pendingElse = frame.pendingElse { instructions[pendingElse].x = UInt32(elseStart) }
        frame.pendingElse = nil
        frame.isUnreachable = false
        operands.removeSubrange(frame.startCount...)
        operandHeight = frame.startHeight
        for type in frame.parameters { push(type) }
        frame.thenArmFuel = frame.armFuel
        frame.armFuel = 0
        controls[controls.count - 1] = frame
    }

    mutating func endFrame() throws {
        let frame = controls[controls.count - 1]
        if frame.kind == .function && !forTracing {
            // The results move straight to the frame base, as for `return`. (Unreachable,
            // the end needs no code, but nothing may run past the last instruction.)
            if frame.isUnreachable { emit(.returnInPlace) } else { emitReturnOfResults() }
            controls.removeLast()
            return
        }
        if !frame.isUnreachable { try moveLabelValues(to: frame, fallingThrough: true) }
        controls.removeLast()
        if frame.kind == .if {
            chargeFuel(Swift.max(frame.thenArmFuel, frame.armFuel), from: controls.count - 1)
        }
        if frame.kind == .function {
            emit(.return, x: UInt32(Translator.slots(frame.results)), z: operandBase)
            return
        }
        if !frame.pendingBranches.isEmpty || frame.pendingElse != nil {
            let endPC = bindLabel()
            for branch in frame.pendingBranches { instructions[branch].x = UInt32(endPC) }
            if let pendingElse = frame.pendingElse { instructions[pendingElse].x = UInt32(endPC) }
        }
        operands.removeSubrange(frame.startCount...)
        operandHeight = frame.startHeight
        for type in frame.results { push(type) }
    }

    /// In unreachable code nothing is emitted, but block structure is followed so the
    /// matching `else`/`end` is found.
    private mutating func skipUnreachable(_ instruction: Instruction) throws {
        var frame = controls[controls.count - 1]
        switch instruction {
        case .block, .loop, .if:
            var dead = ControlFrame(kind: .block, startHeight: operandHeight, startCount: operands.count, parameters: [], results: [])
            dead.isUnreachable = true
            dead.enteredUnreachable = true
            controls.append(dead)
        case .else:
            if frame.enteredUnreachable { return }
            startElse(&frame)
        case .end:
            if frame.enteredUnreachable {
                controls.removeLast()
                return
            }
            try endFrame()
        default:
            break
        }
    }

    // MARK: Branches

    /// Copies the values a branch to `frame` carries (the top entries) to the frame's
    /// label slots.
    private mutating func moveLabelValues(to frame: ControlFrame, fallingThrough: Bool = false) throws {
        let types = fallingThrough ? frame.results : frame.labelTypes
        guard !types.isEmpty, operands.count >= types.count else { return }
        var destination = operandBase + UInt32(frame.startHeight)
        for index in (operands.count - types.count)..<operands.count {
            let operand = operands[index]
            if operand.source != destination {
                emit(operand.type.slotCount == 2 ? .copyWide : .copy, x: destination, y: operand.source)
            }
            destination += UInt32(operand.type.slotCount)
        }
    }

    /// Whether a branch to `frame` needs to move values.
    private func branchMovesValues(to frame: ControlFrame) -> Bool {
        let types = frame.labelTypes
        guard !types.isEmpty, operands.count >= types.count else { return false }
        var destination = operandBase + UInt32(frame.startHeight)
        for index in (operands.count - types.count)..<operands.count {
            if operands[index].source != destination { return true }
            destination += UInt32(operands[index].type.slotCount)
        }
        return false
    }

    /// Emits an unconditional jump to the label of the frame at `depth`.
    private mutating func branch(toDepth depth: UInt32) throws {
        let target = try frameIndex(forDepth: depth)
        if controls[target].kind == .function {
            try emitReturn()
            return
        }
        try moveLabelValues(to: controls[target])
        let pc = emit(.branch)
        link(pc, to: target)
    }

    /// Points a jump at frame `target`'s label (a loop's header, or a block's end later).
    private mutating func link(_ pc: Int, to target: Int) {
        if controls[target].kind == .loop {
            let header = controls[target].loopHeader
            instructions[pc].x = UInt32(header)
            if header < instructions.count, instructions[header].opcode == .consumeFuel,
               let loopBranch = Translator.loopBranch(instructions[pc].opcode)
            {
                instructions[pc].opcode = loopBranch
            }
        } else {
            controls[target].pendingBranches.append(pc)
        }
    }

    private mutating func branchIf(toDepth depth: UInt32) throws {
        let target = try frameIndex(forDepth: depth)
        let frame = controls[target]
        noteConsumed(1)
        if frame.kind != .function && !branchMovesValues(to: frame) {
            let pc = try emitBranch(onCondition: true)
            link(pc, to: target)
            return
        }
        // Values must move (or the function returns): skip that code when the condition fails.
        let skip = try emitBranch(onCondition: false)
        try branch(toDepth: depth)
        instructions[skip].x = UInt32(bindLabel())
    }

    /// Pops an i32 condition and emits a jump taken when it is non-zero (`whenTrue`) or
    /// zero; a comparison computed just before becomes part of the jump. The target is
    /// left for the caller to fill in.
    private mutating func emitBranch(onCondition whenTrue: Bool) throws -> Int {
        let condition = try pop()
        if !forTracing, lastProducer == nextPC - 1, lastProducerEnd == nextPC, lastLabel <= lastProducer, condition.isInHome,
           instructions[lastProducer].x == condition.home,
           let fused = Translator.fusedBranch(instructions[lastProducer].opcode, whenTrue: whenTrue)
        {
            let comparison = instructions.removeLast()
            sourceOffsets.removeLast()
            traceOperands.removeLast()
            lastProducer = -1
            return emit(fused, y: comparison.y, z: comparison.z)
        }
        return emit(whenTrue ? .branchIf : .branchIfZero, y: condition.source)
    }

    private mutating func branchTable(targets: [UInt32], defaultTarget: UInt32) throws {
        noteConsumed(1)
        let index = try pop()
        emit(.branchTable, x: UInt32(truncatingIfNeeded: targets.count), y: index.source)
        let depths = targets + [defaultTarget]
        var entries: [Int] = []
        for _ in depths { entries.append(emit(.branchTableEntry)) }
        for (entry, depth) in zip(entries, depths) {
            let target = try frameIndex(forDepth: depth)
            let frame = controls[target]
            if frame.kind != .function && !branchMovesValues(to: frame) {
                link(entry, to: target)
                continue
            }
            // A trampoline moves the values, then jumps (or returns).
            instructions[entry].x = UInt32(bindLabel())
            try branch(toDepth: depth)
        }
    }

    mutating func emitReturn() throws {
        noteConsumed(controls[0].results.count)
        emitReturnOfResults()
    }

    /// Returns the top entries as the function's results, in the cheapest form: nothing to
    /// move when they are at the frame base already (or the instruction just before can
    /// write the one result there), one slot moved from where it is, or the general move.
    private mutating func emitReturnOfResults() {
        let types = controls[0].results
        if !forTracing && resultsAreAtFrameBase(types) {
            emit(.returnInPlace)
            return
        }
        if !forTracing, types.count == 1, types[0].slotCount == 1, let result = operands.last {
            if result.isInHome, lastProducer >= 0, lastProducer == nextPC - 1, lastProducerEnd == nextPC,
               lastLabel <= lastProducer, instructions[lastProducer].x == result.home
            {
                instructions[lastProducer].x = 0
                lastProducer = -1
                emit(.returnInPlace)
            } else {
                emit(.returnSlot, y: result.source)
            }
            return
        }
        // Copies the results next to each other without recording it in the operand model:
        // a return may sit on a conditional path (br_if, br_table) the model also describes.
        for index in Swift.max(operands.count - types.count, 0)..<operands.count where !operands[index].isInHome {
            let operand = operands[index]
            emit(operand.type.slotCount == 2 ? .copyWide : .copy, x: operand.home, y: operand.source)
        }
        let first = operands.count >= types.count && !types.isEmpty ? operands[operands.count - types.count].home : operandBase
        emit(.return, x: UInt32(Translator.slots(types)), z: first)
    }

    /// Whether the results (the top entries) are where a return leaves them: from slot 0 on.
    private func resultsAreAtFrameBase(_ types: [ValueType]) -> Bool {
        guard operands.count >= types.count else { return false }
        var slot: UInt32 = 0
        for operand in operands.suffix(types.count) {
            if operand.source != slot { return false }
            slot += UInt32(operand.type.slotCount)
        }
        return true
    }

    // MARK: Calls

    /// Emits a call with `type`: the arguments (the top entries) go home, where the callee's
    /// frame starts; its results replace them.
    private mutating func call(
        type: FunctionType, traceNoted: Bool = false, emitCall: (inout Translator, UInt32) -> Void
    ) throws {
        if !traceNoted { noteConsumed(type.parameters.count) }
        materializeTop(type.parameters.count)
        let arguments = try pop(type.parameters.count)
        let frameStart = arguments.first?.home ?? nextHome
        emitCall(&self, frameStart)
        for result in type.results { push(result) }
    }

    /// The compare-and-branch form of a comparison, jumping when the comparison is
    /// `whenTrue` (negated comparisons when false: integer comparisons negate exactly).
    static func fusedBranch(_ comparison: InternalOpcode, whenTrue: Bool) -> InternalOpcode? {
        switch comparison {
        case .i32Eq: return whenTrue ? .branchIfI32Eq : .branchIfI32Ne
        case .i32Ne: return whenTrue ? .branchIfI32Ne : .branchIfI32Eq
        case .i32LtS: return whenTrue ? .branchIfI32LtS : .branchIfI32GeS
        case .i32LtU: return whenTrue ? .branchIfI32LtU : .branchIfI32GeU
        case .i32GtS: return whenTrue ? .branchIfI32GtS : .branchIfI32LeS
        case .i32GtU: return whenTrue ? .branchIfI32GtU : .branchIfI32LeU
        case .i32LeS: return whenTrue ? .branchIfI32LeS : .branchIfI32GtS
        case .i32LeU: return whenTrue ? .branchIfI32LeU : .branchIfI32GtU
        case .i32GeS: return whenTrue ? .branchIfI32GeS : .branchIfI32LtS
        case .i32GeU: return whenTrue ? .branchIfI32GeU : .branchIfI32LtU
        case .i64Eq: return whenTrue ? .branchIfI64Eq : .branchIfI64Ne
        case .i64Ne: return whenTrue ? .branchIfI64Ne : .branchIfI64Eq
        case .i64LtS: return whenTrue ? .branchIfI64LtS : .branchIfI64GeS
        case .i64LtU: return whenTrue ? .branchIfI64LtU : .branchIfI64GeU
        case .i64GtS: return whenTrue ? .branchIfI64GtS : .branchIfI64LeS
        case .i64GtU: return whenTrue ? .branchIfI64GtU : .branchIfI64LeU
        case .i64LeS: return whenTrue ? .branchIfI64LeS : .branchIfI64GtS
        case .i64LeU: return whenTrue ? .branchIfI64LeU : .branchIfI64GtU
        case .i64GeS: return whenTrue ? .branchIfI64GeS : .branchIfI64LtS
        case .i64GeU: return whenTrue ? .branchIfI64GeU : .branchIfI64LtU
        case .i64Eqz: return whenTrue ? .branchIfI64Eqz : .branchIfI64Nez
        case .i32Eqz: return whenTrue ? .branchIfZero : .branchIf
        default: return nil
        }
    }

    /// The back-edge form of a branch (see `InternalOpcode.branchLoop`), if it has one.
    static func loopBranch(_ branch: InternalOpcode) -> InternalOpcode? {
        switch branch {
        case .branch: return .branchLoop
        case .branchIf: return .branchIfLoop
        case .branchIfZero: return .branchIfZeroLoop
        case .branchIfI32Eq: return .branchIfI32EqLoop
        case .branchIfI32Ne: return .branchIfI32NeLoop
        case .branchIfI32LtS: return .branchIfI32LtSLoop
        case .branchIfI32LtU: return .branchIfI32LtULoop
        case .branchIfI32GtS: return .branchIfI32GtSLoop
        case .branchIfI32GtU: return .branchIfI32GtULoop
        case .branchIfI32LeS: return .branchIfI32LeSLoop
        case .branchIfI32LeU: return .branchIfI32LeULoop
        case .branchIfI32GeS: return .branchIfI32GeSLoop
        case .branchIfI32GeU: return .branchIfI32GeULoop
        case .branchIfI64Ne: return .branchIfI64NeLoop
        case .branchIfI64LtS: return .branchIfI64LtSLoop
        case .branchIfI64LtU: return .branchIfI64LtULoop
        case .branchIfI64Eqz: return .branchIfI64EqzLoop
        case .branchIfI64Nez: return .branchIfI64NezLoop
        default: return nil
        }
    }
}
