/// Checks a decoded module against the WebAssembly 2.0 validation rules.
///
/// Module-level rules (index spaces, limits, constant expressions, segments, start,
/// exports) live here; function bodies are type-checked by `FunctionValidator`.
public enum ModuleValidator {
    /// Memories may hold at most 2^16 pages of 64 KiB (4 GiB) in 32-bit address space.
    static let maximumMemoryPages: UInt64 = 65536
    /// Table sizes are 32-bit.
    static let maximumTableSize: UInt64 = 0xFFFF_FFFF

    /// Validates a decoded module per the WebAssembly 2.0 spec.
    ///
    /// - Throws: `ValidationError` with the spec test suite's wording; errors inside a
    ///   function body carry the function index and the instruction's byte offset.
    public static func validate(_ module: Module) throws(ValidationError) {
        let context = try makeContext(for: module)
        try validateGlobals(of: module, in: context)
        try validateElementSegments(of: module, in: context)
        try validateDataSegments(of: module, in: context)
        try validateStart(of: module, in: context)
        try validateExports(of: module, in: context)
        try validateFunctionBodies(of: module, in: context)
    }

    // MARK: Context

    /// Builds the index spaces, checking each entry's type as it is added.
    static func makeContext(for module: Module) throws(ValidationError) -> ValidationContext {
        var context = ValidationContext(types: module.types)
        for entry in module.imports {
            switch entry.descriptor {
            case .function(let typeIndex): context.functions.append(try context.type(at: typeIndex))
            case .table(let table): try addTable(table, to: &context)
            case .memory(let memory): try addMemory(memory, to: &context)
            case .global(let global): context.globals.append(global)
            }
        }
        context.importedGlobalCount = context.globals.count
        for typeIndex in module.functionTypeIndices {
            context.functions.append(try context.type(at: typeIndex))
        }
        for table in module.tables { try addTable(table, to: &context) }
        for memory in module.memories { try addMemory(memory, to: &context) }
        context.globals.append(contentsOf: module.globals.lazy.map(\.type))
        context.elementTypes = module.elements.map(\.type)
        context.dataCount = module.dataCount
        context.declaredFunctionReferences = declaredFunctionReferences(in: module, functionCount: context.functions.count)
        return context
    }

    private static func addTable(_ table: TableType, to context: inout ValidationContext) throws(ValidationError) {
        try checkLimits(table.limits, maximum: maximumTableSize, message: "table size must be at most 2^32-1")
        context.tables.append(table)
    }

    private static func addMemory(_ memory: MemoryType, to context: inout ValidationContext) throws(ValidationError) {
        try checkLimits(memory.limits, maximum: maximumMemoryPages,
                        message: "memory size must be at most 65536 pages (4GiB)")
        guard context.memories.isEmpty else { throw ValidationError("multiple memories") }
        context.memories.append(memory)
    }

    private static func checkLimits(_ limits: Limits, maximum: UInt64, message: String) throws(ValidationError) {
        guard limits.min <= maximum else { throw ValidationError(message) }
        if let max = limits.max {
            guard max <= maximum else { throw ValidationError(message) }
            guard limits.min <= max else { throw ValidationError("size minimum must not be greater than maximum") }
        }
    }

    /// The spec's `C.refs`: functions referenced outside function bodies. Only these may be
    /// named by `ref.func` in code, so that an engine knows up front which functions can
    /// escape as references.
    private static func declaredFunctionReferences(in module: Module, functionCount: Int) -> [Bool] {
        var declared = [Bool](repeating: false, count: functionCount)
        func declare(_ index: UInt32) {
            if index < declared.count { declared[Int(index)] = true }
        }
        func declareReferences(in expression: ConstantExpression) {
            for case .refFunc(let index) in expression.instructions { declare(index) }
        }
        for global in module.globals { declareReferences(in: global.initializer) }
        for segment in module.elements {
            for item in segment.items { declareReferences(in: item) }
            if case .active(_, let offset) = segment.mode { declareReferences(in: offset) }
        }
        for export in module.exports {
            if case .function(let index) = export.descriptor { declare(index) }
        }
        return declared
    }

