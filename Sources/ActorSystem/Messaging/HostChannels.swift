/// The host's side of channels: opening one to an actor, sending on it, closing it (see
/// `HostChannel`, the host's end).
extension ActorSystem {
    /// Opens a channel to the actor with `initialMessage`: the actor's
    /// `handle-channel-open` accepts or rejects it when it runs. Returns the host's end at
    /// once, in `.opening`; `await opened()` waits for the answer.
    ///
    /// - Parameter capacity: how many messages from the actor the host's end keeps until
    ///   they are received (at least 1); beyond it the actor's `send-on-channel` fails.
    ///   By default the system's `defaultLimits.mailboxCapacity` (nil: no limit).
    /// - Throws: as `send` (`.notHandled` for an actor without `handle-channel-open`).
    public func openChannel(
        to id: ActorID, _ initialMessage: [UInt8], capacity: Int? = nil
    ) throws(ActorSystemError) -> HostChannel {
        let target = try hostTarget(id)
        let inboxCapacity = (capacity ?? configuration.defaultLimits.mailboxCapacity).map { max($0, 1) }
        let hostChannel = channels.withLock { table in
            let hostChannel = HostChannel(
                channelID: table.nextID, actor: target.id, capacity: inboxCapacity, system: self)
            _ = table.add(initiator: .host(hostChannel), target: target)
            return hostChannel
        }
        do {
            try deliver(.channelOpen(id: hostChannel.channelID, initialMessage), to: target)
        } catch {
            _ = channels.withLock { $0.remove(hostChannel.channelID) }
            hostChannel.markClosed(error.description)
            throw error
        }
        return hostChannel
    }

    func hostSend(_ bytes: [UInt8], on hostChannel: HostChannel) throws(ActorSystemError) {
        let id = hostChannel.channelID
        guard let channel = channels.withLock({ $0[id] }), channel.isOpen else { throw .channelClosed(id) }
        try deliver(.channelMessage(id: id, bytes), to: channel.target)
    }

    func hostClose(_ hostChannel: HostChannel) throws(ActorSystemError) {
        let id = hostChannel.channelID
        let channel = channels.withLock { table -> ChannelTable.Channel? in
            guard let channel = table[id], channel.isOpen else { return nil }
            return table.remove(id)
        }
        guard let channel else { throw .channelClosed(id) }
        hostChannel.markClosed("closed by the host")
        try? deliver(.channelClose(id: id), to: channel.target)
    }
}
