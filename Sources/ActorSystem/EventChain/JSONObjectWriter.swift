/// Writes one JSON object as text, field by field, in the order given. Just enough JSON
/// for event payloads and `--events` lines, without Foundation.
struct JSONObjectWriter {
    private var text = "{"
    private var hasFields = false

    mutating func add(_ key: String, string: String?) {
        addKey(key)
        if let string { Self.appendQuoted(string, to: &text) } else { text += "null" }
    }

    /// Bytes as a lowercase hex string (null for nil).
    mutating func add(_ key: String, hex bytes: [UInt8]?) {
        add(key, string: bytes.map { HexEncoding.string(from: $0) })
    }

    mutating func add(_ key: String, number: UInt64) {
        addKey(key)
        text += String(number)
    }

    mutating func add(_ key: String, strings: [String]) {
        addKey(key)
        text += "["
        for (index, string) in strings.enumerated() {
            if index > 0 { text += "," }
            Self.appendQuoted(string, to: &text)
        }
        text += "]"
    }

    /// The finished object.
    var json: String { text + "}" }

    private mutating func addKey(_ key: String) {
        if hasFields { text += "," }
        hasFields = true
        Self.appendQuoted(key, to: &text)
        text += ":"
    }

    /// Appends `string` as a JSON string literal: quotes, backslashes and control
    /// characters escaped, everything else as UTF-8.
    static func appendQuoted(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case "\u{00}"..."\u{1F}", "\u{7F}": text += controlEscape(scalar)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    private static func controlEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = HexEncoding.string(from: [UInt8(truncatingIfNeeded: scalar.value)])
        return "\\u00" + hex
    }
}
