/// The parse of one document: its lines, table headers and key/value pairs.
/// Values are in TOMLValueParsing.swift, strings in TOMLStringParsing.swift.
struct TOMLDocumentParser {
    var cursor: TOMLCursor
    let maximumDepth: Int
    private let root: TOMLTableNode
    /// The table the current section's keys go into, and its header's key path.
    private var section: TOMLTableNode
    private var sectionPath: [TOMLKey] = []

    init(bytes: [UInt8], maximumDepth: Int) {
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        cursor = TOMLCursor(bytes: bytes, offset: bytes.starts(with: byteOrderMark) ? 3 : 0)
        self.maximumDepth = max(1, maximumDepth)
        root = TOMLTableNode(origin: .header, position: .start, depth: 0)
        section = root
    }

    mutating func parseDocument() throws(TOMLError) -> TOMLTable {
        while true {
            cursor.skipWhitespace()
            guard let byte = cursor.current else { break }
            switch byte {
            case .hash, .lineFeed, .carriageReturn:
                try finishLine(after: "comment")
            case .leftBracket:
                try parseHeader()
                try finishLine(after: "table header")
            default:
                try parseKeyValue()
                try finishLine(after: "value")
            }
        }
        return root.makeTable()
    }

    /// Whitespace, an optional comment, then a newline or the end of the document.
    private mutating func finishLine(after what: String) throws(TOMLError) {
        cursor.skipWhitespace()
        if cursor.current == .hash { try skipComment() }
        if cursor.isAtEnd { return }
        guard try cursor.skipNewline() else { throw cursor.unexpected("end of line after \(what)") }
    }

    /// Skips from `#` to the end of the line; comments may hold tabs but no other control characters.
    mutating func skipComment() throws(TOMLError) {
        cursor.advance()
        while let byte = cursor.current, byte != .lineFeed, byte != .carriageReturn {
            if byte.isForbiddenControl { throw cursor.error(.controlCharacter(byte, context: "a comment")) }
            cursor.advance()
        }
    }

    /// `[key]` or `[[key]]`.
    private mutating func parseHeader() throws(TOMLError) {
        cursor.advance()
        let isArrayOfTables = cursor.current == .leftBracket
        if isArrayOfTables { cursor.advance() }
        cursor.skipWhitespace()
        let path = try parseKey()
        cursor.skipWhitespace()
        if isArrayOfTables {
            guard cursor.isLooking(at: "]]") else { throw cursor.unexpected("']]' to close the array-of-tables header") }
            cursor.advance(2)
            section = try root.appendTable(path, maximumDepth: maximumDepth)
        } else {
            guard cursor.current == .rightBracket else { throw cursor.unexpected("']' to close the table header") }
            cursor.advance()
            section = try root.defineTable(path, maximumDepth: maximumDepth)
        }
        sectionPath = path
    }

    /// `key = value` in the current section.
    private mutating func parseKeyValue() throws(TOMLError) {
        let (path, value, valuePosition) = try parseKeyValuePair(depth: section.depth, prefix: sectionPath)
        try section.insert(value, at: path, valuePosition: valuePosition, prefix: sectionPath, maximumDepth: maximumDepth)
    }

    /// `key = value` for a table at `depth` whose own key path is `prefix` (for messages),
    /// in a section or an inline table.
    mutating func parseKeyValuePair(
        depth: Int, prefix: [TOMLKey]
    ) throws(TOMLError) -> ([TOMLKey], TOMLValue, TOMLPosition) {
        let path = try parseKey()
        cursor.skipWhitespace()
        guard cursor.current == .equals else { throw cursor.unexpected("'=' after key") }
        cursor.advance()
        cursor.skipWhitespace()
        let valuePosition = cursor.position()
        let value = try parseValue(depth: depth &+ path.count, keyPath: prefix + path)
        return (path, value, valuePosition)
    }

    /// A key: bare or quoted components joined by dots, with optional whitespace around
    /// the dots. Leaves the cursor after the last component (and any whitespace after it).
    mutating func parseKey() throws(TOMLError) -> [TOMLKey] {
        var path: [TOMLKey] = []
        while true {
            let position = cursor.position()
            guard path.count < maximumDepth else { throw TOMLError(.nestingTooDeep(limit: maximumDepth), at: position) }
            path.append(TOMLKey(name: try parseKeyComponent(), position: position))
            cursor.skipWhitespace()
            guard cursor.current == .dot else { return path }
            cursor.advance()
            cursor.skipWhitespace()
        }
    }

    private mutating func parseKeyComponent() throws(TOMLError) -> String {
        switch cursor.current {
        case .quote:
            if cursor.isLooking(at: "\"\"\"") { throw cursor.unexpected("a key (multi-line strings cannot be keys)") }
            return try parseBasicString()
        case .apostrophe:
            if cursor.isLooking(at: "'''") { throw cursor.unexpected("a key (multi-line strings cannot be keys)") }
            return try parseLiteralString()
        case let byte? where byte.isBareKeyCharacter:
            let start = cursor.offset
            while let next = cursor.current, next.isBareKeyCharacter { cursor.advance() }
            return cursor.text(from: start)
        default:
            throw cursor.unexpected("a key")
        }
    }
}
