extension ActorDefinition {
    /// The definition a manifest describes: its component file, name, initial state, the
    /// interfaces its handlers grant, and its limits.
    ///
    /// ```swift
    /// let manifest = try ActorManifest.load(path: "counter/manifest.toml")
    /// let id = try system.spawn(ActorDefinition(manifest: manifest))
    /// ```
    ///
    /// - Throws: `.unreadableComponent` when the component file cannot be read;
    ///   `.unsupportedManifest` for a manifest without a component (a host supervisor,
    ///   which the supervision layer runs).
    public init(manifest: ActorManifest) throws(ActorSystemError) {
        guard let path = manifest.componentPath else {
            throw .unsupportedManifest("\(manifest.name) has no component (a host supervisor)")
        }
        let bytes: [UInt8]
        do {
            bytes = try ManifestFiles.read(path)
        } catch {
            switch error {
            case .noFile: throw .unreadableComponent(path: path, message: "no such file")
            case .failed(let message): throw .unreadableComponent(path: path, message: message)
            }
        }
        self.init(
            componentBytes: bytes, name: manifest.name, initialState: manifest.initialState?.bytes,
            hostInterfaces: Set(manifest.grantedImports.map { HostInterfaceName(importedInterface: $0) }),
            limits: manifest.limits)
        savesChain = manifest.savesChain
        chainDirectory = manifest.baseDirectory
    }
}

extension ActorSystem {
    /// Spawns the actor the manifest at `path` describes.
    ///
    /// - Throws: `.invalidManifest` (with file, line and column), then as
    ///   `ActorDefinition(manifest:)` and `spawn(_:)`.
    public func spawn(manifestAt path: String) throws(ActorSystemError) -> ActorID {
        let manifest: ActorManifest
        do {
            manifest = try ActorManifest.load(path: path)
        } catch {
            throw .invalidManifest(error.description)
        }
        return try spawn(ActorDefinition(manifest: manifest))
    }
}
