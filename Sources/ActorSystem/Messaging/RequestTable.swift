/// Requests between sending and reply: who asked, who answers, and how far along.
///
/// A request is added when sent, and removed when answered: by the responder's
/// `handle-request` result, a later `respond-to-request` or `cancel-request`, because the
/// responder stopped, or because its timeout passed or its requester stopped. The ids of
/// the last two kinds are remembered for a while ("expired"), so a late reply to one is
/// dropped quietly (and recorded) rather than refused as unknown.
struct RequestTable: Sendable {
    enum Requester: Sendable {
        /// An actor suspended in `message-server-host.request`.
        case actor(ActorCell)
        /// The host (`ActorSystem.submitRequest`).
        case external(PendingReply)
    }

    enum Phase: Sendable {
        /// In the responder's mailbox.
        case queued
        /// The responder's `handle-request` is running.
        case handling
        /// `handle-request` returned no reply: the responder owes one (`respond-to-request`).
        case awaitingResponse
    }

    struct Entry: Sendable {
        var requester: Requester
        var responder: ActorID
        var phase: Phase
        var number: UInt64
        /// The scheduler timer that fails the request when its time is up.
        var timeoutTimer: UInt64?
    }

    private var entries: [String: Entry] = [:]
    private var nextNumber: UInt64 = 1
    /// Expired request ids and their responders, oldest first, at most `expiredMemory`.
    private var expired: [String: ActorID] = [:]
    private var expiredOrder = Deque<String>()
    private static let expiredMemory = 4_096

    /// Registers a request and returns its new id. `timer` (called under the table's lock,
    /// with the id) sets the request's timeout timer.
    mutating func add(
        requester: Requester, responder: ActorID, timer: (String) -> UInt64? = { _ in nil }
    ) -> String {
        add(responder: responder, requester: { _ in requester }, timer: timer)
    }

    /// Registers a request whose requester needs the id first (the host's `PendingReply`).
    mutating func add(
        responder: ActorID, requester: (String) -> Requester, timer: (String) -> UInt64? = { _ in nil }
    ) -> String {
        let number = nextNumber
        nextNumber &+= 1
        let id = "request-\(number)"
        entries[id] = Entry(
            requester: requester(id), responder: responder, phase: .queued, number: number, timeoutTimer: timer(id))
        return id
    }

    /// Removes request `id` because nobody waits for its reply any more (its timeout
    /// passed), remembering it as expired.
    mutating func expire(_ id: String) -> Entry? {
        guard let entry = entries.removeValue(forKey: id) else { return nil }
        rememberExpired(id, responder: entry.responder)
        return entry
    }

    /// Removes and returns the requests `requester` sent and still waits for (it stopped),
    /// remembering them as expired.
    mutating func removeAll(requestedBy requester: ActorID) -> [(id: String, entry: Entry)] {
        let abandoned = entries.filter {
            if case .actor(let cell) = $0.value.requester { return cell.id == requester }
            return false
        }
        for (id, entry) in abandoned {
            entries.removeValue(forKey: id)
            rememberExpired(id, responder: entry.responder)
        }
        return abandoned.map { ($0.key, $0.value) }
    }

    /// Whether `id` is an expired request `responder` had to answer; forgets it.
    mutating func forgetExpired(_ id: String, answeredBy responder: ActorID) -> Bool {
        guard expired[id] == responder else { return false }
        expired.removeValue(forKey: id)
        return true
    }

    private mutating func rememberExpired(_ id: String, responder: ActorID) {
        expired[id] = responder
        expiredOrder.append(id)
        while expiredOrder.count > Self.expiredMemory, let oldest = expiredOrder.popFirst() {
            expired.removeValue(forKey: oldest)
        }
    }

    subscript(id: String) -> Entry? { entries[id] }

    mutating func setPhase(_ phase: Phase, of id: String) {
        entries[id]?.phase = phase
    }

    mutating func remove(_ id: String) -> Entry? {
        entries.removeValue(forKey: id)
    }

    /// Removes and returns the requests `responder` still has to answer (any phase).
    mutating func removeAll(answeredBy responder: ActorID) -> [(id: String, entry: Entry)] {
        let owed = entries.filter { $0.value.responder == responder }
        for id in owed.keys { entries.removeValue(forKey: id) }
        return owed.map { ($0.key, $0.value) }.sorted { $0.entry.number < $1.entry.number }
    }

    /// Removes and returns the requests `responder` has taken out of its mailbox and not
    /// answered (being handled, or owed a `respond-to-request`), oldest first.
    mutating func removeStarted(answeredBy responder: ActorID) -> [(id: String, entry: Entry)] {
        let started = entries.filter { $0.value.responder == responder && $0.value.phase != .queued }
        for id in started.keys { entries.removeValue(forKey: id) }
        return started.map { ($0.key, $0.value) }.sorted { $0.entry.number < $1.entry.number }
    }

    /// The requests `responder` has to answer with `respond-to-request`, oldest first.
    func awaitingResponse(from responder: ActorID) -> [String] {
        entries.filter { $0.value.responder == responder && $0.value.phase == .awaitingResponse }
            .sorted { $0.value.number < $1.value.number }.map(\.key)
    }

    /// Removes every request (shutdown) and returns them.
    mutating func removeAll() -> [(id: String, entry: Entry)] {
        defer { entries = [:] }
        return entries.map { ($0.key, $0.value) }
    }
}
