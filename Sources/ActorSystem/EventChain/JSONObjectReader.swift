/// Reads one flat JSON object whose values are strings, unsigned integers or null: what
/// `JSONObjectWriter` writes for `--events` lines and saved chains, read back without
/// Foundation. Anything else is an error naming the byte offset.
struct JSONObjectReader {
    enum Value: Equatable {
        case string(String)
        case number(UInt64)
        case null
    }

    private let bytes: [UInt8]
    private var index = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The object's fields by key (a repeated key keeps its last value).
    static func read(_ text: some StringProtocol) throws(JSONReadError) -> [String: Value] {
        var reader = JSONObjectReader(Array(text.utf8))
        return try reader.object()
    }

    private mutating func object() throws(JSONReadError) -> [String: Value] {
        skipSpaces()
        try expect(UInt8(ascii: "{"))
        var fields: [String: Value] = [:]
        skipSpaces()
        if peek() == UInt8(ascii: "}") {
            index &+= 1
        } else {
            while true {
                skipSpaces()
                let key = try string()
                skipSpaces()
                try expect(UInt8(ascii: ":"))
                skipSpaces()
                fields[key] = try value()
                skipSpaces()
                guard let next = take() else { throw error("the object is not closed") }
                if next == UInt8(ascii: "}") { break }
                guard next == UInt8(ascii: ",") else { throw error("expected , or }") }
            }
        }
        skipSpaces()
        guard index == bytes.count else { throw error("text after the object") }
        return fields
    }

    private mutating func value() throws(JSONReadError) -> Value {
        switch peek() {
        case UInt8(ascii: "\"")?: return .string(try string())
        case UInt8(ascii: "n")?:
            guard bytes[index...].starts(with: "null".utf8) else { throw error("expected null") }
            index &+= 4
            return .null
        case let digit? where digit >= UInt8(ascii: "0") && digit <= UInt8(ascii: "9"):
            return .number(try number())
        default:
            throw error("expected a string, an unsigned integer or null")
        }
    }

    private mutating func number() throws(JSONReadError) -> UInt64 {
        var value: UInt64 = 0
        while let digit = peek(), digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit &- UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { throw error("the number is too large") }
            value = sum
            index &+= 1
        }
        return value
    }

    private mutating func string() throws(JSONReadError) -> String {
        try expect(UInt8(ascii: "\""))
        var utf8: [UInt8] = []
        while true {
            guard let byte = take() else { throw error("the string is not closed") }
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = UTF8Text.decode(utf8) else { throw error("the string is not valid UTF-8") }
                return text
            case UInt8(ascii: "\\"):
                try escape(into: &utf8)
            case 0x00..<0x20:
                throw error("a control character in a string")
            default:
                utf8.append(byte)
            }
        }
    }

    private mutating func escape(into utf8: inout [UInt8]) throws(JSONReadError) {
        guard let byte = take() else { throw error("the string is not closed") }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "u"): utf8.append(contentsOf: try unicodeEscape())
        default: throw error("an unknown escape")
        }
    }

    /// `\uXXXX` (the `\u` read), with a following low surrogate for a high one.
    private mutating func unicodeEscape() throws(JSONReadError) -> [UInt8] {
        var code = try hexQuad()
        if code >= 0xD800, code < 0xDC00 {
            guard take() == UInt8(ascii: "\\"), take() == UInt8(ascii: "u") else { throw error("a lone surrogate") }
            let low = try hexQuad()
            guard low >= 0xDC00, low < 0xE000 else { throw error("a lone surrogate") }
            code = 0x10000 &+ ((code &- 0xD800) << 10) &+ (low &- 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else { throw error("a lone surrogate") }
        return Array(String(Character(scalar)).utf8)
    }

    private mutating func hexQuad() throws(JSONReadError) -> UInt32 {
        guard index &+ 4 <= bytes.count,
            let digits = HexEncoding.bytes(from: String(decoding: bytes[index..<index &+ 4], as: UTF8.self))
        else { throw error("a bad \\u escape") }
        index &+= 4
        return digits.reduce(0) { $0 << 8 | UInt32($1) }
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func take() -> UInt8? {
        guard index < bytes.count else { return nil }
        defer { index &+= 1 }
        return bytes[index]
    }

    private mutating func expect(_ byte: UInt8) throws(JSONReadError) {
        guard take() == byte else { throw error("expected \(Character(Unicode.Scalar(byte)))") }
    }

    private mutating func skipSpaces() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index &+= 1 }
    }

    private func error(_ message: String) -> JSONReadError {
        JSONReadError(offset: index, message: message)
    }
}

/// Why a JSON line could not be read, and where (a byte offset in the line).
struct JSONReadError: Error {
    var offset: Int
    var message: String
}
