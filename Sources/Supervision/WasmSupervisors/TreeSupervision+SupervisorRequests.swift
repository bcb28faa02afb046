import ActorSystem

/// What a supervisor actor asks of its tree through the `supervisor` interface.
extension TreeSupervision {
    /// The supervisor whose actor is `supervisor`, if it is running.
    private func supervisorPath(of supervisor: ActorID) throws(SupervisionError) -> String {
        guard let path = supervisorActors[supervisor], nodes[path]?.phase == .running else {
            throw .notASupervisor(supervisor.rawValue)
        }
        return path
    }

    /// The name, among the supervisor's children, of its child actor `id`.
    private func childName(_ id: ActorID, of supervisor: ActorID) throws(SupervisionError) -> (String, String) {
        let path = try supervisorPath(of: supervisor)
        guard let address = owners[id], address.node == path else { throw .unknownChild(id.rawValue) }
        return (path, address.child)
    }

    /// Spawns a child from a manifest (a path relative to the supervisor's manifest, or
    /// inline TOML) and returns its id.
    mutating func spawnChild(
        of supervisor: ActorID, manifest text: String, initialState: [UInt8]?
    ) throws(SupervisionError) -> ActorID {
        let path = try supervisorPath(of: supervisor)
        guard let node = nodes[path] else { throw .notASupervisor(supervisor.rawValue) }
        var manifest = try childManifest(text, base: node.specification.manifest.baseDirectory)
        guard !manifest.isSupervisor else {
            throw .notAnActor("\(manifest.name): declare supervisors as [[child]] entries; spawn starts actors")
        }
        if let initialState { manifest.initialState = .file(path: "init-bytes", bytes: initialState) }
        var name = manifest.name
        var suffix = 2
        while node.childOrder.contains(name) {
            name = "\(manifest.name)-\(suffix)"
            suffix += 1
        }
        let specification = ChildSpecification(name: name, manifest: text)
        try nodes[path]?.decider.addChild(specification)
        nodes[path]?.specification.children.append(
            SupervisedChildSpecification(specification: specification, kind: .actor(manifest)))
        nodes[path]?.childOrder.append(name)
        nodes[path]?.spawnedChildren.insert(name)
        do {
            try startChild(name, of: path, from: nil)
        } catch {
            try? nodes[path]?.decider.removeChild(named: name)
            nodes[path]?.specification.children.removeAll { $0.specification.name == name }
            nodes[path]?.childOrder.removeAll { $0 == name }
            nodes[path]?.spawnedChildren.remove(name)
            throw error
        }
        guard case .actor(let id)? = nodes[path]?.children[name] else { throw .unknownChild(name) }
        return id
    }

    private func childManifest(_ text: String, base: String?) throws(SupervisionError) -> ActorManifest {
        do {
            if text.contains("\n") || text.contains("=") {
                return try ActorManifest.parse(text: text, baseDirectory: base)
            }
            let path = text.hasPrefix("/") || base == nil ? text : (base ?? "") + "/" + text
            return try ActorManifest.load(path: path)
        } catch {
            throw .manifest(error)
        }
    }

    /// The ids of the supervisor's children that run or await a restart, in start order.
    func childIDs(of supervisor: ActorID) -> [ActorID] {
        guard let path = supervisorActors[supervisor], let node = nodes[path] else { return [] }
        return node.childOrder.compactMap { name -> ActorID? in
            guard node.decider.child(named: name)?.status != .stopped else { return nil }
            switch node.children[name] {
            case .actor(let id)?: return id
            case .supervisor(let inner)?: return nodes[inner]?.ownActor
            case nil: return nil
            }
        }
    }

    /// The child actor (or supervisor actor) of `supervisor` with id `id`: its path
    /// among the supervisor's children.
    private func anyChildName(_ id: ActorID, of supervisor: ActorID) throws(SupervisionError) -> (String, String) {
        if let found = try? childName(id, of: supervisor) { return found }
        let path = try supervisorPath(of: supervisor)
        guard let inner = supervisorActors[id], let node = nodes[inner], node.parentPath == path else {
            throw .unknownChild(id.rawValue)
        }
        return (path, node.name)
    }

    /// Stops the child for good (as the system runs).
    mutating func stopChild(_ id: ActorID, of supervisor: ActorID) throws(SupervisionError) {
        let (path, name) = try anyChildName(id, of: supervisor)
        _ = try nodes[path]?.decider.markStopped(name)
        enqueueStop(
            StopRequest(node: path, children: [name], mode: .stop, reason: "stop-child", completion: .done))
        drive()
    }

    /// Stops the child if it runs and starts it again at once.
    mutating func restartChild(_ id: ActorID, of supervisor: ActorID) throws(SupervisionError) {
        let (path, name) = try anyChildName(id, of: supervisor)
        let time = now
        guard let plan = nodes[path]?.decider.planManualRestart(of: name, at: time) else {
            throw .unknownChild(id.rawValue)
        }
        nodes[path]?.pendingPlans[plan.number] = plan
        if plan.stopOrder.isEmpty {
            planStopped(path, plan.number)
        } else {
            enqueueStop(
                StopRequest(
                    node: path, children: plan.stopOrder, mode: .hold, reason: "restart-child",
                    completion: .planStopped(node: path, plan: plan.number)))
        }
        drive()
    }

    /// Whether `id` is one of `supervisor`'s children.
    func isChild(_ id: ActorID, of supervisor: ActorID) -> Bool {
        (try? anyChildName(id, of: supervisor)) != nil
    }
}
