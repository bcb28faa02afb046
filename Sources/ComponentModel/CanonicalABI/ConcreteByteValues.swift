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

extension CanonicalReader {
    /// Reads an `option<list<u8>>` that is often the same as `known` (a state a guest
    /// passes back unchanged): when the guest's bytes equal `known`, returns
    /// `known` itself, sharing its storage, instead of allocating a copy.
    public mutating func read(_ type: [UInt8]?.Type, reusing known: [UInt8]?) throws(CanonicalABIError) -> [UInt8]? {
        let listLayout = [UInt8].canonicalLayout
        let (layout, payloadOffset) = CanonicalValueLayout.twoCaseVariant(.empty, listLayout)
        return try extent(size: layout.size, alignment: layout.alignment, flatCount: layout.flatCount) {
            (reader: inout CanonicalReader) throws(CanonicalABIError) -> [UInt8]? in
            guard try reader.readDiscriminant(caseCount: 2, payloadOffset: payloadOffset) == 1 else { return nil }
            return try reader.extent(size: listLayout.size, alignment: listLayout.alignment, flatCount: listLayout.flatCount) {
                (reader: inout CanonicalReader) throws(CanonicalABIError) -> [UInt8] in
                let (memory, begin, count) = try reader.readListRange(elementSize: 1, alignment: 1)
                let bytes = try memory.bytes(at: begin, count: UInt64(count))
                if let known, known.count == count, known.withUnsafeBytes({ $0.elementsEqual(bytes) }) { return known }
                return [UInt8](bytes)
            }
        }
    }
}
