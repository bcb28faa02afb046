/// An instantiated module, as the host holds it: a handle that keeps its store (and so
/// everything the instance uses) alive.
///
/// Its functions, tables, memories and globals (own and imported) are in index-space order.
public struct ModuleInstance: Sendable {
    public let store: Store
    let storage: InstanceStorage

    init(store: Store, storage: InstanceStorage) {
        self.store = store
        self.storage = storage
    }

    public var module: Module { storage.module }
    public var types: [FunctionType] { storage.types }
    public var functions: [Function] { storage.functions }
    public var tables: [Table] { storage.tables }
    public var memories: [Memory] { storage.memories }
    public var globals: [GlobalVariable] { storage.globals }
    /// Every export, in the module's order.
    public var exports: [(name: String, value: ExternalValue)] { storage.exports }

    /// The export called `name` (compared byte for byte, as Wasm names are).
    public func export(_ name: String) -> ExternalValue? { storage.exportsByName[ExactName(name)] }

    public func exportedFunction(_ name: String) -> Function? {
        if case .function(let function)? = export(name) { return function }
        return nil
    }

    /// The name of function `index` (name section), if it has one.
    public func functionName(_ index: UInt32) -> String? { storage.functionName(index) }
}

/// What an instance consists of. Owned by its store; instances and functions refer to each
/// other unowned, so the store's lifetime bounds theirs and no reference cycle forms.
final class InstanceStorage: @unchecked Sendable {
    let module: Module
    unowned let store: Store
    var types: [FunctionType] = []
    var functions: [Function] = []
    var tables: [Table] = []
    var memories: [Memory] = []
    var globals: [GlobalVariable] = []
    /// Element segments as encoded references; a dropped segment is empty.
    var elementSegments: [[UInt64]] = []
    /// Data segments' bytes; a dropped segment is empty.
    var dataSegments: [[UInt8]] = []
    var exports: [(name: String, value: ExternalValue)] = []
    var exportsByName: [ExactName: ExternalValue] = [:]

    func addExport(name: String, value: ExternalValue) {
        exports.append((name, value))
        exportsByName[ExactName(name)] = value
    }

    init(module: Module, store: Store) {
        self.module = module
        self.store = store
    }

    func functionName(_ index: UInt32) -> String? { module.names.functionNames[index] }
}

/// Owns everything instances create. Not thread-safe: use a store (and its instances)
/// from one thread at a time; it may move between threads.
public final class Store: @unchecked Sendable {
    public let configuration: StoreConfiguration
    /// Every function by address.
    public internal(set) var functions: [Function] = []
    var instances: [InstanceStorage] = []

    public init(configuration: StoreConfiguration = StoreConfiguration()) {
        self.configuration = configuration
    }

    /// Gives `function` an address in this store (once).
    @discardableResult
    func register(_ function: Function) -> FunctionAddress {
        if function.address < 0 {
            function.address = functions.count
            functions.append(function)
        }
        return function.address
    }

    /// The function a funcref's bits refer to, if any.
    func function(atBits bits: UInt64) -> Function? {
        let index = bits &- 1
        guard bits != 0, index < UInt64(functions.count) else { return nil }
        return functions[Int(index)]
    }
}

/// A name compared and hashed by its UTF-8 bytes. Swift's `String` equality identifies
/// canonically equivalent strings ("\u{C5}" and "\u{212B}"), but Wasm names are byte
/// sequences and a module may export both.
struct ExactName: Hashable, Sendable {
    let bytes: [UInt8]
    init(_ name: String) { bytes = Array(name.utf8) }
}
