/// A module prepared to be instantiated many times, in any number of stores, from any
/// thread: it is validated once (on its first instantiation, or by `validate()`), and each
/// of its functions is translated at most once per kind of code (fuel metered or not,
/// traced or not), the code being shared by every instance.
///
/// An instance binds the shared code to itself on a function's first call (a small
/// per-instance header), so creating an instance of a compiled module costs its
/// allocations and segment copies, not validation and translation.
///
/// ```swift
/// let compiled = CompiledModule(try Module(bytes: bytes))
/// let first = try Store().instantiate(compiled)
/// let second = try Store().instantiate(compiled)   // nothing validated or translated again
/// ```
public final class CompiledModule: @unchecked Sendable {
    public let module: Module
    /// The types of the module's index spaces, which translation reads.
    let layout: ModuleLayout
    /// Per type index, its identity (see `FunctionTypeIdentities`).
    let typeIdentities: [Int]
    /// Export name to position in `module.exports` (see `exportIndex(_:)`).
    private let exportIndices: [String: Int]
    /// The pages of memory its instances touch early, populated in new instances at once.
    let earlyPages = EarlyPages()
    private let lock = CodeCacheLock()
    /// Guarded by `lock`: the validation's outcome once known.
    private var validationError: ValidationError?
    private var isValidated = false
    /// Guarded by `lock`: per code variant, per defined function, its translated code.
    private var code: [CompiledFunction?]
    private var translations = 0

    /// Prepares `module`; nothing is validated or translated yet.
    public init(_ module: Module) {
        self.module = module
        layout = ModuleLayout(module)
        typeIdentities = module.types.map { FunctionTypeIdentities.shared.identity(of: $0) }
        var exportIndices: [String: Int] = [:]
        for (index, export) in module.exports.enumerated() { exportIndices[export.name] = index }
        self.exportIndices = exportIndices
        code = Array(repeating: nil, count: module.functionBodies.count * CodeVariant.count)
    }

    /// Validates the module (once; later calls repeat the first outcome).
    ///
    /// - Throws: `ValidationError`, as `ModuleValidator.validate` does.
    public func validate() throws(ValidationError) {
        let known: (Bool, ValidationError?) = lock.withLock { (isValidated, validationError) }
        if known.0 {
            if let error = known.1 { throw error }
            return
        }
        // Validated outside the lock: two first instantiations may both validate, never
        // block each other, and agree on the outcome.
        var error: ValidationError?
        do {
            try ModuleValidator.validate(module)
        } catch let thrown {
            error = thrown
        }
        lock.withLock {
            isValidated = true
            validationError = error
        }
        if let error { throw error }
    }

    /// The position in `module.exports` of the export called `name`, compared byte for
    /// byte as Wasm names are. The dictionary compares strings by canonical equivalence,
    /// so a hit whose bytes differ (a module exporting "\u{C5}" and "\u{212B}") falls
    /// back to a scan.
    func exportIndex(_ name: String) -> Int? {
        // No entry: no canonically equivalent name is exported, so no byte-equal one either.
        guard let index = exportIndices[name] else { return nil }
        if module.exports[index].name.hasSameUTF8Bytes(as: name) { return index }
        return module.exports.lastIndex { $0.name.hasSameUTF8Bytes(as: name) }
    }

    /// How many function translations this module has done, over all its instances and
    /// kinds of code: a function called in many instances is still translated once.
    public var translationCount: Int { lock.withLock { translations } }

    /// The shared code of defined function `definedIndex` (0 is the first non-imported
    /// function), translating it if no instance has yet.
    func code(ofDefinedFunction definedIndex: Int, variant: CodeVariant) throws -> CompiledFunction {
        let slot = definedIndex &* CodeVariant.count &+ variant.rawValue
        guard definedIndex >= 0, definedIndex < module.functionBodies.count else {
            throw ValidationError("unknown function \(definedIndex)")
        }
        if let cached = lock.withLock({ code[slot] }) { return cached }
        // Translated outside the lock, so other threads keep binding code meanwhile; if two
        // translate the same function at once, the first stored wins and both use it.
        let functionIndex = UInt32(truncatingIfNeeded: layout.importedFunctionCount &+ definedIndex)
        var translator = Translator(
            module: layout, functionIndex: functionIndex, body: module.functionBodies[definedIndex],
            meterFuel: variant.meterFuel, forTracing: variant.forTracing)
        let translated = try translator.translate(type: layout.functions[Int(functionIndex)])
        return lock.withLock {
            translations += 1
            if let winner = code[slot] { return winner }
            code[slot] = translated
            return translated
        }
    }
}

/// The kinds of code a function is translated into.
struct CodeVariant {
    static let count = 4
    var meterFuel: Bool
    var forTracing: Bool
    var rawValue: Int { (meterFuel ? 1 : 0) | (forTracing ? 2 : 0) }
}

/// The types of a module's index spaces (imports first): all that translating one of its
/// functions needs to know about the module, the same for every instance.
struct ModuleLayout: Sendable {
    var types: [FunctionType]
    var functions: [FunctionType]
    var globals: [GlobalType]
    var tables: [TableType]
    var importedFunctionCount: Int

    /// Out-of-range type indices (which validation rejects) get an empty signature, so
    /// building the layout of an invalid module never fails.
    init(_ module: Module) {
        types = module.types
        functions = []
        globals = []
        tables = []
        func type(_ index: UInt32) -> FunctionType {
            Int(index) < module.types.count ? module.types[Int(index)] : FunctionType(parameters: [], results: [])
        }
        for entry in module.imports {
            switch entry.descriptor {
            case .function(let typeIndex): functions.append(type(typeIndex))
            case .table(let table): tables.append(table)
            case .memory: break
            case .global(let global): globals.append(global)
            }
        }
        importedFunctionCount = functions.count
        functions.append(contentsOf: module.functionTypeIndices.map(type))
        globals.append(contentsOf: module.globals.map(\.type))
        tables.append(contentsOf: module.tables)
    }
}
