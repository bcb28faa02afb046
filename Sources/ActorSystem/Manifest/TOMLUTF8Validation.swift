/// Checking that a document's bytes are UTF-8 before any of them is read as text.
enum TOMLUTF8Validation {
    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence
    /// (overlong forms, surrogates and values above U+10FFFF are ill-formed), or nil.
    static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index &+= 1
                continue
            }
            guard let (length, secondRange) = sequenceShape(lead: lead) else { return index }
            guard length <= bytes.count &- index, secondRange.contains(bytes[index &+ 1]) else { return index }
            var continuation = index &+ 2
            while continuation < index &+ length {
                guard bytes[continuation] & 0xC0 == 0x80 else { return index }
                continuation &+= 1
            }
            index &+= length
        }
        return nil
    }

    /// The length of the sequence a lead byte starts and the range its second byte must be
    /// in (narrower than 80...BF where that excludes overlong forms, surrogates or values
    /// past U+10FFFF).
    private static func sequenceShape(lead: UInt8) -> (Int, ClosedRange<UInt8>)? {
        switch lead {
        case 0xC2...0xDF: (2, 0x80...0xBF)
        case 0xE0: (3, 0xA0...0xBF)
        case 0xED: (3, 0x80...0x9F)
        case 0xE1...0xEF: (3, 0x80...0xBF)
        case 0xF0: (4, 0x90...0xBF)
        case 0xF1...0xF3: (4, 0x80...0xBF)
        case 0xF4: (4, 0x80...0x8F)
        default: nil
        }
    }

    /// The line and column of `offset`, counting the valid scalars before it.
    static func position(of offset: Int, in bytes: [UInt8]) -> TOMLPosition {
        var line = 1
        var column = 1
        for byte in bytes.prefix(max(0, offset)) {
            if byte == .lineFeed {
                line &+= 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column &+= 1
            }
        }
        return TOMLPosition(line: line, column: column)
    }
}
