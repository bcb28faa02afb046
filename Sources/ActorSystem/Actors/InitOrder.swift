/// Start ordering, as OTP's supervisors give it: an actor started after another
/// (`spawn(_:startingAfter:)`, `restart(_:from:startingAfter:)`) runs its `init` only once
/// the other's `init` has returned or failed. Both exist from the start (messages to the
/// later one queue behind its `init`), so addresses are valid at once; only the inits are
/// ordered.
///
/// The wait is for one instance: if the predecessor's instance ends and a restart gives it
/// a new one, the follower no longer waits (else a restart "after" the follower could make
/// each wait for the other).

/// The actor instance whose `init` a follower waits for.
struct InitPredecessor: Sendable {
    let cell: ActorCell
    let generation: UInt64
}

extension ActorSystem {
    /// The predecessor to record for an actor started after `id`: nil when there is none to
    /// wait for (unknown, ended, or its `init` already settled).
    func initPredecessor(_ id: ActorID?) -> InitPredecessor? {
        guard let id, let cell = directory.withLock({ $0.cell(id) }) else { return nil }
        return cell.shared.withLock { shared in
            guard shared.isRunning, !shared.initSettled else { return nil }
            return InitPredecessor(cell: cell, generation: shared.instanceGeneration)
        }
    }

    /// Called by the runner before `init`: true when the actor must wait for its
    /// predecessor (it is then registered as a follower and set `.awaitingPredecessor`).
    ///
    /// Locks: the predecessor's, then the follower's inside it, so `settleInit` (which
    /// takes the followers under the predecessor's lock) cannot miss the follower.
    func waitsForPredecessor(_ cell: ActorCell) -> Bool {
        guard let predecessor = cell.shared.withLock({ $0.predecessor }) else { return false }
        return predecessor.cell.shared.withLock { shared -> Bool in
            let pending = shared.isRunning && !shared.initSettled && shared.instanceGeneration == predecessor.generation
            return cell.shared.withLock { follower -> Bool in
                guard pending, !follower.stopRequested else {
                    follower.predecessor = nil
                    return false
                }
                follower.schedule = .awaitingPredecessor
                if !shared.initFollowers.contains(where: { $0 === cell }) { shared.initFollowers.append(cell) }
                return true
            }
        }
    }

    /// The actor's current `init` returned or failed, or its instance ended: its followers
    /// may run their own.
    func settleInit(of cell: ActorCell) {
        let followers = cell.shared.withLock { shared -> [ActorCell] in
            shared.initSettled = true
            defer { shared.initFollowers = [] }
            return shared.initFollowers
        }
        for follower in followers {
            let wake = follower.shared.withLock { shared -> Bool in
                shared.predecessor = nil
                guard shared.schedule == .awaitingPredecessor else { return false }
                shared.schedule = .queued
                return true
            }
            if wake { scheduler.enqueue(follower) }
        }
    }

    /// A new instance (a restart): its `init` has not settled, and it follows `predecessor`.
    func beginInstance(of cell: ActorCell, after predecessor: InitPredecessor?) {
        cell.shared.withLock { shared in
            shared.instanceGeneration &+= 1
            shared.initSettled = false
            shared.predecessor = predecessor
        }
    }

    /// The actor whose `init` `cell`'s waits for, if it waits (for finding request cycles).
    func initAwaited(by cell: ActorCell) -> ActorCell? {
        guard let predecessor = cell.shared.withLock({ $0.predecessor }) else { return nil }
        let pending = predecessor.cell.shared.withLock { shared in
            shared.isRunning && !shared.initSettled && shared.instanceGeneration == predecessor.generation
        }
        return pending ? predecessor.cell : nil
    }
}
