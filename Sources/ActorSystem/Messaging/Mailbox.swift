/// A message waiting for an actor, in the order it arrived.
enum MailboxMessage: Sendable {
    /// `handle-send`.
    case send([UInt8])
    /// `handle-request` for request `id`.
    case request(id: String, [UInt8])
    /// `handle-channel-open` for channel `id` with the opener's first message.
    case channelOpen(id: String, [UInt8])
    /// `handle-channel-message`.
    case channelMessage(id: String, [UInt8])
    /// `handle-channel-close`.
    case channelClose(id: String)
    /// One of a supervisor's `supervisor-handlers`. Indirect: the notification is larger
    /// than the other payloads, and a message is copied several times on its way; inline,
    /// it would make every message as large, and copying it go through out-of-line code.
    indirect case supervisor(SupervisorNotification)

    /// The export that handles the message.
    var handler: ActorHandler {
        switch self {
        case .send: .handleSend
        case .request: .handleRequest
        case .channelOpen: .handleChannelOpen
        case .channelMessage: .handleChannelMessage
        case .channelClose: .handleChannelClose
        case .supervisor(let notification): notification.handler
        }
    }
}

/// An actor's queue of messages: first in, first out, so messages from one sender are
/// handled in the order sent. With a capacity, a full mailbox refuses new messages
/// instead of growing (the sender gets an error); channel closes are always accepted
/// (there is at most one per channel, and dropping one would leave the channel open).
struct Mailbox: Sendable {
    let capacity: Int?
    private var messages = Deque<MailboxMessage>()

    init(capacity: Int?) {
        self.capacity = capacity
    }

    var count: Int { messages.count }
    var isEmpty: Bool { messages.isEmpty }

    /// Appends `message`; false when the mailbox is full.
    mutating func enqueue(_ message: MailboxMessage) -> Bool {
        if let capacity, messages.count >= capacity {
            guard case .channelClose = message else { return false }
        }
        messages.append(message)
        return true
    }

    mutating func dequeue() -> MailboxMessage? { messages.popFirst() }

    /// Drops the waiting messages `isDropped` picks, keeping the others in order.
    mutating func removeAll(where isDropped: (MailboxMessage) -> Bool) {
        let kept = messages.removeAll().filter { !isDropped($0) }
        for message in kept { messages.append(message) }
    }

    /// The ids of the channels whose opening waits here.
    var queuedChannelOpens: Set<String> {
        var ids = Set<String>()
        for message in messages.elements { if case .channelOpen(let id, _) = message { ids.insert(id) } }
        return ids
    }

    /// Empties the mailbox, returning what was waiting (oldest first).
    mutating func drain() -> [MailboxMessage] { messages.removeAll() }
}
