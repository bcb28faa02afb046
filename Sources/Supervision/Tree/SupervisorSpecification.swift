import ActorSystem

/// A supervisor and everything below it, as its manifests describe it: read and checked
/// before anything starts.
///
/// ```swift
/// let tree = try SupervisorSpecification.load(path: "app/manifest.toml")
/// tree.children.map(\.specification.name)   // ["database", "cache", "workers"]
/// ```
public struct SupervisorSpecification: Sendable, Equatable {
    /// The supervisor's manifest (`[supervisor]`, and a component if the supervisor is
    /// itself an actor).
    public var manifest: ActorManifest
    public var flags: SupervisorFlags
    /// In start order.
    public var children: [SupervisedChildSpecification]

    public init(manifest: ActorManifest, flags: SupervisorFlags, children: [SupervisedChildSpecification]) {
        self.manifest = manifest
        self.flags = flags
        self.children = children
    }

    /// Whether the supervisor is itself an actor (a component that may spawn children
    /// through the `supervisor` interface), rather than run by the host alone.
    public var isActor: Bool { manifest.component != nil }

    /// The specification of every child, in start order (what `RestartDecider` takes).
    public var childSpecifications: [ChildSpecification] { children.map(\.specification) }

    /// The number of actors in the tree (supervisors that are actors included).
    public var actorCount: Int {
        children.reduce(isActor ? 1 : 0) { count, child in
            switch child.kind {
            case .actor: count &+ 1
            case .supervisor(let supervisor): count &+ supervisor.actorCount
            }
        }
    }
}

/// One child of a supervisor: how it is supervised, and what it is.
public struct SupervisedChildSpecification: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// An actor: its manifest has a component, no `[supervisor]` and no `supervisor`
        /// handler.
        case actor(ActorManifest)
        /// A supervisor with children of its own (a host supervisor, or an actor that
        /// supervises).
        indirect case supervisor(SupervisorSpecification)
    }

    public var specification: ChildSpecification
    public var kind: Kind

    public init(specification: ChildSpecification, kind: Kind) {
        self.specification = specification
        self.kind = kind
    }

    /// The child's own manifest.
    public var manifest: ActorManifest {
        switch kind {
        case .actor(let manifest): manifest
        case .supervisor(let supervisor): supervisor.manifest
        }
    }
}
