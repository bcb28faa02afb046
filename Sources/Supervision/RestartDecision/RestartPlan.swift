/// What a supervisor does about one child's end when its strategy restarts children:
/// stop the affected siblings still running, in reverse start order, wait
/// `delayMilliseconds`, then start the affected children in start order.
public struct RestartPlan: Sendable, Hashable {
    /// Numbers plans within one supervisor; a child awaiting restart waits for one plan.
    public var number: UInt64
    /// The child whose end caused the plan.
    public var failedChild: String
    public var exit: ChildExit
    /// Running siblings to stop first, last started first. The failed child is not here:
    /// it is already down.
    public var stopOrder: [String]
    /// Children to start afterwards, first started first. Temporary siblings that were
    /// stopped are not restarted (and no longer belong to the supervisor).
    public var startOrder: [PlannedStart]
    /// The failed child's backoff delay; the whole start order waits for it, so start
    /// order is kept.
    public var delayMilliseconds: UInt64
    /// When the starts are due (the decision time plus the delay).
    public var startAt: UInt64
}

/// One child a restart plan starts, and from which state.
public struct PlannedStart: Sendable, Hashable {
    public var child: String
    public var stateSource: RestartStateSource

    public init(child: String, stateSource: RestartStateSource) {
        self.child = child
        self.stateSource = stateSource
    }
}
