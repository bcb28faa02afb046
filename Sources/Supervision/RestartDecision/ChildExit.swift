/// How a supervised child's run ended, as its supervisor is told.
public enum ChildExit: Sendable, Hashable, CustomStringConvertible {
    /// It failed: trapped, exceeded a limit, a handler returned an error, its `init`
    /// failed, or it broke the canonical ABI. `cause` says which, for people.
    case crashed(cause: String)
    /// It ended of its own accord (`runtime.shutdown`).
    case exited
    /// Something other than its supervisor stopped it.
    case stoppedExternally
    /// Its supervisor asked for a restart (`restart-child`); not an end of its own.
    case restartRequested

    public var isCrash: Bool {
        if case .crashed = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .crashed(let cause): "crashed: \(cause)"
        case .exited: "exited"
        case .stoppedExternally: "stopped from outside its supervisor"
        case .restartRequested: "restart requested by its supervisor"
        }
    }
}
