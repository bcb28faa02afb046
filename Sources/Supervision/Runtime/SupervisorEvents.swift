import ActorSystem

/// The events a supervisor records in its own chain about its children. Each payload is
/// a UTF-8 JSON object with a `child` field (the child's name) and the fields of the
/// matching `ChainEventContent` builder, so one reader understands both.
enum SupervisorEvents {
    /// `init`: the supervisor started. Fields: `supervisor`, `strategy`, `children`.
    static func started(_ name: String, flags: SupervisorFlags, children: [String]) -> ChainEventContent {
        var json = EventJSON()
        json.add("supervisor", name)
        json.add("strategy", flags.strategy.rawValue)
        json.add("children", children)
        return ChainEventContent(
            type: .initialize, data: json.bytes,
            description: "supervisor \(name) started \(children.count) children (\(flags.strategy.rawValue))")
    }

    /// `crash`: a child failed. Fields: `child`, `cause`, `backtrace`.
    static func childCrashed(_ child: String, cause: String, backtrace: [String]) -> ChainEventContent {
        var json = EventJSON()
        json.add("child", child)
        json.add("cause", cause)
        json.add("backtrace", backtrace)
        return ChainEventContent(type: .crash, data: json.bytes, description: "child \(child) crashed: \(cause)")
    }

    /// `exit`: a child's run ended without a crash. Fields: `child`, `reason`.
    static func childExited(_ child: String, reason: String) -> ChainEventContent {
        var json = EventJSON()
        json.add("child", child)
        json.add("reason", reason)
        return ChainEventContent(type: .exit, data: json.bytes, description: "child \(child) \(reason)")
    }

    /// `stop`: the supervisor stopped a child. Fields: `child`, `reason`.
    static func childStopped(_ child: String, reason: String) -> ChainEventContent {
        var json = EventJSON()
        json.add("child", child)
        json.add("reason", reason)
        return ChainEventContent(type: .stop, data: json.bytes, description: "stopped child \(child): \(reason)")
    }

    /// `restart`: the supervisor started a child again. Fields: `child`, `state-source`.
    static func childRestarted(_ child: String, stateSource: RestartStateSource) -> ChainEventContent {
        var json = EventJSON()
        json.add("child", child)
        json.add("state-source", stateSource.rawValue)
        return ChainEventContent(
            type: .restart, data: json.bytes, description: "restarted child \(child) with \(stateSource.rawValue) state")
    }
}

/// A JSON object written field by field (strings and string arrays are all these events
/// need).
private struct EventJSON {
    private var text = ""

    mutating func add(_ key: String, _ value: String) {
        field(key)
        quote(value)
    }

    mutating func add(_ key: String, _ values: [String]) {
        field(key)
        text += "["
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            quote(value)
        }
        text += "]"
    }

    var bytes: [UInt8] { Array(("{" + text + "}").utf8) }

    private mutating func field(_ key: String) {
        if !text.isEmpty { text += "," }
        quote(key)
        text += ":"
    }

    private mutating func quote(_ value: String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}
