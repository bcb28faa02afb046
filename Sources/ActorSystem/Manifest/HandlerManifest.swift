/// The kinds of `[[handler]]` a manifest may list; each grants the actor host interfaces.
public enum HandlerType: String, Sendable, CaseIterable, Hashable {
    case runtime
    case messageServer = "message-server"
    case supervisor
    case timing
    case store

    /// The `theater:simple` interfaces the actor may import because of this handler.
    public var grantedImports: [String] {
        switch self {
        case .runtime: ["theater:simple/runtime"]
        case .messageServer: ["theater:simple/message-server-host"]
        case .supervisor: ["theater:simple/supervisor"]
        case .timing: ["theater:simple/timing"]
        case .store: ["theater:simple/store"]
        }
    }

    /// The interfaces the actor must export for this handler to deliver to it
    /// (messages arrive through `message-server-client`).
    public var expectedExports: [String] {
        switch self {
        case .messageServer: ["theater:simple/message-server-client"]
        case .runtime, .supervisor, .timing, .store: []
        }
    }
}

/// One `[[handler]]` of a manifest.
public struct HandlerManifest: Sendable, Equatable {
    public var type: HandlerType
    /// Every key of the handler's table except `type`, kept as written (for instance
    /// Theater's `config = { ... }`); each handler reads what it understands.
    public var options: TOMLTable
    /// Where the `[[handler]]` header is.
    public var position: TOMLPosition

    public init(type: HandlerType, options: TOMLTable = TOMLTable(), position: TOMLPosition = .start) {
        self.type = type
        self.options = options
        self.position = position
    }
}
