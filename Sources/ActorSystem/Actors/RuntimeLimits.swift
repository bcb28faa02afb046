/// What one actor may consume, as the runtime enforces it: every value decided (compare
/// `ActorLimits`, a manifest's `[limits]`, where each is optional). Exceeding a limit
/// crashes the actor (see `ActorFailure`), except a full mailbox, which makes the
/// *sender's* send fail.
///
/// ```swift
/// var configuration = ActorSystemConfiguration()
/// configuration.defaultLimits.fuelPerMessage = 5_000_000   // timeout after 5M fuel on one message
/// configuration.defaultLimits.mailboxCapacity = 1_000      // the 1001st waiting message is refused
/// configuration.defaultLimits.requestTimeoutMilliseconds = 5_000  // requests fail after 5 s without a reply
/// ```
public struct RuntimeLimits: Sendable, Hashable {
    /// Most fuel one handler call (one message, or `init`) may use across all its slices;
    /// more is an operation timeout. Nil: unlimited.
    public var fuelPerMessage: UInt64?
    /// Most 64 KiB pages each of the actor's memories may grow to.
    public var maxMemoryPages: UInt64
    /// Deepest Wasm call nesting.
    public var maxCallDepth: Int
    /// Most messages waiting in the mailbox; further sends fail. Nil: unbounded.
    public var mailboxCapacity: Int?
    /// Milliseconds a request the actor sends may wait for its reply; then it fails with
    /// `ActorSystemError.requestTimedOut` (a late reply is dropped and recorded in the
    /// responder's chain). On the virtual clock in deterministic mode. Nil: wait forever.
    public var requestTimeoutMilliseconds: UInt64?

    public init(
        fuelPerMessage: UInt64? = 1_000_000_000, maxMemoryPages: UInt64 = 16_384, maxCallDepth: Int = 10_000,
        mailboxCapacity: Int? = nil, requestTimeoutMilliseconds: UInt64? = 30_000
    ) {
        self.fuelPerMessage = fuelPerMessage
        self.maxMemoryPages = maxMemoryPages
        self.maxCallDepth = maxCallDepth
        self.mailboxCapacity = mailboxCapacity
        self.requestTimeoutMilliseconds = requestTimeoutMilliseconds
    }
}

extension RuntimeLimits {
    /// These limits with every limit `overrides` sets replacing the value here.
    public func overridden(by overrides: ActorLimits) -> RuntimeLimits {
        var limits = self
        if let fuel = overrides.fuelPerMessage { limits.fuelPerMessage = fuel }
        if let pages = overrides.maxMemoryPages { limits.maxMemoryPages = pages }
        if let depth = overrides.maxCallDepth { limits.maxCallDepth = depth }
        if let capacity = overrides.mailboxCapacity { limits.mailboxCapacity = capacity }
        if let timeout = overrides.requestTimeoutMilliseconds { limits.requestTimeoutMilliseconds = timeout }
        return limits
    }
}
