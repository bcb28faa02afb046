import ComponentModel

/// Decoded, type-checked components by the SHA-256 of their bytes: spawning the same
/// component again (or a restart) decodes nothing.
final class ComponentCache: Sendable {
    private let components = Locked<[[UInt8]: LoadedComponent]>([:])

    /// The component for `bytes`, loaded now if it is new.
    func component(for bytes: [UInt8]) throws(ActorSystemError) -> LoadedComponent {
        let key = SHA256.hash(bytes)
        if let cached = components.withLock({ $0[key] }) { return cached }
        let loaded: LoadedComponent
        do {
            loaded = try LoadedComponent(bytes: bytes)
        } catch {
            throw .invalidComponent("\(error)")
        }
        components.withLock { $0[key] = loaded }
        return loaded
    }

    var count: Int { components.withLock { $0.count } }
}
