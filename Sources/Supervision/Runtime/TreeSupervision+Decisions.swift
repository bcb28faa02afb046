import ActorSystem

/// Reacting to children's ends: where an actor's crash report becomes a restart, a stop
/// or an escalation.
extension TreeSupervision {
    /// Keeps an actor failure's details (backtrace) for the end report that follows.
    mutating func noteFailure(_ failure: ActorFailure) {
        guard owners[failure.actorID] != nil || supervisorActors[failure.actorID] != nil else { return }
        failureDetails[failure.actorID] = failure
    }

    /// An actor's instance ended. Ends a stop sequence waits for move it on; ends of the
    /// tree's children are decided in arrival order, once no stop is in progress.
    mutating func noteExit(_ id: ActorID, _ reason: ActorExitReason) {
        if id == awaitedActor {
            awaitedActor = nil
            failureDetails.removeValue(forKey: id)
        } else if owners[id] != nil || supervisorActors[id] != nil {
            deferredExits.append((id, reason))
        }
        drive()
    }

    /// Decides about a child actor's end.
    mutating func decideExit(_ id: ActorID, _ reason: ActorExitReason) {
        let details = failureDetails.removeValue(forKey: id)
        guard !isStopped else { return }
        if let path = supervisorActors[id] {
            supervisorActorEnded(path, id, ChildExit(reason), details)
            return
        }
        guard let address = owners[id], let node = nodes[address.node], node.phase == .running,
            node.children[address.child] == .actor(id)
        else { return }
        let exit = ChildExit(reason)
        switch exit {
        case .crashed(let cause):
            record(address.node, SupervisorEvents.childCrashed(address.child, cause: cause, backtrace: details?.backtrace ?? []))
        case .exited, .stoppedExternally, .restartRequested:
            record(address.node, SupervisorEvents.childExited(address.child, reason: exit.description))
        }
        if let supervisor = node.ownActor, node.decider.child(named: address.child)?.status == .running,
            (try? system.decidesAboutChildren(supervisor)) == true
        {
            leaveToSupervisorActor(supervisor, id, reason, details, address)
            return
        }
        let why = details.map { "crashed in \($0.handler): \($0.cause)" } ?? exit.description
        let link = SupervisionFailureCause(
            kind: .actor, node: node.childPath(address.child), reason: why, backtrace: details?.backtrace ?? [])
        decide(exit, of: address.child, in: address.node, causes: [link])
    }

    /// A supervisor actor that exports `supervisor-handlers` decides about its children
    /// itself: it hears about the end, and the child stays down until it calls
    /// `restart-child` (a crashed child waits with its mailbox; one that shut down is
    /// stopped for good first).
    private mutating func leaveToSupervisorActor(
        _ supervisor: ActorID, _ child: ActorID, _ reason: ActorExitReason, _ details: ActorFailure?,
        _ address: ChildAddress
    ) {
        _ = try? nodes[address.node]?.decider.markStopped(address.child)
        let notification: SupervisorNotification
        switch reason {
        case .crashed(let cause):
            notification = .childError(
                child: child, errorType: cause.witErrorTypeName, data: Array((details?.cause ?? cause).description.utf8))
        case .shutdown(let data):
            try? system.stop(child)
            notification = .childExit(child: child, data: data)
        case .stopped:
            notification = .childExternalStop(child: child)
        }
        do {
            try system.notifySupervisor(supervisor, notification)
        } catch {
            record(address.node, .error(message: "could not tell supervisor \(supervisor): \(error)"))
        }
    }

    /// Decides about child `name`'s end and carries the decision out. `causes` explains
    /// the end (for an escalation's report): the child's own failure, or for a supervisor
    /// child the chain below it.
    mutating func decide(_ exit: ChildExit, of name: String, in nodePath: String, causes: [SupervisionFailureCause]) {
        let time = now
        guard nodes[nodePath]?.phase == .running, let decision = nodes[nodePath]?.decider.decide(exit, of: name, at: time)
        else { return }
        switch decision {
        case .ignore:
            return
        case .leaveDown(let child, _, _):
            let restart = nodes[nodePath]?.childSpecification(child)?.specification.restart.rawValue ?? "its"
            enqueueStop(
                StopRequest(
                    node: nodePath, children: [child], mode: .stop,
                    reason: "a \(restart) child is not restarted after it \(exit)", completion: .done))
        case .restart(let plan):
            nodes[nodePath]?.pendingPlans[plan.number] = plan
            if plan.stopOrder.isEmpty {
                planStopped(nodePath, plan.number)
            } else {
                enqueueStop(
                    StopRequest(
                        node: nodePath, children: plan.stopOrder, mode: .hold,
                        reason: "restarting with \(plan.failedChild) (\(plan.exit))",
                        completion: .planStopped(node: nodePath, plan: plan.number)))
            }
        case .escalate(let reason):
            escalate(nodePath, reason, causes: causes)
        }
    }

