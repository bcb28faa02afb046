/// The typing rule of each instruction, applied to the validator's stacks.
///
/// Each `switch` case only forwards to a small method so the switch type-checks quickly
/// and each rule reads alone.
extension FunctionValidator {
    /// Checks one instruction starting at byte `offset` and applies its effect on the stacks.
    mutating func validate(_ instruction: Instruction, at offset: Int) throws(ValidationError) {
        self.offset = offset
        switch instruction {
        case .unreachable: markUnreachable()
        case .nop: break
        case .block(let blockType): try validateBlock(.block, blockType)
        case .loop(let blockType): try validateBlock(.loop, blockType)
        case .if(let blockType): try validateIf(blockType)
        case .else: try validateElse()
        case .end: try validateEnd()
        case .br(let depth): try validateBranch(depth)
        case .brIf(let depth): try validateConditionalBranch(depth)
        case .brTable(let targets, let defaultTarget): try validateBranchTable(targets, defaultTarget)
        case .return: try validateReturn()
        case .call(let functionIndex): try validateCall(functionIndex)
        case .callIndirect(let typeIndex, let tableIndex): try validateCallIndirect(typeIndex, tableIndex)
        case .refNull(let type): push(type.valueType)
        case .refIsNull: try validateRefIsNull()
        case .refFunc(let functionIndex): try validateRefFunc(functionIndex)
        case .drop: _ = try pop()
        case .select: try validateSelect()
        case .typedSelect(let types): try validateTypedSelect(types)
        case .localGet(let index): push(try local(index))
        case .localSet(let index): try pop(try local(index))
        case .localTee(let index): try validateLocalTee(index)
        case .globalGet(let index): push(try global(index).valueType)
        case .globalSet(let index): try validateGlobalSet(index)
        case .tableGet(let index): try validateTableGet(index)
        case .tableSet(let index): try validateTableSet(index)
        case .tableInit(let elementIndex, let tableIndex): try validateTableInit(elementIndex, tableIndex)
        case .elemDrop(let elementIndex): _ = try elementType(elementIndex)
        case .tableCopy(let destination, let source): try validateTableCopy(destination, source)
        case .tableGrow(let index): try validateTableGrow(index)
        case .tableSize(let index): try validateTableSize(index)
        case .tableFill(let index): try validateTableFill(index)
        case .load(let load, let argument): try validateLoad(load, argument)
        case .store(let store, let argument): try validateStore(store, argument)
        case .memorySize(let index): try validateMemorySize(index)
        case .memoryGrow(let index): try validateMemoryGrow(index)
        case .memoryInit(let dataIndex, let memoryIndex): try validateMemoryInit(dataIndex, memoryIndex)
        case .dataDrop(let dataIndex): try checkDataSegment(dataIndex)
        case .memoryCopy(let destination, let source): try validateMemoryCopy(destination, source)
        case .memoryFill(let index): try validateMemoryFill(index)
        case .i32Const: push(.i32)
        case .i64Const: push(.i64)
        case .f32Const: push(.f32)
        case .f64Const: push(.f64)
        case .numeric(let numericOperator): try validateNumeric(numericOperator)
        default: try validateSIMD(instruction)
        }
    }

    // MARK: Control

    private func blockSignature(_ blockType: BlockType) throws(ValidationError) -> FunctionType {
        switch blockType {
        case .empty: return BlockSignatures.empty
        case .value(let type): return BlockSignatures.returning(type)
        case .typeIndex(let index):
            do { return try context.type(at: index) } catch { throw located(error) }
        }
    }

    private mutating func validateBlock(_ kind: ControlFrame.Kind, _ blockType: BlockType) throws(ValidationError) {
        let signature = try blockSignature(blockType)
        try pop(signature.parameters)
        pushFrame(kind, parameters: signature.parameters, results: signature.results)
    }

    private mutating func validateIf(_ blockType: BlockType) throws(ValidationError) {
        let signature = try blockSignature(blockType)
        try pop(.i32)
        try pop(signature.parameters)
        pushFrame(.if, parameters: signature.parameters, results: signature.results)
    }

    private mutating func validateElse() throws(ValidationError) {
        guard frames.last?.kind == .if else { throw error("else without matching if") }
        let frame = try popFrame()
        pushFrame(.else, parameters: frame.parameters, results: frame.results)
    }

    private mutating func validateEnd() throws(ValidationError) {
        let frame = try popFrame()
        // An `if` without `else` has an implicit empty else branch, which passes its
        // parameters through unchanged: so they must already be its results.
        if frame.kind == .if && frame.parameters != frame.results { throw error("type mismatch") }
        if !frames.isEmpty { push(frame.results) }
    }

