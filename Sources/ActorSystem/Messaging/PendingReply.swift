import Synchronization

/// The reply to a request the host sent (`ActorSystem.submitRequest`): read `result`
/// once the system has run, or `await value()`.
///
/// ```swift
/// let reply = try system.submitRequest(to: echo, Array("hi".utf8))
/// system.runUntilQuiescent()
/// print(reply.result)   // .success([104, 105])
/// ```
public final class PendingReply: Sendable {
    /// The request's id (what the responder sees in `handle-request`).
    public let requestID: String
    private let state = Locked<State>(State())
    /// Set (after `state.result`) once the result is known, so a thread polling `result`
    /// does not take the lock the replying worker needs until there is something to read.
    private let isKnown = Atomic<Bool>(false)

    private struct State {
        var result: Result<[UInt8], ActorSystemError>?
        var waiters: [CheckedContinuation<Result<[UInt8], ActorSystemError>, Never>] = []
    }

    init(requestID: String) {
        self.requestID = requestID
    }

    /// The reply or the failure, once known.
    public var result: Result<[UInt8], ActorSystemError>? {
        guard isKnown.load(ordering: .acquiring) else { return nil }
        return state.withLock { $0.result }
    }

    /// Waits for the reply. (In deterministic mode something must drive the system.)
    public func value() async throws(ActorSystemError) -> [UInt8] {
        let result = await withCheckedContinuation { continuation in
            let known = state.withLock { state -> Result<[UInt8], ActorSystemError>? in
                if let result = state.result { return result }
                state.waiters.append(continuation)
                return nil
            }
            if let known { continuation.resume(returning: known) }
        }
        return try result.get()
    }

    /// Sets the result (the first one wins) and wakes the waiters.
    func fulfill(_ result: Result<[UInt8], ActorSystemError>) {
        let waiters = state.withLock { state -> [CheckedContinuation<Result<[UInt8], ActorSystemError>, Never>] in
            guard state.result == nil else { return [] }
            state.result = result
            isKnown.store(true, ordering: .releasing)
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: result) }
    }
}
