/// The `[limits]` of a manifest. Every limit is optional (nil: the runtime's default) and,
/// when given, greater than zero.
public struct ActorLimits: Sendable, Equatable {
    /// Fuel one message (one export call) may burn before the actor is stopped.
    public var fuelPerMessage: UInt64?
    /// Most 64 KiB pages any of the actor's memories may grow to (at most 65536).
    public var maxMemoryPages: UInt64?
    /// Deepest Wasm call nesting.
    public var maxCallDepth: Int?
    /// Most messages waiting in the actor's mailbox.
    public var mailboxCapacity: Int?
    /// Milliseconds the actor waits for the reply to a request it sends before the request
    /// fails (`request_timeout_ms`).
    public var requestTimeoutMilliseconds: UInt64?

    public init(
        fuelPerMessage: UInt64? = nil, maxMemoryPages: UInt64? = nil, maxCallDepth: Int? = nil,
        mailboxCapacity: Int? = nil, requestTimeoutMilliseconds: UInt64? = nil
    ) {
        self.fuelPerMessage = fuelPerMessage
        self.maxMemoryPages = maxMemoryPages
        self.maxCallDepth = maxCallDepth
        self.mailboxCapacity = mailboxCapacity
        self.requestTimeoutMilliseconds = requestTimeoutMilliseconds
    }

    /// The most pages a 32-bit Wasm memory can have.
    public static let memoryPagesCeiling: UInt64 = 65536
}
