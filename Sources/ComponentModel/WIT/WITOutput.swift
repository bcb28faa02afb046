/// WIT text being built: lines at an indentation, with a blank line between the items of
/// a block (but not before the first).
struct WITOutput {
    private(set) var text = ""
    private var indentation = 0
    /// Whether the current block has printed an item yet.
    var hasItems = false

    mutating func line(_ content: String) {
        text += String(repeating: "  ", count: indentation) + content + "\n"
    }

    mutating func blankLine() {
        text += "\n"
    }

    /// Starts an item: a blank line first unless it is the block's first.
    mutating func startItem() {
        if hasItems { text += "\n" }
        hasItems = true
    }

    /// `header {`, then everything up to `close()` one level deeper, as a new block.
    /// Returns the enclosing block's item state, for `close` to restore.
    mutating func open(_ header: String) -> Bool {
        line(header + " {")
        indentation += 1
        let enclosing = hasItems
        hasItems = false
        return enclosing
    }

    mutating func close(restoring enclosing: Bool) {
        indentation -= 1
        line("}")
        hasItems = enclosing
    }
}
