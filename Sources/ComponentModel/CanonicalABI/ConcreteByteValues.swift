/// Non-generic reads and writes of the types hosts pass on most calls (`list<u8>`,
/// `option<list<u8>>`, `string`, `bool`): the same as the generic `read(_:)` and
/// `write(_:)`, but specialized here, so callers in other modules do not go through
/// generic dispatch and metadata lookups on their hot paths.
extension CanonicalWriter {
    public mutating func write(_ value: [UInt8]) throws(CanonicalABIError) { try writeValue(value) }
    public mutating func write(_ value: [UInt8]?) throws(CanonicalABIError) { try writeValue(value) }
    public mutating func write(_ value: String) throws(CanonicalABIError) { try writeValue(value) }
    public mutating func write(_ value: Bool) throws(CanonicalABIError) { try writeValue(value) }
}

extension CanonicalReader {
    public mutating func read(_ type: [UInt8].Type) throws(CanonicalABIError) -> [UInt8] { try readValue(type) }
    public mutating func read(_ type: [UInt8]?.Type) throws(CanonicalABIError) -> [UInt8]? { try readValue(type) }
    public mutating func read(_ type: String.Type) throws(CanonicalABIError) -> String { try readValue(type) }
    public mutating func read(_ type: Bool.Type) throws(CanonicalABIError) -> Bool { try readValue(type) }
}
