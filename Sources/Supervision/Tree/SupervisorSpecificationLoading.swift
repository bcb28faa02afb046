import ActorSystem

extension SupervisorSpecification {
    /// How deep a tree of manifests may nest. Deeper is almost surely a manifest that
    /// names itself through paths spelled differently.
    public static let maximumDepth = 64

    /// Reads the supervisor manifest at `path` and, recursively, its children's manifests.
    ///
    /// - Throws: `.manifest` for a manifest that cannot be read or is invalid (naming the
    ///   file), `.notASupervisor` when the file at `path` has no `[supervisor]`,
    ///   `.manifestCycle` when a manifest is its own ancestor, `.treeTooDeep`.
    public static func load(path: String) throws(SupervisionError) -> SupervisorSpecification {
        let manifest = try loadManifest(path)
        guard manifest.isSupervisor else { throw .notASupervisor(path) }
        return try specification(of: manifest, path: path, ancestors: [])
    }

    /// The specification of an already parsed supervisor manifest (children are read
    /// from files relative to its `baseDirectory`).
    public static func load(manifest: ActorManifest) throws(SupervisionError) -> SupervisorSpecification {
        guard manifest.isSupervisor else { throw .notASupervisor(manifest.name) }
        return try specification(of: manifest, path: nil, ancestors: [])
    }

    private static func specification(
        of manifest: ActorManifest, path: String?, ancestors: [String]
    ) throws(SupervisionError) -> SupervisorSpecification {
        guard manifest.isSupervisor else { throw .notASupervisor(path ?? manifest.name) }
        let supervisor = manifest.supervisor ?? SupervisorManifest()
        let lineage = ancestors + [path].compactMap { $0 }
        guard lineage.count < maximumDepth else { throw .treeTooDeep(lineage) }
        var children: [SupervisedChildSpecification] = []
        for child in supervisor.children {
            let childPath = child.manifestPath
            if lineage.contains(childPath) { throw .manifestCycle(lineage + [childPath]) }
            let childManifest = try loadManifest(childPath)
            let kind: SupervisedChildSpecification.Kind
            if childManifest.isSupervisor {
                kind = .supervisor(try specification(of: childManifest, path: childPath, ancestors: lineage))
            } else {
                kind = .actor(childManifest)
            }
            children.append(SupervisedChildSpecification(specification: ChildSpecification(child), kind: kind))
        }
        return SupervisorSpecification(manifest: manifest, flags: SupervisorFlags(supervisor), children: children)
    }

    private static func loadManifest(_ path: String) throws(SupervisionError) -> ActorManifest {
        do {
            return try ActorManifest.load(path: path)
        } catch {
            throw .manifest(error)
        }
    }
}

extension ActorManifest {
    /// Whether the manifest describes a supervisor: a `[supervisor]` table (a host
    /// supervisor, or an actor with declared children), or an actor granted the
    /// `supervisor` interface (which spawns its children itself).
    public var isSupervisor: Bool { supervisor != nil || handler(.supervisor) != nil }
}
