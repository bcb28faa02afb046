import ActorSystem
import ComponentModel

/// `theater:simple/supervisor`: a supervisor actor manages its children.
///
/// Register it with the system; actors that supervise in a `SupervisionTree` (their
/// manifest lists a `supervisor` handler) may then import it:
///
/// ```swift
/// var configuration = ActorSystemConfiguration()
/// configuration.hostInterfaceExtensions.append(SupervisorHostInterface())
/// let system = ActorSystem(configuration: configuration)
/// let tree = try SupervisionTree.start(manifestAt: "app/manifest.toml", in: system)
/// ```
///
/// - `spawn(manifest, init-bytes)`: starts a child (a path relative to the supervisor's
///   manifest, or inline TOML) named by its manifest's `name` (with `-2`, `-3`… if a
///   sibling has it), supervised like a `[[child]]` with the defaults (permanent,
///   last-good state, no backoff); `init-bytes` replace its `init_state`. Returns its id.
/// - `resume(manifest, init-state)`: the same, starting from a saved state.
/// - `list-children`: the ids of its children that run or await a restart.
/// - `stop-child(id)`: stops the child for good (a supervisor child with its subtree).
/// - `restart-child(id)`: stops the child if it runs and starts it again at once, from
///   the state its `state` setting names; counts no restart intensity.
/// - `get-child-state(id)`, `get-child-events(id)`: the child's state and chain events.
///
/// Requests about an actor that is not one of the caller's children are refused.
public struct SupervisorHostInterface: HostInterfaceExtension {
    public var name: HostInterfaceName { .supervisor }

    public init() {}

    private static let interface = HostInterfaceName.supervisor.rawValue
    private static let bytes = ComponentValueType.list(.u8)
    private static let optionalBytes = ComponentValueType.option(.list(.u8))

    private static func result(_ ok: ComponentValueType?) -> ComponentValueType {
        .result(ok: ok, error: .string)
    }

    public func define(in imports: inout ComponentImports, context: HostCallContext) {
        let manifestAndState: [(name: String, type: ComponentValueType)] = [
            ("manifest", .string), ("init-bytes", Self.optionalBytes),
        ]
        let child: [(name: String, type: ComponentValueType)] = [("child-id", .string)]
        define(&imports, context, "spawn", manifestAndState, Self.result(.string)) { tree, supervisor, arguments in
            guard case .string(let manifest)? = arguments.first else { return nil }
            return tree.spawnChild(of: supervisor, manifest: manifest, initialState: Self.optionalBytes(arguments, 1))
        }
        let resumeParameters: [(name: String, type: ComponentValueType)] = [
            ("manifest", .string), ("init-state", Self.optionalBytes),
        ]
        define(&imports, context, "resume", resumeParameters, Self.result(.string)) { tree, supervisor, arguments in
            guard case .string(let manifest)? = arguments.first else { return nil }
            return tree.spawnChild(of: supervisor, manifest: manifest, initialState: Self.optionalBytes(arguments, 1))
        }
        define(&imports, context, "list-children", [], .list(.string)) { tree, supervisor, _ in
            .list(tree.childIDs(of: supervisor).map { .string($0.rawValue) })
        }
        define(&imports, context, "stop-child", child, Self.result(nil)) { tree, supervisor, arguments in
            guard case .string(let id)? = arguments.first else { return nil }
            return tree.stopChild(ActorID(id), of: supervisor)
        }
        define(&imports, context, "restart-child", child, Self.result(nil)) { tree, supervisor, arguments in
            guard case .string(let id)? = arguments.first else { return nil }
            return tree.restartChild(ActorID(id), of: supervisor)
        }
        define(&imports, context, "get-child-state", child, Self.result(Self.optionalBytes)) { tree, supervisor, arguments in
            guard case .string(let id)? = arguments.first else { return nil }
            return tree.childState(ActorID(id), of: supervisor)
        }
        define(&imports, context, "get-child-events", child, Self.result(.list(ChainEvent.componentType))) {
            tree, supervisor, arguments in
            guard case .string(let id)? = arguments.first else { return nil }
            return tree.childEvents(ActorID(id), of: supervisor)
        }
    }

    /// Defines one function: it finds the caller's tree, runs `body` (nil: the arguments
    /// had the wrong types), and records the call in the caller's chain.
    private func define(
        _ imports: inout ComponentImports, _ context: HostCallContext, _ function: String,
        _ parameters: [(name: String, type: ComponentValueType)], _ result: ComponentValueType,
        _ body: @escaping @Sendable (SupervisionTree, ActorID, [ComponentValue]) -> ComponentValue?
    ) {
        let type = ComponentFunctionType(parameters: parameters, result: result)
        let refusal: ComponentValue =
            result == .list(.string) ? .list([]) : .error(.string("actor \(context.actorID) supervises no children"))
        imports.define(interface: Self.interface, function: function, type: type) { arguments in
            guard let system = context.system,
                let tree = SupervisionRegistry.tree(supervisedBy: context.actorID, in: system)
            else { return [refusal] }
            let value = body(tree, context.actorID, arguments) ?? .error(.string("wrong argument types"))
            try? system.recordEvent(
                .hostCall(
                    interface: Self.interface, function: function, input: Array("\(arguments)".utf8),
                    output: Array("\(value)".utf8)),
                for: context.actorID)
            return [value]
        }
    }

    private static func optionalBytes(_ arguments: [ComponentValue], _ index: Int) -> [UInt8]? {
        guard index < arguments.count, case .option(let payload?) = arguments[index] else { return nil }
        switch payload {
        case .bytes(let bytes): return bytes
        case .list(let elements):
            return elements.compactMap { element -> UInt8? in
                if case .u8(let byte) = element { return byte }
                return nil
            }
        default: return nil
        }
    }
}
