import ComponentModel

/// What a supervisor actor hears about a child through its `supervisor-handlers`
/// exports (`ActorSystem.notifySupervisor`).
public enum SupervisorNotification: Sendable, Hashable, CustomStringConvertible {
    /// `handle-child-error(child-id, wit-actor-error)`: the child crashed. `errorType`
    /// is a `wit-error-type` name (see `ActorFailureCause.witErrorTypeName`); `data`
    /// usually the cause in words.
    case childError(child: ActorID, errorType: String, data: [UInt8]?)
    /// `handle-child-exit(child-id, data)`: the child shut down of its own accord.
    case childExit(child: ActorID, data: [UInt8]?)
    /// `handle-child-external-stop(child-id)`: something else stopped the child.
    case childExternalStop(child: ActorID)

    /// The cases of WIT `enum wit-error-type`, in order.
    public static let errorTypeNames = [
        "operation-timeout", "channel-closed", "shutting-down", "function-not-found", "type-mismatch", "internal",
        "serialization-error", "update-component-error", "paused",
    ]

    var handler: ActorHandler {
        switch self {
        case .childError: .handleChildError
        case .childExit: .handleChildExit
        case .childExternalStop: .handleChildExternalStop
        }
    }

    /// The handler's parameters after the state.
    var parameters: [ComponentValue] {
        switch self {
        case .childError(let child, let errorType, let data):
            let index = Self.errorTypeNames.firstIndex(of: errorType) ?? Self.errorTypeNames.firstIndex(of: "internal") ?? 0
            let error = ComponentValue.record([
                .enum(caseIndex: UInt32(index)), .option(data.map { .bytes($0) }),
            ])
            return [.string(child.rawValue), error]
        case .childExit(let child, let data):
            return [.string(child.rawValue), .option(data.map { .bytes($0) })]
        case .childExternalStop(let child):
            return [.string(child.rawValue)]
        }
    }

    public var description: String {
        switch self {
        case .childError(let child, let errorType, _): "child \(child) failed (\(errorType))"
        case .childExit(let child, _): "child \(child) exited"
        case .childExternalStop(let child): "child \(child) was stopped from outside"
        }
    }
}
