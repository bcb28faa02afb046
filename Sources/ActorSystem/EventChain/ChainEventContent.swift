/// An event the runtime is about to record: type, payload and summary, before it gets a
/// place (sequence, parent, hash, timestamp) in a chain.
///
/// The factory methods build the runtime's own event types. Their payload is a UTF-8 JSON
/// object with the fields listed on each method; byte strings (states, inputs, results)
/// are lowercase hex, absent values are `null`. For example
/// `.handlerCall(function: "handle-send", input: [1, 2])` has the data
/// `{"function":"handle-send","input":"0102"}`.
public struct ChainEventContent: Sendable, Hashable {
    public var type: ChainEventType
    public var data: [UInt8]
    public var description: String?

    public init(type: ChainEventType, data: [UInt8], description: String? = nil) {
        self.type = type
        self.data = data
        self.description = description
    }

    private init(type: ChainEventType, json: consuming JSONObjectWriter, description: String) {
        self.init(type: type, data: json.finishedUTF8(), description: description)
    }

    /// How a handler call ended.
    public enum HandlerOutcome: Sendable, Hashable {
        /// The handler returned normally; `output` is its result as the runtime encodes it
        /// (typically the next state).
        case success(output: [UInt8]?)
        /// The handler reported an error (its `result` was `err`).
        case failure(message: String)
    }

    /// `init`: the actor started. Fields: `actor`, `state` (initial state, hex or null).
    public static func initialize(actorID: String, state: [UInt8]?) -> ChainEventContent {
        var json = JSONObjectWriter()
        json.add("actor", string: actorID)
        json.add("state", hex: state)
        return ChainEventContent(type: .initialize, json: json, description: "actor \(actorID) initialized")
    }

    /// `handler-call`: an export is about to run. Fields: `function`, `input` (hex).
    public static func handlerCall(function: String, input: [UInt8]) -> ChainEventContent {
        var json = JSONObjectWriter()
        json.add("function", string: function)
        json.add("input", hex: input)
        return ChainEventContent(
            type: .handlerCall, json: json, description: "call \(function) with \(input.count) bytes")
    }

    /// `handler-result`: an export returned. Fields: `function`, `outcome` (`"success"` or
    /// `"failure"`), then `output` (hex or null) or `message`.
    public static func handlerResult(function: String, outcome: HandlerOutcome) -> ChainEventContent {
        var json = JSONObjectWriter()
        json.add("function", string: function)
        switch outcome {
        case .success(let output):
            json.add("outcome", string: "success")
            json.add("output", hex: output)
            return ChainEventContent(type: .handlerResult, json: json, description: "\(function) succeeded")
        case .failure(let message):
            json.add("outcome", string: "failure")
            json.add("message", string: message)
            return ChainEventContent(
                type: .handlerResult, json: json, description: "\(function) failed: \(message)")
        }
    }

    /// `host-call`: the actor called the host. Fields: `interface`, `function`, `input`,
    /// `output` (hex; the runtime chooses the encoding of arguments and results).
    public static func hostCall(
        interface: String, function: String, input: [UInt8], output: [UInt8]
    ) -> ChainEventContent {
        var json = JSONObjectWriter()
        json.add("interface", string: interface)
        json.add("function", string: function)
        json.add("input", hex: input)
        json.add("output", hex: output)
        return ChainEventContent(type: .hostCall, json: json, description: "\(interface)#\(function)")
    }

    /// `error`: a failure that did not stop the actor. Fields: `message`.
    public static func error(message: String) -> ChainEventContent {
        var json = JSONObjectWriter()
        json.add("message", string: message)
        return ChainEventContent(type: .error, json: json, description: message)
    }

    /// `state-change`: the actor's state is now `state`. Fields: `state` (hex or null).
    public static func stateChange(state: [UInt8]?) -> ChainEventContent {
        var json = JSONObjectWriter()
        json.add("state", hex: state)
        let size = state.map { "\($0.count) bytes" } ?? "none"
        return ChainEventContent(type: .stateChange, json: json, description: "state: \(size)")
    }

    /// `shutdown`: the actor asked to shut down. Fields: `data` (hex or null).
    public static func shutdown(data: [UInt8]?) -> ChainEventContent {
        var json = JSONObjectWriter()
        json.add("data", hex: data)
        return ChainEventContent(type: .shutdown, json: json, description: "shutdown requested")
    }

    /// `crash`: a trap or failure ended the running call. Fields: `cause`, `backtrace`
    /// (array of frame descriptions, innermost first).
    public static func crash(cause: String, backtrace: [String]) -> ChainEventContent {
        var json = JSONObjectWriter()
        json.add("cause", string: cause)
        json.add("backtrace", strings: backtrace)
        return ChainEventContent(type: .crash, json: json, description: "crashed: \(cause)")
    }

    /// `restart`: the actor was restarted. Fields: `state-source` (which state it restarted
    /// with, e.g. `"initial"` or `"last-good"`), `state` (hex or null).
    public static func restart(stateSource: String, state: [UInt8]?) -> ChainEventContent {
        var json = JSONObjectWriter()
        json.add("state-source", string: stateSource)
        json.add("state", hex: state)
        return ChainEventContent(type: .restart, json: json, description: "restarted with \(stateSource) state")
    }

    /// `stop`: the actor was stopped from outside. Fields: `reason`.
    public static func stop(reason: String) -> ChainEventContent {
        var json = JSONObjectWriter()
        json.add("reason", string: reason)
        return ChainEventContent(type: .stop, json: json, description: "stopped: \(reason)")
    }

    /// `exit`: the actor's life ended. Fields: `reason`, `data` (hex or null).
    public static func exit(reason: String, data: [UInt8]?) -> ChainEventContent {
        var json = JSONObjectWriter()
        json.add("reason", string: reason)
        json.add("data", hex: data)
        return ChainEventContent(type: .exit, json: json, description: "exited: \(reason)")
    }

    /// `escalation`: a supervisor passed a child's failure up. Fields: `child`, `cause`.
    public static func escalation(child: String, cause: String) -> ChainEventContent {
        var json = JSONObjectWriter()
        json.add("child", string: child)
        json.add("cause", string: cause)
        return ChainEventContent(
            type: .escalation, json: json, description: "escalated failure of \(child): \(cause)")
    }
}