    private mutating func validateBranch(_ depth: UInt32) throws(ValidationError) {
        try pop(try labelTypes(atDepth: depth))
        markUnreachable()
    }

    private mutating func validateConditionalBranch(_ depth: UInt32) throws(ValidationError) {
        let labelTypes = try labelTypes(atDepth: depth)
        try pop(.i32)
        try pop(labelTypes)
        push(labelTypes)
    }

    private mutating func validateBranchTable(_ targets: [UInt32], _ defaultTarget: UInt32) throws(ValidationError) {
        try pop(.i32)
        let defaultTypes = try labelTypes(atDepth: defaultTarget)
        for target in targets {
            let targetTypes = try labelTypes(atDepth: target)
            guard targetTypes.count == defaultTypes.count else { throw error("type mismatch") }
            try checkTopOperands(match: targetTypes)
        }
        try pop(defaultTypes)
        markUnreachable()
    }

    private mutating func validateReturn() throws(ValidationError) {
        guard let functionFrame = frames.first else { throw error("instruction after the end of the function") }
        try pop(functionFrame.results)
        markUnreachable()
    }

    private mutating func validateCall(_ functionIndex: UInt32) throws(ValidationError) {
        let type: FunctionType
        do { type = try context.function(at: functionIndex) } catch { throw located(error) }
        try pop(type.parameters)
        push(type.results)
    }

    private mutating func validateCallIndirect(_ typeIndex: UInt32, _ tableIndex: UInt32) throws(ValidationError) {
        let table = try table(tableIndex)
        guard table.elementType == .funcref else { throw error("type mismatch") }
        let type: FunctionType
        do { type = try context.type(at: typeIndex) } catch { throw located(error) }
        try pop(.i32)
        try pop(type.parameters)
        push(type.results)
    }

    // MARK: References and parametric instructions

    private mutating func validateRefIsNull() throws(ValidationError) {
        if let operand = try pop(), !operand.isReference { throw error("type mismatch") }
        push(.i32)
    }

    private mutating func validateRefFunc(_ functionIndex: UInt32) throws(ValidationError) {
        do { _ = try context.function(at: functionIndex) } catch { throw located(error) }
        guard context.isDeclaredFunctionReference(functionIndex) else {
            throw error("undeclared function reference")
        }
        push(.funcref)
    }

    /// Untyped `select` only takes numeric or vector operands, so that its result type is
    /// known from them.
    private mutating func validateSelect() throws(ValidationError) {
        try pop(.i32)
        let first = try pop()
        let second = try pop()
        if first?.isReference == true || second?.isReference == true { throw error("type mismatch") }
        if let first, let second, first != second { throw error("type mismatch") }
        push(first ?? second)
    }

    private mutating func validateTypedSelect(_ types: [ValueType]) throws(ValidationError) {
        guard types.count == 1, let type = types.first else { throw error("invalid result arity") }
        try pop(.i32)
        try pop(type)
        try pop(type)
        push(type)
    }

    // MARK: Variables

    @inline(__always)
    private func local(_ index: UInt32) throws(ValidationError) -> ValueType {
        guard index < locals.count else { throw error("unknown local \(index)") }
        return locals[Int(index)]
    }

    private mutating func validateLocalTee(_ index: UInt32) throws(ValidationError) {
        let type = try local(index)
        try pop(type)
        push(type)
    }

    private func global(_ index: UInt32) throws(ValidationError) -> GlobalType {
        do { return try context.global(at: index) } catch { throw located(error) }
    }

    private mutating func validateGlobalSet(_ index: UInt32) throws(ValidationError) {
        let global = try global(index)
        guard global.isMutable else { throw error("global is immutable") }
        try pop(global.valueType)
    }

    // MARK: Tables

    private func table(_ index: UInt32) throws(ValidationError) -> TableType {
        do { return try context.table(at: index) } catch { throw located(error) }
    }

    private func elementType(_ index: UInt32) throws(ValidationError) -> ReferenceType {
        do { return try context.elementType(at: index) } catch { throw located(error) }
    }

    private mutating func validateTableGet(_ index: UInt32) throws(ValidationError) {
        let table = try table(index)
        try pop(.i32)
        push(table.elementType.valueType)
    }

    private mutating func validateTableSet(_ index: UInt32) throws(ValidationError) {
        let table = try table(index)
        try pop(table.elementType.valueType)
        try pop(.i32)
    }

