import ComponentModel

/// The state passed into a handler call, which most handlers return unchanged: the lift
/// of the returned state then shares this array instead of allocating a copy, and the
/// runner sees at once (same storage) that the state did not change.
final class PassedState {
    @exclusivity(unchecked) var bytes: [UInt8]?
}

/// What a handler returned, unpacked.
struct HandlerReturn: Sendable {
    var state: [UInt8]?
    /// `handle-request`: the reply, if the actor replied now.
    var reply: [UInt8]?
    /// `handle-channel-open`: whether the channel was accepted, and the message back.
    var accepted = false
    var acceptMessage: [UInt8]?
}

/// A handler's `result`: `ok` unpacked, or the message of `err`.
enum HandlerResult: Sendable {
    case ok(HandlerReturn)
    case error(String)
}

/// Calls of actor handlers through the canonical ABI, typed: the state, the message's
/// parameters and the result are lowered and lifted straight from and to Swift values,
/// without building `ComponentValue` trees, because this is every message's path.
///
/// Every handler takes `(state: option<list<u8>>, params: tuple<...>)` and returns
/// `result<tuple<option<list<u8>>, EXTRA...>, string>` (`ActorHandler.expectedType`,
/// checked at spawn). A tuple's elements are laid out, flat or in memory, exactly as the
/// same values written one after another (all these elements are 4-byte aligned), so the
/// parameters are written element by element and the result read the same way.
enum HandlerCall {
    /// The reusable call of `function`, the export of `handler`; its lift compares the
    /// returned state with `passedState`.
    static func make(
        _ function: ComponentFunction, handler: ActorHandler, passedState: PassedState
    ) throws -> GuestCall<HandlerResult> {
        try function.makeReusableCall { (reader: inout CanonicalReader) throws(CanonicalABIError) -> HandlerResult in
            try liftResult(&reader, handler: handler, passedState: passedState.bytes)
        }
    }

    /// Starts `call` with `state` and the parameters of `message` (nil: `init`, whose
    /// parameter is the actor's id).
    static func start(
        _ call: GuestCall<HandlerResult>, state: [UInt8]?, message: MailboxMessage?, actorID: ActorID, fuel: UInt64
    ) -> GuestCallOutcome<HandlerResult> {
        guard let message else {
            let id = actorID.rawValue
            return call.start(fuel: fuel) { (writer: inout CanonicalWriter) throws(CanonicalABIError) in
                try writer.write(state)
                try writer.write(id)
            }
        }
        switch message {
        case .send(let bytes):
            return call.start(fuel: fuel) { (writer: inout CanonicalWriter) throws(CanonicalABIError) in
                try writer.write(state)
                try writer.write(bytes)
            }
        case .request(let id, let bytes), .channelOpen(let id, let bytes), .channelMessage(let id, let bytes):
            return call.start(fuel: fuel) { (writer: inout CanonicalWriter) throws(CanonicalABIError) in
                try writer.write(state)
                try writer.write(id)
                try writer.write(bytes)
            }
        case .channelClose(let id):
            return call.start(fuel: fuel) { (writer: inout CanonicalWriter) throws(CanonicalABIError) in
                try writer.write(state)
                try writer.write(id)
            }
        case .supervisor(let notification):
            // Rare, with records and enums: lowered from dynamic values.
            let arguments: [ComponentValue] = [.option(state.map { .bytes($0) }), .tuple(notification.parameters)]
            return call.start(fuel: fuel, lowering: CanonicalWriter.lowering(arguments, as: call.signature))
        }
    }

    /// Reads `result<tuple<option<list<u8>>, EXTRA...>, string>` as `handler` returns it.
    /// Both payloads are 4-byte aligned, so the payload starts 4 bytes after the
    /// discriminant.
    private static func liftResult(
        _ reader: inout CanonicalReader, handler: ActorHandler, passedState: [UInt8]?
    ) throws(CanonicalABIError) -> HandlerResult {
        guard try reader.readDiscriminant(caseCount: 2, payloadOffset: 4) == 0 else {
            return .error(try reader.read(String.self))
        }
        var value = HandlerReturn(state: try reader.read([UInt8]?.self, reusing: passedState))
        switch handler {
        case .handleRequest:
            value.reply = try reader.read([UInt8]?.self)
        case .handleChannelOpen:
            value.accepted = try reader.read(Bool.self)
            value.acceptMessage = try reader.read([UInt8]?.self)
        case .initialize, .handleSend, .handleChannelMessage, .handleChannelClose, .handleChildError,
            .handleChildExit, .handleChildExternalStop:
            break
        }
        return .ok(value)
    }
}
