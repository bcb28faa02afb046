/// Module instantiation (the spec's `instantiate`, Wasm 2.0 semantics).
///
/// Steps: validate; resolve imports (nothing is allocated when that fails); allocate
/// tables and memories; create the instance with its functions, globals and exports;
/// apply element then data segments in order; run the start function.
///
/// Segments are applied one by one as bulk-memory `table.init`/`memory.init` would: a
/// segment out of bounds traps, and whatever earlier segments wrote into imported
/// (shared) tables and memories stays written, as the spec requires.
extension Store {
    /// Validates `module`, resolves its imports, allocates and initializes its tables,
    /// memories, globals and segments, and runs its start function.
    ///
    /// ```swift
    /// var imports = Imports()
    /// imports.define(module: "env", name: "log", HostFunction(type: logType) { _, _ in [] })
    /// let instance = try store.instantiate(module, imports: imports)
    /// ```
    ///
    /// - Throws: `ValidationError` for an invalid module; `LinkError` for a missing or
    ///   mistyped import; `TableError`/`MemoryError` when a table or memory exceeds the
    ///   store's limits; `Trap` when a segment is out of bounds or the start function traps.
    public func instantiate(_ module: Module, imports: Imports = Imports()) throws -> ModuleInstance {
        try instantiate(CompiledModule(module), imports: imports)
    }

    /// Instantiates a compiled module (see `instantiate(_:imports:)`): the module is
    /// validated on its first instantiation only, and its functions' code, translated once,
    /// is shared with every other instance, in this store and others.
    ///
    /// ```swift
    /// let compiled = CompiledModule(try Module(bytes: bytes))
    /// for store in stores { _ = try store.instantiate(compiled, imports: imports) }
    /// ```
    ///
    /// - Throws: as `instantiate(_:imports:)`.
    public func instantiate(_ compiled: CompiledModule, imports: Imports = Imports()) throws -> ModuleInstance {
        try compiled.validate()
        let module = compiled.module
        let importedValues = try resolveImports(of: module, from: imports)
        // Allocated before anything is registered in the store, so exceeding a limit leaves
        // the store untouched.
        let tables = try module.tables.map { type throws(TableError) in
            try Table(type: type, elementLimit: configuration.maxTableElements, initialValue: 0)
        }
        let memories = try module.memories.map { type throws(MemoryError) in
            try Memory(type: type, pageLimit: configuration.maxMemoryPages)
        }

        let instance = InstanceStorage(module: compiled, store: self)
        // The store keeps even a failed instance alive: its functions may already sit in
        // shared tables, and they refer back to it.
        instances.append(instance)
        instance.types = module.types
        addImports(importedValues, to: instance)
        try addDefinedFunctions(of: module, to: instance)
        instance.tables.append(contentsOf: tables)
        instance.memories.append(contentsOf: memories)
        try addDefinedGlobals(of: module, to: instance)
        try addExports(of: module, to: instance)

        try initializeElementSegments(of: module, in: instance)
        try initializeDataSegments(of: module, in: instance)
        if let start = module.start {
            guard Int(start) < instance.functions.count else { throw ValidationError("unknown function \(start)") }
            _ = try invoke(instance.functions[Int(start)], [])
        }
        return ModuleInstance(store: self, storage: instance)
    }

    /// Decodes a binary module and instantiates it (see `instantiate(_:imports:)`).
    ///
    /// - Throws: `DecodingError` for a malformed binary, otherwise as `instantiate(_:imports:)`.
    public func instantiate(bytes: [UInt8], imports: Imports = Imports()) throws -> ModuleInstance {
        try instantiate(Module(bytes: bytes), imports: imports)
    }

    private func addImports(_ values: [ExternalValue], to instance: InstanceStorage) {
        for value in values {
            switch value {
            case .function(let function):
                register(function)
                instance.functions.append(function)
            case .table(let table):
                instance.tables.append(table)
            case .memory(let memory):
                instance.memories.append(memory)
            case .global(let global):
                instance.globals.append(global)
            }
        }
    }

    private func addDefinedFunctions(of module: Module, to instance: InstanceStorage) throws(ValidationError) {
        guard module.functionBodies.count == module.functionTypeIndices.count else {
            throw ValidationError("function and code section inconsistent")
        }
        instance.functions.reserveCapacity(instance.functions.count + module.functionTypeIndices.count)
        // Only for a store's first instance: reserving exactly for each one would give up
        // the array's geometric growth in a store with many instances.
        if functions.isEmpty { functions.reserveCapacity(module.functionTypeIndices.count) }
        for (definedIndex, typeIndex) in module.functionTypeIndices.enumerated() {
            guard Int(typeIndex) < module.types.count else { throw ValidationError("unknown type \(typeIndex)") }
            let functionIndex = UInt32(truncatingIfNeeded: instance.functions.count)
            let code = WasmFunction(instance: instance, functionIndex: functionIndex, definedIndex: definedIndex)
            let function = Function(type: module.types[Int(typeIndex)], kind: .wasm(code))
            register(function, typeID: instance.compiledModule.typeIdentities[Int(typeIndex)])
            instance.functions.append(function)
        }
    }

