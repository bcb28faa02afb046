import ComponentModel

/// `theater:simple/message-server-host`: how actors talk to each other.
///
/// `send`, `send-on-channel` and `close-channel` put a message in the other actor's
/// mailbox and return at once. `request` and `open-channel` suspend the calling guest
/// inside the host call (its worker runs other actors meanwhile) until the reply, the
/// accept/reject, or an error arrives. Actor ids may also be actor names.
///
/// A request fails at once if it would close a cycle of actors waiting on each other
/// (`ActorSystemError.requestCycle`), and after the requester's
/// `RuntimeLimits.requestTimeoutMilliseconds` without a reply (`.requestTimedOut`).
enum MessageServerHostInterface {
    static let name = HostInterfaceName.messageServerHost.rawValue

    static func define(in imports: inout ComponentImports, host: ActorHost) {
        let addressAndBytes: [(String, ComponentValueType)] = [("actor-id", .string), ("msg", WITType.bytes)]
        define(&imports, host, "send", addressAndBytes, WITType.unitResult) { $0.guestSend($1, $2) }
        define(&imports, host, "request", addressAndBytes, WITType.result(WITType.bytes)) { $0.guestRequest($1, $2) }
        define(
            &imports, host, "open-channel", [("actor-id", .string), ("initial-msg", WITType.bytes)],
            WITType.result(.string)
        ) { $0.guestOpenChannel($1, $2) }
        define(
            &imports, host, "send-on-channel", [("channel-id", .string), ("msg", WITType.bytes)], WITType.unitResult
        ) { $0.guestSendOnChannel($1, $2) }
        define(&imports, host, "close-channel", [("channel-id", .string)], WITType.unitResult) {
            $0.guestCloseChannel($1, $2)
        }
        define(&imports, host, "list-outstanding-requests", [], .list(.string)) { system, cell, _ in system.guestListOutstandingRequests(cell) }
        define(
            &imports, host, "respond-to-request", [("request-id", .string), ("response", WITType.bytes)],
            WITType.unitResult
        ) { $0.guestRespondToRequest($1, $2) }
        define(&imports, host, "cancel-request", [("request-id", .string)], WITType.unitResult) {
            $0.guestCancelRequest($1, $2)
        }
    }

    private static func define(
        _ imports: inout ComponentImports, _ host: ActorHost, _ function: String,
        _ parameters: [(String, ComponentValueType)], _ result: ComponentValueType,
        _ body: @escaping @Sendable (ActorSystem, ActorCell, HostArguments) -> HostCallResult
    ) {
        let fallback: HostCallResult = result == .list(.string) ? .value(.list([])) : .error("the actor system is gone")
        let types = parameters.map(\.1)
        imports.define(interface: name, function: function, type: WITType.function(parameters, result), typed: { arguments in
            let values = try HostArguments(reading: &arguments, types)
            return host.with(fallback) { system, cell in body(system, cell, values) }
        })
    }
}

extension ActorSystem {
    private static let interface = MessageServerHostInterface.name

    /// Records the call and returns its result to the guest.
    private func answered(
        _ cell: ActorCell, _ function: String, _ arguments: HostArguments, _ result: ComponentValue
    ) -> HostCallResult {
        recordHostCall(cell, Self.interface, function, input: HostCallEncoding.bytes(arguments.values), output: [result])
        return .value(result)
    }

    private func refused(_ cell: ActorCell, _ function: String, _ arguments: HostArguments, _ message: String) -> HostCallResult {
        answered(cell, function, arguments, .error(.string(message)))
    }

    /// The running actor an actor addresses by id or name.
    private func target(_ address: String) throws(ActorSystemError) -> ActorCell {
        guard let cell = directory.withLock({ $0.cell(for: address) }) else { throw .unknownActor(address) }
        return cell
    }

    func guestSend(_ cell: ActorCell, _ arguments: HostArguments) -> HostCallResult {
        guard let address = arguments.string(0), let bytes = arguments.bytes(1) else { return .badArguments }
        do {
            try deliver(.send(bytes), to: try target(address))
            return answered(cell, "send", arguments, .ok(nil))
        } catch {
            return refused(cell, "send", arguments, error.description)
        }
    }

    func guestRequest(_ cell: ActorCell, _ arguments: HostArguments) -> HostCallResult {
        guard let address = arguments.string(0), let bytes = arguments.bytes(1) else { return .badArguments }
        let responder: ActorCell
        do {
            responder = try target(address)
        } catch {
            return refused(cell, "request", arguments, error.description)
        }
        guard responder !== cell else {
            return refused(cell, "request", arguments, "an actor cannot send a request to itself (it would wait forever)")
        }
        // Wait before sending: the reply may come from another worker at once.
        let id: String
        do {
            id = try registerWait(of: cell, on: responder) {
                let id = requests.withLock { $0.add(requester: .actor(cell), responder: responder.id) }
                cell.shared.withLock { $0.waitKey = .request(id) }
                return id
            }
        } catch {
            return refused(cell, "request", arguments, error.description)
        }
        armTimeout(of: id, milliseconds: cell.limits.requestTimeoutMilliseconds)
        do {
            try deliver(.request(id: id, bytes), to: responder)
        } catch {
            if let entry = requests.withLock({ $0.remove(id) }) { cancelTimeout(of: entry) }
            cell.shared.withLock { $0.waitKey = nil }
            return refused(cell, "request", arguments, error.description)
        }
        return .suspend(
            token: SuspendedHostCall(
                interface: Self.interface, function: "request", input: HostCallEncoding.bytes(arguments.values)))
    }

