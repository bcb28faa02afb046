import ComponentModel

extension ActorSystem {
    /// Appends an event to the actor's chain (and passes it to the event sink). The
    /// content is not even built when the actor records no events.
    func record(_ content: @autoclosure () -> ChainEventContent, for cell: ActorCell) {
        guard cell.recordsEvents else { return }
        let content = content()
        // Hashed outside the lock, which the actor's senders take too: against the last hash
        // as it is now; `append` hashes again only if another event came in between. The
        // timestamp is read after the parent, so timestamps still follow the chain's order.
        let parent = cell.shared.withLock { $0.eventLog.parentHashOfNextEvent }
        let timestamp = ChainClock.millisecondsSinceEpoch()
        let hash = ChainEventHashing.hash(
            parentHash: parent, eventType: content.type.rawValue, data: content.data, timestamp: timestamp,
            description: content.description)
        let event = cell.shared.withLock {
            $0.eventLog.append(content, timestamp: timestamp, precomputed: (parent, hash))
        }
        if let event, let sink = configuration.eventSink { sink(cell.identity, event) }
    }

    /// Records a host call with its arguments and result (see `HostCallEncoding`).
    func recordHostCall(
        _ cell: ActorCell, _ interface: String, _ function: String, input: @autoclosure () -> [UInt8],
        output: @autoclosure () -> [ComponentValue?]
    ) {
        guard cell.recordsEvents else { return }
        record(
            .hostCall(interface: interface, function: function, input: input(), output: HostCallEncoding.bytes(output())),
            for: cell)
    }
}

/// How host calls' arguments and results are written into `host-call` events: each value
/// in turn, separated by a newline; strings as their UTF-8, `list<u8>` as the raw bytes,
/// numbers in decimal, `ok`/`err`/`some`/`none` as words followed by their payload,
/// records, tuples and lists as their elements separated by spaces.
enum HostCallEncoding {
    static func bytes(_ values: [ComponentValue?]) -> [UInt8] {
        var output: [UInt8] = []
        for (index, value) in values.enumerated() {
            if index > 0 { output.append(0x0A) }
            if let value { append(value, to: &output) }
        }
        return output
    }

    static func bytes(_ values: [ComponentValue]) -> [UInt8] {
        bytes(values.map { Optional($0) })
    }

    private static func append(_ value: ComponentValue, to output: inout [UInt8]) {
        switch value {
        case .string(let text): output.append(contentsOf: text.utf8)
        case .bytes(let bytes): output.append(contentsOf: bytes)
        case .ok(let payload): appendWord("ok", payload, to: &output)
        case .error(let payload): appendWord("err", payload, to: &output)
        case .option(let payload): appendWord(payload == nil ? "none" : "some", payload, to: &output)
        case .list(let elements), .tuple(let elements), .record(let elements): appendAll(elements, to: &output)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .u32(let number): output.append(contentsOf: "\(number)".utf8)
        case .u64(let number): output.append(contentsOf: "\(number)".utf8)
        default: output.append(contentsOf: "\(value)".utf8)
        }
    }

    private static func appendWord(_ word: String, _ payload: ComponentValue?, to output: inout [UInt8]) {
        output.append(contentsOf: word.utf8)
        guard let payload else { return }
        output.append(0x20)
        append(payload, to: &output)
    }

    private static func appendAll(_ elements: [ComponentValue], to output: inout [UInt8]) {
        for (index, element) in elements.enumerated() {
            if index > 0 { output.append(0x20) }
            append(element, to: &output)
        }
    }
}
