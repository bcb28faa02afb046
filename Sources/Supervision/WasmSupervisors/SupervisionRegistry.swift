import ActorSystem

/// Which tree each supervisor actor belongs to, so the `supervisor` interface (defined
/// once per system, see `SupervisorHostInterface`) finds the tree a calling actor
/// supervises in.
enum SupervisionRegistry {
    private struct Key: Hashable {
        var system: ObjectIdentifier
        var actor: ActorID
    }

    /// Trees by supervisor actor. A system is identified by its object identity; a tree
    /// keeps its system alive, so an identity is not reused while the tree lives, and
    /// entries whose tree is gone are dropped as they are found.
    private static let trees = Locked<[Key: WeakSupervisionTree]>([:])

    static func register(supervisor: ActorID, of system: ActorSystem, in tree: WeakSupervisionTree) {
        trees.withLock { $0[Key(system: ObjectIdentifier(system), actor: supervisor)] = tree }
    }

    /// The tree in which `supervisor` (an actor of `system`) supervises.
    static func tree(supervisedBy supervisor: ActorID, in system: ActorSystem) -> SupervisionTree? {
        let key = Key(system: ObjectIdentifier(system), actor: supervisor)
        return trees.withLock { trees in
            guard let tree = trees[key]?.tree else {
                trees.removeValue(forKey: key)
                return nil
            }
            return tree
        }
    }
}
