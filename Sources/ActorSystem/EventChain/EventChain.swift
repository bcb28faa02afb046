/// An actor's append-only record of what happened to it, each event linked to the one
/// before by hash.
///
/// ```swift
/// var chain = EventChain()
/// chain.append(.initialize(actorID: "counter", state: nil))
/// chain.append(type: .stateChange, data: [1], description: "counter = 1")
/// ChainVerifier.verify(chain.events)   // .success
/// ```
///
/// A value type: one actor owns and mutates its chain; copies (e.g. for a supervisor's
/// `get-child-events`) are snapshots.
public struct EventChain: Sendable, Hashable {
    /// The events, oldest first.
    public private(set) var events: [ChainEvent] = []

    /// An empty chain.
    public init() {}

    /// A chain continuing from `events`, which must verify (`ChainVerifier.verify`).
    public init(verifying events: [ChainEvent]) throws(ChainVerificationFailure) {
        try ChainVerifier.verify(events).get()
        self.events = events
    }

    /// The newest event's hash: the parent of the next event. Nil while the chain is empty.
    public var lastHash: [UInt8]? { events.last?.hash }

    /// The number of events.
    public var count: Int { events.count }

    /// Records a new event and returns it.
    ///
    /// - Parameter timestamp: milliseconds since the Unix epoch; the wall clock by default.
    @discardableResult
    public mutating func append(
        type: ChainEventType, data: [UInt8], description: String? = nil,
        timestamp: UInt64 = ChainClock.millisecondsSinceEpoch()
    ) -> ChainEvent {
        let parentHash = lastHash
        let event = ChainEvent(
            sequence: UInt64(truncatingIfNeeded: events.count), eventType: type.rawValue, data: data,
            timestamp: timestamp, description: description, parentHash: parentHash,
            hash: ChainEventHashing.hash(
                parentHash: parentHash, eventType: type.rawValue, data: data, timestamp: timestamp,
                description: description))
        events.append(event)
        return event
    }

    /// Records one of the runtime's events (see `ChainEventContent`) and returns it.
    @discardableResult
    public mutating func append(
        _ content: ChainEventContent, timestamp: UInt64 = ChainClock.millisecondsSinceEpoch()
    ) -> ChainEvent {
        append(type: content.type, data: content.data, description: content.description, timestamp: timestamp)
    }

    /// The events after the one with sequence number `sequence` (all of them for nil): what
    /// an observer that has seen up to `sequence` has not seen yet.
    public func events(after sequence: UInt64?) -> ArraySlice<ChainEvent> {
        guard let sequence else { return events[...] }
        let start = sequence >= UInt64(events.count) ? events.count : Int(sequence) &+ 1
        return events[start...]
    }
}
