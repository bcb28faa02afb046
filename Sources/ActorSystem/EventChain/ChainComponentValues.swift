import ComponentModel

/// Chain events as the WIT records of `theater:simple/types`: `chain-event` (what
/// `supervisor.get-child-events` returns) and `chain` / `meta-event` / `event` (what
/// `runtime.get-chain` returns).
///
/// The older `meta-event` shape identifies events by a `u64`; that number is the event's
/// `shortHash`: the first 8 bytes of its SHA-256, read big-endian. `event.parent` is the
/// parent's short hash.
extension ChainEvent {
    /// `record chain-event { hash: list<u8>, parent-hash: option<list<u8>>, event-type:
    /// string, data: list<u8>, timestamp: u64, description: option<string> }`
    public static let componentType = ComponentValueType.record([
        .init(name: "hash", type: .list(.u8)),
        .init(name: "parent-hash", type: .option(.list(.u8))),
        .init(name: "event-type", type: .string),
        .init(name: "data", type: .list(.u8)),
        .init(name: "timestamp", type: .u64),
        .init(name: "description", type: .option(.string)),
    ])

    /// `record event { event-type: string, parent: option<u64>, data: list<u8> }`
    public static let eventComponentType = ComponentValueType.record([
        .init(name: "event-type", type: .string),
        .init(name: "parent", type: .option(.u64)),
        .init(name: "data", type: .list(.u8)),
    ])

    /// `record meta-event { hash: u64, event: event }`
    public static let metaEventComponentType = ComponentValueType.record([
        .init(name: "hash", type: .u64),
        .init(name: "event", type: eventComponentType),
    ])

    /// The first 8 bytes of `hash`, big-endian: the event's identity in `meta-event`.
    public var shortHash: UInt64 { Self.shortHash(of: hash) }

    /// The first 8 bytes of `hash`, big-endian (missing bytes count as zero).
    public static func shortHash(of hash: [UInt8]) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<8 {
            let byte = index < hash.count ? hash[index] : 0
            value = value << 8 | UInt64(byte)
        }
        return value
    }

    /// The event as a WIT `chain-event` value.
    public func componentValue() -> ComponentValue {
        .record([
            .bytes(hash),
            .option(parentHash.map { .bytes($0) }),
            .string(eventType),
            .bytes(data),
            .u64(timestamp),
            .option(description.map { .string($0) }),
        ])
    }

    /// The event as a WIT `meta-event` value.
    public func metaEventComponentValue() -> ComponentValue {
        .record([
            .u64(shortHash),
            .record([
                .string(eventType),
                .option(parentHash.map { .u64(Self.shortHash(of: $0)) }),
                .bytes(data),
            ]),
        ])
    }
}

extension EventChain {
    /// `record chain { events: list<meta-event> }`
    public static let componentType = ComponentValueType.record([
        .init(name: "events", type: .list(ChainEvent.metaEventComponentType))
    ])

    /// The chain as a WIT `chain` value, oldest event first.
    public func componentValue() -> ComponentValue {
        .record([.list(events.map { $0.metaEventComponentValue() })])
    }

    /// The events as a WIT `list<chain-event>` value, oldest first.
    public func chainEventListComponentValue() -> ComponentValue {
        .list(events.map { $0.componentValue() })
    }
}
