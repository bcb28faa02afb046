/// Writes one JSON object as UTF-8, field by field, in the order given. Just enough JSON
/// for event payloads and `--events` lines, without Foundation.
struct JSONObjectWriter {
    private var bytes: [UInt8]

    /// Room for a typical event payload, so building one grows the buffer rarely.
    init() {
        bytes = []
        bytes.reserveCapacity(128)
        bytes.append(UInt8(ascii: "{"))
    }

    mutating func add(_ key: String, string: String?) {
        addKey(key)
        if let string { appendQuoted(string) } else { bytes.append(contentsOf: "null".utf8) }
    }

    /// Bytes as a lowercase hex string (null for nil), written straight into the object.
    mutating func add(_ key: String, hex data: [UInt8]?) {
        addKey(key)
        guard let data else { return bytes.append(contentsOf: "null".utf8) }
        bytes.reserveCapacity(bytes.count &+ data.count &* 2 &+ 3)
        bytes.append(UInt8(ascii: "\""))
        HexEncoding.append(data, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func add(_ key: String, number: UInt64) {
        addKey(key)
        bytes.append(contentsOf: String(number).utf8)
    }

    mutating func add(_ key: String, strings: [String]) {
        addKey(key)
        bytes.append(UInt8(ascii: "["))
        for (index, string) in strings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendQuoted(string)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// The finished object, as UTF-8.
    var utf8: [UInt8] {
        var finished = bytes
        finished.append(UInt8(ascii: "}"))
        return finished
    }

    /// The finished object, as UTF-8, in the writer's own buffer (no copy, unlike `utf8`).
    consuming func finishedUTF8() -> [UInt8] {
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// The finished object.
    var json: String { String(decoding: utf8, as: UTF8.self) }

    private mutating func addKey(_ key: String) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        appendQuoted(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Appends `string` as a JSON string literal: quotes, backslashes and control
    /// characters escaped, everything else as its UTF-8 bytes.
    private mutating func appendQuoted(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings (keys, function names) need no escape: copy them in one go, scanning
        // the contiguous UTF-8 (the `utf8` view's iterator is much slower).
        var string = string
        let copied = string.withUTF8 { text in
            guard !text.contains(where: Self.needsEscape) else { return false }
            bytes.append(contentsOf: text)
            return true
        }
        if copied {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): bytes.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): bytes.append(contentsOf: #"\t"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case 0x00..<0x20, 0x7F: appendControlEscape(byte)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private mutating func appendControlEscape(_ byte: UInt8) {
        bytes.append(contentsOf: #"\u00"#.utf8)
        bytes.append(contentsOf: HexEncoding.string(from: [byte]).utf8)
    }
}
