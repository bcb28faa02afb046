/// Integers and floats, from the bare word that spells them.
///
/// Integers: decimal with an optional sign and no leading zeros, or unsigned `0x`, `0o`,
/// `0b`; underscores only between digits; the value must fit in `Int64`.
/// Floats: a decimal integer part, then a fraction, an exponent or both; or `inf`/`nan`
/// with an optional sign.
enum TOMLNumberSyntax {
    static func value(of token: ArraySlice<UInt8>, text: String, at position: TOMLPosition) throws(TOMLError) -> TOMLValue {
        var digits = token
        var isNegative = false
        if let sign = digits.first, sign == .plus || sign == .minus {
            isNegative = sign == .minus
            digits = digits.dropFirst()
        }
        if digits.elementsEqual("inf".utf8) { return .float(isNegative ? -.infinity : .infinity) }
        if digits.elementsEqual("nan".utf8) { return .float(isNegative ? -.nan : .nan) }
        if let radix = radixPrefix(digits) {
            guard digits.count == token.count else { throw TOMLError(.invalidInteger(text), at: position) }
            return .integer(try prefixedInteger(digits.dropFirst(2), radix: radix, text: text, at: position))
        }
        if digits.contains(where: { $0 == .dot || $0 == 0x65 || $0 == 0x45 }) {
            return .float(try float(digits, isNegative: isNegative, text: text, at: position))
        }
        return .integer(try decimalInteger(digits, isNegative: isNegative, text: text, at: position))
    }

    private static func radixPrefix(_ digits: ArraySlice<UInt8>) -> UInt64? {
        guard digits.count >= 2, digits.first == 0x30 else { return nil }
        switch digits.dropFirst().first {
        case 0x78: return 16  // x
        case 0x6F: return 8  // o
        case 0x62: return 2  // b
        default: return nil
        }
    }

    private static func prefixedInteger(
        _ digits: ArraySlice<UInt8>, radix: UInt64, text: String, at position: TOMLPosition
    ) throws(TOMLError) -> Int64 {
        guard hasUnderscoresOnlyBetweenDigits(digits, isDigit: { digitValue($0).map { $0 < radix } ?? false }) else {
            throw TOMLError(.invalidInteger(text), at: position)
        }
        var magnitude: UInt64 = 0
        for digit in digits where digit != .underscore {
            guard let value = digitValue(digit) else { throw TOMLError(.invalidInteger(text), at: position) }
            let (shifted, overflow) = magnitude.multipliedReportingOverflow(by: radix)
            guard !overflow, shifted <= UInt64(Int64.max) &- value else {
                throw TOMLError(.integerOutOfRange(text), at: position)
            }
            magnitude = shifted &+ value
        }
        return Int64(magnitude)
    }

    private static func decimalInteger(
        _ digits: ArraySlice<UInt8>, isNegative: Bool, text: String, at position: TOMLPosition
    ) throws(TOMLError) -> Int64 {
        guard isDecimalIntegerPart(digits) else { throw TOMLError(.invalidInteger(text), at: position) }
        // Magnitudes up to 2^63 fit, so -9223372036854775808 is accepted.
        let limit = isNegative ? UInt64(Int64.max) &+ 1 : UInt64(Int64.max)
        var magnitude: UInt64 = 0
        for digit in digits where digit != .underscore {
            let value = UInt64(digit &- 0x30)
            let (shifted, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            guard !overflow, shifted <= limit &- value else { throw TOMLError(.integerOutOfRange(text), at: position) }
            magnitude = shifted &+ value
        }
        return isNegative ? Int64(bitPattern: 0 &- magnitude) : Int64(bitPattern: magnitude)
    }

    private static func float(
        _ digits: ArraySlice<UInt8>, isNegative: Bool, text: String, at position: TOMLPosition
    ) throws(TOMLError) -> Double {
        guard isFloatBody(digits) else { throw TOMLError(.invalidFloat(text), at: position) }
        let plain = String(decoding: digits.filter { $0 != .underscore }, as: UTF8.self)
        guard let magnitude = Double(plain) else { throw TOMLError(.invalidFloat(text), at: position) }
        guard magnitude.isFinite else { throw TOMLError(.floatOutOfRange(text), at: position) }
        return isNegative ? -magnitude : magnitude
    }

    /// `int-part ( "." digits )? ( [eE] [+-]? digits )?` with at least one of the two
    /// optional parts.
    private static func isFloatBody(_ digits: ArraySlice<UInt8>) -> Bool {
        let exponentMark = digits.firstIndex { $0 == 0x65 || $0 == 0x45 }
        let mantissa = digits[digits.startIndex..<(exponentMark ?? digits.endIndex)]
        let dot = mantissa.firstIndex(of: .dot)
        let integerPart = mantissa[mantissa.startIndex..<(dot ?? mantissa.endIndex)]
        guard isDecimalIntegerPart(integerPart) else { return false }
        if let dot {
            guard hasUnderscoresOnlyBetweenDigits(mantissa[(dot &+ 1)...], isDigit: \.isDecimalDigit) else { return false }
        }
        if let exponentMark {
            var exponent = digits[(exponentMark &+ 1)...]
            if let sign = exponent.first, sign == .plus || sign == .minus { exponent = exponent.dropFirst() }
            guard hasUnderscoresOnlyBetweenDigits(exponent, isDigit: \.isDecimalDigit) else { return false }
        }
        return dot != nil || exponentMark != nil
    }

    /// Digits without a leading zero (unless it is the only digit), underscores between digits.
    private static func isDecimalIntegerPart(_ digits: ArraySlice<UInt8>) -> Bool {
        guard hasUnderscoresOnlyBetweenDigits(digits, isDigit: \.isDecimalDigit) else { return false }
        return digits.first != 0x30 || digits.count == 1
    }

    /// Non-empty, only digits and underscores, each underscore between two digits.
    private static func hasUnderscoresOnlyBetweenDigits(_ digits: ArraySlice<UInt8>, isDigit: (UInt8) -> Bool) -> Bool {
        var previousWasDigit = false
        for byte in digits {
            if byte == .underscore {
                guard previousWasDigit else { return false }
                previousWasDigit = false
            } else {
                guard isDigit(byte) else { return false }
                previousWasDigit = true
            }
        }
        return previousWasDigit
    }

    private static func digitValue(_ digit: UInt8) -> UInt64? {
        switch digit {
        case 0x30...0x39: UInt64(digit &- 0x30)
        case 0x41...0x46: UInt64(digit &- 0x41 &+ 10)
        case 0x61...0x66: UInt64(digit &- 0x61 &+ 10)
        default: nil
        }
    }
}
