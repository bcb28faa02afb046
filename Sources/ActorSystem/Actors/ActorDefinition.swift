import ComponentModel

/// Everything needed to start an actor: its component, name, initial state, the host
/// interfaces it is granted, and its limits.
///
/// ```swift
/// var counter = ActorDefinition(componentBytes: bytes, name: "counter")
/// counter.hostInterfaces.insert(.timing)
/// counter.limits.mailboxCapacity = 100   // the rest: the system's defaults
/// let id = try system.spawn(counter)
/// ```
public struct ActorDefinition: Sendable {
    /// The component binary (a `theater:simple` actor).
    public var componentBytes: [UInt8]
    /// A name other actors and the host may use instead of the id; unique among running
    /// actors. Nil: reachable by id only.
    public var name: String?
    /// The state `init` receives (`option<list<u8>>`).
    public var initialState: [UInt8]?
    /// The host interfaces the actor may import.
    public var hostInterfaces: Set<HostInterfaceName>
    /// Limits for this actor; each nil field takes the system's `defaultLimits` value.
    public var limits: ActorLimits
    /// How much of the event chain is kept in memory; nil: the system's default.
    public var eventRetention: EventRetention?
    /// A supervised actor outlives its instances: when one crashes or shuts down (or
    /// `hold` stops it), the actor keeps its id, name and mailbox, takes messages, and
    /// waits for its supervisor to `restart` it or `stop` it for good.
    public var isSupervised = false
    /// Whether the actor's event chain is written to a file when its life ends (see
    /// `SavedChain`; a manifest's `save_chain`).
    public var savesChain = false
    /// Where the saved chain goes unless the system's `chainDirectory` says otherwise
    /// (a manifest's own directory); nil: the current directory.
    public var chainDirectory: String?

    /// - Parameters:
    ///   - hostInterfaces: by default `runtime` and `message-server-host` (the
    ///     `message-actor` world's imports).
    public init(
        componentBytes: [UInt8], name: String? = nil, initialState: [UInt8]? = nil,
        hostInterfaces: Set<HostInterfaceName> = [.runtime, .messageServerHost], limits: ActorLimits = ActorLimits(),
        eventRetention: EventRetention? = nil
    ) {
        self.componentBytes = componentBytes
        self.name = name
        self.initialState = initialState
        self.hostInterfaces = hostInterfaces
        self.limits = limits
        self.eventRetention = eventRetention
    }
}

/// How many of an actor's chain events stay in memory.
public enum EventRetention: Sendable, Hashable {
    /// Every event since the actor started.
    case all
    /// The newest events (at least this many; the window moves in steps of that size).
    /// The kept events still verify, continuing from the newest dropped one.
    case recent(Int)
    /// No events are recorded (no hashing either): for throughput measurements.
    case none
}
