import ActorSystem

/// A running supervision tree's state and every decision about it. It lives behind the
/// tree's lock; the `ActorSystem` calls made from here never report back synchronously
/// (ends arrive later through `onExit`), so nothing re-enters the lock.
struct TreeSupervision: Sendable {
    /// Unowned: the system holds the tree (through its hooks). `SupervisionTree` only
    /// touches this state while it holds the system.
    unowned let system: ActorSystem
    /// For timers (backoff delays) to find the tree again.
    let reference: WeakSupervisionTree
    /// Every supervisor by path; the root's is `""`.
    var nodes: [String: SupervisorNode] = [:]
    /// Each supervisor's own event chain, by path.
    var chains: [String: EventChain] = [:]
    /// The supervisor of each child actor the tree spawned.
    var owners: [ActorID: ChildAddress] = [:]
    /// The supervisors that are actors, by their actor's id.
    var supervisorActors: [ActorID: String] = [:]
    /// Failure details (`onFailure`) waiting for the matching `onExit`.
    var failureDetails: [ActorID: ActorFailure] = [:]
    /// Component files already read, by path.
    var componentFiles: [String: [UInt8]] = [:]

    // Stopping runs one actor at a time (see StopSequence).
    var activeSequence: StopSequence?
    /// The actor whose end the active sequence waits for.
    var awaitedActor: ActorID?
    var stopQueue: [StopRequest] = []
    /// Ends of children, decided in order once no stop is in progress.
    var deferredExits: [(ActorID, ActorExitReason)] = []
    /// Children that could not be started again: (supervisor, child, why).
    var failedStarts: [(String, String, String)] = []
    /// The actor the tree started last: the next one's `init` runs after its `init`, so
    /// children start one after another in order, as under an OTP supervisor.
    var lastStarted: ActorID?

    var failure: SupervisionTreeFailure?
    var isStopped = false
    /// Children started again, over the whole tree.
    var restartCount = 0
    /// A failure to report once the lock is released.
    var unreportedFailure: SupervisionTreeFailure?

    init(system: ActorSystem, reference: WeakSupervisionTree) {
        self.system = system
        self.reference = reference
    }

    var now: UInt64 { system.now }

    /// Appends `content` to the chain of the supervisor at `path`.
    mutating func record(_ path: String, _ content: ChainEventContent) {
        guard nodes[path] != nil else { return }
        let time = now
        chains[path, default: EventChain()].append(content, timestamp: time)
    }

    // MARK: Starting

    /// Starts the supervisor at `path` and its children, in order.
    mutating func startSupervisor(
        path: String, name: String, parentPath: String?, _ specification: SupervisorSpecification
    ) throws(SupervisionError) {
        let node = try SupervisorNode(path: path, name: name, parentPath: parentPath, specification: specification)
        nodes[path] = node
        record(path, SupervisorEvents.started(node.displayName, flags: specification.flags, children: node.childOrder))
        if specification.isActor { try startSupervisorActor(path, from: nil) }
        for child in node.childOrder { try startChild(child, of: path, from: nil) }
    }

    /// Starts the actor of a supervisor that is one (before its children): again in
    /// place when it awaits a restart, else spawned.
    mutating func startSupervisorActor(_ path: String, from source: RestartStateSource?) throws(SupervisionError) {
        guard let node = nodes[path] else { return }
        if let source, let id = node.ownActor, (try? system.status(of: id)) == .awaitingRestart {
            do {
                try system.restart(id, from: source, startingAfter: lastStarted)
                lastStarted = id
            } catch {
                throw .actorSystem(error)
            }
            return
        }
        if let old = node.ownActor { supervisorActors.removeValue(forKey: old) }
        let id = try spawn(node.specification.manifest, name: node.actorName)
        nodes[path]?.ownActor = id
        supervisorActors[id] = path
        SupervisionRegistry.register(supervisor: id, of: system, in: reference)
    }

