import ComponentModel

/// An actor's exported handlers, found by `ActorHandler.index` (looked up for every
/// message, so an array rather than a dictionary, which would hash the handler's name),
/// each with its reusable guest call, made at its first use and started again for every
/// message to that handler.
struct HandlerTable {
    private var functions = [ComponentFunction?](repeating: nil, count: ActorHandler.allCases.count)
    private var calls = [GuestCall<HandlerResult>?](repeating: nil, count: ActorHandler.allCases.count)
    /// The state given to the handler call in progress (set by the runner when it starts
    /// one): the calls' lifts compare the returned state with it.
    let passedState = PassedState()

    init() {}

    init(_ handlers: [ActorHandler: ComponentFunction]) {
        for (handler, function) in handlers { functions[handler.index] = function }
    }

    /// The functions by `ActorHandler.index` (nil: not exported).
    init(functions: [ComponentFunction?]) {
        for index in functions.indices where index < self.functions.count { self.functions[index] = functions[index] }
    }

    /// The handlers the table has.
    var exported: HandlerSet {
        HandlerSet(ActorHandler.allCases.filter { functions[$0.index] != nil })
    }

    subscript(handler: ActorHandler) -> ComponentFunction? {
        functions[handler.index]
    }

    /// The handler's call (nil when the actor does not export it).
    mutating func call(for handler: ActorHandler) throws -> GuestCall<HandlerResult>? {
        if let call = calls[handler.index] { return call }
        guard let function = functions[handler.index] else { return nil }
        let call = try HandlerCall.make(function, handler: handler, passedState: passedState)
        calls[handler.index] = call
        return call
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
