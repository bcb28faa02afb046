import ComponentModel

/// Where an actor's handlers sit among the exports of every instance of its component, by
/// `ActorHandler.index` (nil: not exported). Found and type-checked by name in a first
/// instance; later instances (spawns of the same component, restarts) take their handlers
/// from these places without hashing or comparing names.
struct HandlerPaths: Sendable {
    private var paths = [ComponentExportPath?](repeating: nil, count: ActorHandler.allCases.count)

    /// The places of `handlers` (found in `instance`) among `instance`'s exports.
    init(of instance: ComponentInstance, _ handlers: [ActorHandler: ComponentFunction]) {
        for handler in handlers.keys {
            paths[handler.index] = instance.exportPath(interface: handler.interface, name: handler.rawValue)
        }
    }

    /// The handlers `instance` has at these places; nil if one is missing, or if `init` is
    /// not among them.
    func handlers(of instance: ComponentInstance) -> HandlerTable? {
        var functions = [ComponentFunction?](repeating: nil, count: paths.count)
        for index in paths.indices {
            guard let path = paths[index] else { continue }
            guard let function = instance.exportedFunction(at: path) else { return nil }
            functions[index] = function
        }
        let table = HandlerTable(functions: functions)
        return table[.initialize] == nil ? nil : table
    }
}
