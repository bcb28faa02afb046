import ComponentModel

/// Runs actors: WebAssembly components of the `theater:simple` world, each with a
/// private state, a mailbox and an event chain, scheduled on worker threads in
/// fuel-metered slices.
///
/// ```swift
/// let system = ActorSystem()
/// let counter = try system.spawn(ActorDefinition(componentBytes: bytes, name: "counter"))
/// try system.send(to: counter, Array("hello".utf8))
/// let reply = try await system.request(to: counter, Array("ping".utf8))
/// system.shutdown()
/// ```
///
/// In deterministic mode (`ActorSystemConfiguration.deterministic`) nothing runs until
/// the caller calls `step()` or `runUntilQuiescent()`.
///
/// An actor that traps, exceeds a limit or returns `err` from a handler crashes: its
/// instance is discarded, messages to it fail, and `onFailure` hears about it.
public final class ActorSystem: Sendable {
    public let configuration: ActorSystemConfiguration
    let scheduler: Scheduler
    let components = ComponentCache()
    let directory: Locked<ActorDirectory>
    let requests = Locked(RequestTable())
    let channels = Locked(ChannelTable())
    /// Held across a request cycle check and the wait's registration (`registerWait`).
    let waitRegistrations = Locked(())
    private let hooks = Locked(Hooks())
    /// Numbers the timers of `sleep` and `deadline`.
    let timerNumbers = Locked<UInt64>(1)

    private struct Hooks {
        var onFailure: (@Sendable (ActorFailure) -> Void)?
        var onExit: (@Sendable (ActorID, ActorExitReason) -> Void)?
    }

    public init(configuration: ActorSystemConfiguration = ActorSystemConfiguration()) {
        self.configuration = configuration
        scheduler = Scheduler(isDeterministic: configuration.isDeterministic)
        directory = Locked(ActorDirectory(idStyle: configuration.isDeterministic ? .sequential : .random))
        let reference = WeakActorSystem(self)
        scheduler.start(workerCount: configuration.workerCount) { cell in
            reference.system?.runSlice(cell)
        }
    }

    /// A system released without `shutdown()` shuts down: its workers stop, its actors stop,
    /// and requests still waiting fail.
    deinit {
        shutdown()
    }

    // MARK: Hooks

    /// Called (on the crashed actor's worker) whenever an actor crashes.
    public var onFailure: (@Sendable (ActorFailure) -> Void)? {
        get { hooks.withLock { $0.onFailure } }
        set { hooks.withLock { $0.onFailure = newValue } }
    }

    /// Called whenever an actor's life ends: shut down, stopped or crashed.
    public var onExit: (@Sendable (ActorID, ActorExitReason) -> Void)? {
        get { hooks.withLock { $0.onExit } }
        set { hooks.withLock { $0.onExit = newValue } }
    }

    func reportExit(_ cell: ActorCell, _ reason: ActorExitReason, failure: ActorFailure?) {
        let (onFailure, onExit) = hooks.withLock { ($0.onFailure, $0.onExit) }
        if let failure { onFailure?(failure) }
        onExit?(cell.id, reason)
    }

    // MARK: Looking at actors

    /// The id of the running actor named `name`.
    public func actorID(named name: String) -> ActorID? {
        directory.withLock { $0.id(named: name) }
    }

    /// The name the actor was spawned with (kept after it stops).
    public func name(of id: ActorID) throws(ActorSystemError) -> String? {
        try cell(id).name
    }

    /// What the actor was spawned from: to start it again (a restart).
    public func definition(of id: ActorID) throws(ActorSystemError) -> ActorDefinition {
        try cell(id).definition
    }

    /// Every actor spawned, running or not, by id.
    public var actorIDs: [ActorID] {
        directory.withLock { Array($0.cells.keys) }.sorted()
    }

    func cell(_ id: ActorID) throws(ActorSystemError) -> ActorCell {
        guard let cell = directory.withLock({ $0.cell(id) }) else { throw .unknownActor(id.rawValue) }
        return cell
    }

    /// The state the actor's last successful handler returned (or its initial state).
    public func state(of id: ActorID) throws(ActorSystemError) -> [UInt8]? {
        try cell(id).shared.withLock { $0.state }
    }

    /// Whether the actor runs, or how it ended.
    public func status(of id: ActorID) throws(ActorSystemError) -> ActorStatus {
        let (reason, isAwaitingRestart) = try cell(id).shared.withLock {
            ($0.exitReason, $0.schedule == .awaitingRestart)
        }
        if let reason { return .exited(reason) }
        return isAwaitingRestart ? .awaitingRestart : .running
    }

    /// The actor's chain events kept in memory, oldest first (see `EventRetention`).
    public func events(of id: ActorID) throws(ActorSystemError) -> [ChainEvent] {
        try cell(id).shared.withLock { $0.eventLog.events }
    }

    /// Checks the actor's kept chain events (links, sequence numbers, hashes).
    public func verifyEvents(of id: ActorID) throws(ActorSystemError) -> Result<Void, ChainVerificationFailure> {
        try cell(id).shared.withLock { $0.eventLog.verify() }
    }

    /// The actor's newest log lines (`runtime.log`), oldest first.
    public func logs(of id: ActorID) throws(ActorSystemError) -> [String] {
        try cell(id).shared.withLock { state in
            var copy = state.logLines
            return copy.removeAll()
        }
    }

    /// Messages waiting in the actor's mailbox.
    public func mailboxCount(of id: ActorID) throws(ActorSystemError) -> Int {
        try cell(id).shared.withLock { $0.mailbox.count }
    }

    // MARK: Driving

    /// Deterministic mode: runs one slice of the next runnable actor on this thread.
    /// False when nothing could run.
    @discardableResult
    public func step() throws(ActorSystemError) -> Bool {
        guard configuration.isDeterministic else { throw .wrongMode("step() needs deterministic mode") }
        return scheduler.step()
    }

    /// Deterministic mode: steps until nothing is runnable and no timer is pending
    /// (advancing the virtual clock to each timer). False if `maxSteps` slices ran first.
    @discardableResult
    public func runUntilQuiescent(maxSteps: Int = .max) throws(ActorSystemError) -> Bool {
        guard configuration.isDeterministic else { throw .wrongMode("runUntilQuiescent() needs deterministic mode") }
        return scheduler.runUntilQuiescent(maxSteps: maxSteps)
    }

    /// Worker mode: blocks until no actor is runnable or running and no timer is pending
    /// (actors waiting on each other do not count). False on timeout.
    @discardableResult
    public func waitUntilQuiescent(timeoutMilliseconds: UInt64? = nil) -> Bool {
        if configuration.isDeterministic { return scheduler.runUntilQuiescent(maxSteps: .max) }
        return scheduler.waitUntilQuiescent(timeoutMilliseconds: timeoutMilliseconds)
    }

    /// The time actors see through `timing.now`, in milliseconds since the Unix epoch
    /// (virtual in deterministic mode).
    public var now: UInt64 { scheduler.now() }
}

/// Whether an actor is running.
public enum ActorStatus: Sendable, Equatable, CustomStringConvertible {
    case running
    /// A supervised actor whose instance ended: it keeps its mailbox until its
    /// supervisor restarts or stops it.
    case awaitingRestart
    case exited(ActorExitReason)

    public var description: String {
        switch self {
        case .running: "running"
        case .awaitingRestart: "awaiting restart"
        case .exited(let reason): "exited (\(reason))"
        }
    }
}
