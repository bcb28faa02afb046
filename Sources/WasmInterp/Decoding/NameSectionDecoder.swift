/// Decodes the `name` custom section: the module name (subsection 0), function names (1)
/// and local names (2). Other subsections (from later proposals) are skipped.
enum NameSectionDecoder {
    /// The names in `bytes[range]` (the section's payload after its name), or nil if the
    /// section is malformed; callers then ignore it, as engines do.
    static func decode(_ bytes: [UInt8], _ range: Range<Int>) -> NameSection? {
        var reader = ByteReader(bytes: bytes, range: range)
        var names = NameSection()
        var lastSubsectionID: UInt8?
        do {
            while !reader.isAtEnd {
                let id = try reader.readByte()
                // Subsections appear at most once each, in increasing id order.
                if let lastSubsectionID, id <= lastSubsectionID { return nil }
                lastSubsectionID = id
                let size = try reader.readCount()
                var subsection = try reader.subReader(count: size)
                try reader.skip(size)
                try readSubsection(id, from: &subsection, into: &names)
                if !subsection.isAtEnd { return nil }
            }
        } catch {
            return nil
        }
        return names
    }

    private static func readSubsection(
        _ id: UInt8, from reader: inout ByteReader, into names: inout NameSection
    ) throws(DecodingError) {
        switch id {
        case 0: names.moduleName = try reader.readName()
        case 1: names.functionNames = try readNameMap(&reader)
        case 2: names.localNames = try readIndirectNameMap(&reader)
        default: try reader.skip(reader.remainingCount)
        }
    }

    private static func readNameMap(_ reader: inout ByteReader) throws(DecodingError) -> [UInt32: String] {
        let count = try reader.readCount()
        var map: [UInt32: String] = [:]
        map.reserveCapacity(reader.reservableCapacity(count))
        for _ in 0..<count {
            let index = try reader.readUnsigned32()
            map[index] = try reader.readName()
        }
        return map
    }

    private static func readIndirectNameMap(_ reader: inout ByteReader) throws(DecodingError) -> [UInt32: [UInt32: String]] {
        let count = try reader.readCount()
        var map: [UInt32: [UInt32: String]] = [:]
        map.reserveCapacity(reader.reservableCapacity(count))
        for _ in 0..<count {
            let index = try reader.readUnsigned32()
            map[index] = try readNameMap(&reader)
        }
        return map
    }
}
