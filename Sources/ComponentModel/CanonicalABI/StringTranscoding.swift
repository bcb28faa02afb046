/// A string to store, with the spec's hint of where it came from: its source encoding and
/// length in that encoding's code units. The hint lets storing choose allocation sizes
/// before looking at the characters. Host strings are UTF-8 with their byte count.
struct StringSource {
    let string: String
    let encoding: CanonicalStringEncoding
    /// Code units in `encoding`; for `latin1UTF16`, tagged with the UTF-16 bit.
    let taggedCodeUnits: UInt32

    init(string: String, encoding: CanonicalStringEncoding, taggedCodeUnits: UInt32) {
        self.string = string
        self.encoding = encoding
        self.taggedCodeUnits = taggedCodeUnits
    }

    init(hostString string: String) {
        self.string = string
        encoding = .utf8
        taggedCodeUnits = UInt32(truncatingIfNeeded: string.utf8.count)
    }
}

extension CanonicalContext {
    /// Lists and strings longer than this many bytes trap, so every value stays storable
    /// in a 32-bit memory even after transcoding doubles it.
    static let maxByteLength: UInt64 = (1 << 28) - 1
    /// The high bit of a `latin1+utf16` length: the string is UTF-16.
    static let utf16Tag: UInt32 = 1 << 31

    // MARK: Lifting

