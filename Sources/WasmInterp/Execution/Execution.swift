// Placeholder until the executor lands: the API the rest of the package relies on.

/// How a run of an `Execution` ended.
public enum ExecutionOutcome: Sendable {
    /// The function returned these results.
    case returned([Value])
    /// Execution trapped; the execution is finished.
    case trapped(Trap)
    /// The fuel budget ran out before a block could start; `resume(fuel:)` continues
    /// exactly there.
    case outOfFuel
    /// A host function asked to wait; `resume(withHostResults:fuel:)` continues with its results.
    case suspended(token: any Sendable)
}

/// One executed instruction, as reported to a trace sink.
public struct TraceEvent: Sendable {
    public var functionIndex: UInt32
    public var functionName: String?
    /// Byte offset of the instruction in the module.
    public var offset: Int
    /// The instruction in text form, e.g. `i32.add` or `local.get 0`.
    public var instruction: String
    /// The operand values it consumes, first pushed first (raw slot bits).
    public var operands: [UInt64]
}

/// A (possibly suspended) call of a function: its own value stack and frame stack.
/// Wasm calls never recurse on the host stack, so an execution can stop anywhere and
/// continue later, on any thread (one at a time).
public final class Execution: @unchecked Sendable {
    public let store: Store
    /// Receives every executed instruction when set (slower path).
    public var traceSink: (@Sendable (TraceEvent) -> Void)?
    /// Fuel left; meaningful while suspended for lack of it or after a run.
    public private(set) var remainingFuel: UInt64 = 0

    public init(store: Store, function: Function, arguments: [Value]) throws(Trap) {
        self.store = store
    }

    /// Runs until the function returns, traps, runs out of `fuel` (nil: unlimited) or a
    /// host function suspends it.
    public func run(fuel: UInt64? = nil) -> ExecutionOutcome { .trapped(Trap(.unreachable)) }

    /// Continues after `.suspended`, giving the host function's results to the guest.
    public func resume(withHostResults results: [Value], fuel: UInt64? = nil) -> ExecutionOutcome {
        .trapped(Trap(.unreachable))
    }
}

extension Store {
    /// Calls `function` to completion (no fuel limit unless `fuel` is given; running out of
    /// it is an `outOfFuel` trap, a host suspension a `hostError` trap).
    public func invoke(_ function: Function, _ arguments: [Value], fuel: UInt64? = nil) throws(Trap) -> [Value] {
        let execution = try Execution(store: self, function: function, arguments: arguments)
        switch execution.run(fuel: fuel) {
        case .returned(let values): return values
        case .trapped(let trap): throw trap
        case .outOfFuel: throw Trap(.outOfFuel)
        case .suspended: throw Trap(.hostError("host function suspended a non-resumable call"))
        }
    }
}

extension ModuleInstance {
    /// Calls the exported function `name`.
    public func invoke(_ name: String, _ arguments: [Value] = [], fuel: UInt64? = nil) throws -> [Value] {
        guard let function = exportedFunction(name) else {
            throw LinkError(module: module.names.moduleName ?? "", name: name, message: "no exported function")
        }
        return try store.invoke(function, arguments, fuel: fuel)
    }
}

/// Translated code of one function (filled in by the translator).
final class CompiledFunction {}
