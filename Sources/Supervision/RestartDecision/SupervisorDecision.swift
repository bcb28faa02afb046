/// What a supervisor does about one child's end.
public enum SupervisorDecision: Sendable, Hashable {
    /// Nothing: the report is about a child that was not running (one the supervisor
    /// stopped itself, an old report, an unknown name) or the supervisor has failed.
    case ignore
    /// The child stays down: its restart type rules out a restart after this exit
    /// (transient after a normal end, temporary always). A temporary child is also
    /// removed from the supervisor (`removed`).
    case leaveDown(child: String, exit: ChildExit, removed: Bool)
    /// Restart per the supervisor's strategy.
    case restart(RestartPlan)
    /// Too many restarts: stop every child and fail the supervisor; its own supervisor
    /// decides what happens next.
    case escalate(RestartIntensityExceeded)
}

/// A supervisor gave up: the restart that `failedChild`'s end called for would have been
/// more than `maxRestarts` within `periodMilliseconds`.
public struct RestartIntensityExceeded: Sendable, Hashable, CustomStringConvertible {
    public var failedChild: String
    public var exit: ChildExit
    /// Restarts in the window, counting the one refused.
    public var restartsInPeriod: Int
    public var maxRestarts: Int
    public var periodMilliseconds: UInt64
    /// Children still running when the supervisor gave up, to stop last started first.
    public var stopOrder: [String]

    public var description: String {
        "\(restartsInPeriod) restarts within \(periodMilliseconds) ms exceed max_restarts = \(maxRestarts) "
            + "(last: child \(failedChild) \(exit))"
    }
}
