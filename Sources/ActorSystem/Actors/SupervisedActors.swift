import ComponentModel
import WasmInterp

/// The hooks a supervisor needs: supervised actors outlive their instances.
///
/// A supervised actor (`ActorDefinition.isSupervised`) whose instance crashes or shuts
/// down, or that `hold` stops, is kept *awaiting restart*: same id, same name, same
/// mailbox, which keeps taking messages. What its instance owed is settled as if it had
/// ended (the request it was handling and replies it deferred fail, its channels close),
/// `onFailure` / `onExit` report the end as usual, and its supervisor then either
/// `restart`s it — a new instance from the same component, `init` first, then the queued
/// messages — or `stop`s it for good.
///
/// ```swift
/// var definition = ActorDefinition(componentBytes: bytes, name: "worker")
/// definition.isSupervised = true
/// let worker = try system.spawn(definition)
/// system.onExit = { id, reason in try? system.restart(id, from: .lastGood) }
/// ```
extension ActorSystem {
    /// Stops a supervised actor's instance at its next turn, keeping the actor for a
    /// `restart`; `onExit(.stopped)` reports it. False (and nothing happens) if the actor
    /// is awaiting a restart already.
    ///
    /// - Throws: `.unknownActor`, `.actorNotRunning`, `.notSupervised`.
    @discardableResult
    public func hold(_ id: ActorID) throws(ActorSystemError) -> Bool {
        let cell = try cell(id)
        guard cell.isSupervised else { throw .notSupervised(id) }
        enum Hold { case alreadyHeld, pending, pendingAndWake, notRunning }
        let hold = cell.shared.withLock { shared -> Hold in
            guard shared.isRunning, shared.holdRequested || !shared.stopRequested else { return .notRunning }
            if shared.schedule == .awaitingRestart { return .alreadyHeld }
            shared.stopRequested = true
            shared.holdRequested = true
            switch shared.schedule {
            case .idle, .waiting, .awaitingPredecessor:
                shared.schedule = .queued
                return .pendingAndWake
            case .queued, .running, .awaitingRestart:
                return .pending
            }
        }
        switch hold {
        case .alreadyHeld: return false
        case .pending: return true
        case .pendingAndWake:
            scheduler.enqueue(cell)
            return true
        case .notRunning: throw .actorNotRunning(id)
        }
    }

    /// Gives an actor awaiting restart a new instance of its component, starting from its
    /// last good state (the state its last successful handler returned) or its initial
    /// state. Its `init` runs first, then the messages waiting in its mailbox. Records a
    /// `restart` event.
    ///
    /// - Parameter predecessor: an actor whose `init` must return or fail before this one's
    ///   runs (see `spawn(_:startingAfter:)`).
    /// - Throws: `.unknownActor`, `.notSupervised`, `.notAwaitingRestart`,
    ///   `.instantiationFailed`, `.shuttingDown`.
    public func restart(
        _ id: ActorID, from stateSource: SupervisorManifest.RestartState, startingAfter predecessor: ActorID? = nil
    ) throws(ActorSystemError) {
        let cell = try cell(id)
        guard let recipe = cell.restartRecipe else { throw .notSupervised(id) }
        guard !directory.withLock({ $0.isShuttingDown }) else { throw .shuttingDown }
        let claimed = cell.shared.withLock { shared -> Bool in
            guard shared.isRunning, shared.schedule == .awaitingRestart, !shared.stopRequested else { return false }
            shared.schedule = .running
            return true
        }
        guard claimed else { throw .notAwaitingRestart(id) }
        // The actor is in no run queue and on no worker: this thread owns it until queued.
        do {
            try instantiateAgain(cell, recipe)
        } catch {
            cell.shared.withLock { $0.schedule = .awaitingRestart }
            throw error
        }
        let state = stateSource == .initial ? cell.initialState : cell.state
        cell.state = state
        cell.needsInitialization = true
        beginInstance(of: cell, after: predecessor == id ? nil : initPredecessor(predecessor))
        record(.restart(stateSource: stateSource.rawValue, state: state), for: cell)
        cell.shared.withLock { shared in
            shared.state = state
            shared.schedule = .queued
        }
        scheduler.enqueue(cell)
    }

