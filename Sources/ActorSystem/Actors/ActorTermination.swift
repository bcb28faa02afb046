extension ActorSystem {
    /// Ends `cell`'s life: abandons its call in progress, discards its instance, records
    /// why, and settles what others were owed (requests fail, channel peers see the
    /// channel close, an opener waiting on it is refused). Runs on the thread that owns
    /// the actor (its worker, or the shutting-down thread once workers have stopped).
    func terminate(_ cell: ActorCell, reason: ActorExitReason, failure: ActorFailure? = nil) {
        if cell.isSupervised, keepsForRestart(cell, after: reason) {
            holdForRestart(cell, reason: reason, failure: failure)
            return
        }
        cell.activeCall?.call.abandon()
        cell.activeCall = nil
        cell.finishedCall = nil
        cell.instance = nil
        cell.shutdownRequest = nil
        let drained = cell.shared.withLock { shared -> [MailboxMessage]? in
            guard shared.isRunning else { return nil }
            shared.exitReason = reason
            shared.schedule = .idle
            shared.waitKey = nil
            shared.resumption = nil
            shared.stopRequested = false
            return shared.mailbox.drain()
        }
        guard let drained else { return }
        recordEnd(of: cell, reason: reason, failure: failure, stopReason: "stopped by the host")
        saveChainIfAsked(cell)
        let shuttingDown = directory.withLock { directory -> Bool in
            directory.releaseName(of: cell)
            return directory.isShuttingDown
        }
        let failureReason: ActorSystemError =
            shuttingDown ? .shuttingDown : .requestFailed("actor \(cell.displayName) \(reason)")
        for (id, entry) in requests.withLock({ $0.removeAll(answeredBy: cell.id) }) {
            deliverAnswer(entry, requestID: id, .failure(failureReason))
        }
        for message in drained {
            if case .channelOpen(let id, _) = message {
                settleChannelOpen(id, accepted: false, message: nil, reason: "actor \(cell.displayName) \(reason)")
            }
        }
        // Nobody waits for the replies to what the actor asked any more.
        for (_, entry) in requests.withLock({ $0.removeAll(requestedBy: cell.id) }) { cancelTimeout(of: entry) }
        closeChannels(of: cell, reason: "actor \(cell.displayName) \(reason)")
        reportExit(cell, reason, failure: failure)
    }

    /// Records the end of the actor's instance: why, then `exit`.
    func recordEnd(of cell: ActorCell, reason: ActorExitReason, failure: ActorFailure?, stopReason: String) {
        switch reason {
        case .crashed(let cause):
            record(.crash(cause: cause.description, backtrace: failure?.backtrace ?? []), for: cell)
            record(.exit(reason: "crashed", data: nil), for: cell)
        case .stopped:
            record(.stop(reason: stopReason), for: cell)
            record(.exit(reason: "stopped", data: nil), for: cell)
        case .shutdown(let data):
            record(.shutdown(data: data), for: cell)
            record(.exit(reason: "shutdown", data: data), for: cell)
        }
    }

    /// Ends the channels the actor is an end of (except those in `kept`): an opener still
    /// waiting is refused with `reason`, the peer of an open channel sees it close.
    func closeChannels(of cell: ActorCell, reason: String, keeping kept: Set<String> = []) {
        for (id, channel) in channels.withLock({ $0.removeAll(involving: cell.id, keeping: kept) }) {
            if !channel.isOpen, channel.target === cell {
                refuseChannelOpen(id, of: channel, reason)
            } else if channel.isOpen, case .host(let hostChannel)? = channel.peer(of: cell.id) {
                hostChannel.markClosed(reason)
            } else if channel.isOpen, let peer = channel.peer(of: cell.id) {
                try? deliver(.channelClose(id: id), to: peer)
            }
        }
    }

    /// Stops the actor: it finishes nothing more. The stop takes effect at its next turn
    /// (right after a running slice; in deterministic mode, at the next `step()`). A
    /// supervised actor ends for good, even one awaiting a restart.
    ///
    /// - Throws: `.unknownActor`, `.actorNotRunning`.
    public func stop(_ id: ActorID) throws(ActorSystemError) {
        let cell = try cell(id)
        let wake = cell.shared.withLock { shared -> Bool? in
            guard shared.isRunning else { return nil }
            shared.stopRequested = true
            shared.holdRequested = false
            switch shared.schedule {
            case .idle, .waiting, .awaitingRestart:
                shared.schedule = .queued
                return true
            case .queued, .running:
                return false
            }
        }
        guard let wake else { throw .actorNotRunning(id) }
        if wake { scheduler.enqueue(cell) }
    }

    /// How `shutdown` treats work in progress.
    public enum ShutdownMode: Sendable, Hashable {
        /// Stop every actor at once; requests in flight fail with `.shuttingDown`.
        case cancel
        /// First let the actors run until nothing is runnable and no timer is pending (or
        /// the timeout passes), then stop them.
        case drain(timeoutMilliseconds: UInt64?)
    }

    /// Stops the workers and every actor (each reports `onExit(.stopped)`), and fails the
    /// requests still waiting. Spawning and sending fail afterwards. Calling it again does
    /// nothing.
    public func shutdown(_ mode: ShutdownMode = .cancel) {
        if case .drain(let timeout) = mode {
            if configuration.isDeterministic {
                _ = scheduler.runUntilQuiescent(maxSteps: .max)
            } else {
                _ = scheduler.waitUntilQuiescent(timeoutMilliseconds: timeout)
            }
        }
        let cells = directory.withLock { directory -> [ActorCell]? in
            guard !directory.isShuttingDown else { return nil }
            directory.isShuttingDown = true
            return directory.cells.values.sorted { $0.id < $1.id }
        }
        guard let cells else { return }
        scheduler.stop()
        // No worker runs now: this thread owns every actor.
        for cell in cells { terminate(cell, reason: .stopped) }
        for (id, entry) in requests.withLock({ $0.removeAll() }) {
            deliverAnswer(entry, requestID: id, .failure(.shuttingDown))
        }
    }
}
