/// Strict UTF-8 decoding (`String(decoding:)` would repair bad bytes instead of refusing).
enum UTF8Text {
    /// The string `bytes` spell, or nil if they are not valid UTF-8.
    static func decode(_ bytes: some Collection<UInt8>) -> String? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return String(decoding: bytes, as: UTF8.self)
            case .error: return nil
            }
        }
    }
}
