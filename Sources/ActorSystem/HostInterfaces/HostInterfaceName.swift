/// A host interface an actor may be granted, by its WIT name without version.
///
/// An actor is instantiated with exactly the interfaces it was granted: importing any
/// other interface is a spawn error that names it.
public struct HostInterfaceName: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `log`, `get-chain`, `shutdown`.
    public static let runtime: HostInterfaceName = "theater:simple/runtime"
    /// Sending, requests and channels to other actors.
    public static let messageServerHost: HostInterfaceName = "theater:simple/message-server-host"
    /// `now`, `sleep`, `deadline`.
    public static let timing: HostInterfaceName = "theater:simple/timing"
    /// The content-addressed store.
    public static let store: HostInterfaceName = "theater:simple/store"
    /// Managing child actors (provided by the supervision layer as an extension).
    public static let supervisor: HostInterfaceName = "theater:simple/supervisor"

    /// The interfaces the actor system itself implements.
    public static let builtIn: Set<HostInterfaceName> = [.runtime, .messageServerHost, .timing, .store]

    /// The name of a (possibly versioned) imported interface: `theater:simple/runtime@0.1.0`
    /// is `theater:simple/runtime`.
    init(importedInterface name: String) {
        if let at = name.lastIndex(of: "@") {
            rawValue = String(name[..<at])
        } else {
            rawValue = name
        }
    }
}
