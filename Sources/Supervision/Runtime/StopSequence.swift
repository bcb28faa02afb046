import ActorSystem

/// Actors to stop one after the other, each only once the previous one's end has been
/// reported, so stop order is exact: last started first, children before their
/// supervisor. Then what to do next.
struct StopSequence: Sendable {
    var steps: [Step]
    var completion: Completion

    struct Step: Sendable, Equatable {
        var actor: ActorID
        var mode: Mode
    }

    enum Mode: Sendable, Equatable {
        /// End its instance, keep it awaiting a restart (`ActorSystem.hold`).
        case hold
        /// End it for good (`ActorSystem.stop`).
        case stop
    }

    /// What the sequence was for.
    enum Completion: Sendable, Equatable {
        /// A restart plan's siblings are down: its starts may go ahead.
        case planStopped(node: String, plan: UInt64)
        /// A supervisor that gave up has stopped its children: its parent decides.
        case escalated(node: String)
        /// Nothing more to do.
        case done
        /// The root gave up and every actor is stopped: report the tree's failure.
        case treeFailed
        /// The root supervisor's own actor ended without a crash; every actor is stopped.
        case treeStopped
    }
}

/// Stop work waiting its turn: the actors are listed when its turn comes, since the
/// tree may have changed meanwhile.
struct StopRequest: Sendable {
    var node: String
    /// Children of `node`, in the order to stop them; each supervisor child is stopped
    /// with its whole subtree.
    var children: [String]
    var mode: StopSequence.Mode
    var reason: String
    var completion: StopSequence.Completion
    /// Whether `node`'s own actor (a supervisor that is an actor) stops too, after its
    /// children.
    var includesSupervisorActor = false
}