    private func instantiateAgain(_ cell: ActorCell, _ recipe: RestartRecipe) throws(ActorSystemError) {
        var storeConfiguration = StoreConfiguration()
        storeConfiguration.maxMemoryPages = cell.limits.maxMemoryPages
        storeConfiguration.maxCallDepth = cell.limits.maxCallDepth
        let instance: ComponentInstance
        do {
            instance = try recipe.component.instantiate(
                imports: hostImports(for: cell, granted: recipe.hostInterfaces), configuration: storeConfiguration)
        } catch {
            throw .instantiationFailed(error.message)
        }
        if let handlers = recipe.handlerPaths.handlers(of: instance) {
            cell.handlers = handlers
        } else {
            cell.handlers = HandlerTable(try Self.handlers(of: instance))
        }
        cell.instance = instance
    }

    /// Tells a supervisor actor about one of its children through its
    /// `supervisor-handlers` export, queued in its mailbox like a message.
    ///
    /// - Throws: `.notHandled` when the actor does not export the handler (it leaves its
    ///   children to its declared strategy), else as `send`.
    public func notifySupervisor(_ id: ActorID, _ notification: SupervisorNotification) throws(ActorSystemError) {
        try deliver(.supervisor(notification), to: try cell(id))
    }

    /// Whether the actor exports `supervisor-handlers` (all three handlers).
    public func decidesAboutChildren(_ id: ActorID) throws(ActorSystemError) -> Bool {
        let cell = try cell(id)
        return [.handleChildError, .handleChildExit, .handleChildExternalStop].allSatisfy(cell.exports.contains)
    }

    /// Appends `content` to the actor's event chain (a supervisor records its decisions
    /// about a child in the child's chain too).
    ///
    /// - Throws: `.unknownActor`.
    public func recordEvent(_ content: ChainEventContent, for id: ActorID) throws(ActorSystemError) {
        record(content, for: try cell(id))
    }

    /// Runs `action` once the system's clock (`now`) reaches `deadline`: on a worker, or
    /// in deterministic mode during `step()` / `runUntilQuiescent()`, which move the
    /// virtual clock forward to it when nothing else can run.
    public func runAction(at deadline: UInt64, _ action: @escaping @Sendable () -> Void) {
        scheduler.addTimer(deadline: deadline, fire: action)
    }

    // MARK: Holding

    /// Whether the supervised actor's instance ending for `reason` keeps the actor: a crash
    /// or shutdown always does, a stop only when `hold` asked for it. Nothing is kept once
    /// the system shuts down.
    func keepsForRestart(_ cell: ActorCell, after reason: ActorExitReason) -> Bool {
        guard !directory.withLock({ $0.isShuttingDown }) else { return false }
        switch reason {
        case .crashed, .shutdown: return true
        case .stopped: return cell.shared.withLock { $0.holdRequested }
        }
    }

    /// Ends the instance but keeps the actor awaiting a restart (see the type's overview).
    func holdForRestart(_ cell: ActorCell, reason: ActorExitReason, failure: ActorFailure?) {
        cell.activeCall?.call.abandon()
        cell.activeCall = nil
        cell.finishedCall = nil
        cell.instance = nil
        cell.handlers = HandlerTable()
        cell.shutdownRequest = nil
        cell.needsInitialization = true
        let queuedOpens = cell.shared.withLock { shared -> Set<String>? in
            guard shared.isRunning else { return nil }
            shared.schedule = .awaitingRestart
            shared.waitKey = nil
            shared.resumption = nil
            shared.stopRequested = false
            shared.holdRequested = false
            return shared.mailbox.queuedChannelOpens
        }
        guard let queuedOpens else { return }
        settleInit(of: cell)
        recordEnd(of: cell, reason: reason, failure: failure, stopReason: "stopped by its supervisor")
        let why = "actor \(cell.displayName) \(reason)"
        for (id, entry) in requests.withLock({ $0.removeStarted(answeredBy: cell.id) }) {
            deliverAnswer(entry, requestID: id, .failure(.requestFailed(why)))
        }
        for (_, entry) in requests.withLock({ $0.removeAll(requestedBy: cell.id) }) { cancelTimeout(of: entry) }
        // Channels the new instance will not know end now, with the messages queued on
        // them; channel openings still in the mailbox wait for the new instance.
        let closed = Set(channels.withLock { table in table.ids(involving: cell.id) }).subtracting(queuedOpens)
        closeChannels(of: cell, reason: why, keeping: queuedOpens)
        cell.shared.withLock { shared in
            shared.mailbox.removeAll { message in
                switch message {
                case .channelMessage(let id, _), .channelClose(let id): closed.contains(id)
                case .send, .request, .channelOpen, .supervisor: false
                }
            }
        }
        reportExit(cell, reason, failure: failure)
    }
}
