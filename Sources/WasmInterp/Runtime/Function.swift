/// A function in a store: either defined by a Wasm module or provided by the host.
public final class Function: @unchecked Sendable {
    public let type: FunctionType
    /// The function's address in its store (what a funcref holds); -1 until registered.
    /// (Set once, by registration: not checked for exclusive access at run time.)
    @exclusivity(unchecked) public internal(set) var address: FunctionAddress = -1
    /// The identity of `type` (see `FunctionTypeIdentities`), set on registration.
    @exclusivity(unchecked) var typeID = -1
    let kind: Kind
    /// Whether every parameter and result is a number (what slot-argument calls need).
    let hasNumericSignature: Bool

    enum Kind {
        case wasm(WasmFunction)
        case host(HostFunction)
    }

    init(type: FunctionType, kind: Kind) {
        self.type = type
        self.kind = kind
        hasNumericSignature = type.parameters.allSatisfy(\.isNumeric) && type.results.allSatisfy(\.isNumeric)
    }

    /// A host function, to pass as an import.
    public convenience init(_ host: HostFunction) {
        self.init(type: host.type, kind: .host(host))
    }
}

/// A function defined by a module instance. Its code is the module's shared translation
/// (see `CompiledModule`), bound to this instance on the function's first call: a small
/// header naming the instance, and the constants with `ref.func` addresses filled in.
final class WasmFunction {
    unowned let instance: InstanceStorage
    /// Index in the module's function index space (imports first).
    let functionIndex: UInt32
    /// Index among the module's defined functions (its code section entry).
    let definedIndex: Int
    private var binding: Binding?
    private var bindingForTracing: Binding?
    /// The interpreter's view of the two bindings. Owned by this object.
    let codeCell: UnsafeMutablePointer<CodeCell>

    /// The shared code bound to this instance.
    private struct Binding {
        let compiled: CompiledFunction
        /// Owned; its `initialSlots` too when they are not `compiled.initialSlots`.
        let header: UnsafeMutablePointer<FunctionCode>
    }

    init(instance: InstanceStorage, functionIndex: UInt32, definedIndex: Int) {
        self.instance = instance
        self.functionIndex = functionIndex
        self.definedIndex = definedIndex
        codeCell = UnsafeMutablePointer<CodeCell>.allocate(capacity: 1)
        codeCell.initialize(to: CodeCell())
    }

    deinit {
        for binding in [binding, bindingForTracing].compactMap({ $0 }) {
            if binding.header.pointee.initialSlots != binding.compiled.initialSlots {
                binding.header.pointee.initialSlots.deallocate()
            }
            binding.header.deallocate()
        }
        codeCell.deallocate()
    }

    /// The function's body in the module.
    var body: FunctionBody { instance.compiledModule.module.functionBodies[definedIndex] }

    /// The untraced code, if the function has been called (or translated) in this instance.
    var compiled: CompiledFunction? { binding?.compiled }

    /// The code the interpreter enters: the module's translation (made now if no instance
    /// has made it yet) bound to this instance.
    func code(forTracing: Bool) throws -> UnsafeMutablePointer<FunctionCode> {
        // The cell, not the bindings: reading it costs no exclusivity check.
        if let bound = forTracing ? codeCell.pointee.codeForTracing : codeCell.pointee.code { return bound }
        instance.prepareForExecution()
        let variant = CodeVariant(meterFuel: instance.store.configuration.fuelMetering, forTracing: forTracing)
        let compiled = try instance.compiledModule.code(ofDefinedFunction: definedIndex, variant: variant)
        let header = UnsafeMutablePointer<FunctionCode>.allocate(capacity: 1)
        header.initialize(to: FunctionCode(
            code: compiled.code, initialSlots: try initialSlots(of: compiled), initialSlotCount: compiled.initialSlotCount,
            parameterSlots: compiled.parameterSlots,
            maxFrameSlots: compiled.maxFrameSlots, instance: Unmanaged.passUnretained(instance),
            functionIndex: functionIndex, compiled: Unmanaged.passUnretained(compiled)))
        if forTracing {
            bindingForTracing = Binding(compiled: compiled, header: header)
            codeCell.pointee.codeForTracing = header
        } else {
            binding = Binding(compiled: compiled, header: header)
            codeCell.pointee.code = header
        }
        return header
    }

    /// The shared initial slots, or this instance's copy with its function addresses filled in.
    private func initialSlots(of compiled: CompiledFunction) throws(ValidationError) -> UnsafeMutablePointer<UInt64> {
        if compiled.functionReferences.isEmpty { return compiled.initialSlots }
        let slots = UnsafeMutablePointer<UInt64>.allocate(capacity: Swift.max(compiled.initialSlotCount, 1))
        slots.initialize(from: compiled.initialSlots, count: compiled.initialSlotCount)
        let constants = slots + compiled.declaredLocalSlots
        for reference in compiled.functionReferences {
            guard Int(reference.functionIndex) < instance.functions.count, Int(reference.constantIndex) < compiled.constantCount else {
                slots.deallocate()
                throw ValidationError("unknown function \(reference.functionIndex)")
            }
            let address = instance.functions[Int(reference.functionIndex)].address
            constants[Int(reference.constantIndex)] = Reference.function(address).bits
        }
        return slots
    }
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
