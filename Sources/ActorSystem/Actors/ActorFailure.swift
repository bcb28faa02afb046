import ComponentModel
import WasmInterp

/// What made an actor crash.
public enum ActorFailureCause: Sendable, Equatable, CustomStringConvertible {
    /// The guest trapped (`unreachable`, out-of-bounds access, …).
    case trap(TrapReason)
    /// One handler call used more than `RuntimeLimits.fuelPerMessage` fuel.
    case operationTimeout(fuelLimit: UInt64)
    /// A memory reached `RuntimeLimits.maxMemoryPages` and the guest then trapped.
    case memoryLimitExceeded(maxPages: UInt64, trap: TrapReason)
    /// Calls nested deeper than `RuntimeLimits.maxCallDepth` (or the value stack overflowed).
    case callDepthExceeded(maxDepth: Int)
    /// A handler returned `err(message)`.
    case handlerError(String)
    /// The guest broke the canonical ABI (bad pointers, strings, discriminants, a handler
    /// result of the wrong shape, …).
    case canonicalABIViolation(String)

    public var description: String {
        switch self {
        case .trap(let reason): "trap: \(reason)"
        case .operationTimeout(let limit): "operation timeout: a handler used more than \(limit) fuel"
        case .memoryLimitExceeded(let pages, let trap): "memory limit of \(pages) pages reached (then trap: \(trap))"
        case .callDepthExceeded(let depth): "call depth limit \(depth) exceeded"
        case .handlerError(let message): "handler error: \(message)"
        case .canonicalABIViolation(let message): "canonical ABI violation: \(message)"
        }
    }

    /// The `wit-error-type` a supervisor receives for this cause (`handle-child-error`).
    public var witErrorTypeName: String {
        switch self {
        case .operationTimeout: "operation-timeout"
        case .canonicalABIViolation: "type-mismatch"
        case .trap, .memoryLimitExceeded, .callDepthExceeded, .handlerError: "internal"
        }
    }
}

/// An actor crashed: which, why, where. Delivered to `ActorSystem.onFailure`; the actor
/// is stopped by then (its instance is discarded, messages to it fail).
public struct ActorFailure: Sendable, Equatable, CustomStringConvertible {
    public var actorID: ActorID
    public var name: String?
    public var cause: ActorFailureCause
    /// The export that was running (`init`, `handle-send`, …).
    public var handler: String
    /// Wasm frames, innermost first (empty when the failure was not a trap).
    public var backtrace: [String]
    /// The last state a handler returned successfully: what a restart can resume from.
    public var lastGoodState: [UInt8]?

    public init(
        actorID: ActorID, name: String?, cause: ActorFailureCause, handler: String, backtrace: [String],
        lastGoodState: [UInt8]?
    ) {
        self.actorID = actorID
        self.name = name
        self.cause = cause
        self.handler = handler
        self.backtrace = backtrace
        self.lastGoodState = lastGoodState
    }

    public var description: String {
        var text = "actor \(name ?? actorID.rawValue) crashed in \(handler): \(cause)"
        for (depth, frame) in backtrace.enumerated() { text += "\n  \(depth): \(frame)" }
        return text
    }
}

/// How an actor's life ended. Delivered to `ActorSystem.onExit` after every end.
public enum ActorExitReason: Sendable, Equatable, CustomStringConvertible {
    /// The actor called `runtime.shutdown(data)`.
    case shutdown(data: [UInt8]?)
    /// `ActorSystem.stop` or the system's shutdown stopped it.
    case stopped
    /// It crashed (also reported to `onFailure`).
    case crashed(ActorFailureCause)

    public var description: String {
        switch self {
        case .shutdown: "shut down"
        case .stopped: "stopped"
        case .crashed(let cause): "crashed: \(cause)"
        }
    }
}

extension ActorFailureCause {
    /// Classifies a failed guest call. A trap while a memory sits at the page limit is a
    /// memory-limit failure: the guest's allocator usually traps after `memory.grow` fails.
    static func classify(_ error: CanonicalABIError, limits: RuntimeLimits, store: Store) -> (ActorFailureCause, [String]) {
        guard case .coreTrap(let trap) = error else {
            return (.canonicalABIViolation(error.description), [])
        }
        let backtrace = trap.backtrace.map(\.description)
        switch trap.reason {
        case .callStackExhausted:
            return (.callDepthExceeded(maxDepth: limits.maxCallDepth), backtrace)
        case .hostError(let message):
            return (.trap(.hostError(message)), backtrace)
        default:
            if memoryIsAtLimit(store, limits) {
                return (.memoryLimitExceeded(maxPages: limits.maxMemoryPages, trap: trap.reason), backtrace)
            }
            return (.trap(trap.reason), backtrace)
        }
    }

    private static func memoryIsAtLimit(_ store: Store, _ limits: RuntimeLimits) -> Bool {
        for memory in store.memories {
            if UInt64(memory.pageCount) >= limits.maxMemoryPages, UInt64(memory.maxPages) == limits.maxMemoryPages {
                return true
            }
        }
        return false
    }
}
