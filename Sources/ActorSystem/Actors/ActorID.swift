/// An actor's address: the WIT `actor-id` string other actors and the host send to.
public struct ActorID: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: ActorID, rhs: ActorID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Who an actor is: its id and, if it has one, its name.
public struct ActorIdentity: Sendable, Hashable, CustomStringConvertible {
    public var id: ActorID
    public var name: String?

    public init(id: ActorID, name: String?) {
        self.id = id
        self.name = name
    }

    /// The name if there is one, else the id.
    public var description: String { name ?? id.rawValue }
}

/// Makes actor ids: counted (`actor-1`, `actor-2`, …) for reproducible runs, or random
/// UUIDs (version 4) so ids from different runs never collide.
struct ActorIDGenerator: Sendable {
    enum Style: Sendable { case sequential, random }

    let style: Style
    private var next: UInt64 = 1
    /// For random ids: the system's random bytes, drawn in blocks.
    private var randomBytes = RandomBytePool()

    init(style: Style) { self.style = style }

    mutating func make() -> ActorID {
        switch style {
        case .sequential:
            defer { next &+= 1 }
            return ActorID("actor-\(next)")
        case .random:
            return ActorID(RandomUUID.make(using: &randomBytes))
        }
    }
}
