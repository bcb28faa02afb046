import ActorSystem

/// Why a supervision request was refused.
public enum SupervisionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Two children of one supervisor may not share a name.
    case duplicateChildName(String)
    /// The supervisor has no child of this name.
    case unknownChild(String)
    /// A manifest of the tree could not be read or is invalid.
    case manifest(ManifestError)
    /// The manifest has no `[supervisor]` table.
    case notASupervisor(String)
    /// A manifest is among its own ancestors: the paths from the root to it.
    case manifestCycle([String])
    /// A child manifest without a component and without `[supervisor]`.
    case notAnActor(String)
    /// A child's component file could not be read.
    case unreadableComponent(path: String, message: String)
    /// The actor system refused (spawning or restarting a child).
    case actorSystem(ActorSystemError)
    /// The tree has stopped (or its root failed).
    case treeStopped
    /// The tree nests deeper than `SupervisorSpecification.maximumDepth`: the paths from the root.
    case treeTooDeep([String])

    public var description: String {
        switch self {
        case .duplicateChildName(let name): "a child named \(name) already exists"
        case .unknownChild(let name): "no child named \(name)"
        case .manifest(let error): error.description
        case .notASupervisor(let path): "\(path) is not a supervisor manifest (it has no [supervisor] table)"
        case .manifestCycle(let paths): "the supervisor manifests form a cycle: \(paths.joined(separator: " -> "))"
        case .notAnActor(let name): "\(name) has neither a component nor a [supervisor] table"
        case .unreadableComponent(let path, let message): "cannot read component \(path): \(message)"
        case .actorSystem(let error): error.description
        case .treeStopped: "the supervision tree has stopped"
        case .treeTooDeep(let paths):
            "the supervision tree nests deeper than \(SupervisorSpecification.maximumDepth) levels: "
                + paths.suffix(3).joined(separator: " -> ")
        }
    }
}
