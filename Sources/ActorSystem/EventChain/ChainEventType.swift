/// The kind of a chain event: a short kebab-case name, stored in the chain as a string.
///
/// The runtime records the types below; the names are part of the chain's hashed content,
/// so they never change. Other strings are allowed (host extensions may record their own),
/// and `ChainEventContent` builds the runtime's types with their payloads.
public struct ChainEventType: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    // MARK: Actor lifecycle and calls

    /// The actor was started: `init` called with its initial state.
    public static let initialize: ChainEventType = "init"
    /// A handler export is about to run, with its input.
    public static let handlerCall: ChainEventType = "handler-call"
    /// A handler returned: its outcome (next state, or the error it reported).
    public static let handlerResult: ChainEventType = "handler-result"
    /// The actor called a host function; recorded with its input and result.
    public static let hostCall: ChainEventType = "host-call"
    /// Something went wrong that did not (yet) stop the actor.
    public static let error: ChainEventType = "error"
    /// The actor's state changed to the bytes in the payload.
    public static let stateChange: ChainEventType = "state-change"
    /// The actor shut down of its own accord (runtime `shutdown`).
    public static let shutdown: ChainEventType = "shutdown"

    // MARK: Supervision

    /// The actor crashed: a trap or failed handler, with cause and backtrace.
    public static let crash: ChainEventType = "crash"
    /// The actor was restarted, and from which state.
    public static let restart: ChainEventType = "restart"
    /// The actor was stopped by its supervisor or the system.
    public static let stop: ChainEventType = "stop"
    /// The actor's life ended (after a shutdown, stop or unrecovered crash), with exit data.
    public static let exit: ChainEventType = "exit"
    /// A supervisor gave up on a failure and passed it to its own supervisor.
    public static let escalation: ChainEventType = "escalation"
}
