/// A TOML table: keys in the order the document first wrote them, each with its value and
/// where both were written.
///
/// ```swift
/// let table = try TOMLParser.parse("name = \"counter\"\n[limits]\nmailbox_capacity = 64\n")
/// table["name"]?.stringValue                 // "counter"
/// table.entry(forKey: "limits")?.keyPosition // line 2, column 2
/// ```
///
/// Equality ignores order and positions: two tables are equal when they map the same keys
/// to equal values.
public struct TOMLTable: Sendable, Equatable {
    /// One key of a table.
    public struct Entry: Sendable {
        public var key: String
        public var value: TOMLValue
        /// Where the key was written: the last component of a dotted key, the name in a
        /// `[header]`, or where the header that implied the table was written.
        public var keyPosition: TOMLPosition
        /// Where the value starts (for a table: its header, opening brace or first dotted key).
        public var valuePosition: TOMLPosition

        public init(key: String, value: TOMLValue, keyPosition: TOMLPosition, valuePosition: TOMLPosition) {
            self.key = key
            self.value = value
            self.keyPosition = keyPosition
            self.valuePosition = valuePosition
        }
    }

    /// The entries in document order.
    public private(set) var entries: [Entry] = []
    private var indexByKey: [String: Int] = [:]
    /// Where the table was defined: its header, its opening brace, its first dotted key,
    /// or the start of the document for the root table.
    public var position: TOMLPosition

    public init(position: TOMLPosition = .start) {
        self.position = position
    }

    public var keys: [String] { entries.map(\.key) }
    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    /// The value at `key`. Setting a new key appends it (at the table's position);
    /// setting `nil` removes it.
    public subscript(key: String) -> TOMLValue? {
        get { entry(forKey: key)?.value }
        set {
            guard let newValue else {
                removeValue(forKey: key)
                return
            }
            if let index = indexByKey[key], entries.indices.contains(index) {
                entries[index].value = newValue
            } else {
                append(Entry(key: key, value: newValue, keyPosition: position, valuePosition: position))
            }
        }
    }

    public func entry(forKey key: String) -> Entry? {
        guard let index = indexByKey[key], entries.indices.contains(index) else { return nil }
        return entries[index]
    }

    /// Adds `entry`, replacing any entry with the same key in place.
    public mutating func append(_ entry: Entry) {
        if let index = indexByKey[entry.key], entries.indices.contains(index) {
            entries[index] = entry
        } else {
            indexByKey[entry.key] = entries.count
            entries.append(entry)
        }
    }

    /// Removes `key` and returns its value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> TOMLValue? {
        guard let index = indexByKey.removeValue(forKey: key), entries.indices.contains(index) else { return nil }
        let removed = entries.remove(at: index)
        for later in index..<entries.count { indexByKey[entries[later].key] = later }
        return removed.value
    }

    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.entries.allSatisfy { rhs[$0.key] == $0.value }
    }
}

extension TOMLTable: ExpressibleByDictionaryLiteral {
    /// A table of `elements`, in order; a later element replaces an earlier one with the same key.
    public init(dictionaryLiteral elements: (String, TOMLValue)...) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }
}
