/// A TOML document could not be parsed: what was wrong, and where.
///
/// `description` reads `line 3, column 9: expected '=' after key, found '1'`.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as data; `message` words it.
    public enum Reason: Sendable, Equatable {
        /// The bytes are not UTF-8.
        case invalidUTF8
        /// The grammar wanted `expected` (for example `"'=' after key"`) and saw `found`.
        case unexpected(expected: String, found: String)
        /// A control character where TOML forbids it (anywhere but inside multi-line strings, tab excepted).
        case controlCharacter(UInt8, context: String)
        /// A carriage return not followed by a line feed.
        case bareCarriageReturn
        /// A string opened but never closed; `kind` is "string", "multi-line string"...
        case unterminatedString(kind: String)
        /// A single-line string ran into the end of the line.
        case newlineInString
        /// A backslash escape TOML 1.0 does not define, as written (`\x`, `\ `).
        case invalidEscape(String)
        /// `\u`/`\U` naming a surrogate or a value above U+10FFFF, as written.
        case invalidUnicodeEscape(String)
        /// Not a TOML integer (leading zero, misplaced underscore...), as written.
        case invalidInteger(String)
        /// A TOML integer outside the 64-bit signed range.
        case integerOutOfRange(String)
        /// Not a TOML float (`1.`, `.5`, `1e`...), as written.
        case invalidFloat(String)
        /// A finite float literal too large for a 64-bit float.
        case floatOutOfRange(String)
        /// A malformed or impossible date or time (`2023-02-30`, `25:00:00`), as written.
        case invalidDateTime(String)
        /// A bare word that is no TOML value (`yes`, `True`), as written.
        case invalidValue(String)
        /// A key given a value twice.
        case duplicateKey(String)
        /// A table defined twice (by headers, or a header naming a table dotted keys made).
        case duplicateTable(String)
        /// A key used as a table although it already holds a value of another type.
        case notATable(key: String, holds: String)
        /// An inline table extended after its closing brace.
        case inlineTableIsClosed(String)
        /// `[[key]]` appending to an array written as a value.
        case staticArrayIsClosed(String)
        /// `[key]` naming an array of tables.
        case arrayOfTablesRedefinedAsTable(String)
        /// `[[key]]` naming a table.
        case tableRedefinedAsArrayOfTables(String)
        /// Dotted keys adding to a table that a `[header]` (or `[[header]]`) defined.
        case headerTableExtendedByDottedKeys(String)
        /// Arrays, inline tables and key paths nested deeper than the parser allows.
        case nestingTooDeep(limit: Int)
    }

    public var reason: Reason
    /// Where the problem starts.
    public var position: TOMLPosition

    public init(_ reason: Reason, at position: TOMLPosition) {
        self.reason = reason
        self.position = position
    }

    public var line: Int { position.line }
    public var column: Int { position.column }

    public var description: String { "\(position): \(message)" }

    /// The problem in words, without the position.
    public var message: String { reason.message }
}

extension TOMLError.Reason {
    var message: String {
        switch self {
        case .invalidUTF8: "invalid UTF-8"
        case .unexpected(let expected, let found): "expected \(expected), found \(found)"
        case .controlCharacter(let byte, let context): "control character \(Self.hex(byte)) is not allowed in \(context)"
        case .bareCarriageReturn: "carriage return not followed by a line feed"
        case .unterminatedString(let kind): "unterminated \(kind)"
        case .newlineInString: "newline in a single-line string (use \"\"\" or ''' for multi-line strings)"
        case .invalidEscape(let text): "invalid escape sequence '\(text)'"
        case .invalidUnicodeEscape(let text): "escape '\(text)' is not a Unicode scalar value"
        case .invalidInteger(let text): "invalid integer '\(text)'"
        case .integerOutOfRange(let text): "integer '\(text)' does not fit in 64 bits"
        case .invalidFloat(let text): "invalid float '\(text)'"
        case .floatOutOfRange(let text): "float '\(text)' is too large for a 64-bit float"
        case .invalidDateTime(let text): "invalid date or time '\(text)'"
        case .invalidValue(let text): "invalid value '\(text)'"
        case .duplicateKey(let key): "duplicate key '\(key)'"
        case .duplicateTable(let key): "table '\(key)' is defined more than once"
        case .notATable(let key, let holds): "key '\(key)' already holds \(holds), not a table"
        case .inlineTableIsClosed(let key): "inline table '\(key)' cannot be extended after its closing brace"
        case .staticArrayIsClosed(let key): "array '\(key)' was written as a value; [[\(key)]] cannot append to it"
        case .arrayOfTablesRedefinedAsTable(let key): "'\(key)' is an array of tables; [\(key)] cannot redefine it as a table"
        case .tableRedefinedAsArrayOfTables(let key): "'\(key)' is a table; [[\(key)]] cannot make it an array of tables"
        case .headerTableExtendedByDottedKeys(let key): "table '\(key)' was defined by a header; dotted keys cannot add to it"
        case .nestingTooDeep(let limit): "nesting deeper than \(limit) levels"
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
