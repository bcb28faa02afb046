// Values: strings, arrays, inline tables, and the bare words (numbers, booleans, date-times).

extension TOMLDocumentParser {
    /// A value that will sit `depth` tables deep, under `keyPath` (for messages); arrays
    /// and inline tables past the depth limit are refused before they recurse.
    mutating func parseValue(depth: Int, keyPath: [TOMLKey]) throws(TOMLError) -> TOMLValue {
        switch cursor.current {
        case .quote:
            if cursor.isLooking(at: "\"\"\"") { return .string(try parseMultiLineBasicString()) }
            return .string(try parseBasicString())
        case .apostrophe:
            if cursor.isLooking(at: "'''") { return .string(try parseMultiLineLiteralString()) }
            return .string(try parseLiteralString())
        case .leftBracket:
            return try parseArray(depth: depth, keyPath: keyPath)
        case .leftBrace:
            return try parseInlineTable(depth: depth, keyPath: keyPath)
        case let byte? where byte.isBareValueCharacter:
            return try parseBareValue()
        default:
            throw cursor.unexpected("a value")
        }
    }

    /// `[ value, value, ]`: any types, newlines and comments between the elements, and an
    /// optional trailing comma.
    private mutating func parseArray(depth: Int, keyPath: [TOMLKey]) throws(TOMLError) -> TOMLValue {
        guard depth <= maximumDepth else { throw cursor.error(.nestingTooDeep(limit: maximumDepth)) }
        cursor.advance()
        var elements: [TOMLValue] = []
        while true {
            try skipArraySpace()
            if cursor.current == .rightBracket { break }
            elements.append(try parseValue(depth: depth &+ 1, keyPath: keyPath))
            try skipArraySpace()
            if cursor.current == .rightBracket { break }
            guard cursor.current == .comma else { throw cursor.unexpected("',' or ']' in array") }
            cursor.advance()
        }
        cursor.advance()
        return .array(elements)
    }

    /// Whitespace, newlines and comments, as allowed between array elements.
    private mutating func skipArraySpace() throws(TOMLError) {
        while true {
            cursor.skipWhitespace()
            if cursor.current == .hash { try skipComment() }
            guard try cursor.skipNewline() else { return }
        }
    }

    /// `{ key = value, key = value }` on one line; no trailing comma (TOML 1.0).
    private mutating func parseInlineTable(depth: Int, keyPath: [TOMLKey]) throws(TOMLError) -> TOMLValue {
        guard depth <= maximumDepth else { throw cursor.error(.nestingTooDeep(limit: maximumDepth)) }
        let table = TOMLTableNode(origin: .inline, position: cursor.position(), depth: depth)
        cursor.advance()
        cursor.skipWhitespace()
        if cursor.current == .rightBrace {
            cursor.advance()
            return .table(table.makeTable())
        }
        while true {
            cursor.skipWhitespace()
            let (path, value, valuePosition) = try parseKeyValuePair(depth: depth, prefix: keyPath)
            try table.insert(value, at: path, valuePosition: valuePosition, prefix: keyPath, maximumDepth: maximumDepth)
            cursor.skipWhitespace()
            switch cursor.current {
            case .rightBrace:
                cursor.advance()
                return .table(table.makeTable())
            case .comma:
                cursor.advance()
                cursor.skipWhitespace()
                if cursor.current == .rightBrace {
                    throw cursor.unexpected("a key after ',' (inline tables take no trailing comma)")
                }
            default:
                throw cursor.unexpected("',' or '}' in inline table")
            }
        }
    }

    /// A run of letters, digits and `+ - _ . :` (plus the space of `1979-05-27 07:32:00`):
    /// a boolean, number or date-time, told apart by its shape.
    private mutating func parseBareValue() throws(TOMLError) -> TOMLValue {
        let position = cursor.position()
        let start = cursor.offset
        skipBareValueCharacters()
        if TOMLDateTimeSyntax.isFullDate(cursor.bytes(from: start)), cursor.current == .space,
            cursor.peek(1)?.isDecimalDigit == true, cursor.peek(2)?.isDecimalDigit == true, cursor.peek(3) == .colon
        {
            cursor.advance()
            skipBareValueCharacters()
        }
        let token = cursor.bytes(from: start)
        let text = cursor.text(from: start)
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: break
        }
        if TOMLDateTimeSyntax.looksLikeDateOrTime(token) {
            guard TOMLDateTimeSyntax.isValid(token) else { throw TOMLError(.invalidDateTime(text), at: position) }
            return .datetime(text)
        }
        guard let first = token.first, first.isDecimalDigit || first == .plus || first == .minus
            || text == "inf" || text == "nan"
        else {
            throw TOMLError(.invalidValue(text), at: position)
        }
        return try TOMLNumberSyntax.value(of: token, text: text, at: position)
    }

    private mutating func skipBareValueCharacters() {
        while let byte = cursor.current, byte.isBareValueCharacter { cursor.advance() }
    }
}

extension UInt8 {
    /// A character that can appear in a number, boolean or date-time.
    var isBareValueCharacter: Bool {
        isASCIILetter || isDecimalDigit || self == .plus || self == .minus || self == .underscore
            || self == .dot || self == .colon
    }
}
