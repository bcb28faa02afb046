/// Finding requests that could never be answered: an actor suspended in `request` (or
/// `open-channel`) handles nothing else, so if the actor it asks is itself waiting,
/// directly or through others, on the asker, none of them can ever go on.
extension ActorSystem {
    /// Registers a wait of `requester` on `responder` (`register` adds the request or
    /// channel entry and sets the requester's wait key) unless it would close a cycle.
    ///
    /// The check and the registration hold one lock: two actors on two workers asking each
    /// other at the same instant would otherwise both find the other not yet waiting.
    /// Only registrations take this lock; a wait that ends removes an edge and cannot make
    /// a cycle, so replies and timeouts never wait for it.
    func registerWait<Registered>(
        of requester: ActorCell, on responder: ActorCell, _ register: () -> Registered
    ) throws(ActorSystemError) -> Registered {
        try waitRegistrations.withLock { _ throws(ActorSystemError) in
            if let cycle = requestCycle(from: requester, to: responder) { throw .requestCycle(cycle) }
            return register()
        }
    }

    /// The actors a request from `requester` to `responder` would wait on, requester first
    /// and last, when they form such a cycle; nil otherwise.
    ///
    /// Every actor on a cycle but `requester` is suspended and `requester` is running (it
    /// is making the request), so the cycle cannot break up while it is being walked;
    /// only a timeout can end it, and that is what the request would otherwise wait for.
    private func requestCycle(from requester: ActorCell, to responder: ActorCell) -> [String]? {
        // Usually the responder waits on nobody: one look, no more locks.
        guard var next = actorWaitedOn(by: responder) else { return nil }
        var path = [requester.displayName, responder.displayName]
        // Each step leaves a suspended actor; more steps than actors means a cycle that
        // does not include `requester`, which is not this request's business.
        let limit = directory.withLock { $0.cells.count }
        for _ in 0..<limit {
            if next === requester { return path + [requester.displayName] }
            path.append(next.displayName)
            guard let after = actorWaitedOn(by: next) else { return nil }
            next = after
        }
        return nil
    }

    /// The actor whose answer `cell`'s suspended call waits for, if it waits for one.
    private func actorWaitedOn(by cell: ActorCell) -> ActorCell? {
        switch cell.shared.withLock({ $0.waitKey }) {
        case .request(let id)?:
            guard let responder = requests.withLock({ $0[id]?.responder }) else { return nil }
            return directory.withLock { $0.cell(responder) }
        case .channelOpen(let id)?:
            return channels.withLock { $0[id]?.target }
        case .timer?, nil:
            return nil
        }
    }
}
