import ComponentModel

/// An actor's exported handlers, found by `ActorHandler.index`: looked up for every
/// message, so a small array instead of a dictionary (which would hash the handler's
/// name each time).
struct HandlerTable: Sendable {
    private var functions = [ComponentFunction?](repeating: nil, count: ActorHandler.allCases.count)

    init() {}

    init(_ handlers: [ActorHandler: ComponentFunction]) {
        for (handler, function) in handlers { functions[handler.index] = function }
    }

    subscript(handler: ActorHandler) -> ComponentFunction? {
        functions[handler.index]
    }
}

/// A set of handlers as bits: which exports an actor has, checked on every delivery.
struct HandlerSet: Sendable {
    private var bits: UInt32 = 0

    init() {}

    init(_ handlers: some Sequence<ActorHandler>) {
        for handler in handlers { bits |= 1 << UInt32(handler.index) }
    }

    func contains(_ handler: ActorHandler) -> Bool {
        bits & (1 << UInt32(handler.index)) != 0
    }
}
