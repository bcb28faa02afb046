/// Request timeouts: each request gets a scheduler timer for its requester's
/// `RuntimeLimits.requestTimeoutMilliseconds`; the reply cancels it, and if it fires first
/// the requester gets `.requestTimedOut` and the responder's reply, should it come, is
/// dropped and recorded.
extension ActorSystem {
    /// Sets the timer that fails request `id` after `milliseconds` (nil: never), on the
    /// scheduler's clock (virtual in deterministic mode). The timer is set before the
    /// table knows it (the two locks are never held together), so a request answered in
    /// between cancels its timer here.
    func armTimeout(of id: String, milliseconds: UInt64?) {
        guard let milliseconds else { return }
        let (deadline, overflow) = scheduler.now().addingReportingOverflow(milliseconds)
        let systemReference = WeakActorSystem(self)
        let timer = scheduler.addTimer(deadline: overflow ? .max : deadline) {
            systemReference.system?.expireRequest(id, milliseconds: milliseconds)
        }
        if !requests.withLock({ $0.setTimeoutTimer(timer, of: id) }) { scheduler.cancelTimer(timer) }
    }

    func cancelTimeout(of entry: RequestTable.Entry) {
        if let timer = entry.timeoutTimer { scheduler.cancelTimer(timer) }
    }

    /// Request `id`'s time is up: its requester gets `.requestTimedOut`; the responder's
    /// reply, if it ever comes, is dropped.
    fileprivate func expireRequest(_ id: String, milliseconds: UInt64) {
        guard let entry = requests.withLock({ $0.expire(id) }) else { return }
        deliverAnswer(entry, requestID: id, .failure(.requestTimedOut(id, milliseconds: milliseconds)))
    }

    /// A reply came after the requester stopped waiting: nobody receives it.
    func recordLateReply(to id: String, from responder: ActorCell) {
        record(.error(message: "dropped the late reply to \(id): the requester no longer waits for it"), for: responder)
    }
}
