/// Why a supervision tree stopped: its root supervisor gave up.
///
/// `causes` runs from the root down to the failure that started it all:
///
/// ```text
/// supervision tree app failed
///   supervisor app: 2 restarts within 5000 ms exceed max_restarts = 1 (last: child workers crashed: ...)
///   supervisor workers: 4 restarts within 1000 ms exceed max_restarts = 3 (last: child worker-7 crashed: ...)
///   actor workers/worker-7: trap: unreachable
///     0: handle-send
/// ```
public struct SupervisionTreeFailure: Sendable, Equatable, CustomStringConvertible {
    /// The name of the supervisor that failed last: the root.
    public var supervisor: String
    /// Each supervisor that gave up, root first, then the actor failure (or other end)
    /// that the innermost one could not absorb.
    public var causes: [SupervisionFailureCause]

    public init(supervisor: String, causes: [SupervisionFailureCause]) {
        self.supervisor = supervisor
        self.causes = causes
    }

    public var description: String {
        var text = "supervision tree \(supervisor) failed"
        for cause in causes {
            text += "\n  \(cause.description)"
            for (depth, frame) in cause.backtrace.enumerated() { text += "\n    \(depth): \(frame)" }
        }
        return text
    }
}

/// One link in the chain of causes of a tree failure.
public struct SupervisionFailureCause: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case supervisor
        case actor
    }

    public var kind: Kind
    /// The node's path in the tree (`""` for the root supervisor is shown by its name).
    public var node: String
    /// What happened, for people.
    public var reason: String
    /// Wasm frames of an actor's trap, innermost first.
    public var backtrace: [String]

    public init(kind: Kind, node: String, reason: String, backtrace: [String] = []) {
        self.kind = kind
        self.node = node
        self.reason = reason
        self.backtrace = backtrace
    }

    public var description: String { "\(kind.rawValue) \(node): \(reason)" }
}
