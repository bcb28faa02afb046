/// Decoding of the binary format's type encodings (value, reference, function, table,
/// memory, global and block types).
extension ByteReader {
    mutating func readValueType() throws(DecodingError) -> ValueType {
        let position = offset
        guard let type = ValueType(rawValue: try readByte()) else {
            throw DecodingError("malformed value type", offset: position)
        }
        return type
    }

    mutating func readReferenceType() throws(DecodingError) -> ReferenceType {
        let position = offset
        guard let type = ReferenceType(rawValue: try readByte()) else {
            throw DecodingError("malformed reference type", offset: position)
        }
        return type
    }

    mutating func readValueTypes() throws(DecodingError) -> [ValueType] {
        let count = try readCount()
        var types: [ValueType] = []
        types.reserveCapacity(reservableCapacity(count))
        for _ in 0..<count {
            types.append(try readValueType())
        }
        return types
    }

    mutating func readFunctionType() throws(DecodingError) -> FunctionType {
        let position = offset
        guard try readByte() == 0x60 else { throw DecodingError("malformed function type", offset: position) }
        let parameters = try readValueTypes()
        let results = try readValueTypes()
        return FunctionType(parameters: parameters, results: results)
    }

    /// Limits: flag 0x00 (min only) or 0x01 (min and max). Wasm 2.0 has no other flags
    /// (shared memories and 64-bit memories come later); the spec reads the flag as a
    /// one-bit LEB128 integer, hence its error messages.
    mutating func readLimits() throws(DecodingError) -> Limits {
        let position = offset
        let flags = try readByte()
        guard flags & 0x7F <= 1 else { throw DecodingError("integer too large", offset: position) }
        guard flags & 0x80 == 0 else { throw DecodingError("integer representation too long", offset: position) }
        let min = try readUnsigned32()
        let max = flags == 1 ? try readUnsigned32() : nil
        return Limits(min: UInt64(min), max: max.map { UInt64($0) })
    }

    mutating func readTableType() throws(DecodingError) -> TableType {
        let elementType = try readReferenceType()
        let limits = try readLimits()
        return TableType(elementType: elementType, limits: limits)
    }

    mutating func readMemoryType() throws(DecodingError) -> MemoryType {
        MemoryType(limits: try readLimits())
    }

    mutating func readGlobalType() throws(DecodingError) -> GlobalType {
        let valueType = try readValueType()
        let position = offset
        switch try readByte() {
        case 0: return GlobalType(valueType: valueType, isMutable: false)
        case 1: return GlobalType(valueType: valueType, isMutable: true)
        default: throw DecodingError("malformed mutability", offset: position)
        }
    }

    /// `0x40` (empty), a single value type (one byte with bit 6 set, a negative `s33`),
    /// or a non-negative `s33` type index.
    mutating func readBlockType() throws(DecodingError) -> BlockType {
        guard let first = peekByte() else { throw unexpectedEnd(at: offset) }
        if first == 0x40 {
            offset += 1
            return .empty
        }
        if first & 0xC0 == 0x40 {
            return .value(try readValueType())
        }
        let position = offset
        let index = try readSigned33()
        guard index >= 0 else { throw DecodingError("malformed block type", offset: position) }
        return .typeIndex(UInt32(truncatingIfNeeded: index))
    }
}
