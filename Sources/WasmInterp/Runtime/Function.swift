/// A function in a store: either defined by a Wasm module or provided by the host.
public final class Function: @unchecked Sendable {
    public let type: FunctionType
    /// The function's address in its store (what a funcref holds); -1 until registered.
    public internal(set) var address: FunctionAddress = -1
    /// The store-wide identity of `type` (see `Store.typeID(of:)`), set on registration.
    var typeID = -1
    let kind: Kind

    enum Kind {
        case wasm(WasmFunction)
        case host(HostFunction)
    }

    init(type: FunctionType, kind: Kind) {
        self.type = type
        self.kind = kind
    }

    /// A host function, to pass as an import.
    public convenience init(_ host: HostFunction) {
        self.init(type: host.type, kind: .host(host))
    }
}

/// A function defined by a module instance, with its lazily translated code.
final class WasmFunction {
    unowned let instance: InstanceStorage
    /// Index in the module's function index space (imports first).
    let functionIndex: UInt32
    let body: FunctionBody
    /// Translated code; nil until the function is first called.
    var compiled: CompiledFunction? {
        didSet { codeCell.pointee.code = compiled?.header }
    }
    /// Code translated one-to-one for tracing; nil until a traced execution calls it.
    var compiledForTracing: CompiledFunction? {
        didSet { codeCell.pointee.codeForTracing = compiledForTracing?.header }
    }
    /// The interpreter's view of the two above. Owned by this object.
    let codeCell: UnsafeMutablePointer<CodeCell>

    init(instance: InstanceStorage, functionIndex: UInt32, body: FunctionBody) {
        self.instance = instance
        self.functionIndex = functionIndex
        self.body = body
        codeCell = UnsafeMutablePointer<CodeCell>.allocate(capacity: 1)
        codeCell.initialize(to: CodeCell())
    }

    deinit { codeCell.deallocate() }
}

/// A function implemented in Swift.
///
/// The body receives the caller (for its memory) and the arguments, already checked
/// against `type`. It returns results matching `type.results`, or asks the interpreter to
/// suspend the calling execution; `Execution.resume(withHostResults:)` later supplies the
/// results. An error thrown by the body becomes a `TrapReason.hostError` trap (a thrown
/// `Trap` is passed through unchanged).
public struct HostFunction: Sendable {
    public var type: FunctionType
    public var body: @Sendable (Caller, [Value]) throws -> HostResult

    public init(type: FunctionType, body: @escaping @Sendable (Caller, [Value]) throws -> HostResult) {
        self.type = type
        self.body = body
    }

    /// A host function that always returns its results at once.
    public init(type: FunctionType, returning body: @escaping @Sendable (Caller, [Value]) throws -> [Value]) {
        self.type = type
        self.body = { caller, arguments in .values(try body(caller, arguments)) }
    }
}

/// What a host function asks of the interpreter.
public enum HostResult: Sendable {
    /// Return these results to the guest now.
    case values([Value])
    /// Suspend the execution; the token is handed to whoever drives it.
    case suspend(token: any Sendable)
}

/// The context of a host call: the calling instance and its memory.
public struct Caller {
    /// The instance whose code made the call (nil when the host invoked the function directly).
    public let instance: ModuleInstance?
    public var store: Store
    /// The caller's memory 0, if it has one.
    public var memory: Memory? { instance?.memories.first }
}

/// Something a module can import or export.
public enum ExternalValue: Sendable {
    case function(Function)
    case table(Table)
    case memory(Memory)
    case global(GlobalVariable)
}

/// Values offered to a module's imports, by (module name, field name).
public struct Imports: Sendable {
    private var definitions: [ExactName: [ExactName: ExternalValue]] = [:]

    public init() {}

    public mutating func define(module: String, name: String, _ value: ExternalValue) {
        definitions[ExactName(module), default: [:]][ExactName(name)] = value
    }

    public mutating func define(module: String, name: String, _ function: HostFunction) {
        define(module: module, name: name, .function(Function(function)))
    }

    /// Makes every export of `instance` importable under `module` (the spec's `register`).
    public mutating func define(module: String, exportsOf instance: ModuleInstance) {
        for (name, value) in instance.exports { define(module: module, name: name, value) }
    }

    public func lookup(module: String, name: String) -> ExternalValue? {
        definitions[ExactName(module)]?[ExactName(name)]
    }
}
