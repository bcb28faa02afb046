import ComponentModel

/// Delivering messages and answers between actors (and from the host).
///
/// Guarantees: a mailbox is first in, first out, so messages from one sender to one
/// receiver are handled in the order sent; sending to an unknown or stopped actor, to one
/// without the needed handler, or into a full mailbox fails at once (the sender gets the
/// error); a request whose responder stops before answering fails; a request unanswered
/// after the requester's `RuntimeLimits.requestTimeoutMilliseconds` fails.
extension ActorSystem {
    // MARK: From the host

    /// Sends `bytes` to the actor's `handle-send`.
    ///
    /// - Throws: `.unknownActor`, `.actorNotRunning`, `.notHandled`, `.mailboxFull`,
    ///   `.shuttingDown`.
    public func send(to id: ActorID, _ bytes: [UInt8]) throws(ActorSystemError) {
        try deliver(.send(bytes), to: try hostTarget(id))
    }

    /// Sends a request to the actor's `handle-request` and returns its pending reply: read
    /// `result` after running the system, or `await value()`. Without a reply within the
    /// system's `defaultLimits.requestTimeoutMilliseconds` the result is
    /// `.requestTimedOut`.
    ///
    /// - Throws: as `send`.
    public func submitRequest(to id: ActorID, _ bytes: [UInt8]) throws(ActorSystemError) -> PendingReply {
        try submitRequest(to: id, bytes, timeoutMilliseconds: configuration.defaultLimits.requestTimeoutMilliseconds)
    }

    /// `submitRequest(to:_:)` with its own timeout: the result is `.requestTimedOut` after
    /// `timeoutMilliseconds` without a reply (nil: wait for as long as it takes).
    public func submitRequest(
        to id: ActorID, _ bytes: [UInt8], timeoutMilliseconds timeout: UInt64?
    ) throws(ActorSystemError) -> PendingReply {
        let target = try hostTarget(id)
        let reply = requests.withLock { table in
            var reply: PendingReply?
            _ = table.add(responder: target.id) { id in
                let pending = PendingReply(requestID: id)
                reply = pending
                return .external(pending)
            }
            return reply
        }
        guard let reply else { throw .requestFailed("no request id") }
        armTimeout(of: reply.requestID, milliseconds: timeout)
        do {
            try deliver(.request(id: reply.requestID, bytes), to: target)
        } catch {
            if let entry = requests.withLock({ $0.remove(reply.requestID) }) { cancelTimeout(of: entry) }
            throw error
        }
        return reply
    }

    /// Sends a request and waits for the reply. In deterministic mode another task must
    /// drive the system; prefer `submitRequest` there.
    public func request(to id: ActorID, _ bytes: [UInt8]) async throws(ActorSystemError) -> [UInt8] {
        try await submitRequest(to: id, bytes).value()
    }

    func hostTarget(_ id: ActorID) throws(ActorSystemError) -> ActorCell {
        let (cell, shuttingDown) = directory.withLock { ($0.cell(id), $0.isShuttingDown) }
        guard !shuttingDown else { throw .shuttingDown }
        guard let cell else { throw .unknownActor(id.rawValue) }
        return cell
    }

    // MARK: Mailboxes

    /// Puts `message` in `target`'s mailbox and makes the actor runnable if it was idle.
    func deliver(_ message: MailboxMessage, to target: ActorCell) throws(ActorSystemError) {
        guard target.handles(message) else { throw .notHandled(target.id, handler: message.handler.rawValue) }
        enum Delivery { case queued, queuedAndWake, notRunning, full(Int) }
        let delivery = target.shared.withLock { shared -> Delivery in
            guard shared.isRunning, !shared.stopRequested else { return .notRunning }
            guard shared.mailbox.enqueue(message) else { return .full(shared.mailbox.capacity ?? 0) }
            guard shared.schedule == .idle else { return .queued }
            shared.schedule = .queued
            return .queuedAndWake
        }
        switch delivery {
        case .queued: return
        case .queuedAndWake: scheduler.enqueue(target)
        case .notRunning: throw .actorNotRunning(target.id)
        case .full(let capacity): throw .mailboxFull(target.id, capacity: capacity)
        }
    }

