/// An instantiated module: its functions, tables, memories and globals (own and imported)
/// in index-space order, its remaining segments, and its exports.
public final class ModuleInstance: @unchecked Sendable {
    public let module: Module
    public unowned let store: Store
    public internal(set) var types: [FunctionType] = []
    public internal(set) var functions: [Function] = []
    public internal(set) var tables: [Table] = []
    public internal(set) var memories: [Memory] = []
    public internal(set) var globals: [GlobalVariable] = []
    /// Element segments as encoded references; a dropped segment is empty.
    var elementSegments: [[UInt64]] = []
    /// Data segments' bytes; a dropped segment is empty.
    var dataSegments: [[UInt8]] = []
    public internal(set) var exports: [String: ExternalValue] = [:]

    init(module: Module, store: Store) {
        self.module = module
        self.store = store
    }

    public func export(_ name: String) -> ExternalValue? { exports[name] }

    public func exportedFunction(_ name: String) -> Function? {
        if case .function(let function)? = exports[name] { return function }
        return nil
    }

    /// The name of function `index` (name section), if it has one.
    public func functionName(_ index: UInt32) -> String? { module.names.functionNames[index] }
}

/// Owns everything instances create. Not thread-safe: use a store (and its instances)
/// from one thread at a time; it may move between threads.
public final class Store: @unchecked Sendable {
    public let configuration: StoreConfiguration
    /// Every function by address.
    public internal(set) var functions: [Function] = []
    var instances: [ModuleInstance] = []

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
