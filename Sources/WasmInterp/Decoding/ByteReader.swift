/// A cursor over a window of the module's bytes that reads the binary format's primitive
/// encodings: bytes, fixed-width little-endian numbers, LEB128 integers and names.
///
/// Every read stays inside `offset..<end`; running past `end` throws instead of trapping.
/// The reader works on the module's own array (no copies), so handing out sub-readers
/// for sections and function bodies costs nothing.
struct ByteReader {
    let bytes: [UInt8]
    var offset: Int
    /// One past the last byte this reader may read (never beyond `bytes.count`).
    let end: Int

    /// A reader over `bytes[range]`, clamped to the array so a bad range cannot trap.
    init(bytes: [UInt8], range: Range<Int>) {
        let lower = min(max(range.lowerBound, 0), bytes.count)
        let upper = min(max(range.upperBound, lower), bytes.count)
        self.bytes = bytes
        self.offset = lower
        self.end = upper
    }

    init(bytes: [UInt8]) {
        self.init(bytes: bytes, range: 0..<bytes.count)
    }

    var isAtEnd: Bool { offset >= end }
    var remainingCount: Int { end - offset }

    /// The error for reading past `end`. The spec distinguishes the end of the whole
    /// module from the end of a section or function body.
    @inline(never)
    func unexpectedEnd(at position: Int) -> DecodingError {
        if end >= bytes.count {
            return DecodingError("unexpected end", offset: position)
        }
        return DecodingError("unexpected end of section or function", offset: position)
    }

    /// A reader over the next `count` bytes, which must lie inside this reader's window.
    func subReader(count: Int) throws(DecodingError) -> ByteReader {
        guard count <= remainingCount else { throw unexpectedEnd(at: end) }
        return ByteReader(bytes: bytes, range: offset..<(offset + count))
    }

    // MARK: Bytes

    // The primitives below are forced inline: they run once or more per instruction, and
    // a call per byte costs more than the read itself. Rare paths stay out of line.
    @inline(__always)
    mutating func readByte() throws(DecodingError) -> UInt8 {
        guard offset < end else { throw unexpectedEnd(at: offset) }
        let byte = bytes[offset]
        offset += 1
        return byte
    }

    @inline(__always)
    func peekByte() -> UInt8? {
        offset < end ? bytes[offset] : nil
    }

    mutating func skip(_ count: Int) throws(DecodingError) {
        guard count >= 0, count <= remainingCount else { throw unexpectedEnd(at: end) }
        offset += count
    }

    /// Reads a fixed-width little-endian integer of `byteCount` bytes (at most 8).
    mutating func readLittleEndian(byteCount: Int) throws(DecodingError) -> UInt64 {
        guard byteCount <= remainingCount else { throw unexpectedEnd(at: end) }
        var value: UInt64 = 0
        for index in 0..<byteCount {
            value |= UInt64(bytes[offset + index]) << UInt64(index &* 8)
        }
        offset += byteCount
        return value
    }

    /// A byte that must be 0x00 (reserved memory index immediates in Wasm 2.0).
    mutating func readZeroByte() throws(DecodingError) {
        let position = offset
        guard try readByte() == 0 else { throw DecodingError("zero byte expected", offset: position) }
    }

    // MARK: LEB128

    /// `u32`: at most 5 bytes; the 5th may only carry the top 4 bits.
    @inline(__always)
    mutating func readUnsigned32() throws(DecodingError) -> UInt32 {
        if offset < end {
            let first = bytes[offset]
            if first < 0x80 {
                offset += 1
                return UInt32(first)
            }
        }
        return try readMultiByteUnsigned32()
    }

