/// Where a restart is decided: a supervisor's children in start order, its restart
/// intensity window, and the decision about each child's end. Plain data and small
/// functions; time is passed in, so decisions are reproducible.
///
/// ```swift
/// var decider = try RestartDecider(flags: SupervisorFlags(strategy: .restForOne),
///                                  children: [database, cache, server])
/// for child in decider.startOrder { decider.markStarted(child, at: clock.now) /* spawn it */ }
/// switch decider.decide(.crashed(cause: "trap: unreachable"), of: "cache", at: clock.now) {
/// case .restart(let plan): ...   // stop server, then start cache and server
/// case .escalate(let reason): ...  // stop everything, fail
/// case .leaveDown, .ignore: break
/// }
/// ```
///
/// The decision follows Erlang/OTP's supervisor: an end the child's restart type does not
/// restart after leaves it down (and costs no intensity); any other end records a
/// restart, and one too many within the period makes the supervisor give up; otherwise
/// the strategy picks the children to stop and start again.
public struct RestartDecider: Sendable {
    public let flags: SupervisorFlags
    /// Every child, in start order.
    public private(set) var children: [SupervisedChild]
    public private(set) var intensity: RestartIntensity
    /// True once the supervisor gave up; it decides nothing more.
    public private(set) var hasFailed = false
    private var nextPlanNumber: UInt64 = 1

    /// - Throws: `.duplicateChildName` when two specifications share a name.
    public init(flags: SupervisorFlags, children: [ChildSpecification] = []) throws(SupervisionError) {
        self.flags = flags
        self.children = []
        intensity = RestartIntensity(flags)
        for child in children { try addChild(child) }
    }

    /// The children's names, first started first.
    public var startOrder: [String] { children.map(\.name) }

    public func child(named name: String) -> SupervisedChild? {
        children.first { $0.name == name }
    }

    /// Adds a child after the others (it starts last, stops first).
    public mutating func addChild(_ specification: ChildSpecification) throws(SupervisionError) {
        guard position(of: specification.name) == nil else { throw .duplicateChildName(specification.name) }
        children.append(SupervisedChild(specification: specification))
    }

    /// Forgets a child (its name becomes free again).
    public mutating func removeChild(named name: String) throws(SupervisionError) {
        guard let position = position(of: name) else { throw .unknownChild(name) }
        children.remove(at: position)
    }

    /// Notes that the child (re)started at `now`.
    public mutating func markStarted(_ name: String, at now: UInt64) throws(SupervisionError) {
        guard let position = position(of: name) else { throw .unknownChild(name) }
        children[position].status = .running
        children[position].startedAt = now
        children[position].lastExit = nil
    }

    /// Notes that the supervisor itself stopped the child for good (so the end it is then
    /// told about is ignored). True if it was running: the caller must stop it.
    public mutating func markStopped(_ name: String) throws(SupervisionError) -> Bool {
        guard let position = position(of: name) else { throw .unknownChild(name) }
        let wasRunning = children[position].status == .running
        children[position].status = .stopped
        return wasRunning
    }

    /// Stops every child for good (the supervisor shuts down): the running ones, last
    /// started first, which the caller must stop in that order.
    public mutating func markAllStopped() -> [String] {
        let running = children.reversed().filter { $0.status == .running }.map(\.name)
        for position in children.indices { children[position].status = .stopped }
        return running
    }

    /// The starts of `plan` still due: those of its children that still await it (a later
    /// plan may have taken some over, or the supervisor stopped them), in start order.
    public func dueStarts(of plan: RestartPlan) -> [PlannedStart] {
        plan.startOrder.filter { child(named: $0.child)?.status == .awaitingRestart(plan: plan.number) }
    }

    /// Plans the restart of child `name` its supervisor asked for (`restart-child`): only
    /// that child, stopped first if it runs, at once. Like Erlang/OTP's `restart_child`,
    /// it counts no restart intensity and no backoff. Nil for an unknown child or a
    /// failed supervisor.
    public mutating func planManualRestart(of name: String, at now: UInt64) -> RestartPlan? {
        guard !hasFailed, let position = position(of: name) else { return nil }
        let child = children[position]
        let number = nextPlanNumber
        nextPlanNumber &+= 1
        children[position].status = .awaitingRestart(plan: number)
        return RestartPlan(
            number: number, failedChild: name, exit: .restartRequested,
            stopOrder: child.status == .running ? [name] : [],
            startOrder: [PlannedStart(child: name, stateSource: child.specification.state)], delayMilliseconds: 0,
            startAt: now)
    }

