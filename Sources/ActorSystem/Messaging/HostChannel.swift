/// The host's end of a channel with an actor (`ActorSystem.openChannel(to:_:)`): the
/// actor accepts or rejects it in `handle-channel-open`; once open, `send` reaches its
/// `handle-channel-message`, what it sends on the channel waits here for `receive()` or
/// `nextMessage()`, and either side may close it.
///
/// ```swift
/// let channel = try system.openChannel(to: actor, Array("hello".utf8))
/// try system.runUntilQuiescent()          // the actor accepts (or rejects)
/// try channel.send(Array("ping".utf8))
/// try system.runUntilQuiescent()
/// let answers = channel.receiveAll()      // what the actor sent back
/// try channel.close()
/// ```
///
/// Messages from the actor are kept until received, up to `capacity`: beyond it, the
/// actor's `send-on-channel` returns an error (backpressure, as a full mailbox gives).
public final class HostChannel: Sendable {
    /// The channel's id (what the actor's handlers see).
    public let channelID: String
    /// The actor at the other end.
    public let actor: ActorID
    /// How many messages from the actor may wait to be received; nil: no limit.
    public let capacity: Int?
    private let systemReference: WeakActorSystem
    private let state = Locked(State())

    /// Where the channel is in its life.
    public enum Phase: Sendable, Equatable {
        /// The actor has not answered `handle-channel-open` yet.
        case opening
        case open
        /// Rejected, closed by either side, or ended because the actor stopped; why.
        case closed(String)
    }

    private struct State {
        var phase = Phase.opening
        var inbox = Deque<[UInt8]>()
        var openWaiters: [CheckedContinuation<Phase, Never>] = []
        var messageWaiters: [CheckedContinuation<[UInt8]?, Never>] = []
    }

    init(channelID: String, actor: ActorID, capacity: Int?, system: ActorSystem) {
        self.channelID = channelID
        self.actor = actor
        self.capacity = capacity
        systemReference = WeakActorSystem(system)
    }

    public var phase: Phase { state.withLock { $0.phase } }

    /// Waits until the actor accepts; throws `.channelRefused` if it rejects (or stops
    /// first). In deterministic mode something else must drive the system.
    public func opened() async throws(ActorSystemError) {
        let phase = await withCheckedContinuation { continuation in
            let known = state.withLock { state -> Phase? in
                guard state.phase == .opening else { return state.phase }
                state.openWaiters.append(continuation)
                return nil
            }
            if let known { continuation.resume(returning: known) }
        }
        if case .closed(let reason) = phase { throw .channelRefused(reason) }
    }

    /// Sends `bytes` to the actor's `handle-channel-message`.
    ///
    /// - Throws: `.channelClosed` unless the channel is open; as `ActorSystem.send`.
    public func send(_ bytes: [UInt8]) throws(ActorSystemError) {
        guard let system = systemReference.system else { throw .shuttingDown }
        try system.hostSend(bytes, on: self)
    }

    /// Closes the channel: the actor's `handle-channel-close` runs. Messages already
    /// received stay readable.
    ///
    /// - Throws: `.channelClosed` if it is not open.
    public func close() throws(ActorSystemError) {
        guard let system = systemReference.system else { throw .shuttingDown }
        try system.hostClose(self)
    }

    /// The oldest message from the actor not yet received, if any.
    public func receive() -> [UInt8]? {
        state.withLock { $0.inbox.popFirst() }
    }

    /// Every message from the actor not yet received, oldest first.
    public func receiveAll() -> [[UInt8]] {
        state.withLock { $0.inbox.removeAll() }
    }

    /// Waits for the next message from the actor; nil once the channel is closed (or was
    /// never opened) and nothing is left to receive.
    public func nextMessage() async -> [UInt8]? {
        await withCheckedContinuation { continuation in
            let known = state.withLock { state -> [UInt8]?? in
                if let message = state.inbox.popFirst() { return .some(message) }
                if case .closed = state.phase { return .some(nil) }
                state.messageWaiters.append(continuation)
                return nil
            }
            if let known { continuation.resume(returning: known) }
        }
    }

    // MARK: From the actor system

    /// The actor answered `handle-channel-open` (or cannot, with `reason`).
    func settleOpen(accepted: Bool, reason: String) {
        guard accepted else { return markClosed(reason) }
        let waiters = state.withLock { state -> [CheckedContinuation<Phase, Never>] in
            guard state.phase == .opening else { return [] }
            state.phase = .open
            defer { state.openWaiters = [] }
            return state.openWaiters
        }
        for waiter in waiters { waiter.resume(returning: .open) }
    }

    /// A message from the actor arrives.
    ///
    /// - Throws: `.channelFull` when `capacity` messages already wait to be received.
    func deliver(_ bytes: [UInt8]) throws(ActorSystemError) {
        let waiter = try state.withLock { state throws(ActorSystemError) -> CheckedContinuation<[UInt8]?, Never>? in
            guard state.messageWaiters.isEmpty else { return state.messageWaiters.removeFirst() }
            if let capacity, state.inbox.count >= capacity { throw .channelFull(channelID, capacity: capacity) }
            state.inbox.append(bytes)
            return nil
        }
        waiter?.resume(returning: bytes)
    }

    /// The channel ended (either side closed it, or the actor stopped).
    func markClosed(_ reason: String) {
        let waiters = state.withLock { state -> (opens: [CheckedContinuation<Phase, Never>], messages: [CheckedContinuation<[UInt8]?, Never>]) in
            if case .closed = state.phase { return ([], []) }
            state.phase = .closed(reason)
            defer {
                state.openWaiters = []
                state.messageWaiters = []
            }
            return (state.openWaiters, state.messageWaiters)
        }
        for waiter in waiters.opens { waiter.resume(returning: .closed(reason)) }
        for waiter in waiters.messages { waiter.resume(returning: nil) }
    }
}
