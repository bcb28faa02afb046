/// What one actor may consume. Exceeding a limit crashes the actor (see `ActorFailure`),
/// except a full mailbox, which makes the *sender's* send fail.
///
/// ```swift
/// var limits = RuntimeLimits()
/// limits.fuelPerMessage = 5_000_000   // operation timeout after 5M fuel on one message
/// limits.mailboxCapacity = 1_000      // the 1001st waiting message is refused
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

    public init(
        fuelPerMessage: UInt64? = 1_000_000_000, maxMemoryPages: UInt64 = 16_384, maxCallDepth: Int = 10_000,
        mailboxCapacity: Int? = nil
    ) {
        self.fuelPerMessage = fuelPerMessage
        self.maxMemoryPages = maxMemoryPages
        self.maxCallDepth = maxCallDepth
        self.mailboxCapacity = mailboxCapacity
    }
}
