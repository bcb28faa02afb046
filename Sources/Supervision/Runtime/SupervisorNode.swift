import ActorSystem

/// One supervisor of a running tree: its decisions, its children as they run now, and
/// its own event chain.
struct SupervisorNode: Sendable {
    /// Where it is in the tree: `""` for the root, else the child path (`"workers"`,
    /// `"workers/shard-2"`).
    let path: String
    /// The root's manifest name, or the child name its parent gave it.
    let name: String
    /// Its supervisor's path; nil for the root.
    let parentPath: String?
    /// Its manifest's, with the children it spawned itself (`supervisor.spawn`) added.
    var specification: SupervisorSpecification
    var decider: RestartDecider
    var phase = Phase.running
    /// Each child by name, in start order (`childOrder`).
    var children: [String: RunningChild] = [:]
    var childOrder: [String]
    var chain = EventChain()
    /// Restart plans decided and not yet started, by number.
    var pendingPlans: [UInt64: RestartPlan] = [:]
    /// Once it gave up: why, itself first, then down to the failure that started it.
    var failureCauses: [SupervisionFailureCause] = []
    /// How its parent is told it ended (set when it fails or its own actor ends).
    var endReason = ChildExit.crashed(cause: "supervisor failed")
    /// A supervisor that is an actor: its id.
    var ownActor: ActorID?
    /// Children it spawned itself (`supervisor.spawn`): not restarted with it (its `init`
    /// spawns what it needs again).
    var spawnedChildren: Set<String> = []
    /// Whether its actor exports `supervisor-handlers`: then it decides about its
    /// children's ends itself, instead of its strategy.
    var decidesItself = false

    enum Phase: Sendable, Equatable {
        /// Supervising.
        case running
        /// Gave up: stopping its children before telling its parent.
        case failing
        /// Gave up and stopped its children, which await a restart; its parent decides.
        case failed
        /// Stopped by its parent for a restart (its children await it).
        case held
        /// Stopped for good.
        case stopped
    }

    init(
        path: String, name: String, parentPath: String?, specification: SupervisorSpecification
    ) throws(SupervisionError) {
        self.path = path
        self.name = name
        self.parentPath = parentPath
        self.specification = specification
        decider = try RestartDecider(flags: specification.flags, children: specification.childSpecifications)
        childOrder = specification.children.map(\.specification.name)
    }

    /// The path of child `name` (also the name its actor runs under).
    func childPath(_ child: String) -> String {
        path.isEmpty ? child : path + "/" + child
    }

    /// How it is shown in messages.
    var displayName: String { path.isEmpty ? name : path }

    /// The name its own actor (if it is one) runs under.
    var actorName: String { path.isEmpty ? name : path }

    /// The specification of child `name`.
    func childSpecification(_ child: String) -> SupervisedChildSpecification? {
        specification.children.first { $0.specification.name == child }
    }

    /// A fresh start (after its parent restarted it): new decisions, no pending plans,
    /// and the children it spawned itself forgotten.
    mutating func resetDecisions() {
        specification.children.removeAll { spawnedChildren.contains($0.specification.name) }
        childOrder.removeAll { spawnedChildren.contains($0) }
        for child in spawnedChildren { children.removeValue(forKey: child) }
        spawnedChildren = []
        if let decider = try? RestartDecider(flags: specification.flags, children: specification.childSpecifications) {
            self.decider = decider
        }
        pendingPlans = [:]
        failureCauses = []
        phase = .running
    }
}

/// A child of a running supervisor.
enum RunningChild: Sendable, Equatable {
    /// An actor, by its current id.
    case actor(ActorID)
    /// A supervisor, by its path.
    case supervisor(String)
}

/// Which supervisor a child actor belongs to, and its name there.
struct ChildAddress: Sendable, Hashable {
    var node: String
    var child: String
}
