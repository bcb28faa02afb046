/// Recognising and checking TOML date-times (RFC 3339 as TOML 1.0 restricts it):
///
///     1979-05-27T07:32:00Z          offset date-time (also t or a space for T, z for Z,
///     1979-05-27T00:32:00.999-07:00  fractional seconds, +HH:MM / -HH:MM offsets)
///     1979-05-27T07:32:00           local date-time
///     1979-05-27                    local date
///     07:32:00.999                  local time (seconds are required in TOML 1.0)
enum TOMLDateTimeSyntax {
    /// Whether a bare word is meant as a date or time (`DDDD-` or `DD:`), so that a
    /// malformed one is reported as a date rather than as a number.
    static func looksLikeDateOrTime(_ token: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(token.prefix(5))
        if bytes.count == 5, bytes[0..<4].allSatisfy(\.isDecimalDigit), bytes[4] == .minus { return true }
        return bytes.count >= 3 && bytes[0].isDecimalDigit && bytes[1].isDecimalDigit && bytes[2] == .colon
    }

    /// Exactly `YYYY-MM-DD`, whether or not the date exists.
    static func isFullDate(_ token: ArraySlice<UInt8>) -> Bool {
        var reader = FieldReader(token)
        return reader.number(digits: 4) != nil && reader.skip(.minus) && reader.number(digits: 2) != nil
            && reader.skip(.minus) && reader.number(digits: 2) != nil && reader.isAtEnd
    }

    /// Whether a date-or-time-shaped word is a valid TOML date-time, local date or local time.
    static func isValid(_ token: ArraySlice<UInt8>) -> Bool {
        var reader = FieldReader(token)
        if token.dropFirst(2).first == .colon { return reader.time() && reader.isAtEnd }
        guard reader.date() else { return false }
        if reader.isAtEnd { return true }
        guard let separator = reader.next(), separator == 0x54 || separator == 0x74 || separator == .space else {
            return false
        }
        guard reader.time() else { return false }
        if reader.isAtEnd { return true }
        return reader.offset() && reader.isAtEnd
    }

    /// Reads fixed-width fields left to right.
    private struct FieldReader {
        private var bytes: ArraySlice<UInt8>

        init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

        var isAtEnd: Bool { bytes.isEmpty }

        mutating func next() -> UInt8? { bytes.popFirst() }

        mutating func skip(_ byte: UInt8) -> Bool {
            guard bytes.first == byte else { return false }
            bytes.removeFirst()
            return true
        }

        /// Exactly `digits` decimal digits, as a number.
        mutating func number(digits: Int) -> Int? {
            var value = 0
            for _ in 0..<digits {
                guard let digit = bytes.first, digit.isDecimalDigit else { return nil }
                value = value &* 10 &+ Int(digit &- 0x30)
                bytes.removeFirst()
            }
            return value
        }

        /// `YYYY-MM-DD`, a day that exists (February 29 only in leap years).
        mutating func date() -> Bool {
            guard let year = number(digits: 4), skip(.minus), let month = number(digits: 2), skip(.minus),
                let day = number(digits: 2)
            else { return false }
            return (1...12).contains(month) && day >= 1 && day <= Self.days(inMonth: month, year: year)
        }

        /// `HH:MM:SS` with an optional fraction; second 60 is allowed for leap seconds.
        mutating func time() -> Bool {
            guard let hour = number(digits: 2), skip(.colon), let minute = number(digits: 2), skip(.colon),
                let second = number(digits: 2)
            else { return false }
            guard hour <= 23, minute <= 59, second <= 60 else { return false }
            if skip(.dot) {
                guard bytes.first?.isDecimalDigit == true else { return false }
                while bytes.first?.isDecimalDigit == true { bytes.removeFirst() }
            }
            return true
        }

        /// `Z`, `z`, or `+HH:MM` / `-HH:MM`.
        mutating func offset() -> Bool {
            guard let mark = next() else { return false }
            if mark == 0x5A || mark == 0x7A { return true }
            guard mark == .plus || mark == .minus, let hour = number(digits: 2), skip(.colon),
                let minute = number(digits: 2)
            else { return false }
            return hour <= 23 && minute <= 59
        }

        private static func days(inMonth month: Int, year: Int) -> Int {
            switch month {
            case 2: isLeap(year) ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        }

        private static func isLeap(_ year: Int) -> Bool {
            year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        }
    }
}
