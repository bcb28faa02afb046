/// A place in a TOML document: 1-based line and 1-based column.
///
/// Columns count Unicode scalars, not bytes, so they match what an editor shows for
/// text without tabs or combining marks.
public struct TOMLPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The first character of a document; also the position of its root table.
    public static let start = TOMLPosition(line: 1, column: 1)

    public static func < (lhs: TOMLPosition, rhs: TOMLPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "line \(line), column \(column)" }
}
