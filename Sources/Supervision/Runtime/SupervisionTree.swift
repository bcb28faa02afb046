import ActorSystem

/// A supervision tree running in an `ActorSystem`: host supervisors that start their
/// children in order, hear about every crash, exit and stop through the system's hooks,
/// and restart, stop or escalate as their manifests say.
///
/// ```swift
/// let system = ActorSystem(configuration: .deterministic)
/// let tree = try SupervisionTree.start(manifestAt: "app/manifest.toml", in: system)
/// let counter = tree.actorID(of: "counter")        // children run under their path
/// try system.send(to: counter!, Array("hello".utf8))
/// try system.runUntilQuiescent()
/// if let failure = tree.failure { print(failure) }  // the root gave up
/// ```
///
/// Children keep their id, name and mailbox across restarts: a crash ends only the
/// instance (the message being handled is not redelivered, and its requester gets an
/// error); messages queued behind it go to the new instance. A supervisor that exceeds
/// its restart intensity stops its children and fails; its parent decides about it like
/// about any crashed child. When the root fails, every actor of the tree stops, `failure`
/// and `onFailure` report the chain of causes, and the system shuts down.
///
/// The tree installs `onFailure` and `onExit` hooks on the system (calling the hooks
/// installed before it), which keep the tree alive as long as the system; the tree
/// refers to the system weakly. The system's `eventSink` must not call back into the tree.
public final class SupervisionTree: Sendable {
    private let systemReference: WeakSystemReference
    public let specification: SupervisorSpecification
    private let state: Locked<TreeSupervision?>
    private let failureHandler: (@Sendable (SupervisionTreeFailure) -> Void)?

    private init(
        system: ActorSystem, specification: SupervisorSpecification,
        onFailure: (@Sendable (SupervisionTreeFailure) -> Void)?
    ) {
        systemReference = WeakSystemReference(system)
        self.specification = specification
        state = Locked(nil)
        failureHandler = onFailure
    }

    /// Starts the tree `specification` describes: every supervisor, and every actor in
    /// start order.
    ///
    /// - Parameter onFailure: called (once) if the root supervisor gives up.
    /// - Throws: `SupervisionError` when a child cannot be spawned (its component is
    ///   missing or invalid, its name is taken…); whatever had started is stopped.
    public static func start(
        _ specification: SupervisorSpecification, in system: ActorSystem,
        onFailure: (@Sendable (SupervisionTreeFailure) -> Void)? = nil
    ) throws(SupervisionError) -> SupervisionTree {
        let tree = SupervisionTree(system: system, specification: specification, onFailure: onFailure)
        tree.installHooks(on: system)
        try tree.state.withLock { state throws(SupervisionError) in
            var supervision = TreeSupervision(system: system, reference: WeakSupervisionTree(tree))
            defer { state = supervision }
            do throws(SupervisionError) {
                try supervision.startSupervisor(path: "", name: specification.manifest.name, parentPath: nil, specification)
            } catch {
                for id in supervision.owners.keys.sorted() { try? system.stop(id) }
                supervision.isStopped = true
                throw error
            }
        }
        return tree
    }

    /// Loads the supervisor manifest at `path` (and its children's) and starts the tree.
    public static func start(
        manifestAt path: String, in system: ActorSystem, onFailure: (@Sendable (SupervisionTreeFailure) -> Void)? = nil
    ) throws(SupervisionError) -> SupervisionTree {
        try start(SupervisorSpecification.load(path: path), in: system, onFailure: onFailure)
    }

    /// The system the tree runs in, while it exists.
    public var system: ActorSystem? { systemReference.system }

    /// The hooks hold the tree: it lives as long as the system does.
    private func installHooks(on system: ActorSystem) {
        let previousFailure = system.onFailure
        let previousExit = system.onExit
        system.onFailure = { failure in
            self.noteFailure(failure)
            previousFailure?(failure)
        }
        system.onExit = { id, reason in
            self.noteExit(id, reason)
            previousExit?(id, reason)
        }
    }

    // MARK: Hooks

    private func noteFailure(_ failure: ActorFailure) {
        update { $0.noteFailure(failure) }
    }

    private func noteExit(_ id: ActorID, _ reason: ActorExitReason) {
        update { $0.noteExit(id, reason) }
    }

    /// A restart plan's backoff delay has passed.
    func planIsDue(node: String, plan: UInt64) {
        update { supervision in
            supervision.startPlan(node, plan)
            supervision.drive()
        }
    }

    /// Runs `change` under the lock, then reports a failure it caused.
    func change(_ change: (inout TreeSupervision) -> Void) {
        update(change)
    }

