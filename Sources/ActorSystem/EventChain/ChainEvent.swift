/// One entry in an actor's event chain: what happened, when, and the hash that links it to
/// the entry before.
///
/// `hash` is `ChainEventHashing.hash(...)` over the parent hash, type, data, timestamp and
/// description; the sequence number is not hashed (the parent links already fix the
/// order). Events are made by `EventChain.append`, and checked by `ChainVerifier`.
public struct ChainEvent: Sendable, Hashable {
    /// Position in the chain: 0 for the first event, then consecutive.
    public var sequence: UInt64
    /// The event's type, e.g. `ChainEventType.handlerCall.rawValue`.
    public var eventType: String
    /// The payload; for the runtime's own types, UTF-8 JSON (see `ChainEventContent`).
    public var data: [UInt8]
    /// When the event was recorded: milliseconds since the Unix epoch (UTC), as Theater's
    /// chain events and `timing.now` count.
    public var timestamp: UInt64
    /// A one-line human-readable summary, if any.
    public var description: String?
    /// The previous event's `hash`; nil for the first event.
    public var parentHash: [UInt8]?
    /// SHA-256 (32 bytes) of the event's canonical encoding.
    public var hash: [UInt8]

    /// An event with all fields given; nothing is computed or checked (see
    /// `ChainVerifier`). `EventChain.append` is the usual way to make one.
    public init(
        sequence: UInt64, eventType: String, data: [UInt8], timestamp: UInt64, description: String?,
        parentHash: [UInt8]?, hash: [UInt8]
    ) {
        self.sequence = sequence
        self.eventType = eventType
        self.data = data
        self.timestamp = timestamp
        self.description = description
        self.parentHash = parentHash
        self.hash = hash
    }

    /// The event's type as a `ChainEventType`.
    public var type: ChainEventType { ChainEventType(rawValue: eventType) }

    /// The hash the event's fields call for; equal to `hash` unless the event was altered.
    public var computedHash: [UInt8] {
        ChainEventHashing.hash(
            parentHash: parentHash, eventType: eventType, data: data, timestamp: timestamp,
            description: description)
    }
}
