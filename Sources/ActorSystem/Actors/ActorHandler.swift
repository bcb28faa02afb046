import ComponentModel

/// An export of a `theater:simple` actor that the runtime calls: `init`, the
/// `message-server-client` handlers, and a supervisor's `supervisor-handlers`. Each takes
/// the current state first and returns the next state first.
enum ActorHandler: String, Sendable, CaseIterable {
    case initialize = "init"
    case handleSend = "handle-send"
    case handleRequest = "handle-request"
    case handleChannelOpen = "handle-channel-open"
    case handleChannelMessage = "handle-channel-message"
    case handleChannelClose = "handle-channel-close"
    case handleChildError = "handle-child-error"
    case handleChildExit = "handle-child-exit"
    case handleChildExternalStop = "handle-child-external-stop"

    static let actorInterface = "theater:simple/actor"
    static let clientInterface = "theater:simple/message-server-client"
    static let supervisorHandlersInterface = "theater:simple/supervisor-handlers"

    var interface: String {
        switch self {
        case .initialize: Self.actorInterface
        case .handleSend, .handleRequest, .handleChannelOpen, .handleChannelMessage, .handleChannelClose:
            Self.clientInterface
        case .handleChildError, .handleChildExit, .handleChildExternalStop: Self.supervisorHandlersInterface
        }
    }

    /// The function's WIT type: what the export must have.
    var expectedType: ComponentFunctionType {
        let state = ComponentValueType.option(.list(.u8))
        let bytes = ComponentValueType.list(.u8)
        let parameters: ComponentValueType
        var results: [ComponentValueType] = [state]
        switch self {
        case .initialize:
            parameters = .tuple([.string])
        case .handleSend:
            parameters = .tuple([bytes])
        case .handleRequest:
            parameters = .tuple([.string, bytes])
            results.append(.tuple([.option(bytes)]))
        case .handleChannelOpen:
            parameters = .tuple([.string, bytes])
            results.append(.tuple([Self.channelAcceptType]))
        case .handleChannelMessage:
            parameters = .tuple([.string, bytes])
        case .handleChannelClose, .handleChildExternalStop:
            parameters = .tuple([.string])
        case .handleChildError:
            parameters = .tuple([.string, Self.actorErrorType])
        case .handleChildExit:
            parameters = .tuple([.string, .option(bytes)])
        }
        return ComponentFunctionType(
            parameters: [("state", state), ("params", parameters)],
            result: .result(ok: .tuple(results), error: .string))
    }

    /// `record channel-accept { accepted: bool, message: option<list<u8>> }`
    static let channelAcceptType = ComponentValueType.record([
        .init(name: "accepted", type: .bool), .init(name: "message", type: .option(.list(.u8))),
    ])

    /// `record wit-actor-error { error-type: wit-error-type, data: option<list<u8>> }`
    static let actorErrorType = ComponentValueType.record([
        .init(name: "error-type", type: .enum(SupervisorNotification.errorTypeNames)),
        .init(name: "data", type: .option(.list(.u8))),
    ])

    /// The arguments: the state, then the handler's parameter tuple.
    static func arguments(state: [UInt8]?, parameters: [ComponentValue]) -> [ComponentValue] {
        [.option(state.map { .bytes($0) }), .tuple(parameters)]
    }
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

/// A handler's result could not be read, or the handler returned `err`.
enum HandlerReturnError: Error {
    case handlerError(String)
    case malformed(String)
}

extension HandlerReturn {
    /// Unpacks `result<tuple<option<list<u8>>, …>, string>` as `handler` returns it.
    init(_ value: ComponentValue?, handler: ActorHandler) throws(HandlerReturnError) {
        switch value {
        case .error(let payload)?:
            guard case .string(let message)? = payload else { throw .malformed("err without a message") }
            throw .handlerError(message)
        case .ok(.tuple(let elements)?)?:
            guard let first = elements.first else { throw .malformed("ok without a state") }
            state = try Self.optionalBytes(first)
            try unpackExtra(elements.dropFirst(), handler: handler)
        default:
            throw .malformed("\(handler.rawValue) returned \(value.map { "\($0)" } ?? "nothing")")
        }
    }

    private mutating func unpackExtra(_ extra: ArraySlice<ComponentValue>, handler: ActorHandler) throws(HandlerReturnError) {
        switch handler {
        case .handleRequest:
            guard case .tuple(let reply)? = extra.first, let replyValue = reply.first else {
                throw .malformed("handle-request returned no reply tuple")
            }
            self.reply = try Self.optionalBytes(replyValue)
        case .handleChannelOpen:
            guard case .tuple(let accept)? = extra.first, case .record(let fields)? = accept.first,
                fields.count == 2, case .bool(let accepted) = fields[0]
            else { throw .malformed("handle-channel-open returned no channel-accept") }
            self.accepted = accepted
            acceptMessage = try Self.optionalBytes(fields[1])
        case .initialize, .handleSend, .handleChannelMessage, .handleChannelClose, .handleChildError,
            .handleChildExit, .handleChildExternalStop:
            break
        }
    }

    /// An `option<list<u8>>`.
    static func optionalBytes(_ value: ComponentValue) throws(HandlerReturnError) -> [UInt8]? {
        guard case .option(let payload) = value else { throw .malformed("expected option<list<u8>>, got \(value)") }
        guard let payload else { return nil }
        guard let bytes = ComponentValue.byteList(payload) else { throw .malformed("expected list<u8>, got \(payload)") }
        return bytes
    }
}

extension ComponentValue {
    /// The bytes of a `list<u8>` value in either form.
    static func byteList(_ value: ComponentValue) -> [UInt8]? {
        switch value {
        case .bytes(let bytes):
            return bytes
        case .list(let elements):
            var bytes: [UInt8] = []
            bytes.reserveCapacity(elements.count)
            for element in elements {
                guard case .u8(let byte) = element else { return nil }
                bytes.append(byte)
            }
            return bytes
        default:
            return nil
        }
    }
}
