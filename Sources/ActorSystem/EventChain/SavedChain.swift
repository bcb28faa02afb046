/// Event chains saved to files: an actor whose definition asks for it
/// (`ActorDefinition.savesChain`, a manifest's `save_chain = true`) has its chain written
/// when its life ends (stop, shutdown, crash, system shutdown), one event per line in the
/// format of `theater run --events` (see `ChainEvent.jsonLine(actor:)`). The file is
/// replaced each time, and can be checked later:
///
/// ```swift
/// let lines = try SavedChain.read(path: "counter.chain.jsonl")
/// try SavedChain.verify(lines)          // throws .brokenChain if an event was altered
/// ```
///
/// Where: `DIRECTORY/NAME.chain.jsonl` (the id for an unnamed actor; characters other
/// than letters, digits, `.`, `-` and `_` become `_`), DIRECTORY being the system's
/// `ActorSystemConfiguration.chainDirectory` if set, else the definition's
/// `chainDirectory` (a manifest's directory), else the current directory.
public enum SavedChain {
    /// The file name of an actor's saved chain.
    public static func fileName(for actor: ActorIdentity) -> String {
        let name = actor.name ?? actor.id.rawValue
        let safe = name.unicodeScalars.map { scalar -> Character in
            let allowed = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "-" || scalar == "_"
            return allowed ? Character(scalar) : "_"
        }
        return String(safe) + ".chain.jsonl"
    }

    /// The saved chain's text: each event's JSON line, each line ended by a newline.
    public static func text(of events: [ChainEvent], actor: String) -> String {
        events.map { $0.jsonLine(actor: actor) + "\n" }.joined()
    }

    /// Reads the chain file at `path`.
    ///
    /// - Throws: `.unreadable`, `.malformedLine`.
    public static func read(path: String) throws(SavedChainError) -> [ChainEventLine] {
        let bytes: [UInt8]
        do {
            bytes = try ManifestFiles.read(path)
        } catch {
            throw .unreadable(path: path, message: error.message)
        }
        guard let text = UTF8Text.decode(bytes) else { throw .unreadable(path: path, message: "not UTF-8 text") }
        return try parse(text)
    }

    /// The events of chain text, in order (blank lines are skipped; a line may end in
    /// `\r\n`).
    public static func parse(_ text: String) throws(SavedChainError) -> [ChainEventLine] {
        var lines: [ChainEventLine] = []
        // Split on the newline byte: as Characters, "\r\n" is one that is not "\n".
        for (index, line) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
            do {
                lines.append(try ChainEventLine(json: Substring(line)))
            } catch {
                throw .malformedLine(line: index &+ 1, message: error.message)
            }
        }
        return lines
    }

    /// Checks every actor's events in the file as a chain (sequence numbers, parent links,
    /// hashes). A chain whose first event is not the actor's first (`EventRetention.recent`
    /// dropped older ones) is checked from that event on. Returns the number of events per
    /// actor, in order of first appearance.
    ///
    /// - Throws: `.empty`, `.brokenChain`.
    @discardableResult
    public static func verify(_ lines: [ChainEventLine]) throws(SavedChainError) -> [(actor: String, events: Int)] {
        guard !lines.isEmpty else { throw .empty }
        var order: [String] = []
        var byActor: [String: [ChainEvent]] = [:]
        for line in lines {
            if byActor[line.actor] == nil { order.append(line.actor) }
            byActor[line.actor, default: []].append(line.event)
        }
        for actor in order {
            let events = byActor[actor] ?? []
            guard let first = events.first else { continue }
            // A window starts after a dropped event: trust the first event's parent link.
            let previous = first.sequence == 0 ? nil : ChainEvent(
                sequence: first.sequence &- 1, eventType: "", data: [], timestamp: 0, description: nil,
                parentHash: nil, hash: first.parentHash ?? [])
            if case .failure(let failure) = ChainVerifier.verify(events, continuing: previous) {
                throw .brokenChain(actor: actor, failure)
            }
        }
        return order.map { ($0, byActor[$0]?.count ?? 0) }
    }
}

/// One line of a saved chain (or of `theater run --events`): an event and its actor.
public struct ChainEventLine: Sendable, Hashable {
    public var actor: String
    public var event: ChainEvent

    public init(actor: String, event: ChainEvent) {
        self.actor = actor
        self.event = event
    }

    /// Reads a line `ChainEvent.jsonLine(actor:)` wrote.
    init(json: some StringProtocol) throws(JSONReadError) {
        let fields = try JSONObjectReader.read(json)
        func field(_ key: String) throws(JSONReadError) -> JSONObjectReader.Value {
            guard let value = fields[key] else { throw JSONReadError(offset: 0, message: "no \"\(key)\"") }
            return value
        }
        func string(_ key: String) throws(JSONReadError) -> String {
            guard case .string(let text) = try field(key) else { throw JSONReadError(offset: 0, message: "\"\(key)\" is not a string") }
            return text
        }
        func optionalString(_ key: String) throws(JSONReadError) -> String? {
            if case .null = try field(key) { return nil }
            return try string(key)
        }
        func number(_ key: String) throws(JSONReadError) -> UInt64 {
            guard case .number(let value) = try field(key) else { throw JSONReadError(offset: 0, message: "\"\(key)\" is not a number") }
            return value
        }
        func hex(_ text: String?, _ key: String) throws(JSONReadError) -> [UInt8]? {
            guard let text else { return nil }
            guard let bytes = HexEncoding.bytes(from: text) else { throw JSONReadError(offset: 0, message: "\"\(key)\" is not hex") }
            return bytes
        }
        let data: [UInt8]
        switch try string("data_encoding") {
        case "utf8": data = Array(try string("data").utf8)
        case "hex": data = try hex(try string("data"), "data") ?? []
        case let other: throw JSONReadError(offset: 0, message: "unknown data_encoding \"\(other)\"")
        }
        actor = try string("actor")
        event = ChainEvent(
            sequence: try number("seq"), eventType: try string("type"), data: data, timestamp: try number("timestamp"),
            description: try optionalString("description"), parentHash: try hex(try optionalString("parent"), "parent"),
            hash: try hex(try string("hash"), "hash") ?? [])
    }
}

/// Why a saved chain could not be read or does not verify.
public enum SavedChainError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String, message: String)
    /// A line is not an event line (1-based line number).
    case malformedLine(line: Int, message: String)
    /// The file holds no events.
    case empty
    /// An actor's events do not form an intact chain.
    case brokenChain(actor: String, ChainVerificationFailure)

    public var description: String {
        switch self {
        case .unreadable(let path, let message): "cannot read \(path): \(message)"
        case .malformedLine(let line, let message): "line \(line): not a chain event: \(message)"
        case .empty: "no events"
        case .brokenChain(let actor, let failure): "the chain of \(actor) is broken: \(failure)"
        }
    }
}
