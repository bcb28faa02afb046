/// Channels between an actor or the host and an actor: opened by one (`open-channel`, or
/// `ActorSystem.openChannel`), accepted or rejected by the other (`handle-channel-open`),
/// then either side sends on it until one closes it.
struct ChannelTable: Sendable {
    struct Channel: Sendable {
        var initiator: ChannelEnd
        var target: ActorCell
        /// False until the target accepts.
        var isOpen: Bool

        /// The other end from `actor`, if `actor` is an end at all.
        func peer(of actor: ActorID) -> ChannelEnd? {
            if initiator.actorID == actor { return .actor(target) }
            if target.id == actor { return initiator }
            return nil
        }
    }

    private var channels: [String: Channel] = [:]
    private var nextNumber: UInt64 = 1

    /// The id the next channel gets.
    var nextID: String { "channel-\(nextNumber)" }

    /// Registers a channel waiting for `target` to accept; returns its id.
    mutating func add(initiator: ChannelEnd, target: ActorCell) -> String {
        let id = nextID
        nextNumber &+= 1
        channels[id] = Channel(initiator: initiator, target: target, isOpen: false)
        return id
    }

    subscript(id: String) -> Channel? { channels[id] }

    mutating func markOpen(_ id: String) {
        channels[id]?.isOpen = true
    }

    mutating func remove(_ id: String) -> Channel? {
        channels.removeValue(forKey: id)
    }

    /// The ids of the channels `actor` is an end of.
    func ids(involving actor: ActorID) -> [String] {
        channels.filter { $0.value.peer(of: actor) != nil }.map(\.key)
    }

    /// Removes and returns every channel `actor` is an end of, except those in `kept`.
    mutating func removeAll(involving actor: ActorID, keeping kept: Set<String> = []) -> [(id: String, channel: Channel)] {
        let involved = channels.filter { $0.value.peer(of: actor) != nil && !kept.contains($0.key) }
        for id in involved.keys { channels.removeValue(forKey: id) }
        return involved.map { ($0.key, $0.value) }.sorted { $0.id < $1.id }
    }
}

/// One end of a channel: an actor, or the host through a `HostChannel`.
enum ChannelEnd: Sendable {
    case actor(ActorCell)
    case host(HostChannel)

    var actorID: ActorID? {
        if case .actor(let cell) = self { return cell.id }
        return nil
    }
}