    /// Reads the tree's state under the lock; nil before it started.
    func read<Value: Sendable>(_ body: (TreeSupervision) -> Value) -> Value? {
        guard let system else { return nil }
        return withExtendedLifetime(system) {
            state.withLock { state -> Value? in
                guard let state else { return nil }
                return body(state)
            }
        }
    }

    /// Runs `change` under the lock, then reports a failure it caused. Nothing happens
    /// once the system is gone (the state's unowned reference to it is only used while
    /// this holds it).
    private func update(_ change: (inout TreeSupervision) -> Void) {
        guard let system else { return }
        let failure = state.withLock { state -> SupervisionTreeFailure? in
            // Taken out while it changes, so the change does not copy it.
            guard var supervision = state else { return nil }
            state = nil
            change(&supervision)
            let failure = supervision.takeUnreportedFailure()
            state = supervision
            return failure
        }
        guard let failure else { return }
        failureHandler?(failure)
        shutDown(system)
    }

    /// Shuts the system down from outside the system's own threads: a worker cannot
    /// shut down (it would wait for itself), and in deterministic mode the shutdown runs
    /// at the next step, outside any actor's turn.
    private func shutDown(_ system: ActorSystem) {
        if system.configuration.isDeterministic {
            system.runAction(at: system.now) { system.shutdown() }
        } else {
            Task.detached { system.shutdown() }
        }
    }

    // MARK: Looking at the tree

    /// The id of the actor at `childPath`: a child of the root by its name (`"counter"`),
    /// deeper ones by the names down to them (`"workers/shard-2"`). The same across
    /// restarts, except after the actor was stopped for good and started anew.
    /// A supervisor that is an actor is found the same way (the root's by `""`).
    public func actorID(of childPath: String) -> ActorID? {
        state.withLock { state in
            guard let state else { return nil }
            if childPath.isEmpty { return state.nodes[""]?.ownActor }
            guard let address = state.locate(childPath) else { return nil }
            switch state.nodes[address.node]?.children[address.child] {
            case .actor(let id)?: return id
            case .supervisor(let path)?: return state.nodes[path]?.ownActor
            case nil: return nil
            }
        }
    }

    /// The paths of every actor in the tree below the root, in start order (depth first).
    public var actorPaths: [String] {
        state.withLock { state in
            guard let state else { return [] }
            return state.actorPaths(under: "")
        }
    }

    /// The paths of every supervisor in the tree (`""` for the root first), sorted.
    public var supervisorPaths: [String] {
        state.withLock { state in state.map { Array($0.nodes.keys).sorted() } ?? [] }
    }

    /// The events the supervisor at `supervisorPath` recorded (`""` for the root).
    public func events(ofSupervisor supervisorPath: String = "") -> [ChainEvent] {
        state.withLock { $0?.chains[supervisorPath]?.events ?? [] }
    }

    /// How many times children (actors and supervisors) were started again, in the
    /// whole tree.
    public var restartCount: Int {
        state.withLock { $0?.restartCount ?? 0 }
    }

    /// The root's failure, once it gave up.
    public var failure: SupervisionTreeFailure? {
        state.withLock { $0?.failure }
    }

    /// Whether the tree has stopped (`stop()`, or its root failed).
    public var isStopped: Bool {
        state.withLock { $0?.isStopped ?? true }
    }

    // MARK: Stopping

    /// Stops the whole tree for good: every actor, last started first, each subtree's
    /// children before the rest. The stops happen as the system runs.
    public func stop() {
        update { supervision in
            guard !supervision.isStopped, let root = supervision.nodes[""] else { return }
            supervision.isStopped = true
            supervision.nodes[""]?.phase = .stopped
            supervision.enqueueStop(
                StopRequest(
                    node: "", children: root.childOrder.reversed(), mode: .stop, reason: "the tree is stopping",
                    completion: .done, includesSupervisorActor: true))
            supervision.drive()
        }
    }
}

extension TreeSupervision {
    /// The paths of the actors below the supervisor at `nodePath`, in start order (a
    /// supervisor that is an actor before its children).
    func actorPaths(under nodePath: String) -> [String] {
        guard let node = nodes[nodePath] else { return [] }
        return node.childOrder.flatMap { child -> [String] in
            switch node.children[child] {
            case .actor?: [node.childPath(child)]
            case .supervisor(let path)?: (nodes[path]?.ownActor == nil ? [] : [path]) + actorPaths(under: path)
            case nil: []
            }
        }
    }
}

/// A weak reference to the system (the system's hooks hold the tree, so the tree must
/// not hold the system).
final class WeakSystemReference: Sendable {
    weak let system: ActorSystem?
    init(_ system: ActorSystem) { self.system = system }
}