    /// The supervisor gives up: it stops its children (keeping them for a restart, unless
    /// it is the root), then its parent decides.
    mutating func escalate(_ nodePath: String, _ reason: RestartIntensityExceeded, causes: [SupervisionFailureCause]) {
        guard let node = nodes[nodePath] else { return }
        let link = SupervisionFailureCause(kind: .supervisor, node: node.displayName, reason: reason.description)
        record(nodePath, .escalation(child: reason.failedChild, cause: reason.exit.description))
        fail(nodePath, .crashed(cause: "supervisor gave up: \(reason)"), causes: [link] + causes)
    }

    /// The supervisor ends: it stops its children (and its own actor) — keeping them for
    /// a restart, unless it is the root — then its parent hears `end`.
    mutating func fail(_ nodePath: String, _ end: ChildExit, causes: [SupervisionFailureCause]) {
        guard let node = nodes[nodePath] else { return }
        nodes[nodePath]?.phase = .failing
        nodes[nodePath]?.failureCauses = causes
        nodes[nodePath]?.endReason = end
        let isRoot = node.parentPath == nil
        let completion: StopSequence.Completion =
            isRoot ? (end.isCrash ? .treeFailed : .treeStopped) : .escalated(node: nodePath)
        enqueueStop(
            StopRequest(
                node: nodePath, children: node.childOrder.reversed(), mode: isRoot ? .stop : .hold,
                reason: "supervisor \(node.displayName) \(end.isCrash ? "failed" : "ended")", completion: completion,
                includesSupervisorActor: true))
    }

    /// A supervisor's own actor ended: the supervisor ends with it.
    mutating func supervisorActorEnded(_ path: String, _ id: ActorID, _ exit: ChildExit, _ details: ActorFailure?) {
        guard let node = nodes[path], node.phase == .running, node.ownActor == id else { return }
        let reason = details.map { "crashed in \($0.handler): \($0.cause)" } ?? exit.description
        let actorLink = SupervisionFailureCause(
            kind: .actor, node: node.actorName, reason: reason, backtrace: details?.backtrace ?? [])
        let link = SupervisionFailureCause(kind: .supervisor, node: node.displayName, reason: "its actor \(exit)")
        record(path, .escalation(child: node.actorName, cause: exit.description))
        fail(path, exit.isCrash ? .crashed(cause: "its actor \(exit)") : exit, causes: [link, actorLink])
    }

    /// A supervisor that gave up has stopped its children: it fails, and its parent
    /// decides about it like about any crashed child.
    mutating func escalated(_ nodePath: String) {
        guard let node = nodes[nodePath], node.phase == .failing, let parentPath = node.parentPath else { return }
        nodes[nodePath]?.phase = .failed
        switch node.endReason {
        case .crashed(let cause):
            record(parentPath, SupervisorEvents.childCrashed(node.name, cause: cause, backtrace: []))
        case .exited, .stoppedExternally, .restartRequested:
            record(parentPath, SupervisorEvents.childExited(node.name, reason: node.endReason.description))
        }
        decide(node.endReason, of: node.name, in: parentPath, causes: node.failureCauses)
    }

    /// The root gave up and every actor of the tree has stopped.
    mutating func treeFailed() {
        guard let root = nodes[""] else { return }
        nodes[""]?.phase = .stopped
        isStopped = true
        let report = SupervisionTreeFailure(supervisor: root.name, causes: root.failureCauses)
        failure = report
        unreportedFailure = report
    }

    /// Takes the failure still to be reported (once).
    mutating func takeUnreportedFailure() -> SupervisionTreeFailure? {
        defer { unreportedFailure = nil }
        return unreportedFailure
    }

    // MARK: Restart plans

    /// The plan's siblings are down: start its children now, or when its backoff ends.
    mutating func planStopped(_ nodePath: String, _ number: UInt64) {
        guard let plan = nodes[nodePath]?.pendingPlans[number] else { return }
        if plan.startAt <= now {
            startPlan(nodePath, number)
            return
        }
        let reference = reference
        system.runAction(at: plan.startAt) { reference.tree?.planIsDue(node: nodePath, plan: number) }
    }

    /// Starts the plan's children still due, in start order.
    mutating func startPlan(_ nodePath: String, _ number: UInt64) {
        guard let plan = nodes[nodePath]?.pendingPlans.removeValue(forKey: number), nodes[nodePath]?.phase == .running,
            let starts = nodes[nodePath]?.decider.dueStarts(of: plan)
        else { return }
        for start in starts { startOrReport(start.child, of: nodePath, from: start.stateSource) }
    }
}

extension ChildExit {
    /// How the supervision layer reads the end of an actor it did not stop itself.
    init(_ reason: ActorExitReason) {
        switch reason {
        case .crashed(let cause): self = .crashed(cause: cause.description)
        case .shutdown: self = .exited
        case .stopped: self = .stoppedExternally
        }
    }
}
