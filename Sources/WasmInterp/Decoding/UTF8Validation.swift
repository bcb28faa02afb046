/// Strict UTF-8 validation as the binary format requires for names: no overlong forms,
/// no surrogates (U+D800–U+DFFF), nothing above U+10FFFF, no truncated sequences.
///
/// `String(decoding:as:)` would silently repair such bytes, so names are checked first.
enum UTF8Validation {
    static func isValid(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return false }
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard let length = sequenceLength(lead), end - index >= length else { return false }
            let second = bytes[index + 1]
            guard secondByteRange(lead).contains(second) else { return false }
            for continuation in (index + 2)..<(index + length) where bytes[continuation] & 0xC0 != 0x80 {
                return false
            }
            index += length
        }
        return true
    }

    /// Total bytes of a multi-byte sequence starting with `lead`, or nil if `lead` cannot start one.
    private static func sequenceLength(_ lead: UInt8) -> Int? {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return nil
        }
    }

    /// The allowed second byte; narrower than 0x80...0xBF exactly where overlong forms,
    /// surrogates or code points above U+10FFFF would otherwise sneak in.
    private static func secondByteRange(_ lead: UInt8) -> ClosedRange<UInt8> {
        switch lead {
        case 0xE0: return 0xA0...0xBF
        case 0xED: return 0x80...0x9F
        case 0xF0: return 0x90...0xBF
        case 0xF4: return 0x80...0x8F
        default: return 0x80...0xBF
        }
    }
}