    private mutating func validateTableInit(_ elementIndex: UInt32, _ tableIndex: UInt32) throws(ValidationError) {
        let table = try table(tableIndex)
        let elementType = try elementType(elementIndex)
        guard table.elementType == elementType else { throw error("type mismatch") }
        try popThreeI32()
    }

    private mutating func validateTableCopy(_ destination: UInt32, _ source: UInt32) throws(ValidationError) {
        let destinationTable = try table(destination)
        let sourceTable = try table(source)
        guard destinationTable.elementType == sourceTable.elementType else { throw error("type mismatch") }
        try popThreeI32()
    }

    private mutating func validateTableGrow(_ index: UInt32) throws(ValidationError) {
        let table = try table(index)
        try pop(.i32)
        try pop(table.elementType.valueType)
        push(.i32)
    }

    private mutating func validateTableSize(_ index: UInt32) throws(ValidationError) {
        _ = try table(index)
        push(.i32)
    }

    private mutating func validateTableFill(_ index: UInt32) throws(ValidationError) {
        let table = try table(index)
        try pop(.i32)
        try pop(table.elementType.valueType)
        try pop(.i32)
    }

    private mutating func popThreeI32() throws(ValidationError) {
        try pop(.i32)
        try pop(.i32)
        try pop(.i32)
    }

    // MARK: Memory

    func checkMemory(_ index: UInt32) throws(ValidationError) {
        do { _ = try context.memory(at: index) } catch { throw located(error) }
    }

    func checkAlignment(_ argument: MemoryArgument, width: Int) throws(ValidationError) {
        // The alignment is an exponent; 2^alignment bytes must not exceed the access width.
        guard argument.alignment < 32, 1 << Int(argument.alignment) <= width else {
            throw error("alignment must not be larger than natural")
        }
    }

    private mutating func validateLoad(_ load: LoadOperator, _ argument: MemoryArgument) throws(ValidationError) {
        try checkMemory(0)
        try checkAlignment(argument, width: load.width)
        try pop(.i32)
        push(load.resultType)
    }

    private mutating func validateStore(_ store: StoreOperator, _ argument: MemoryArgument) throws(ValidationError) {
        try checkMemory(0)
        try checkAlignment(argument, width: store.width)
        try pop(store.valueType)
        try pop(.i32)
    }

    private mutating func validateMemorySize(_ index: UInt32) throws(ValidationError) {
        try checkMemory(index)
        push(.i32)
    }

    private mutating func validateMemoryGrow(_ index: UInt32) throws(ValidationError) {
        try checkMemory(index)
        try pop(.i32)
        push(.i32)
    }

    private func checkDataSegment(_ index: UInt32) throws(ValidationError) {
        do { try context.checkDataSegment(index) } catch { throw located(error) }
    }

    private mutating func validateMemoryInit(_ dataIndex: UInt32, _ memoryIndex: UInt32) throws(ValidationError) {
        try checkMemory(memoryIndex)
        try checkDataSegment(dataIndex)
        try popThreeI32()
    }

    private mutating func validateMemoryCopy(_ destination: UInt32, _ source: UInt32) throws(ValidationError) {
        try checkMemory(destination)
        try checkMemory(source)
        try popThreeI32()
    }

    private mutating func validateMemoryFill(_ index: UInt32) throws(ValidationError) {
        try checkMemory(index)
        try popThreeI32()
    }

    // MARK: Numeric

    private mutating func validateNumeric(_ numericOperator: NumericOperator) throws(ValidationError) {
        let signature = NumericSignature.of(numericOperator)
        if let second = signature.secondOperand { try pop(second) }
        try pop(signature.firstOperand)
        push(signature.result)
    }
}

/// Block signatures for the block types that are not type indices, made once so that
/// entering a block does not allocate.
enum BlockSignatures {
    static let empty = FunctionType(parameters: [], results: [])

    static func returning(_ type: ValueType) -> FunctionType {
        switch type {
        case .i32: return returningI32
        case .i64: return returningI64
        case .f32: return returningF32
        case .f64: return returningF64
        case .v128: return returningV128
        case .funcref: return returningFuncref
        case .externref: return returningExternref
        }
    }

    private static let returningI32 = FunctionType(parameters: [], results: [.i32])
    private static let returningI64 = FunctionType(parameters: [], results: [.i64])
    private static let returningF32 = FunctionType(parameters: [], results: [.f32])
    private static let returningF64 = FunctionType(parameters: [], results: [.f64])
    private static let returningV128 = FunctionType(parameters: [], results: [.v128])
    private static let returningFuncref = FunctionType(parameters: [], results: [.funcref])
    private static let returningExternref = FunctionType(parameters: [], results: [.externref])
}
