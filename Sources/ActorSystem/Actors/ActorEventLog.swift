/// An actor's event chain as kept in memory: the hash-linked events, all of them or a
/// moving window of the newest (see `EventRetention`).
///
/// It links events exactly as `EventChain` does (same sequence numbers, parent hashes and
/// `ChainEventHashing`); a window additionally remembers the newest event it dropped, so
/// `ChainVerifier.verify(events, continuing: droppedEvent)` still checks the kept ones.
struct ActorEventLog: Sendable {
    let retention: EventRetention
    private(set) var events: [ChainEvent] = []
    /// The newest event no longer kept (nil while nothing was dropped).
    private(set) var droppedEvent: ChainEvent?
    private(set) var nextSequence: UInt64 = 0
    private var lastHash: [UInt8]?

    init(retention: EventRetention) {
        self.retention = retention
    }

    /// Records `content`; returns the event (nil when retention is `.none`).
    @discardableResult
    mutating func append(_ content: ChainEventContent, timestamp: UInt64 = ChainClock.millisecondsSinceEpoch()) -> ChainEvent? {
        append(content, timestamp: timestamp, precomputed: nil)
    }

    /// The hash the next event links to as its parent.
    var parentHashOfNextEvent: [UInt8]? { lastHash }

    /// Records `content` with the hash computed beforehand (outside the actor's lock, so
    /// that hashing does not hold up its senders) as its hash over `parent`; if another
    /// event was appended since, `parent` is stale and the event is hashed here instead.
    @discardableResult
    mutating func append(
        _ content: ChainEventContent, timestamp: UInt64, precomputed: (parent: [UInt8]?, hash: [UInt8])?
    ) -> ChainEvent? {
        if case .none = retention { return nil }
        let hash: [UInt8]
        if let precomputed, precomputed.parent == lastHash {
            hash = precomputed.hash
        } else {
            hash = ChainEventHashing.hash(
                parentHash: lastHash, eventType: content.type.rawValue, data: content.data, timestamp: timestamp,
                description: content.description)
        }
        let event = ChainEvent(
            sequence: nextSequence, eventType: content.type.rawValue, data: content.data, timestamp: timestamp,
            description: content.description, parentHash: lastHash, hash: hash)
        nextSequence &+= 1
        lastHash = hash
        events.append(event)
        if case .recent(let window) = retention, events.count >= Swift.max(window, 1) &* 2 {
            let dropCount = events.count &- Swift.max(window, 1)
            droppedEvent = events[dropCount &- 1]
            events.removeFirst(dropCount)
        }
        return event
    }

    /// Checks the kept events: links, sequence numbers and hashes.
    func verify() -> Result<Void, ChainVerificationFailure> {
        ChainVerifier.verify(events, continuing: droppedEvent)
    }
}
