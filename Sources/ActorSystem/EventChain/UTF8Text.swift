/// Strict UTF-8 decoding (`String(decoding:)` would repair bad bytes instead of refusing).
enum UTF8Text {
    /// The string `bytes` spell, or nil if they are not valid UTF-8.
    static func decode(_ bytes: some Sequence<UInt8>) -> String? {
        var decoded = ""
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): decoded.unicodeScalars.append(scalar)
            case .emptyInput: return decoded
            case .error: return nil
            }
        }
    }
}
