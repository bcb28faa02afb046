/// A child as its supervisor's restart decisions see it: its specification, where it
/// stands, and its recent restarts.
public struct SupervisedChild: Sendable, Hashable {
    public var specification: ChildSpecification
    public var status: ChildStatus
    /// Restarts in its current streak: each one without the child having run a whole
    /// intensity period in between. Picks the backoff delay.
    public var consecutiveRestarts: Int
    /// When it last started; nil before its first start.
    public var startedAt: UInt64?
    /// How its last run ended; nil while it has not ended yet.
    public var lastExit: ChildExit?

    public init(specification: ChildSpecification) {
        self.specification = specification
        status = .notStarted
        consecutiveRestarts = 0
        startedAt = nil
        lastExit = nil
    }

    public var name: String { specification.name }
}

/// Where a child stands.
public enum ChildStatus: Sendable, Hashable {
    /// Its supervisor has not started it yet.
    case notStarted
    case running
    /// Stopped (or crashed) and due to start again under the restart plan numbered `plan`.
    case awaitingRestart(plan: UInt64)
    /// Down for good: its restart type ruled out a restart, or its supervisor stopped it.
    case stopped
}
