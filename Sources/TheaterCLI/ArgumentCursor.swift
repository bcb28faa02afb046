/// Walks a command line one token at a time, for hand-written option parsing.
struct ArgumentCursor {
    private var remaining: ArraySlice<String>

    init(_ arguments: [String]) { remaining = arguments[...] }

    var isAtEnd: Bool { remaining.isEmpty }

    mutating func next() -> String? { remaining.popFirst() }

    /// The value after `option`, which must be there.
    mutating func value(of option: String) throws(CommandLineError) -> String {
        guard let value = remaining.popFirst() else { throw .usage("\(option) needs a value") }
        return value
    }

    /// The non-negative integer after `option`.
    mutating func count(of option: String) throws(CommandLineError) -> UInt64 {
        let text = try value(of: option)
        guard let number = UInt64(text), text.first != "+" else {
            throw .usage("\(option) needs a non-negative integer, not \"\(text)\"")
        }
        return number
    }
}

extension String {
    /// Whether this token is an option (`--name`) rather than a value; single-dash tokens are
    /// values, so that `-1` and `-inf` can be arguments.
    var isOption: Bool { hasPrefix("--") }
}
