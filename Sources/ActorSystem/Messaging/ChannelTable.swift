/// Channels between two actors: opened by one (`open-channel`), accepted or rejected by
/// the other (`handle-channel-open`), then either side sends on it until one closes it.
struct ChannelTable: Sendable {
    struct Channel: Sendable {
        var initiator: ActorCell
        var target: ActorCell
        /// False until the target accepts.
        var isOpen: Bool

        /// The other end from `actor`, if `actor` is an end at all.
        func peer(of actor: ActorID) -> ActorCell? {
            if initiator.id == actor { return target }
            if target.id == actor { return initiator }
            return nil
        }
    }

    private var channels: [String: Channel] = [:]
    private var nextNumber: UInt64 = 1

    /// Registers a channel waiting for `target` to accept; returns its id.
    mutating func add(initiator: ActorCell, target: ActorCell) -> String {
        let id = "channel-\(nextNumber)"
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