    @inline(never)
    private mutating func readMultiByteUnsigned32() throws(DecodingError) -> UInt32 {
        let first = try readByte()
        var result = UInt32(first & 0x7F)
        var shift: UInt32 = 7
        while true {
            let position = offset
            let byte = try readByte()
            if shift == 28 {
                guard byte & 0x70 == 0 else { throw DecodingError("integer too large", offset: position) }
                guard byte & 0x80 == 0 else {
                    throw DecodingError("integer representation too long", offset: offset)
                }
                return result | UInt32(byte) << 28
            }
            result |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    /// `s32`.
    @inline(__always)
    mutating func readSigned32() throws(DecodingError) -> Int32 {
        if offset < end {
            let first = bytes[offset]
            if first < 0x80 {
                offset += 1
                return Int32(Int8(bitPattern: first << 1) >> 1)
            }
        }
        return Int32(truncatingIfNeeded: try readSigned(bitWidth: 32))
    }

    /// `s33`, used by block types for type indices.
    mutating func readSigned33() throws(DecodingError) -> Int64 {
        try readSigned(bitWidth: 33)
    }

    /// `s64`.
    mutating func readSigned64() throws(DecodingError) -> Int64 {
        try readSigned(bitWidth: 64)
    }

    /// Signed LEB128 of at most `bitWidth` bits (1...64): at most ⌈bitWidth/7⌉ bytes, and
    /// the unused bits of the last byte must repeat the sign bit.
    private mutating func readSigned(bitWidth: Int) throws(DecodingError) -> Int64 {
        let first = try readByte()
        if first < 0x80 {
            // Sign-extend the 7-bit value.
            return Int64(Int8(bitPattern: first << 1) >> 1)
        }
        var result = Int64(first & 0x7F)
        var shift = 7
        while true {
            let position = offset
            let byte = try readByte()
            let remainingBits = bitWidth - shift
            if remainingBits < 7 {
                // The bits from the value's sign bit upward must all be equal.
                let signMask = UInt8(truncatingIfNeeded: -1 << (remainingBits - 1)) & 0x7F
                let signBits = byte & signMask
                guard signBits == 0 || signBits == signMask else {
                    throw DecodingError("integer too large", offset: position)
                }
                guard byte & 0x80 == 0 else {
                    throw DecodingError("integer representation too long", offset: offset)
                }
            }
            result |= Int64(byte & 0x7F) << shift
            shift += 7
            if byte & 0x80 == 0 {
                if shift < 64 && byte & 0x40 != 0 { result |= -1 << shift }
                return result
            }
        }
    }

    // MARK: Vectors and names

    /// A vector length. Every vector element takes at least one byte, so the length also
    /// bounds how much capacity may safely be reserved (see `reservableCapacity`).
    mutating func readCount() throws(DecodingError) -> Int {
        Int(try readUnsigned32())
    }

    /// Capacity to reserve for `count` elements of at least one byte each: never more
    /// than the bytes left, so a hostile count cannot make us allocate gigabytes.
    func reservableCapacity(_ count: Int) -> Int {
        min(count, remainingCount)
    }

    /// A vector: a count, then that many elements read by `readElement`.
    mutating func readVector<Element>(
        _ readElement: (inout ByteReader) throws(DecodingError) -> Element
    ) throws(DecodingError) -> [Element] {
        let count = try readCount()
        var elements: [Element] = []
        elements.reserveCapacity(reservableCapacity(count))
        for _ in 0..<count {
            elements.append(try readElement(&self))
        }
        return elements
    }

    /// The range of a length-prefixed byte string (`vec(byte)`), advancing past it.
    mutating func readByteStringRange() throws(DecodingError) -> Range<Int> {
        let lengthOffset = offset
        let length = Int(try readUnsigned32())
        guard length <= remainingCount else {
            // Like the spec, blame the length itself only when no module this size could hold it.
            if length > bytes.count {
                throw DecodingError("length out of bounds", offset: lengthOffset)
            }
            throw unexpectedEnd(at: end)
        }
        let start = offset
        offset += length
        return start..<offset
    }

    /// A name: a length-prefixed string that must be valid UTF-8.
    mutating func readName() throws(DecodingError) -> String {
        let range = try readByteStringRange()
        guard UTF8Validation.isValid(bytes, range) else {
            throw DecodingError("malformed UTF-8 encoding", offset: range.lowerBound)
        }
        return String(decoding: bytes[range], as: UTF8.self)
    }
}