    /// Initializers run in order; each sees the imported globals and those defined before it.
    private func addDefinedGlobals(of module: Module, to instance: InstanceStorage) throws(ValidationError) {
        for global in module.globals {
            let evaluator = ConstantExpressionEvaluator(functions: instance.functions, globals: instance.globals)
            let value = try evaluator.evaluate(global.initializer, expecting: global.type.valueType)
            instance.globals.append(GlobalVariable(type: global.type, low: value.low, high: value.high))
        }
    }

    private func addExports(of module: Module, to instance: InstanceStorage) throws(ValidationError) {
        instance.exports.reserveCapacity(module.exports.count)
        for export in module.exports {
            instance.exports.append((export.name, try externalValue(export.descriptor, of: instance)))
        }
    }

    private func externalValue(
        _ descriptor: ExportDescriptor, of instance: InstanceStorage
    ) throws(ValidationError) -> ExternalValue {
        switch descriptor {
        case .function(let index):
            return .function(try element(index, of: instance.functions, kind: "function"))
        case .table(let index):
            return .table(try element(index, of: instance.tables, kind: "table"))
        case .memory(let index):
            return .memory(try element(index, of: instance.memories, kind: "memory"))
        case .global(let index):
            return .global(try element(index, of: instance.globals, kind: "global"))
        }
    }

    /// Evaluates every segment's items, then applies the active segments in order
    /// (`table.init` followed by `elem.drop`); declarative segments are dropped at once.
    private func initializeElementSegments(of module: Module, in instance: InstanceStorage) throws {
        let evaluator = ConstantExpressionEvaluator(functions: instance.functions, globals: instance.globals)
        instance.elementSegments = try module.elements.map { segment throws(ValidationError) in
            try segment.items.map { item throws(ValidationError) in
                try evaluator.evaluate(item, expecting: segment.type.valueType).low
            }
        }
        for (segmentIndex, segment) in module.elements.enumerated() {
            switch segment.mode {
            case .passive:
                continue
            case .declarative:
                instance.elementSegments[segmentIndex] = []
            case .active(let tableIndex, let offsetExpression):
                let table = try element(tableIndex, of: instance.tables, kind: "table")
                let offset = try evaluator.evaluateOffset(offsetExpression)
                try copy(instance.elementSegments[segmentIndex], into: table, at: offset)
                instance.elementSegments[segmentIndex] = []
            }
        }
    }

    private func copy(_ references: [UInt64], into table: Table, at offset: UInt64) throws(Trap) {
        let (end, overflow) = offset.addingReportingOverflow(UInt64(references.count))
        guard !overflow, end <= UInt64(table.count) else { throw Trap(.outOfBoundsTableAccess) }
        table.elements.replaceSubrange(Int(offset)..<Int(end), with: references)
    }

    /// Keeps every segment's bytes, then applies the active segments in order
    /// (`memory.init` followed by `data.drop`).
    private func initializeDataSegments(of module: Module, in instance: InstanceStorage) throws {
        let evaluator = ConstantExpressionEvaluator(functions: instance.functions, globals: instance.globals)
        instance.dataSegments = module.data.map(\.bytes)
        for (segmentIndex, segment) in module.data.enumerated() {
            guard case .active(let memoryIndex, let offsetExpression) = segment.mode else { continue }
            let memory = try element(memoryIndex, of: instance.memories, kind: "memory")
            let offset = try evaluator.evaluateOffset(offsetExpression)
            try copy(segment.bytes, into: memory, at: offset)
            instance.dataSegments[segmentIndex] = []
        }
    }

    private func copy(_ bytes: [UInt8], into memory: Memory, at offset: UInt64) throws(Trap) {
        guard memory.contains(address: offset, length: UInt64(bytes.count)) else {
            throw Trap(.outOfBoundsMemoryAccess)
        }
        bytes.withUnsafeBytes { source in
            guard let sourceBase = source.baseAddress, !source.isEmpty else { return }
            (memory.base + Int(offset)).copyMemory(from: sourceBase, byteCount: source.count)
        }
    }

    /// `items[index]`, or a `ValidationError` naming the unknown `kind` (the validator
    /// should have caught it; instantiation never trusts an index).
    private func element<Item>(_ index: UInt32, of items: [Item], kind: String) throws(ValidationError) -> Item {
        guard Int(index) < items.count else { throw ValidationError("unknown \(kind) \(index)") }
        return items[Int(index)]
    }
}
