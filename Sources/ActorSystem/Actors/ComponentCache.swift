import ComponentModel

/// Decoded, type-checked components by the SHA-256 of their bytes: spawning the same
/// component again (or a restart) decodes nothing.
///
/// Hashing the bytes would cost a spawn more than instantiating, so the byte arrays
/// spawned most recently are also recognized by identity (the same storage, which the
/// cache keeps alive so its address cannot be reused by other bytes).
final class ComponentCache: Sendable {
    private struct Recent {
        let bytes: [UInt8]
        let component: LoadedComponent
    }

    private static let recentLimit = 8
    private let components = Locked<[[UInt8]: LoadedComponent]>([:])
    private let recent = Locked<[Recent]>([])

    /// The component for `bytes`, loaded now if it is new.
    func component(for bytes: [UInt8]) throws(ActorSystemError) -> LoadedComponent {
        if let known = recentlySpawned(bytes) { return known }
        let key = SHA256.hash(bytes)
        let loaded: LoadedComponent
        if let cached = components.withLock({ $0[key] }) {
            loaded = cached
        } else {
            do {
                loaded = try LoadedComponent(bytes: bytes)
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

    private func recentlySpawned(_ bytes: [UInt8]) -> LoadedComponent? {
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
