import ComponentModel

/// Running actors: one scheduler slice at a time.
///
/// A slice is a fuel budget (`ActorSystemConfiguration.sliceFuel`). In it the actor
/// continues its handler call in progress or starts the next message (`init` first), and
/// keeps going while fuel remains. It ends when the actor has nothing to do (idle), is
/// suspended in a host call with no answer yet (waiting), or used its budget (queued
/// again, behind the others). Fuel per message is counted across slices; more than
/// `RuntimeLimits.fuelPerMessage` is an operation timeout.
///
/// Every failure of a guest call lands in `crash`, which is where a trap becomes a crash.
extension ActorSystem {
    private enum SliceProgress {
        /// Keep going in this slice.
        case again
        /// The slice is over; the actor's schedule status says what happens next.
        case over
    }

    /// Runs one slice of `cell`, which the scheduler took from the run queue.
    func runSlice(_ cell: ActorCell) {
        let claimed = cell.shared.withLock { shared -> Bool in
            guard shared.schedule == .queued, shared.isRunning else { return false }
            shared.schedule = .running
            return true
        }
        guard claimed else { return }
        var budget = configuration.sliceFuel
        while case .again = advance(cell, budget: &budget) {}
    }

    private func advance(_ cell: ActorCell, budget: inout UInt64) -> SliceProgress {
        if let active = cell.activeCall {
            if active.suspendedHostCall != nil { return resumeSuspended(cell, active, budget: &budget) }
            guard budget > 0 else { return requeue(cell) }
            guard !cell.shared.withLock({ $0.stopRequested }) else { return stopNow(cell) }
            return run(cell, active, budget: &budget) { grant in active.call.run(fuel: grant) }
        }
        guard budget > 0 else { return requeue(cell) }
        if cell.needsInitialization {
            guard !cell.shared.withLock({ $0.stopRequested }) else { return stopNow(cell) }
            return startInitialization(cell, budget: &budget)
        }
        enum Next { case message(MailboxMessage), stop, idle }
        let next = cell.shared.withLock { shared -> Next in
            if shared.stopRequested { return .stop }
            if let message = shared.mailbox.dequeue() { return .message(message) }
            shared.schedule = .idle
            return .idle
        }
        switch next {
        case .message(let message): return startHandler(cell, message, budget: &budget)
        case .stop: return stopNow(cell)
        case .idle: return .over
        }
    }

    // MARK: Starting and continuing calls

    private func startInitialization(_ cell: ActorCell, budget: inout UInt64) -> SliceProgress {
        record(.initialize(actorID: cell.id.rawValue, state: cell.state), for: cell)
        return start(cell, .initialize, message: nil, budget: &budget)
    }

    private func startHandler(_ cell: ActorCell, _ message: MailboxMessage, budget: inout UInt64) -> SliceProgress {
        if case .request(let id, _) = message { requests.withLock { $0.setPhase(.handling, of: id) } }
        record(.handlerCall(function: message.handler.rawValue, input: message.payload), for: cell)
        return start(cell, message.handler, message: message, budget: &budget)
    }

    private func start(
        _ cell: ActorCell, _ handler: ActorHandler, message: MailboxMessage?, budget: inout UInt64
    ) -> SliceProgress {
        let call: GuestCall<HandlerResult>
        do {
            guard let handlerCall = try cell.handlers.call(for: handler) else {
                // Senders check for the handler; only a bug gets here.
                crash(cell, .canonicalABIViolation("no \(handler.rawValue) export"), backtrace: [], handler: handler)
                return .over
            }
            call = handlerCall
            call.traceSink = cell.instructionTraceSink
        } catch {
            crash(cell, .canonicalABIViolation("\(error)"), backtrace: [], handler: handler)
            return .over
        }
        let active: ActiveHandlerCall
        if let finished = cell.finishedCall {
            cell.finishedCall = nil
            finished.reuse(handler: handler, message: message, call: call)
            active = finished
        } else {
            active = ActiveHandlerCall(handler: handler, message: message, call: call)
        }
        cell.activeCall = active
        let state = cell.state
        cell.handlers.passedState.bytes = state
        let id = cell.id
        return run(cell, active, budget: &budget) { grant in
            HandlerCall.start(call, state: state, message: message, actorID: id, fuel: grant)
        }
    }

    /// A suspended call continues once its host call has an answer (and fuel is left).
    private func resumeSuspended(_ cell: ActorCell, _ active: ActiveHandlerCall, budget: inout UInt64) -> SliceProgress {
        enum Take { case answer(Resumption), stop, wait, yield }
        let hasBudget = budget > 0
        let take = cell.shared.withLock { shared -> Take in
            if shared.stopRequested { return .stop }
            guard let resumption = shared.resumption else {
                shared.schedule = .waiting
                return .wait
            }
            guard hasBudget else { return .yield }
            shared.resumption = nil
            return .answer(resumption)
        }
        switch take {
        case .stop: return stopNow(cell)
        case .wait: return .over
        case .yield: return requeue(cell)
        case .answer(let resumption):
            if let hostCall = active.suspendedHostCall {
                recordHostCall(cell, hostCall.interface, hostCall.function, input: hostCall.input, output: [resumption.value])
            }
            active.suspendedHostCall = nil
            return run(cell, active, budget: &budget) { grant in active.call.resume(returning: resumption.value, fuel: grant) }
        }
    }