    // MARK: Answers

    /// Gives a suspended host call its answer, if the actor is still waiting for `key`.
    func resume(_ cell: ActorCell, waitingFor key: WaitKey, with value: ComponentValue?) {
        let wake = cell.shared.withLock { shared -> Bool in
            guard shared.isRunning, shared.waitKey == key else { return false }
            shared.waitKey = nil
            shared.resumption = Resumption(value: value)
            guard shared.schedule == .waiting else { return false }
            shared.schedule = .queued
            return true
        }
        if wake { scheduler.enqueue(cell) }
    }

    /// Finishes request `id` (if still open) with `responder`'s reply; a reply to a
    /// request that expired meanwhile is dropped and recorded in the responder's chain.
    func answerRequest(_ id: String, from responder: ActorCell, with result: Result<[UInt8], ActorSystemError>) {
        enum Found { case open(RequestTable.Entry), expired, none }
        let found = requests.withLock { table -> Found in
            if let entry = table.remove(id) { return .open(entry) }
            return table.forgetExpired(id, answeredBy: responder.id) ? .expired : .none
        }
        switch found {
        case .open(let entry): deliverAnswer(entry, requestID: id, result)
        case .expired: recordLateReply(to: id, from: responder)
        case .none: break
        }
    }

    /// Gives the requester of an entry just removed from the request table its answer.
    func deliverAnswer(_ entry: RequestTable.Entry, requestID: String, _ result: Result<[UInt8], ActorSystemError>) {
        cancelTimeout(of: entry)
        switch entry.requester {
        case .external(let reply):
            reply.fulfill(result)
        case .actor(let cell):
            let value: ComponentValue
            switch result {
            case .success(let bytes): value = .ok(.bytes(bytes))
            case .failure(let error): value = .error(.string(error.description))
            }
            resume(cell, waitingFor: .request(requestID), with: value)
        }
    }

    /// The target answered `handle-channel-open` (or cannot): tell the opener.
    func settleChannelOpen(_ id: String, accepted: Bool, message: [UInt8]?, reason: String? = nil) {
        if !accepted {
            guard let channel = channels.withLock({ $0.remove(id) }) else { return }
            refuseChannelOpen(id, of: channel, reason ?? "actor \(channel.target.displayName) rejected the channel")
            return
        }
        let channel = channels.withLock { table -> ChannelTable.Channel? in
            table.markOpen(id)
            return table[id]
        }
        guard let channel else { return }
        switch channel.initiator {
        case .actor(let initiator):
            guard initiator.shared.withLock({ $0.isRunning }) else {
                _ = channels.withLock { $0.remove(id) }
                try? deliver(.channelClose(id: id), to: channel.target)
                return
            }
            resume(initiator, waitingFor: .channelOpen(id), with: .ok(.string(id)))
        case .host(let hostChannel):
            hostChannel.settleOpen(accepted: true, reason: "")
        }
        if let message {
            try? deliver(.channelMessage(id: id, message), to: channel.initiator)
        }
    }

    /// The opener of a channel that will not open learns why.
    func refuseChannelOpen(_ id: String, of channel: ChannelTable.Channel, _ reason: String) {
        switch channel.initiator {
        case .actor(let initiator): resume(initiator, waitingFor: .channelOpen(id), with: .error(.string(reason)))
        case .host(let hostChannel): hostChannel.settleOpen(accepted: false, reason: reason)
        }
    }

    /// Puts a channel message or close in the mailbox of an actor end, or hands it to the
    /// host's end.
    func deliver(_ message: MailboxMessage, to end: ChannelEnd) throws(ActorSystemError) {
        switch end {
        case .actor(let cell):
            try deliver(message, to: cell)
        case .host(let hostChannel):
            switch message {
            case .channelMessage(_, let bytes): try hostChannel.deliver(bytes)
            case .channelClose: hostChannel.markClosed("closed by actor \(hostChannel.actor)")
            case .send, .request, .channelOpen, .supervisor: break
            }
        }
    }
}