    func guestOpenChannel(_ cell: ActorCell, _ arguments: HostArguments) -> HostCallResult {
        guard let address = arguments.string(0), let bytes = arguments.bytes(1) else { return .badArguments }
        let peer: ActorCell
        do {
            peer = try target(address)
        } catch {
            return refused(cell, "open-channel", arguments, error.description)
        }
        guard peer !== cell else {
            return refused(cell, "open-channel", arguments, "an actor cannot open a channel to itself")
        }
        let id: String
        do {
            id = try registerWait(of: cell, on: peer) {
                let id = channels.withLock { $0.add(initiator: .actor(cell), target: peer) }
                cell.shared.withLock { $0.waitKey = .channelOpen(id) }
                return id
            }
        } catch {
            return refused(cell, "open-channel", arguments, error.description)
        }
        do {
            try deliver(.channelOpen(id: id, bytes), to: peer)
        } catch {
            _ = channels.withLock { $0.remove(id) }
            cell.shared.withLock { $0.waitKey = nil }
            return refused(cell, "open-channel", arguments, error.description)
        }
        return .suspend(
            token: SuspendedHostCall(
                interface: Self.interface, function: "open-channel", input: HostCallEncoding.bytes(arguments.values)))
    }

    func guestSendOnChannel(_ cell: ActorCell, _ arguments: HostArguments) -> HostCallResult {
        guard let id = arguments.string(0), let bytes = arguments.bytes(1) else { return .badArguments }
        guard let channel = channels.withLock({ $0[id] }), channel.isOpen, let peer = channel.peer(of: cell.id) else {
            return refused(cell, "send-on-channel", arguments, "no open channel \(id)")
        }
        do {
            try deliver(.channelMessage(id: id, bytes), to: peer)
            return answered(cell, "send-on-channel", arguments, .ok(nil))
        } catch {
            return refused(cell, "send-on-channel", arguments, error.description)
        }
    }

    func guestCloseChannel(_ cell: ActorCell, _ arguments: HostArguments) -> HostCallResult {
        guard let id = arguments.string(0) else { return .badArguments }
        let channel = channels.withLock { table -> ChannelTable.Channel? in
            guard let channel = table[id], channel.isOpen, channel.peer(of: cell.id) != nil else { return nil }
            return table.remove(id)
        }
        guard let channel, let peer = channel.peer(of: cell.id) else {
            return refused(cell, "close-channel", arguments, "no open channel \(id)")
        }
        try? deliver(.channelClose(id: id), to: peer)
        return answered(cell, "close-channel", arguments, .ok(nil))
    }

    func guestListOutstandingRequests(_ cell: ActorCell) -> HostCallResult {
        let ids = requests.withLock { $0.awaitingResponse(from: cell.id) }
        return answered(cell, "list-outstanding-requests", HostArguments([]), .list(ids.map { .string($0) }))
    }

    func guestRespondToRequest(_ cell: ActorCell, _ arguments: HostArguments) -> HostCallResult {
        guard let id = arguments.string(0), let bytes = arguments.bytes(1) else { return .badArguments }
        let entry: RequestTable.Entry
        switch takeRequest(id, answeredBy: cell) {
        case .open(let open): entry = open
        case .expired:
            recordLateReply(to: id, from: cell)
            return answered(cell, "respond-to-request", arguments, .ok(nil))
        case .none: return refused(cell, "respond-to-request", arguments, "no outstanding request \(id)")
        }
        deliverAnswer(entry, requestID: id, .success(bytes))
        return answered(cell, "respond-to-request", arguments, .ok(nil))
    }

    func guestCancelRequest(_ cell: ActorCell, _ arguments: HostArguments) -> HostCallResult {
        guard let id = arguments.string(0) else { return .badArguments }
        let entry: RequestTable.Entry
        switch takeRequest(id, answeredBy: cell) {
        case .open(let open): entry = open
        case .expired: return answered(cell, "cancel-request", arguments, .ok(nil))
        case .none: return refused(cell, "cancel-request", arguments, "no outstanding request \(id)")
        }
        deliverAnswer(entry, requestID: id, .failure(.requestCancelled(id)))
        return answered(cell, "cancel-request", arguments, .ok(nil))
    }

    private enum TakenRequest {
        case open(RequestTable.Entry)
        /// The requester stopped waiting (timeout, or it stopped).
        case expired
        case none
    }

    /// Removes request `id` if `cell` is the one to answer it (and is handling it or owes a
    /// response).
    private func takeRequest(_ id: String, answeredBy cell: ActorCell) -> TakenRequest {
        requests.withLock { table in
            if let entry = table[id], entry.responder == cell.id, entry.phase != .queued {
                return table.remove(id).map { .open($0) } ?? .none
            }
            return table.forgetExpired(id, answeredBy: cell.id) ? .expired : .none
        }
    }
}