    /// Gives the call what fuel it may have, runs it, and acts on how it stopped.
    private func run(
        _ cell: ActorCell, _ active: ActiveHandlerCall, budget: inout UInt64,
        _ body: (UInt64) -> GuestCallOutcome<HandlerResult>
    ) -> SliceProgress {
        var grant = budget
        // A block is paid for before it starts: one that costs more than a whole slice gets
        // what it needs at the start of a slice, or it would never start.
        if let required = active.call.fuelRequiredToContinue, required > configuration.sliceFuel,
            budget == configuration.sliceFuel
        {
            grant = required
        }
        if let limit = cell.limits.fuelPerMessage {
            guard active.fuelUsed < limit else { return timeout(cell, active, limit: limit) }
            grant = Swift.min(grant, limit &- active.fuelUsed)
        }
        let outcome = body(grant)
        let used: UInt64
        if case .outOfFuel = outcome {
            used = grant
        } else {
            used = grant &- Swift.min(grant, active.call.remainingFuel)
        }
        budget &-= Swift.min(used, budget)
        active.fuelUsed &+= used
        switch outcome {
        case .returned(let value):
            cell.activeCall = nil
            let progress = finish(cell, active, value)
            active.forgetMessage()
            cell.finishedCall = active
            return progress
        case .suspended(let importCall):
            active.suspendedHostCall =
                importCall.token as? SuspendedHostCall
                ?? SuspendedHostCall(interface: "unknown", function: "unknown", input: [])
            return .again
        case .outOfFuel:
            if let limit = cell.limits.fuelPerMessage, active.fuelUsed >= limit {
                return timeout(cell, active, limit: limit)
            }
            return requeue(cell)
        case .trapped(let error):
            let store = cell.instance?.store
            let (cause, backtrace) =
                store.map { ActorFailureCause.classify(error, limits: cell.limits, store: $0) }
                ?? (.canonicalABIViolation("\(error)"), [])
            crash(cell, cause, backtrace: backtrace, handler: active.handler)
            return .over
        }
    }

    private func timeout(_ cell: ActorCell, _ active: ActiveHandlerCall, limit: UInt64) -> SliceProgress {
        crash(cell, .operationTimeout(fuelLimit: limit), backtrace: [], handler: active.handler)
        return .over
    }

    /// Back to the end of the run queue: the slice's fuel is used up.
    private func requeue(_ cell: ActorCell) -> SliceProgress {
        cell.shared.withLock { $0.schedule = .queued }
        scheduler.enqueue(cell)
        return .over
    }

    private func stopNow(_ cell: ActorCell) -> SliceProgress {
        terminate(cell, reason: .stopped)
        return .over
    }

    // MARK: Finishing calls

    /// A handler returned: keep its state, pass on its reply, and shut down if it asked to.
    private func finish(_ cell: ActorCell, _ active: ActiveHandlerCall, _ value: HandlerResult) -> SliceProgress {
        let handler = active.handler
        let result: HandlerReturn
        switch value {
        case .ok(let returned):
            result = returned
        case .error(let message):
            record(.handlerResult(function: handler.rawValue, outcome: .failure(message: message)), for: cell)
            crash(cell, .handlerError(message), backtrace: [], handler: handler)
            return .over
        }
        record(.handlerResult(function: handler.rawValue, outcome: .success(output: result.reply)), for: cell)
        cell.handlers.passedState.bytes = nil
        if result.state != cell.state {
            cell.state = result.state
            cell.shared.withLock { $0.state = result.state }
            record(.stateChange(state: result.state), for: cell)
        }
        switch active.message {
        case nil:
            cell.needsInitialization = false
        case .request(let id, _)?:
            if let reply = result.reply {
                answerRequest(id, from: cell, with: .success(reply))
            } else {
                requests.withLock { $0.setPhase(.awaitingResponse, of: id) }
            }
        case .channelOpen(let id, _)?:
            settleChannelOpen(id, accepted: result.accepted, message: result.acceptMessage)
        case .send?, .channelMessage?, .channelClose?, .supervisor?:
            break
        }
        if let shutdown = cell.shutdownRequest {
            terminate(cell, reason: .shutdown(data: shutdown.data))
            return .over
        }
        return .again
    }

    /// The actor crashed: record it, discard the instance, fail what it owed, report it.
    func crash(_ cell: ActorCell, _ cause: ActorFailureCause, backtrace: [String], handler: ActorHandler) {
        let failure = ActorFailure(
            actorID: cell.id, name: cell.name, cause: cause, handler: handler.rawValue, backtrace: backtrace,
            lastGoodState: cell.state)
        terminate(cell, reason: .crashed(cause), failure: failure)
    }
}

extension MailboxMessage {
    /// The bytes recorded as the handler call's input.
    var payload: [UInt8] {
        switch self {
        case .send(let bytes), .request(_, let bytes), .channelOpen(_, let bytes), .channelMessage(_, let bytes):
            bytes
        case .channelClose(let id):
            Array(id.utf8)
        case .supervisor(let notification):
            Array(notification.description.utf8)
        }
    }
}