    // MARK: Module-level definitions

    private static func validateGlobals(of module: Module, in context: ValidationContext) throws(ValidationError) {
        // In 2.0 a global initializer may only read imported globals: the module's own
        // globals are not initialized yet when it runs.
        for global in module.globals {
            try ConstantExpressionValidator.validate(
                global.initializer, expecting: global.type.valueType,
                context: context, visibleGlobalCount: context.importedGlobalCount)
        }
    }

    private static func validateElementSegments(of module: Module, in context: ValidationContext) throws(ValidationError) {
        for segment in module.elements {
            for item in segment.items {
                try ConstantExpressionValidator.validate(
                    item, expecting: segment.type.valueType,
                    context: context, visibleGlobalCount: context.importedGlobalCount)
            }
            if case .active(let tableIndex, let offset) = segment.mode {
                let table = try context.table(at: tableIndex)
                guard table.elementType == segment.type else { throw ValidationError("type mismatch") }
                try ConstantExpressionValidator.validate(
                    offset, expecting: .i32, context: context, visibleGlobalCount: context.importedGlobalCount)
            }
        }
    }

    private static func validateDataSegments(of module: Module, in context: ValidationContext) throws(ValidationError) {
        for segment in module.data {
            if case .active(let memoryIndex, let offset) = segment.mode {
                _ = try context.memory(at: memoryIndex)
                try ConstantExpressionValidator.validate(
                    offset, expecting: .i32, context: context, visibleGlobalCount: context.importedGlobalCount)
            }
        }
    }

    private static func validateStart(of module: Module, in context: ValidationContext) throws(ValidationError) {
        guard let start = module.start else { return }
        let type = try context.function(at: start)
        guard type.parameters.isEmpty, type.results.isEmpty else { throw ValidationError("start function") }
    }

    private static func validateExports(of module: Module, in context: ValidationContext) throws(ValidationError) {
        var names = Set<ExactName>(minimumCapacity: module.exports.count)
        for export in module.exports {
            guard names.insert(ExactName(export.name)).inserted else { throw ValidationError("duplicate export name") }
            switch export.descriptor {
            case .function(let index): _ = try context.function(at: index)
            case .table(let index): _ = try context.table(at: index)
            case .memory(let index): _ = try context.memory(at: index)
            case .global(let index): _ = try context.global(at: index)
            }
        }
    }

    // MARK: Code

    private static func validateFunctionBodies(of module: Module, in context: ValidationContext) throws(ValidationError) {
        guard module.functionBodies.count == module.functionTypeIndices.count else {
            throw ValidationError("function and code section have inconsistent lengths")
        }
        let importedFunctionCount = context.functions.count &- module.functionTypeIndices.count
        var validator = FunctionValidator(context: context)
        for (definedIndex, body) in module.functionBodies.enumerated() {
            let functionIndex = UInt32(truncatingIfNeeded: importedFunctionCount &+ definedIndex)
            let type = try context.function(at: functionIndex)
            try validateBody(body, functionIndex: functionIndex, type: type, with: &validator)
        }
    }

    /// Reads a body's instructions and feeds them to the validator up to the final `end`.
    static func validateBody(
        _ body: FunctionBody, functionIndex: UInt32, type: FunctionType, with validator: inout FunctionValidator
    ) throws(ValidationError) {
        validator.begin(functionIndex: functionIndex, type: type, declaredLocals: body.locals)
        var reader = InstructionReader(bytes: body.bytes, range: body.codeRange)
        while !validator.isComplete {
            let offset = reader.offset
            guard !reader.isAtEnd else {
                throw ValidationError("unexpected end of function body", functionIndex: functionIndex, offset: offset)
            }
            let instruction: Instruction
            do {
                instruction = try reader.read()
            } catch {
                throw ValidationError(error.message, functionIndex: functionIndex, offset: error.offset)
            }
            try validator.validate(instruction, at: offset)
        }
        guard reader.isAtEnd else {
            throw ValidationError("operators remaining after end of function", functionIndex: functionIndex,
                                  offset: reader.offset)
        }
    }
}