    /// Decodes the string at `pointer` (`load_string_from_range`).
    /// - Throws: `valueTooLong`, `misalignedPointer`, `outOfBounds`, `invalidString`.
    func liftString(pointer: UInt64, taggedCodeUnits: UInt32) throws(CanonicalABIError) -> String {
        let alignment: UInt32
        let byteLength: UInt64
        let isUTF16: Bool
        switch stringEncoding {
        case .utf8:
            (alignment, byteLength, isUTF16) = (1, UInt64(taggedCodeUnits), false)
        case .utf16:
            (alignment, byteLength, isUTF16) = (2, 2 * UInt64(taggedCodeUnits), true)
        case .latin1UTF16:
            if taggedCodeUnits & Self.utf16Tag != 0 {
                (alignment, byteLength, isUTF16) = (2, 2 * UInt64(taggedCodeUnits ^ Self.utf16Tag), true)
            } else {
                (alignment, byteLength, isUTF16) = (2, UInt64(taggedCodeUnits), false)
            }
        }
        guard byteLength <= Self.maxByteLength else { throw .valueTooLong(byteLength: byteLength) }
        let memory = try memory()
        try memory.checkPlacement(pointer, size: byteLength, alignment: alignment)
        let bytes = try memory.bytes(at: pointer, count: byteLength)
        if isUTF16 {
            let units = (0..<Int(byteLength / 2)).lazy.map { index in
                UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 2 * index, as: UInt16.self))
            }
            guard let string = String(validating: units, as: UTF16.self) else { throw .invalidString(encoding: stringEncoding) }
            return string
        }
        if stringEncoding == .utf8 {
            guard let string = String(validating: bytes, as: UTF8.self) else { throw .invalidString(encoding: .utf8) }
            return string
        }
        // Latin-1 bytes are the first 256 code points, each one UTF-16 code unit.
        return String(decoding: bytes.lazy.map { UInt16($0) }, as: UTF16.self)
    }

    // MARK: Lowering

    /// Stores a string in the options' encoding (`store_string_into_range`), following the
    /// spec's allocation protocol for each pair of source and destination encodings.
    /// Returns the pointer and the (tagged) length in code units.
    func lowerString(_ source: StringSource) throws(CanonicalABIError) -> (UInt64, UInt32) {
        let sourceIsUTF16: Bool
        let codeUnits: UInt32
        switch source.encoding {
        case .utf8: (sourceIsUTF16, codeUnits) = (false, source.taggedCodeUnits)
        case .utf16: (sourceIsUTF16, codeUnits) = (true, source.taggedCodeUnits)
        case .latin1UTF16:
            let tagged = source.taggedCodeUnits & Self.utf16Tag != 0
            (sourceIsUTF16, codeUnits) = (tagged, tagged ? source.taggedCodeUnits ^ Self.utf16Tag : source.taggedCodeUnits)
        }
        let worstCaseBytes = 3 * UInt64(codeUnits)
        guard UInt64(source.string.utf8.count) <= Self.maxByteLength, UInt64(codeUnits) <= Self.maxByteLength else {
            throw .valueTooLong(byteLength: max(UInt64(source.string.utf8.count), worstCaseBytes))
        }
        let units = UInt64(codeUnits)
        switch (stringEncoding, source.encoding) {
        case (.utf8, .utf8):
            return try storeCopy(source.string, byteLength: units, alignment: 1, codeUnits: codeUnits, as: .utf8)
        case (.utf8, _):
            // From UTF-16 a code unit becomes at most 3 UTF-8 bytes; from Latin-1, 2.
            return try storeToUTF8(source.string, codeUnits: units, worstCaseSize: sourceIsUTF16 ? 3 * units : 2 * units)
        case (.utf16, .utf8):
            return try storeUTF8ToUTF16(source.string, codeUnits: units)
        case (.utf16, _):
            return try storeCopy(source.string, byteLength: 2 * units, alignment: 2, codeUnits: codeUnits, as: .utf16)
        case (.latin1UTF16, .latin1UTF16) where !sourceIsUTF16:
            return try storeCopy(source.string, byteLength: units, alignment: 2, codeUnits: codeUnits, as: .latin1)
        case (.latin1UTF16, .latin1UTF16):
            return try storeProbablyUTF16ToLatin1OrUTF16(source.string, codeUnits: units)
        case (.latin1UTF16, _):
            return try storeToLatin1OrUTF16(source.string, codeUnits: units)
        }
    }

    private enum UnitEncoding { case utf8, utf16, latin1 }

    /// Allocates `size` bytes at `alignment` (or reallocates `old`) and checks the block.
    private func checkedRealloc(
        old: UInt64 = 0, oldSize: UInt64 = 0, alignment: UInt32, size: UInt64, memory: GuestMemory
    ) throws(CanonicalABIError) -> UInt64 {
        let pointer = try reallocate(old: old, oldSize: oldSize, alignment: alignment, newSize: size)
        try memory.checkPlacement(pointer, size: size, alignment: alignment)
        return pointer
    }

    /// The exact-size cases: the destination length is known from the source length.
    private func storeCopy(
        _ string: String, byteLength: UInt64, alignment: UInt32, codeUnits: UInt32, as encoding: UnitEncoding
    ) throws(CanonicalABIError) -> (UInt64, UInt32) {
        let memory = try memory()
        let pointer = try checkedRealloc(alignment: alignment, size: byteLength, memory: memory)
        let destination = try memory.mutableBytes(at: pointer, count: byteLength)
        switch encoding {
        case .utf8:
            var string = string
            string.withUTF8 { utf8 in
                destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(utf8).prefix(destination.count)))
            }
        case .utf16:
            writeUTF16(string.utf16, into: destination, at: 0)
        case .latin1:
            for (index, scalar) in string.unicodeScalars.prefix(Int(byteLength)).enumerated() {
                destination[index] = UInt8(truncatingIfNeeded: scalar.value)
            }
        }
        return (pointer, codeUnits)
    }

    /// To UTF-8 from UTF-16 or Latin-1: optimistically one byte per code unit; at the first
    /// non-ASCII character, grow to the worst case, finish, then shrink.
    private func storeToUTF8(_ string: String, codeUnits: UInt64, worstCaseSize: UInt64) throws(CanonicalABIError) -> (UInt64, UInt32) {
        let memory = try memory()
        var pointer = try checkedRealloc(alignment: 1, size: codeUnits, memory: memory)
        var index: UInt64 = 0
        for scalar in string.unicodeScalars {
            if scalar.value < 0x80 {
                try memory.store(UInt8(scalar.value), at: pointer + index)
                index += 1
                continue
            }
            pointer = try checkedRealloc(old: pointer, oldSize: codeUnits, alignment: 1, size: worstCaseSize, memory: memory)
            let encoded = Array(string.utf8)
            let tail = encoded[Int(index)...]
            _ = try memory.mutableBytes(at: pointer + index, count: UInt64(tail.count)).copyBytes(from: tail)
            let length = UInt64(encoded.count)
            if worstCaseSize > length {
                pointer = try checkedRealloc(old: pointer, oldSize: worstCaseSize, alignment: 1, size: length, memory: memory)
            }
            return (pointer, UInt32(length))
        }
        return (pointer, UInt32(codeUnits))
    }

    /// UTF-8 to UTF-16: allocate the worst case (2 bytes per UTF-8 byte), shrink after.
    private func storeUTF8ToUTF16(_ string: String, codeUnits: UInt64) throws(CanonicalABIError) -> (UInt64, UInt32) {
        let memory = try memory()
        let worstCaseSize = 2 * codeUnits
        var pointer = try checkedRealloc(alignment: 2, size: worstCaseSize, memory: memory)
        let utf16 = string.utf16
        let length = UInt64(utf16.count) * 2
        writeUTF16(utf16, into: try memory.mutableBytes(at: pointer, count: length), at: 0)
        if length < worstCaseSize {
            pointer = try checkedRealloc(old: pointer, oldSize: worstCaseSize, alignment: 2, size: length, memory: memory)
        }
        return (pointer, UInt32(length / 2))
    }

    /// To `latin1+utf16` from UTF-8 or UTF-16: optimistically Latin-1; at the first
    /// character outside it, grow to UTF-16's worst case, widen the Latin-1 bytes written
    /// so far in place, and finish in UTF-16.
    private func storeToLatin1OrUTF16(_ string: String, codeUnits: UInt64) throws(CanonicalABIError) -> (UInt64, UInt32) {
        let memory = try memory()
        var pointer = try checkedRealloc(alignment: 2, size: codeUnits, memory: memory)
        var latin1Length: UInt64 = 0
        for scalar in string.unicodeScalars {
            if scalar.value < 0x100 {
                try memory.store(UInt8(scalar.value), at: pointer + latin1Length)
                latin1Length += 1
                continue
            }
            let worstCaseSize = 2 * codeUnits
            pointer = try checkedRealloc(old: pointer, oldSize: codeUnits, alignment: 2, size: worstCaseSize, memory: memory)
            let destination = try memory.mutableBytes(at: pointer, count: worstCaseSize)
            // Backwards, so no byte is overwritten before it is moved.
            var index = Int(latin1Length)
            while index > 0 {
                index -= 1
                destination[2 * index] = destination[index]
                destination[2 * index + 1] = 0
            }
            let utf16 = string.utf16
            let length = UInt64(utf16.count) * 2
            writeUTF16(utf16.dropFirst(Int(latin1Length)), into: destination, at: 2 * Int(latin1Length))
            if worstCaseSize > length {
                pointer = try checkedRealloc(old: pointer, oldSize: worstCaseSize, alignment: 2, size: length, memory: memory)
            }
            return (pointer, UInt32(length / 2) | Self.utf16Tag)
        }
        if latin1Length < codeUnits {
            pointer = try checkedRealloc(old: pointer, oldSize: codeUnits, alignment: 2, size: latin1Length, memory: memory)
        }
        return (pointer, UInt32(latin1Length))
    }

    /// `latin1+utf16` UTF-16 to `latin1+utf16`: the producer chose UTF-16, so copy as
    /// UTF-16 and narrow to Latin-1 in place only if every character fits.
    private func storeProbablyUTF16ToLatin1OrUTF16(_ string: String, codeUnits: UInt64) throws(CanonicalABIError) -> (UInt64, UInt32) {
        let memory = try memory()
        let byteLength = 2 * codeUnits
        var pointer = try checkedRealloc(alignment: 2, size: byteLength, memory: memory)
        let destination = try memory.mutableBytes(at: pointer, count: byteLength)
        let utf16 = string.utf16
        writeUTF16(utf16, into: destination, at: 0)
        let unitCount = utf16.count
        if string.unicodeScalars.contains(where: { $0.value >= 0x100 }) {
            return (pointer, UInt32(unitCount) | Self.utf16Tag)
        }
        for index in 0..<min(unitCount, Int(codeUnits)) { destination[index] = destination[2 * index] }
        pointer = try reallocate(old: pointer, oldSize: byteLength, alignment: 1, newSize: UInt64(unitCount))
        try memory.checkRange(pointer, length: UInt64(unitCount))
        return (pointer, UInt32(unitCount))
    }

    /// Writes UTF-16 code units little endian from byte `offset` of `destination` (which
    /// the caller sized for them).
    private func writeUTF16<Units: Sequence>(_ units: Units, into destination: UnsafeMutableRawBufferPointer, at offset: Int)
    where Units.Element == UInt16 {
        var byteOffset = offset
        for unit in units {
            guard byteOffset + 2 <= destination.count else { return }
            destination.storeBytes(of: unit.littleEndian, toByteOffset: byteOffset, as: UInt16.self)
            byteOffset += 2
        }
    }
}
