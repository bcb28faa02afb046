import ActorSystem

/// Stopping actors one at a time, in order (see `StopSequence`).
extension TreeSupervision {
    /// Queues stop work; it runs when the stops before it are done.
    mutating func enqueueStop(_ request: StopRequest) {
        stopQueue.append(request)
    }

    /// Moves stopping and deciding along until it must wait for an actor's end (or
    /// nothing is left). Every entry point calls it last.
    mutating func drive() {
        while awaitedActor == nil {
            if var sequence = activeSequence {
                guard !sequence.steps.isEmpty else {
                    activeSequence = nil
                    complete(sequence.completion)
                    continue
                }
                let step = sequence.steps.removeFirst()
                activeSequence = sequence
                if issue(step) { awaitedActor = step.actor }
            } else if !stopQueue.isEmpty {
                let request = stopQueue.removeFirst()
                activeSequence = StopSequence(steps: steps(for: request), completion: request.completion)
            } else if !failedStarts.isEmpty {
                let (node, child, cause) = failedStarts.removeFirst()
                decideFailedStart(node, child, cause)
            } else if !deferredExits.isEmpty {
                let (id, reason) = deferredExits.removeFirst()
                decideExit(id, reason)
            } else {
                return
            }
        }
    }

    /// Asks the system to stop or hold the actor; true when its end will be reported.
    private mutating func issue(_ step: StopSequence.Step) -> Bool {
        switch step.mode {
        case .hold:
            return (try? system.hold(step.actor)) ?? false
        case .stop:
            do {
                try system.stop(step.actor)
                return true
            } catch {
                return false
            }
        }
    }

    private mutating func complete(_ completion: StopSequence.Completion) {
        switch completion {
        case .planStopped(let node, let plan): planStopped(node, plan)
        case .escalated(let node): escalated(node)
        case .done: break
        case .treeFailed: treeFailed()
        case .treeStopped:
            isStopped = true
            nodes[""]?.phase = .stopped
        }
    }

    /// The actors a request stops, in order: each child in the order given, a supervisor
    /// child's subtree last started first, children before their supervisor.
    private mutating func steps(for request: StopRequest) -> [StopSequence.Step] {
        var ordered = request.children.flatMap { child in
            steps(stopping: child, of: request.node, mode: request.mode, reason: request.reason)
        }
        if request.includesSupervisorActor, let own = nodes[request.node]?.ownActor {
            ordered.append(StopSequence.Step(actor: own, mode: request.mode))
        }
        return ordered
    }

    private mutating func steps(
        stopping child: String, of nodePath: String, mode: StopSequence.Mode, reason: String
    ) -> [StopSequence.Step] {
        guard let running = nodes[nodePath]?.children[child] else { return [] }
        record(nodePath, SupervisorEvents.childStopped(child, reason: reason))
        switch running {
        case .actor(let id):
            return [StopSequence.Step(actor: id, mode: mode)]
        case .supervisor(let path):
            guard let node = nodes[path] else { return [] }
            switch mode {
            case .hold where node.phase == .running: nodes[path]?.phase = .held
            case .hold: break
            case .stop: nodes[path]?.phase = .stopped
            }
            let innerReason = "its supervisor \(node.displayName) is stopping"
            var ordered = node.childOrder.reversed().flatMap { grandchild in
                steps(stopping: grandchild, of: path, mode: mode, reason: innerReason)
            }
            if let own = node.ownActor { ordered.append(StopSequence.Step(actor: own, mode: mode)) }
            return ordered
        }
    }
}
