import WasmInterp

/// Turns command-line text into Wasm values of a given type.
///
/// Integers: signed or unsigned decimal, or `0x` hex (optionally negated). Floats: decimal,
/// `nan`, `inf`, `-inf` (Swift's float parsing). v128: `0x` and 32 hex digits, the bytes in
/// memory order. References: `null`, or an externref's number.
enum ArgumentValueParsing {
    static func value(_ text: String, as type: ValueType) -> Value? {
        switch type {
        case .i32: return integerBits(text, bitWidth: 32).map { .i32(UInt32(truncatingIfNeeded: $0)) }
        case .i64: return integerBits(text, bitWidth: 64).map { .i64($0) }
        case .f32: return Float(text).map { .f32($0.bitPattern) }
        case .f64: return Double(text).map { .f64($0.bitPattern) }
        case .v128: return vector(text).map { .v128($0) }
        case .funcref: return text == "null" ? .ref(.null(.funcref)) : nil
        case .externref: return externReference(text)
        }
    }

    /// The bit pattern of an integer that fits `bitWidth` bits signed or unsigned.
    static func integerBits(_ text: String, bitWidth: Int) -> UInt64? {
        var digits = Substring(text)
        let isNegative = digits.hasPrefix("-")
        if isNegative || digits.hasPrefix("+") { digits = digits.dropFirst() }
        let radix: Int
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            digits = digits.dropFirst(2)
            radix = 16
        } else {
            radix = 10
        }
        // UInt64(_:radix:) would accept another sign here.
        guard let first = digits.first, first.isHexDigit, let magnitude = UInt64(digits, radix: radix) else { return nil }
        let mask: UInt64 = bitWidth >= 64 ? .max : (1 << UInt64(bitWidth)) - 1
        if isNegative {
            let smallest: UInt64 = 1 << UInt64(bitWidth - 1)
            guard magnitude <= smallest else { return nil }
            return (0 &- magnitude) & mask
        }
        guard magnitude <= mask else { return nil }
        return magnitude
    }

    static func vector(_ text: String) -> V128? {
        guard text.hasPrefix("0x") || text.hasPrefix("0X") else { return nil }
        let digits = Array(text.utf8.dropFirst(2))
        guard digits.count == 32 else { return nil }
        var bytes: [UInt8] = []
        for pairStart in stride(from: 0, to: 32, by: 2) {
            guard let high = hexDigitValue(digits[pairStart]), let low = hexDigitValue(digits[pairStart + 1]) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return V128(bytes: bytes)
    }

    private static func hexDigitValue(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return character - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func externReference(_ text: String) -> Value? {
        if text == "null" { return .ref(.null(.externref)) }
        return integerBits(text, bitWidth: 64).map { .ref(.extern($0)) }
    }
}
