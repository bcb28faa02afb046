import ActorSystem

/// How the actor commands show bytes: as text when they are printable UTF-8, else as hex.
enum ActorText {
    static func show(_ bytes: [UInt8]?) -> String {
        guard let bytes else { return "(none)" }
        if let text = String(validating: bytes, as: UTF8.self),
            text.unicodeScalars.allSatisfy({ $0.value >= 0x20 || $0 == "\n" || $0 == "\t" })
        {
            return "\"\(text)\""
        }
        return "0x" + HexEncoding.string(from: bytes)
    }

    /// A reply as `theater run` prints it: the bytes as UTF-8 text, or `0x` and hex when
    /// they are not valid UTF-8.
    static func reply(_ bytes: [UInt8]) -> String {
        String(validating: bytes, as: UTF8.self) ?? "0x" + HexEncoding.string(from: bytes)
    }

    /// A little-endian unsigned number in up to 8 bytes (the counters' states).
    static func littleEndianNumber(_ bytes: [UInt8]?) -> UInt64? {
        guard let bytes, !bytes.isEmpty, bytes.count <= 8 else { return nil }
        var value: UInt64 = 0
        for byte in bytes.reversed() { value = value << 8 | UInt64(byte) }
        return value
    }
}
