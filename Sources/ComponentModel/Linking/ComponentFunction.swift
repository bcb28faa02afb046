import WasmInterp

/// A component-level function: an export lifted from a component's core code, or a host
/// function given as an import. Obtained from `ComponentInstance.function(interface:name:)`;
/// it keeps what it needs of its instance alive. A `GuestCall` does not: keep the instance
/// or the function while a call is in progress.
///
/// ```swift
/// let initialize = try instance.function(interface: "theater:simple/actor", name: "init")
/// let result = try initialize.call([.option(nil), .tuple([.string("actor-1")])])
/// ```
public struct ComponentFunction: Sendable {
    public var type: ComponentFunctionType { storage.type }
    var implementation: Implementation { storage.implementation }
    /// One reference: instantiation copies functions from index space to index space, and
    /// a copy of the fields themselves would retain each of the type's arrays.
    private let storage: Storage

    enum Implementation: Sendable {
        case lifted(LiftedFunction)
        case host(ComponentImports.FunctionDefinition)
    }

    private final class Storage: Sendable {
        let type: ComponentFunctionType
        let implementation: Implementation

        init(type: ComponentFunctionType, implementation: Implementation) {
            self.type = type
            self.implementation = implementation
        }
    }

    init(type: ComponentFunctionType, implementation: Implementation) {
        storage = Storage(type: type, implementation: implementation)
    }

    /// Calls the function to completion (no fuel limit) and returns its result.
    ///
    /// - Throws: `CanonicalABIError` when lifting, lowering or the guest fails (a trap is
    ///   `.coreTrap`), or when an import suspends (use `makeCall` for calls that may
    ///   suspend); whatever a host implementation throws.
    public func call(_ arguments: [ComponentValue]) throws -> ComponentValue? {
        try call(arguments, caller: nil)
    }

    /// A resumable call of a lifted function: drive it with `start(fuel:)`, and finish
    /// suspended imports with `resume(returning:)`.
    ///
    /// - Throws: `ComponentCallError.notResumable` for a host function;
    ///   `CanonicalABIError` when the arguments do not fit the signature.
    public func makeCall(_ arguments: [ComponentValue]) throws -> GuestCall<ComponentValue?> {
        guard case .lifted(let lifted) = implementation else { throw ComponentCallError.notResumable }
        return try lifted.makeCall(arguments, caller: nil)
    }

    /// A reusable call of a lifted function: start it with
    /// `GuestCall.start(fuel:lowering:)` for each call, giving the arguments then; it
    /// lifts each result with `liftResult`.
    ///
    /// - Throws: `ComponentCallError.notResumable` for a host function;
    ///   `CanonicalABIError` when the function does not fit its signature.
    public func makeReusableCall<Result>(
        liftResult: @escaping (inout CanonicalReader) throws(CanonicalABIError) -> Result
    ) throws -> GuestCall<Result> {
        guard case .lifted(let lifted) = implementation else { throw ComponentCallError.notResumable }
        let call = try GuestCall(
            function: lifted.coreFunction, signature: lifted.signature, options: lifted.options,
            instance: lifted.instance, caller: nil, lowerArguments: nil, liftResult: liftResult)
        call.keptAlive = lifted.states
        return call
    }

    /// Calls from `caller` (nil: the host), which cannot be entered while the call runs.
    func call(_ arguments: [ComponentValue], caller: ComponentInstanceState?) throws -> ComponentValue? {
        switch implementation {
        case .lifted(let lifted):
            return try lifted.makeCall(arguments, caller: caller).complete()
        case .host(let definition):
            guard case .values(let body) = definition.body else { throw ComponentCallError.typedArgumentsWithoutGuest }
            switch try body(arguments) {
            case .value(let value): return value
            case .typed: throw ComponentCallError.typedResultWithoutGuest
            case .suspend: throw ComponentCallError.suspendedWithoutDriver
            }
        }
    }
}

/// A core function lifted by `canon lift`, with what calling it needs.
final class LiftedFunction: Sendable {
    let coreFunction: Function
    let signature: CanonicalSignature
    let options: CanonicalOptions
    let instance: ComponentInstanceState
    /// Every instance state of the instantiation, which the lowered imports and resource
    /// built-ins the guest code calls need: a function kept by the host keeps them working.
    let states: InstantiationStates

    init(
        coreFunction: Function, signature: CanonicalSignature, options: CanonicalOptions,
        instance: ComponentInstanceState, states: InstantiationStates
    ) {
        self.coreFunction = coreFunction
        self.signature = signature
        self.options = options
        self.instance = instance
        self.states = states
    }

    func makeCall(_ arguments: [ComponentValue], caller: ComponentInstanceState?) throws(CanonicalABIError) -> GuestCall<ComponentValue?> {
        let call = try GuestCall(
            function: coreFunction, signature: signature, options: options, instance: instance,
            arguments: arguments, caller: caller)
        call.keptAlive = states
        return call
    }
}

/// Calling a component function failed outside the canonical ABI.
public enum ComponentCallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A host implementation returned more than one result.
    case tooManyResults(function: String, count: Int)
    /// `makeCall` on a host function: only lifted functions run as resumable calls.
    case notResumable
    /// A host function suspended a call made with `call`, which cannot wait.
    case suspendedWithoutDriver
    /// A host function called directly by the host returned a typed result, which only a
    /// guest caller (through `canon lower`) can receive.
    case typedResultWithoutGuest
    /// The host called a host function defined with typed arguments, which only a guest
    /// caller (through `canon lower`) can give.
    case typedArgumentsWithoutGuest

    public var description: String {
        switch self {
        case .tooManyResults(let function, let count):
            return "host function \(function) returned \(count) results; a function has at most one"
        case .notResumable:
            return "only functions lifted from a component run as resumable calls"
        case .suspendedWithoutDriver:
            return "a host function suspended a call that cannot wait (use makeCall)"
        case .typedResultWithoutGuest:
            return "a host function returned a typed result to the host (only guests receive those)"
        case .typedArgumentsWithoutGuest:
            return "the host called a host function that reads typed arguments (only guests can call it)"
        }
    }
}
