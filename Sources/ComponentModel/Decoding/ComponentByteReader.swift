/// A cursor over a window of a component's bytes that reads the binary format's
/// primitive encodings: bytes, LEB128 integers, names and length-prefixed strings.
///
/// Every read stays inside `offset..<end`; reading past `end` throws instead of trapping.
/// Offsets are positions in the whole file, so errors in nested components name the
/// right byte.
struct ComponentByteReader {
    let bytes: [UInt8]
    private(set) var offset: Int
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

    func error(_ message: String, at position: Int? = nil) -> ComponentDecodingError {
        ComponentDecodingError(message, offset: position ?? offset)
    }

    private func unexpectedEnd() -> ComponentDecodingError {
        ComponentDecodingError(end >= bytes.count ? "unexpected end" : "unexpected end of section", offset: end)
    }

    /// A reader over the next `count` bytes; this reader moves past them.
    mutating func takeSubReader(count: Int) throws(ComponentDecodingError) -> ComponentByteReader {
        guard count >= 0, count <= remainingCount else { throw unexpectedEnd() }
        let sub = ComponentByteReader(bytes: bytes, range: offset..<(offset &+ count))
        offset = offset &+ count
        return sub
    }

    mutating func readByte() throws(ComponentDecodingError) -> UInt8 {
        guard offset < end else { throw unexpectedEnd() }
        let byte = bytes[offset]
        offset = offset &+ 1
        return byte
    }

    func peekByte() -> UInt8? {
        offset < end ? bytes[offset] : nil
    }

    /// `u32` in unsigned LEB128: at most 5 bytes, the 5th carrying only the top 4 bits.
    mutating func readUnsigned32() throws(ComponentDecodingError) -> UInt32 {
        var result: UInt32 = 0
        var shift: UInt32 = 0
        while true {
            let position = offset
            let byte = try readByte()
            if shift == 28 {
                guard byte & 0xF0 == 0 else {
                    throw error(byte & 0x80 != 0 ? "integer representation too long" : "integer too large", at: position)
                }
                return result | UInt32(byte) << 28
            }
            result |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    /// A vector length, checked against the bytes left so that a hostile count cannot
    /// make a caller reserve gigabytes (every element takes at least one byte).
    mutating func readCount() throws(ComponentDecodingError) -> Int {
        let position = offset
        let count = Int(try readUnsigned32())
        guard count <= remainingCount else {
            throw error("vector length \(count) exceeds the \(remainingCount) bytes left", at: position)
        }
        return count
    }

    /// A vector: a count, then that many elements read by `readElement`.
    mutating func readVector<Element>(
        _ readElement: (inout ComponentByteReader) throws(ComponentDecodingError) -> Element
    ) throws(ComponentDecodingError) -> [Element] {
        let count = try readCount()
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count {
            elements.append(try readElement(&self))
        }
        return elements
    }

    /// The range of a length-prefixed byte string, advancing past it.
    mutating func readByteStringRange() throws(ComponentDecodingError) -> Range<Int> {
        let position = offset
        let length = Int(try readUnsigned32())
        guard length <= remainingCount else {
            throw error("length \(length) runs past the end", at: position)
        }
        let start = offset
        offset = offset &+ length
        return start..<offset
    }

    /// A name: a length-prefixed string that must be valid UTF-8.
    mutating func readName() throws(ComponentDecodingError) -> String {
        let range = try readByteStringRange()
        let text = String(decoding: bytes[range], as: UTF8.self)
        // Decoding replaces invalid sequences, so the text re-encodes differently.
        guard text.utf8.elementsEqual(bytes[range]) else {
            throw error("malformed UTF-8 encoding", at: range.lowerBound)
        }
        return text
    }

    /// A 0x00/0x01 flag byte; anything else is reported as an invalid `what`.
    mutating func readFlag(_ what: String) throws(ComponentDecodingError) -> Bool {
        let position = offset
        switch try readByte() {
        case 0x00: return false
        case 0x01: return true
        case let other: throw error("invalid \(what) byte 0x\(hex(other))", at: position)
        }
    }

    /// An `<T>?` immediate: 0x00 for none, 0x01 then `T`.
    mutating func readOptional<Element>(
        _ what: String, _ readElement: (inout ComponentByteReader) throws(ComponentDecodingError) -> Element
    ) throws(ComponentDecodingError) -> Element? {
        guard try readFlag(what) else { return nil }
        return try readElement(&self)
    }
}

/// Two-digit lowercase hexadecimal, for opcodes in messages.
func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}

extension ComponentByteReader {
    /// `s33` in signed LEB128 (type references: nonnegative indices, negative type codes).
    mutating func readSigned33() throws(ComponentDecodingError) -> Int64 {
        var result: Int64 = 0
        var shift: Int64 = 0
        while true {
            let position = offset
            let byte = try readByte()
            if shift == 28 {
                // The last of at most 5 bytes carries 5 value bits; the rest repeat the sign.
                let signBits = byte & 0x70
                guard byte & 0x80 == 0, signBits == 0 || signBits == 0x70 else {
                    throw error("integer too large", at: position)
                }
                result |= Int64(byte & 0x7F) << 28
                if byte & 0x40 != 0 { result |= -1 << 35 }
                return result
            }
            result |= Int64(byte & 0x7F) << shift
            shift += 7
            if byte & 0x80 == 0 {
                if byte & 0x40 != 0 { result |= -1 << shift }
                return result
            }
        }
    }
}
