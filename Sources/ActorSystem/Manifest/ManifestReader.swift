/// Turns a parsed manifest document into an `ActorManifest`, section by section.
struct ManifestReader {
    let baseDirectory: String?

    func manifest(from table: TOMLTable) throws(ManifestError) -> ActorManifest {
        var root = ManifestTableReader(table, path: "")
        let name = try root.requiredString("name")
        let version = try root.string("version")
        let component = try root.string("component")
        let description = try root.string("description")
        let initialState = try readInitialState(&root)
        let savesChain = try root.bool("save_chain") ?? false
        let handlers = try readHandlers(&root)
        let limits = try readLimits(&root)
        let supervisor = try readSupervisor(&root)
        try root.rejectUnknownKeys()

        if let component, component.isEmpty, let entry = table.entry(forKey: "component") {
            throw root.error(.invalidValue("must not be empty"), key: "component", at: entry.valuePosition)
        }
        if component == nil {
            guard supervisor != nil else { throw root.error(.missingKey, key: "component", at: table.position) }
            try requireComponent(for: "handler", in: table, root)
            try requireComponent(for: "init_state", in: table, root)
        }
        return ActorManifest(
            name: name, version: version, component: component,
            componentPath: component.map { ManifestFiles.resolve($0, against: baseDirectory) },
            description: description, initialState: initialState, savesChain: savesChain, handlers: handlers,
            limits: limits, supervisor: supervisor, baseDirectory: baseDirectory, source: table)
    }

    /// Handlers and initial state belong to a component; a host supervisor has none.
    private func requireComponent(for key: String, in table: TOMLTable, _ root: ManifestTableReader) throws(ManifestError) {
        guard let entry = table.entry(forKey: key) else { return }
        throw root.error(
            .invalidValue("needs a component (a [supervisor] without one runs in the host)"),
            key: key, at: entry.keyPosition)
    }

    private func readInitialState(_ root: inout ManifestTableReader) throws(ManifestError) -> ActorManifest.InitialState? {
        guard let value = try root.string("init_state") else { return nil }
        guard let baseDirectory else { return .inline(value) }
        let path = ManifestFiles.resolve(value, against: baseDirectory)
        do throws(ManifestFiles.ReadError) {
            return .file(path: path, bytes: try ManifestFiles.read(path))
        } catch {
            switch error {
            case .noFile:
                return .inline(value)
            case .failed(let message):
                let position = root.table.entry(forKey: "init_state")?.valuePosition ?? root.table.position
                throw root.error(.unreadableFile(path: path, message: message), key: "init_state", at: position)
            }
        }
    }

    private func readHandlers(_ root: inout ManifestTableReader) throws(ManifestError) -> [HandlerManifest] {
        var handlers: [HandlerManifest] = []
        for (table, path) in try root.arrayOfTables("handler") {
            var reader = ManifestTableReader(table, path: path)
            let typeName = try reader.requiredString("type")
            let position = table.entry(forKey: "type")?.valuePosition ?? table.position
            guard let type = HandlerType(rawValue: typeName) else {
                throw reader.error(.unknownHandlerType(typeName), key: "type", at: position)
            }
            guard !handlers.contains(where: { $0.type == type }) else {
                throw reader.error(.duplicateHandler(type), key: "type", at: position)
            }
            var options = table
            options.removeValue(forKey: "type")
            handlers.append(HandlerManifest(type: type, options: options, position: table.position))
        }
        return handlers
    }

    private func readLimits(_ root: inout ManifestTableReader) throws(ManifestError) -> ActorLimits {
        guard let table = try root.table("limits") else { return ActorLimits() }
        var reader = ManifestTableReader(table, path: "limits")
        let pagesCeiling = Int64(ActorLimits.memoryPagesCeiling)
        let limits = ActorLimits(
            fuelPerMessage: try reader.integer("fuel_per_message", minimum: 1).map { UInt64($0) },
            maxMemoryPages: try reader.integer("max_memory_pages", minimum: 1, maximum: pagesCeiling).map { UInt64($0) },
            maxCallDepth: try reader.integer("max_call_depth", minimum: 1).map { Int(clamping: $0) },
            mailboxCapacity: try reader.integer("mailbox_capacity", minimum: 1).map { Int(clamping: $0) },
            requestTimeoutMilliseconds: try reader.integer("request_timeout_ms", minimum: 1).map { UInt64($0) })
        try reader.rejectUnknownKeys()
        return limits
    }

    private func readSupervisor(_ root: inout ManifestTableReader) throws(ManifestError) -> SupervisorManifest? {
        let children = try root.arrayOfTables("child")
        guard let table = try root.table("supervisor") else {
            if let entry = root.table.entry(forKey: "child") {
                throw root.error(.invalidValue("needs a [supervisor] table"), key: "child", at: entry.keyPosition)
            }
            return nil
        }
        var reader = ManifestTableReader(table, path: "supervisor")
        var supervisor = SupervisorManifest(position: table.position)
        supervisor.strategy = try reader.choice("strategy", as: SupervisorManifest.Strategy.self) ?? .oneForOne
        if let restarts = try reader.integer("max_restarts", minimum: 0) { supervisor.maxRestarts = Int(clamping: restarts) }
        if let period = try reader.integer("period_ms", minimum: 1) { supervisor.periodMilliseconds = UInt64(period) }
        try reader.rejectUnknownKeys()
        for (childTable, path) in children {
            let child = try readChild(childTable, path: path)
            if supervisor.children.contains(where: { $0.name == child.name }) {
                let position = childTable.entry(forKey: "name")?.valuePosition ?? childTable.position
                throw ManifestError(.duplicateChildName(child.name), key: path + ".name", at: position)
            }
            supervisor.children.append(child)
        }
        return supervisor
    }

    private func readChild(_ table: TOMLTable, path: String) throws(ManifestError) -> SupervisorManifest.Child {
        var reader = ManifestTableReader(table, path: path)
        let name = try reader.requiredString("name")
        let manifest = try reader.requiredString("manifest")
        let restart = try reader.choice("restart", as: SupervisorManifest.RestartPolicy.self) ?? .permanent
        let state = try reader.choice("state", as: SupervisorManifest.RestartState.self) ?? .lastGood
        let backoff = try reader.integer("backoff_ms", minimum: 0).map { UInt64($0) } ?? 0
        let backoffMax = try reader.integer("backoff_max_ms", minimum: 0).map { UInt64($0) }
        if let backoffMax, backoffMax < backoff, let entry = table.entry(forKey: "backoff_max_ms") {
            throw reader.error(
                .invalidValue("must be at least backoff_ms (\(backoff)), found \(backoffMax)"),
                key: "backoff_max_ms", at: entry.valuePosition)
        }
        try reader.rejectUnknownKeys()
        return SupervisorManifest.Child(
            name: name, manifest: manifest, manifestPath: ManifestFiles.resolve(manifest, against: baseDirectory),
            restart: restart, state: state, backoffMilliseconds: backoff, backoffMaxMilliseconds: backoffMax,
            position: table.position)
    }
}