    // MARK: The decision

    /// Decides what to do about the end of child `name` at `now`, and records it.
    public mutating func decide(_ exit: ChildExit, of name: String, at now: UInt64) -> SupervisorDecision {
        guard !hasFailed, let position = position(of: name), children[position].status == .running else {
            return .ignore
        }
        children[position].lastExit = exit
        let restart = children[position].specification.restart
        guard restart.warrantsRestart(after: exit) else { return leaveDown(at: position, exit: exit) }
        if intensity.recordRestart(at: now) {
            // The failed child is down already; only its siblings are left to stop.
            children[position].status = .stopped
            return giveUp(failedChild: name, exit: exit, at: now)
        }
        return .restart(plan(failedPosition: position, exit: exit, at: now))
    }

    private mutating func leaveDown(at position: Int, exit: ChildExit) -> SupervisorDecision {
        let name = children[position].name
        let isTemporary = children[position].specification.restart == .temporary
        if isTemporary {
            children.remove(at: position)
        } else {
            children[position].status = .stopped
        }
        return .leaveDown(child: name, exit: exit, removed: isTemporary)
    }

    private mutating func giveUp(failedChild: String, exit: ChildExit, at now: UInt64) -> SupervisorDecision {
        hasFailed = true
        let stopOrder = markAllStopped()
        return .escalate(
            RestartIntensityExceeded(
                failedChild: failedChild, exit: exit, restartsInPeriod: intensity.restartCount(at: now),
                maxRestarts: flags.maxRestarts, periodMilliseconds: flags.periodMilliseconds, stopOrder: stopOrder))
    }

    private mutating func plan(failedPosition: Int, exit: ChildExit, at now: UInt64) -> RestartPlan {
        let failedChild = children[failedPosition].name
        let number = nextPlanNumber
        nextPlanNumber &+= 1
        let delay = recordConsecutiveRestart(at: failedPosition, now: now)
        var stopOrder: [String] = []
        var startOrder: [PlannedStart] = []
        var removed: [String] = []
        let affected = flags.strategy.affectedPositions(failedPosition: failedPosition, childCount: children.count)
        for position in affected {
            let child = children[position]
            let wasRunning = position != failedPosition && child.status == .running
            if wasRunning { stopOrder.append(child.name) }
            guard position == failedPosition || Self.restartsWithSibling(child) else { continue }
            if wasRunning, child.specification.restart == .temporary {
                removed.append(child.name)
                continue
            }
            children[position].status = .awaitingRestart(plan: number)
            startOrder.append(PlannedStart(child: child.name, stateSource: child.specification.state))
        }
        children.removeAll { removed.contains($0.name) }
        let startAt = now.addingReportingOverflow(delay)
        return RestartPlan(
            number: number, failedChild: failedChild, exit: exit, stopOrder: stopOrder.reversed(),
            startOrder: startOrder, delayMilliseconds: delay, startAt: startAt.overflow ? .max : startAt.partialValue)
    }

    /// A sibling of a failed child is stopped and started again along with it if it is
    /// running, or already awaiting a restart (the new plan takes that over). One that is
    /// down for good, or not started yet, is left alone.
    private static func restartsWithSibling(_ child: SupervisedChild) -> Bool {
        switch child.status {
        case .running, .awaitingRestart: true
        case .notStarted, .stopped: false
        }
    }

    /// Counts the failed child's restart in its streak and returns the backoff delay. The
    /// streak starts over when the child had run a whole intensity period.
    private mutating func recordConsecutiveRestart(at position: Int, now: UInt64) -> UInt64 {
        if let started = children[position].startedAt, now >= started, now - started >= flags.periodMilliseconds {
            children[position].consecutiveRestarts = 0
        }
        children[position].consecutiveRestarts &+= 1
        let child = children[position]
        return child.specification.backoff.delay(beforeRestart: child.consecutiveRestarts)
    }

    private func position(of name: String) -> Int? {
        children.firstIndex { $0.name == name }
    }
}