    /// Starts child `name` of the supervisor at `nodePath`: for the first time (`source`
    /// nil), or again from `source`. An actor awaiting restart restarts in place (same id,
    /// name and mailbox); one that has ended for good is spawned anew under its name.
    mutating func startChild(
        _ name: String, of nodePath: String, from source: RestartStateSource?
    ) throws(SupervisionError) {
        guard let node = nodes[nodePath], let specification = node.childSpecification(name) else {
            throw .unknownChild(name)
        }
        let path = node.childPath(name)
        switch specification.kind {
        case .actor(let manifest):
            if let source, case .actor(let id)? = node.children[name], (try? system.status(of: id)) == .awaitingRestart {
                do {
                    try system.restart(id, from: source, startingAfter: lastStarted)
                lastStarted = id
                } catch {
                    throw .actorSystem(error)
                }
            } else {
                if case .actor(let old)? = node.children[name] { owners.removeValue(forKey: old) }
                let id = try spawn(manifest, name: path)
                owners[id] = ChildAddress(node: nodePath, child: name)
                nodes[nodePath]?.children[name] = .actor(id)
            }
        case .supervisor(let childSpecification):
            if nodes[path] != nil {
                restartSupervisor(at: path, from: source ?? .initial)
            } else {
                try startSupervisor(path: path, name: name, parentPath: nodePath, childSpecification)
                nodes[nodePath]?.children[name] = .supervisor(path)
            }
        }
        let time = now
        try nodes[nodePath]?.decider.markStarted(name, at: time)
        if let source {
            restartCount += 1
            record(nodePath, SupervisorEvents.childRestarted(name, stateSource: source))
        }
    }

    /// Starts a held or failed supervisor again: fresh decisions (a new intensity
    /// window), every child started again in order from `source`.
    mutating func restartSupervisor(at path: String, from source: RestartStateSource) {
        guard let node = nodes[path] else { return }
        // Children it spawned itself end for good: its init spawns what it needs again.
        for child in node.spawnedChildren {
            guard case .actor(let id)? = node.children[child] else { continue }
            owners.removeValue(forKey: id)
            try? system.stop(id)
        }
        nodes[path]?.resetDecisions()
        record(path, .restart(stateSource: source.rawValue, state: nil))
        if node.specification.isActor {
            do {
                try startSupervisorActor(path, from: source)
            } catch {
                let exit = ChildExit.crashed(cause: "could not restart: \(error)")
                let link = SupervisionFailureCause(kind: .supervisor, node: node.displayName, reason: exit.description)
                fail(path, exit, causes: [link])
                return
            }
        }
        for child in nodes[path]?.childOrder ?? [] { startOrReport(child, of: path, from: source) }
    }

    /// Starts a child again; a child that cannot be started counts as crashed at once
    /// (decided by `drive`, so repeated failures loop there instead of recursing). Once
    /// the system shuts down, nothing restarts any more.
    mutating func startOrReport(_ name: String, of nodePath: String, from source: RestartStateSource) {
        do {
            try startChild(name, of: nodePath, from: source)
        } catch {
            if error == .actorSystem(.shuttingDown) {
                isStopped = true
                return
            }
            let time = now
            try? nodes[nodePath]?.decider.markStarted(name, at: time)
            failedStarts.append((nodePath, name, "could not restart: \(error)"))
        }
    }

    /// Decides about a child that could not be started as about a crash.
    mutating func decideFailedStart(_ nodePath: String, _ name: String, _ cause: String) {
        guard let node = nodes[nodePath] else { return }
        record(nodePath, SupervisorEvents.childCrashed(name, cause: cause, backtrace: []))
        let link = SupervisionFailureCause(kind: .actor, node: node.childPath(name), reason: cause)
        decide(.crashed(cause: cause), of: name, in: nodePath, causes: [link])
    }

    mutating func spawn(_ manifest: ActorManifest, name: String) throws(SupervisionError) -> ActorID {
        guard let componentPath = manifest.componentPath else { throw .notAnActor(manifest.name) }
        let definition = ChildActorDefinition.make(manifest, name: name, componentBytes: try componentFile(componentPath))
        do {
            let id = try system.spawn(definition, startingAfter: lastStarted)
            lastStarted = id
            return id
        } catch {
            throw .actorSystem(error)
        }
    }

    private mutating func componentFile(_ path: String) throws(SupervisionError) -> [UInt8] {
        if let bytes = componentFiles[path] { return bytes }
        let bytes = try ChildActorDefinition.readComponent(path)
        componentFiles[path] = bytes
        return bytes
    }

    // MARK: Looking things up

    /// The node and child name at a child path (`"counter"`, `"workers/shard-2"`).
    func locate(_ childPath: String) -> ChildAddress? {
        let nodePath: String
        let name: String
        if let slash = childPath.lastIndex(of: "/") {
            nodePath = String(childPath[..<slash])
            name = String(childPath[childPath.index(after: slash)...])
        } else {
            nodePath = ""
            name = childPath
        }
        guard nodes[nodePath]?.children[name] != nil else { return nil }
        return ChildAddress(node: nodePath, child: name)
    }
}

/// A weak reference to a tree, for closures the system keeps (timers, hooks): they must
/// not keep the tree alive.
final class WeakSupervisionTree: Sendable {
    weak let tree: SupervisionTree?
    init(_ tree: SupervisionTree) { self.tree = tree }
}
