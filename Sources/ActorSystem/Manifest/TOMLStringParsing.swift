// The four kinds of TOML string: basic "...", literal '...', and their multi-line forms.

extension TOMLDocumentParser {
    /// `"..."` with escapes, on one line.
    mutating func parseBasicString() throws(TOMLError) -> String {
        let start = cursor.position()
        cursor.advance()
        var buffer: [UInt8] = []
        while true {
            guard let byte = cursor.current else { throw TOMLError(.unterminatedString(kind: "string"), at: start) }
            switch byte {
            case .quote:
                cursor.advance()
                return String(decoding: buffer, as: UTF8.self)
            case .backslash:
                try appendEscape(to: &buffer)
            case .lineFeed, .carriageReturn:
                throw cursor.error(.newlineInString)
            default:
                if byte.isForbiddenControl { throw cursor.error(.controlCharacter(byte, context: "a string")) }
                buffer.append(byte)
                cursor.advance()
            }
        }
    }

    /// `'...'`, taken as written, on one line.
    mutating func parseLiteralString() throws(TOMLError) -> String {
        let start = cursor.position()
        cursor.advance()
        let contentStart = cursor.offset
        while true {
            guard let byte = cursor.current else { throw TOMLError(.unterminatedString(kind: "literal string"), at: start) }
            switch byte {
            case .apostrophe:
                let text = cursor.text(from: contentStart)
                cursor.advance()
                return text
            case .lineFeed, .carriageReturn:
                throw cursor.error(.newlineInString)
            default:
                if byte.isForbiddenControl { throw cursor.error(.controlCharacter(byte, context: "a literal string")) }
                cursor.advance()
            }
        }
    }

    /// `"""..."""`: escapes, newlines, and a backslash at the end of a line that swallows
    /// the line break and the whitespace after it.
    mutating func parseMultiLineBasicString() throws(TOMLError) -> String {
        let start = cursor.position()
        cursor.advance(3)
        _ = try cursor.skipNewline()  // A newline right after the opening quotes is trimmed.
        var buffer: [UInt8] = []
        while true {
            guard let byte = cursor.current else {
                throw TOMLError(.unterminatedString(kind: "multi-line string"), at: start)
            }
            switch byte {
            case .quote:
                if closeMultiLineString(quote: .quote, into: &buffer) { return String(decoding: buffer, as: UTF8.self) }
            case .backslash:
                if let next = cursor.peek(1), next == .space || next == .tab || next == .lineFeed || next == .carriageReturn {
                    try skipLineEndingBackslash()
                } else {
                    try appendEscape(to: &buffer)
                }
            default:
                try appendMultiLineByte(byte, to: &buffer, context: "a multi-line string")
            }
        }
    }

    /// `'''...'''`: taken as written, newlines included.
    mutating func parseMultiLineLiteralString() throws(TOMLError) -> String {
        let start = cursor.position()
        cursor.advance(3)
        _ = try cursor.skipNewline()
        var buffer: [UInt8] = []
        while true {
            guard let byte = cursor.current else {
                throw TOMLError(.unterminatedString(kind: "multi-line literal string"), at: start)
            }
            if byte == .apostrophe {
                if closeMultiLineString(quote: .apostrophe, into: &buffer) { return String(decoding: buffer, as: UTF8.self) }
            } else {
                try appendMultiLineByte(byte, to: &buffer, context: "a multi-line literal string")
            }
        }
    }

    /// At a run of quote characters inside a multi-line string: one or two are content;
    /// three close the string, and up to two more just before them are content too
    /// (`"""a""""` is `a"`). A longer run leaves its rest for the caller to reject.
    private mutating func closeMultiLineString(quote: UInt8, into buffer: inout [UInt8]) -> Bool {
        var run = 0
        while cursor.peek(run) == quote { run &+= 1 }
        if run < 3 {
            buffer.append(contentsOf: repeatElement(quote, count: run))
            cursor.advance(run)
            return false
        }
        let content = min(run &- 3, 2)
        buffer.append(contentsOf: repeatElement(quote, count: content))
        cursor.advance(content &+ 3)
        return true
    }

    /// One byte of multi-line content: newlines (read as "\n") and tabs are fine, other
    /// control characters are not.
    private mutating func appendMultiLineByte(_ byte: UInt8, to buffer: inout [UInt8], context: String) throws(TOMLError) {
        if try cursor.skipNewline() {
            buffer.append(.lineFeed)
            return
        }
        if byte.isForbiddenControl { throw cursor.error(.controlCharacter(byte, context: context)) }
        buffer.append(byte)
        cursor.advance()
    }

    /// `\` then optional whitespace then a newline: skips it all, and every whitespace and
    /// newline after it, up to the next other character.
    private mutating func skipLineEndingBackslash() throws(TOMLError) {
        let backslash = cursor.position()
        cursor.advance()
        cursor.skipWhitespace()
        guard try cursor.skipNewline() else { throw TOMLError(.invalidEscape("\\ "), at: backslash) }
        repeat { cursor.skipWhitespace() } while try cursor.skipNewline()
    }

    /// One escape sequence at the cursor: `\b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX`.
    mutating func appendEscape(to buffer: inout [UInt8]) throws(TOMLError) {
        let position = cursor.position()
        cursor.advance()
        guard let code = cursor.current else { throw TOMLError(.invalidEscape("\\"), at: position) }
        if let simple = Self.simpleEscapes[code] {
            buffer.append(simple)
            cursor.advance()
            return
        }
        let digitCount: Int
        switch code {
        case 0x75: digitCount = 4  // u
        case 0x55: digitCount = 8  // U
        default: throw TOMLError(.invalidEscape("\\" + cursor.describeCurrentScalar()), at: position)
        }
        cursor.advance()
        let digitsStart = cursor.offset
        var value: UInt32 = 0
        for _ in 0..<digitCount {
            guard let digit = cursor.current, let digitValue = Self.hexValue(digit) else {
                let written = "\\" + String(UnicodeScalar(code)) + cursor.text(from: digitsStart)
                throw TOMLError(.invalidEscape(written), at: position)
            }
            value = value &<< 4 | digitValue
            cursor.advance()
        }
        guard let scalar = Unicode.Scalar(value) else {
            let written = "\\" + String(UnicodeScalar(code)) + cursor.text(from: digitsStart)
            throw TOMLError(.invalidUnicodeEscape(written), at: position)
        }
        buffer.append(contentsOf: String(scalar).utf8)
    }

    private static let simpleEscapes: [UInt8: UInt8] = [
        0x62: 0x08,  // \b
        0x74: 0x09,  // \t
        0x6E: 0x0A,  // \n
        0x66: 0x0C,  // \f
        0x72: 0x0D,  // \r
        0x22: 0x22,  // \"
        0x5C: 0x5C,  // \\
    ]

    private static func hexValue(_ digit: UInt8) -> UInt32? {
        switch digit {
        case 0x30...0x39: UInt32(digit &- 0x30)
        case 0x41...0x46: UInt32(digit &- 0x41 &+ 10)
        case 0x61...0x66: UInt32(digit &- 0x61 &+ 10)
        default: nil
        }
    }
}

extension TOMLCursor {
    /// The scalar at the cursor as text (escaped when it is a control character), for
    /// quoting it in a message.
    func describeCurrentScalar() -> String {
        let description = describeCurrent()
        if description.hasPrefix("'"), description.hasSuffix("'"), description.count >= 3 {
            return String(description.dropFirst().dropLast())
        }
        return "<\(description)>"
    }
}
