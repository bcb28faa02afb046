/// Why an `ActorSystem` operation failed.
public enum ActorSystemError: Error, Sendable, Hashable, CustomStringConvertible {
    // MARK: Spawning

    /// The bytes are not a valid component (or fail type checking).
    case invalidComponent(String)
    /// The component imports a host interface the actor was not granted.
    case interfaceNotGranted(HostInterfaceName)
    /// The component imports something no host provides (an unknown interface, or a
    /// world-level function).
    case unsupportedImport(String)
    /// The component lacks an export every actor needs, or exports it with another type.
    case invalidExport(String)
    /// Instantiating the component failed.
    case instantiationFailed(String)
    /// Another running actor has this name.
    case nameInUse(String)
    /// A manifest could not be read or parsed (the message names file, line and column).
    case invalidManifest(String)
    /// A manifest's component file could not be read.
    case unreadableComponent(path: String, message: String)
    /// A manifest this layer cannot run.
    case unsupportedManifest(String)

    // MARK: Messaging

    /// No actor has this id or name.
    case unknownActor(String)
    /// The actor has stopped (shut down, stopped, or crashed) and takes no messages.
    case actorNotRunning(ActorID)
    /// The actor's mailbox is at its capacity.
    case mailboxFull(ActorID, capacity: Int)
    /// The actor does not export the handler this message needs.
    case notHandled(ActorID, handler: String)
    /// The actor handling the request crashed or stopped before replying.
    case requestFailed(String)
    /// The responder cancelled the request.
    case requestCancelled(String)
    /// No reply came within the requester's `requestTimeoutMilliseconds`.
    case requestTimedOut(String, milliseconds: UInt64)
    /// The request would close a cycle of actors waiting on each other's replies (the
    /// actors, the requester first and last), so it could never be answered.
    case requestCycle([String])
    /// The actor rejected a channel the host opened, or stopped before answering.
    case channelRefused(String)
    /// The channel is not open (not yet accepted, or closed).
    case channelClosed(String)
    /// The host's end of the channel holds its capacity of messages not yet received.
    case channelFull(String, capacity: Int)
    /// The system is shutting down.
    case shuttingDown
    /// The operation is for supervised actors (`ActorDefinition.isSupervised`) only.
    case notSupervised(ActorID)
    /// `restart` needs an actor whose instance has ended and that awaits its restart.
    case notAwaitingRestart(ActorID)
    /// The operation needs the other scheduling mode (e.g. `step()` with worker threads).
    case wrongMode(String)

    public var description: String {
        switch self {
        case .invalidComponent(let message): "invalid component: \(message)"
        case .interfaceNotGranted(let name): "the component imports \(name), which the actor was not granted"
        case .unsupportedImport(let name): "the component imports \(name), which no host provides"
        case .invalidExport(let message): "invalid actor exports: \(message)"
        case .instantiationFailed(let message): "instantiation failed: \(message)"
        case .nameInUse(let name): "an actor named \(name) is already running"
        case .invalidManifest(let message): "invalid manifest: \(message)"
        case .unreadableComponent(let path, let message): "cannot read component \(path): \(message)"
        case .unsupportedManifest(let message): "unsupported manifest: \(message)"
        case .unknownActor(let name): "no actor \(name)"
        case .actorNotRunning(let id): "actor \(id) is not running"
        case .mailboxFull(let id, let capacity): "the mailbox of actor \(id) is full (\(capacity) messages)"
        case .notHandled(let id, let handler): "actor \(id) does not export \(handler)"
        case .requestFailed(let message): "request failed: \(message)"
        case .requestCancelled(let id): "request \(id) was cancelled"
        case .requestTimedOut(let id, let milliseconds): "request \(id) timed out after \(milliseconds) ms without a reply"
        case .requestCycle(let actors):
            "request cycle: \(actors.joined(separator: " -> ")) would wait on each other forever"
        case .channelRefused(let reason): "the channel was refused: \(reason)"
        case .channelClosed(let id): "channel \(id) is not open"
        case .channelFull(let id, let capacity):
            "the host's end of channel \(id) is full (\(capacity) messages not yet received)"
        case .shuttingDown: "the actor system is shutting down"
        case .notSupervised(let id): "actor \(id) is not supervised"
        case .notAwaitingRestart(let id): "actor \(id) is not awaiting a restart"
        case .wrongMode(let message): message
        }
    }
}
