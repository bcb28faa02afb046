import ComponentModel

/// A host interface implemented outside the actor system (the supervision layer's
/// `supervisor`, for one). Register it in `ActorSystemConfiguration.hostInterfaceExtensions`;
/// actors granted `name` get its functions.
public protocol HostInterfaceExtension: Sendable {
    /// The interface it implements.
    var name: HostInterfaceName { get }

    /// Defines the interface's functions for the actor `context.actorID`. The functions
    /// run on the actor's worker while its guest waits; keep them short.
    func define(in imports: inout ComponentImports, context: HostCallContext)
}

/// Who a host function is running for: the calling actor and its system (held weakly:
/// an actor's instance must not keep its system alive).
public struct HostCallContext: Sendable {
    public let actorID: ActorID
    private let reference: WeakActorSystem

    init(actorID: ActorID, system: ActorSystem) {
        self.actorID = actorID
        reference = WeakActorSystem(system)
    }

    /// The system, unless it has been released.
    public var system: ActorSystem? { reference.system }
}

final class WeakActorSystem: Sendable {
    weak let system: ActorSystem?
    init(_ system: ActorSystem) { self.system = system }
}
