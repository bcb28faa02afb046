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

    /// The handler's position in `allCases`: for tables indexed by handler.
    var index: Int {
        switch self {
        case .initialize: 0
        case .handleSend: 1
        case .handleRequest: 2
        case .handleChannelOpen: 3
        case .handleChannelMessage: 4
        case .handleChannelClose: 5
        case .handleChildError: 6
        case .handleChildExit: 7
        case .handleChildExternalStop: 8
        }
    }
}

