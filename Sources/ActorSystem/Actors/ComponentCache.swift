import ComponentModel

/// Decoded, type-checked components by the SHA-256 of their bytes: spawning the same
/// component again (or a restart) decodes nothing, and finds the actor's handlers where
/// the first instance had them.
///
/// Hashing the bytes would cost a spawn more than instantiating, so the byte arrays
/// spawned most recently are also recognized by identity (the same storage, which the
/// cache keeps alive so its address cannot be reused by other bytes).
final class ComponentCache: Sendable {
    private struct Recent {
        let bytes: [UInt8]
        let component: CachedComponent
    }

    private static let recentLimit = 8
    private let components = Locked<[[UInt8]: CachedComponent]>([:])
    private let recent = Locked<[Recent]>([])

    /// The component for `bytes`, loaded now if it is new.
    func component(for bytes: [UInt8]) throws(ActorSystemError) -> CachedComponent {
        if let known = recentlySpawned(bytes) { return known }
        let key = SHA256.hash(bytes)
        let loaded: CachedComponent
        if let cached = components.withLock({ $0[key] }) {
            loaded = cached
        } else {
            do {
                loaded = CachedComponent(try LoadedComponent(bytes: bytes))
            } catch {
                throw .invalidComponent("\(error)")
            }
            components.withLock { $0[key] = loaded }
        }
        recent.withLock { recent in
            if recent.count == Self.recentLimit { recent.removeFirst() }
            recent.append(Recent(bytes: bytes, component: loaded))
        }
        return loaded
    }

    private func recentlySpawned(_ bytes: [UInt8]) -> CachedComponent? {
        let storage = bytes.withUnsafeBufferPointer { $0.baseAddress }
        guard let storage, !bytes.isEmpty else { return nil }
        return recent.withLock { recent in
            recent.last { entry in
                entry.bytes.count == bytes.count && entry.bytes.withUnsafeBufferPointer { $0.baseAddress } == storage
            }?.component
        }
    }

    var count: Int { components.withLock { $0.count } }
}

/// A loaded component, and where its actor handlers are in its instances once the first
/// instance has been checked (every instance of a component has them in the same places).
final class CachedComponent: Sendable {
    let component: LoadedComponent
    /// Set by the first spawn whose instance had valid handlers.
    let handlerPaths = Locked<HandlerPaths?>(nil)

    init(_ component: LoadedComponent) {
        self.component = component
    }
}
