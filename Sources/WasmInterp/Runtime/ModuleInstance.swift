#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
    public func export(_ name: String) -> ExternalValue? {
        exportIndex(name).map { storage.exports[$0].value }
    }

    /// The position in `exports` of the export called `name` (compared byte for byte),
    /// checking `expected` first (where an earlier instance of the module had it).
    public func exportIndex(_ name: String, expectedAt expected: Int? = nil) -> Int? {
        if let expected, expected >= 0, expected < storage.exports.count,
           storage.exports[expected].name.hasSameUTF8Bytes(as: name) {
            return expected
        }
        guard let index = storage.compiledModule.exportIndex(name), index < storage.exports.count else { return nil }
        return index
    }

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
    /// The module, with the code all its instances share.
    let compiledModule: CompiledModule
    var module: Module { compiledModule.module }
    unowned let store: Store
    // Filled by instantiation, then only read. Not checked for exclusive access at run time
    // (an instance, like its store, is used by one thread at a time, and no access to them
    // overlaps another): the checks were a tenth of instantiating a small module.
    @exclusivity(unchecked) var types: [FunctionType] = []
    @exclusivity(unchecked) var functions: [Function] = []
    @exclusivity(unchecked) var tables: [Table] = []
    @exclusivity(unchecked) var memories: [Memory] = []
    @exclusivity(unchecked) var globals: [GlobalVariable] = []
    /// Element segments as encoded references; a dropped segment is empty.
    var elementSegments: [[UInt64]] = []
    /// Data segments' bytes; a dropped segment is empty.
    var dataSegments: [[UInt8]] = []
    /// In the module's order (looked up by name through `CompiledModule.exportIndices`).
    @exclusivity(unchecked) var exports: [(name: String, value: ExternalValue)] = []

    init(module: CompiledModule, store: Store) {
        compiledModule = module
        self.store = store
        memoryView = .allocate(capacity: 1)
        memoryView.initialize(to: MemoryView.none)
    }

    deinit {
        memoryView.deallocate()
        callTargets.deallocate()
        globalCells.deallocate()
        typeIDs.deallocate()
    }

    // What the interpreter reads on its hot path, as raw buffers (no reference counting):
    // built once, when code of the instance first runs (everything is in place by then).
    var isPreparedForExecution = false
    /// Where memory 0's base and size are (`MemoryView.none` without a memory): a `let`
    /// cell, so reading it costs no exclusivity check. Set when the instance is prepared.
    let memoryView: UnsafeMutablePointer<UnsafeMutablePointer<MemoryView>>
    /// Per function index: the function, and the Wasm function if it is one.
    var callTargets = UnsafeMutableBufferPointer<CallTarget>(start: nil, count: 0)
    /// Per global index: where its value lives.
    var globalCells = UnsafeMutableBufferPointer<UnsafeMutablePointer<UInt64>>(start: nil, count: 0)
    /// Per type index: the store-wide identity of the function type (for `call_indirect`).
    var typeIDs = UnsafeMutableBufferPointer<Int>(start: nil, count: 0)

    struct CallTarget {
        var function: Unmanaged<Function>
        /// The Wasm function's code cell; nil for a host function.
        var cell: UnsafeMutablePointer<CodeCell>?
        /// The Wasm function itself, for translating it on its first call.
        var wasm: Unmanaged<WasmFunction>?
    }

    func prepareForExecution() {
        guard !isPreparedForExecution else { return }
        isPreparedForExecution = true
        // Here rather than at instantiation: on the thread that runs the instance (which
        // may not be the one that instantiated it), and after an earlier instance has run,
        // so its pages can be learned from.
        if let memory = memories.first { compiledModule.earlyPages.prepare(memory) }
        memoryView.pointee = memories.first?.view ?? MemoryView.none
        callTargets = .allocate(capacity: functions.count)
        for (index, function) in functions.enumerated() {
            callTargets.initializeElement(at: index, to: CallTarget(function))
        }
        globalCells = .allocate(capacity: globals.count)
        for (index, global) in globals.enumerated() { globalCells.initializeElement(at: index, to: global.storage) }
        typeIDs = .allocate(capacity: types.count)
        for (index, identity) in compiledModule.typeIdentities.enumerated() { typeIDs.initializeElement(at: index, to: identity) }
    }

    func functionName(_ index: UInt32) -> String? { module.names.functionNames[index] }
}

/// Owns everything instances create. Not thread-safe: use a store (and its instances)
/// from one thread at a time; it may move between threads.
public final class Store: @unchecked Sendable {
    public let configuration: StoreConfiguration
    /// Every function by address. (Unchecked for exclusive access, like an instance's
    /// index spaces: appended to by instantiation only.)
    @exclusivity(unchecked) public internal(set) var functions: [Function] = []
    var instances: [InstanceStorage] = []

    /// Every memory of the store's instances (an imported memory once per importer).
    public var memories: [Memory] { instances.flatMap(\.memories) }

    public init(configuration: StoreConfiguration = StoreConfiguration()) {
        self.configuration = configuration
    }

    /// Gives `function` an address in this store (once). `typeID` is the identity of its
    /// type when the caller knows it (see `FunctionTypeIdentities`).
    @discardableResult
    func register(_ function: Function, typeID: Int? = nil) -> FunctionAddress {
        if function.address < 0 {
            function.address = functions.count
            function.typeID = typeID ?? FunctionTypeIdentities.shared.identity(of: function.type)
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

extension String {
    /// Whether both strings are the same UTF-8 bytes (`==` also accepts canonically
    /// equivalent ones). Compares contiguous storage, not `utf8` views element by element.
    func hasSameUTF8Bytes(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var left = self
        var right = other
        // `memcmp`: `elementsEqual` on the buffers compares byte by byte through iterators.
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                guard let leftBase = leftBytes.baseAddress, let rightBase = rightBytes.baseAddress else { return true }
                return memcmp(leftBase, rightBase, leftBytes.count) == 0
            }
        }
    }
}

extension InstanceStorage.CallTarget {
    init(_ function: Function) {
        self.function = Unmanaged.passUnretained(function)
        if case .wasm(let wasm) = function.kind {
            cell = wasm.codeCell
            self.wasm = Unmanaged.passUnretained(wasm)
        }
    }
}
