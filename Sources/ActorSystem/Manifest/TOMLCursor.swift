/// A position in the bytes of a TOML document that knows its line and column.
///
/// Lines advance only through `skipNewline()`, so every loop that may cross a line end
/// goes through it. Columns are computed on demand from a mark that moves forward with
/// each request, which keeps long single-line documents linear.
struct TOMLCursor {
    private let bytes: [UInt8]
    private(set) var offset: Int
    private(set) var line = 1
    private var lineStart: Int
    private var markOffset: Int
    private var markColumn = 1

    init(bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
        self.lineStart = offset
        self.markOffset = offset
    }

    var isAtEnd: Bool { offset >= bytes.count }

    /// The byte at the cursor, or nil at the end.
    var current: UInt8? { byte(at: offset) }

    /// The byte `distance` bytes ahead, or nil past the end.
    func peek(_ distance: Int) -> UInt8? { byte(at: offset &+ distance) }

    private func byte(at index: Int) -> UInt8? {
        index >= 0 && index < bytes.count ? bytes[index] : nil
    }

    /// Whether the bytes at the cursor are `text` (ASCII).
    func isLooking(at text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard count <= bytes.count &- offset else { return false }
        return text.withUTF8Buffer { expected in
            var index = 0
            while index < count {
                if bytes[offset &+ index] != expected[index] { return false }
                index &+= 1
            }
            return true
        }
    }

    /// Moves forward `count` bytes on the current line (never past the end).
    mutating func advance(_ count: Int = 1) {
        offset = min(bytes.count, offset &+ max(0, count))
    }

    /// The bytes from `start` up to the cursor.
    func bytes(from start: Int) -> ArraySlice<UInt8> {
        let lower = max(0, min(start, offset))
        return bytes[lower..<max(lower, min(offset, bytes.count))]
    }

    /// The text from `start` up to the cursor (the document is valid UTF-8).
    func text(from start: Int) -> String {
        String(decoding: bytes(from: start), as: UTF8.self)
    }

    /// Skips spaces and tabs.
    mutating func skipWhitespace() {
        while let byte = current, byte == .space || byte == .tab { offset &+= 1 }
    }

    /// Consumes a line feed or carriage return + line feed and starts a new line.
    /// Returns false, consuming nothing, when the cursor is not at a newline.
    mutating func skipNewline() throws(TOMLError) -> Bool {
        switch current {
        case .lineFeed:
            offset &+= 1
        case .carriageReturn:
            guard peek(1) == .lineFeed else { throw error(.bareCarriageReturn) }
            offset &+= 2
        default:
            return false
        }
        line &+= 1
        lineStart = offset
        markOffset = offset
        markColumn = 1
        return true
    }

    /// The position of the cursor.
    mutating func position() -> TOMLPosition {
        if markOffset < lineStart || markOffset > offset {
            markOffset = lineStart
            markColumn = 1
        }
        var index = markOffset
        while index < offset {
            // Each byte that does not continue a UTF-8 sequence starts a new scalar.
            if let byte = byte(at: index), byte & 0xC0 != 0x80 { markColumn &+= 1 }
            index &+= 1
        }
        markOffset = offset
        return TOMLPosition(line: line, column: markColumn)
    }

    /// An error at the cursor.
    mutating func error(_ reason: TOMLError.Reason) -> TOMLError {
        TOMLError(reason, at: position())
    }

    /// An "expected ..., found ..." error at the cursor.
    mutating func unexpected(_ expected: String) -> TOMLError {
        error(.unexpected(expected: expected, found: describeCurrent()))
    }

    /// The character at the cursor, worded for an error message.
    func describeCurrent() -> String {
        guard let first = current else { return "end of input" }
        switch first {
        case .lineFeed, .carriageReturn: return "end of line"
        case ..<0x20, 0x7F: return "control character U+00" + String(first, radix: 16, uppercase: true).leftPadded(to: 2)
        case ..<0x80: return "'" + String(UnicodeScalar(first)) + "'"
        default: return "'" + scalarText() + "'"
        }
    }

    /// The whole (multi-byte) scalar at the cursor.
    private func scalarText() -> String {
        var end = offset &+ 1
        while let byte = byte(at: end), byte & 0xC0 == 0x80, end &- offset < 4 { end &+= 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width &- count)) + self
    }
}

extension UInt8 {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22  // "
    static let hash: UInt8 = 0x23  // #
    static let apostrophe: UInt8 = 0x27  // '
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let colon: UInt8 = 0x3A
    static let equals: UInt8 = 0x3D
    static let leftBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let rightBracket: UInt8 = 0x5D
    static let underscore: UInt8 = 0x5F
    static let leftBrace: UInt8 = 0x7B
    static let rightBrace: UInt8 = 0x7D

    var isDecimalDigit: Bool { self >= 0x30 && self <= 0x39 }

    var isHexDigit: Bool {
        isDecimalDigit || (self >= 0x41 && self <= 0x46) || (self >= 0x61 && self <= 0x66)
    }

    var isASCIILetter: Bool { (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A) }

    /// A character of a bare key: A-Z a-z 0-9 _ -.
    var isBareKeyCharacter: Bool { isASCIILetter || isDecimalDigit || self == .underscore || self == .minus }

    /// A control character TOML forbids outside multi-line strings (tab is allowed).
    var isForbiddenControl: Bool { (self < 0x20 && self != .tab) || self == 0x7F }
}
