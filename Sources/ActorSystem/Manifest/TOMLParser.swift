/// Parses TOML 1.0 documents into `TOMLTable`s.
///
/// ```swift
/// let table = try TOMLParser.parse("""
///     name = "counter"
///     [[handler]]
///     type = "runtime"
///     """)
/// ```
///
/// Everything in TOML 1.0 is supported. Choices the specification leaves open:
/// - Date-times become `.datetime` with their text as written, once validated.
/// - Newlines inside multi-line strings read as "\n", whether written LF or CRLF.
/// - A leading byte order mark is skipped.
/// - Finite floats too large for `Double` are errors; tiny ones round to zero.
///
/// Errors are `TOMLError`s with a 1-based line and column. Malformed or hostile input
/// fails with an error, never a crash: tables and arrays nest at most `maximumNestingDepth`
/// levels (the root table is level 0, so `a = [[1]]` needs 2), which keeps the recursive
/// value parser shallow.
public enum TOMLParser {
    /// How deeply tables and arrays may nest unless told otherwise.
    public static let defaultMaximumNestingDepth = 100

    /// Parses a document given as text.
    public static func parse(
        _ text: String, maximumNestingDepth: Int = defaultMaximumNestingDepth
    ) throws(TOMLError) -> TOMLTable {
        var parser = TOMLDocumentParser(bytes: Array(text.utf8), maximumDepth: maximumNestingDepth)
        return try parser.parseDocument()
    }

    /// Parses a document given as bytes, which must be UTF-8.
    public static func parse(
        bytes: [UInt8], maximumNestingDepth: Int = defaultMaximumNestingDepth
    ) throws(TOMLError) -> TOMLTable {
        if let offset = TOMLUTF8Validation.firstInvalidOffset(in: bytes) {
            throw TOMLError(.invalidUTF8, at: TOMLUTF8Validation.position(of: offset, in: bytes))
        }
        var parser = TOMLDocumentParser(bytes: bytes, maximumDepth: maximumNestingDepth)
        return try parser.parseDocument()
    }
}
