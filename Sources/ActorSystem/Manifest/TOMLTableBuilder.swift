/// One component of a key as written, with where it was written.
struct TOMLKey {
    var name: String
    var position: TOMLPosition
}

/// A table while its document is being parsed, remembering how it came to exist, which
/// decides what may still add to it.
///
/// TOML's definition rules, as this parser applies them:
/// - `implicit`: created as the parent of a header (`[a]` by `[a.b]`). One later `[a]`
///   may define it; dotted keys may add to it (it then counts as `dotted`).
/// - `header`: defined by `[a]` or `[[a]]`. Only its own section writes keys into it;
///   later headers may define sub-tables, dotted keys from elsewhere may not.
/// - `dotted`: created by dotted keys (`a.b = 1` makes `a`). More dotted keys may add to it;
///   no header may define it, though headers may define sub-tables below it.
/// - `inline`: being built between braces. Once closed it becomes a plain value, and
///   plain values are never extended.
final class TOMLTableNode {
    enum Origin {
        case implicit, header, dotted, inline
    }

    /// The growing array behind `[[key]]` headers.
    final class ArrayOfTables {
        var tables: [TOMLTableNode]
        let position: TOMLPosition

        init(first: TOMLTableNode) {
            tables = [first]
            position = first.position
        }
    }

    enum Slot {
        case value(TOMLValue)
        case table(TOMLTableNode)
        case arrayOfTables(ArrayOfTables)
    }

    struct Entry {
        var key: String
        var slot: Slot
        var keyPosition: TOMLPosition
        var valuePosition: TOMLPosition
    }

    var origin: Origin
    let position: TOMLPosition
    /// How many tables enclose this one (the root has depth 0).
    let depth: Int
    private var entries: [Entry] = []
    private var indexByKey: [String: Int] = [:]

    init(origin: Origin, position: TOMLPosition, depth: Int) {
        self.origin = origin
        self.position = position
        self.depth = depth
    }

    func slot(_ key: String) -> Slot? {
        guard let index = indexByKey[key], entries.indices.contains(index) else { return nil }
        return entries[index].slot
    }

    /// Adds a key that is not there yet.
    func add(_ key: TOMLKey, _ slot: Slot, valuePosition: TOMLPosition) {
        indexByKey[key.name] = entries.count
        entries.append(Entry(key: key.name, slot: slot, keyPosition: key.position, valuePosition: valuePosition))
    }

    /// A new sub-table at `key`, refusing to nest deeper than `maximumDepth`.
    func addTable(_ key: TOMLKey, origin: Origin, maximumDepth: Int) throws(TOMLError) -> TOMLTableNode {
        guard depth < maximumDepth else { throw TOMLError(.nestingTooDeep(limit: maximumDepth), at: key.position) }
        let table = TOMLTableNode(origin: origin, position: key.position, depth: depth &+ 1)
        add(key, .table(table), valuePosition: key.position)
        return table
    }

    /// The finished table. Recursion is bounded by the depth limit.
    func makeTable() -> TOMLTable {
        var table = TOMLTable(position: position)
        for entry in entries {
            table.append(TOMLTable.Entry(
                key: entry.key, value: Self.makeValue(entry.slot),
                keyPosition: entry.keyPosition, valuePosition: entry.valuePosition))
        }
        return table
    }

    private static func makeValue(_ slot: Slot) -> TOMLValue {
        switch slot {
        case .value(let value): value
        case .table(let node): .table(node.makeTable())
        case .arrayOfTables(let array): .array(array.tables.map { .table($0.makeTable()) })
        }
    }
}

// MARK: - Definition rules

extension TOMLTableNode {
    /// Applies `[path]`: returns the table the following keys go into.
    func defineTable(_ path: [TOMLKey], maximumDepth: Int) throws(TOMLError) -> TOMLTableNode {
        guard let last = path.last else { return self }
        let parent = try tableForHeader(path.dropLast(), maximumDepth: maximumDepth)
        let name = TOMLKeyPath.render(path)
        switch parent.slot(last.name) {
        case nil:
            return try parent.addTable(last, origin: .header, maximumDepth: maximumDepth)
        case .table(let table) where table.origin == .implicit:
            table.origin = .header
            return table
        case .table:
            throw TOMLError(.duplicateTable(name), at: last.position)
        case .arrayOfTables:
            throw TOMLError(.arrayOfTablesRedefinedAsTable(name), at: last.position)
        case .value(let value):
            throw TOMLError(Self.cannotBeTable(name, value), at: last.position)
        }
    }

    /// Applies `[[path]]`: appends a table to the array and returns it.
    func appendTable(_ path: [TOMLKey], maximumDepth: Int) throws(TOMLError) -> TOMLTableNode {
        guard let last = path.last else { return self }
        let parent = try tableForHeader(path.dropLast(), maximumDepth: maximumDepth)
        let name = TOMLKeyPath.render(path)
        guard parent.depth < maximumDepth else {
            throw TOMLError(.nestingTooDeep(limit: maximumDepth), at: last.position)
        }
        let element = TOMLTableNode(origin: .header, position: last.position, depth: parent.depth &+ 1)
        switch parent.slot(last.name) {
        case nil:
            parent.add(last, .arrayOfTables(ArrayOfTables(first: element)), valuePosition: last.position)
        case .arrayOfTables(let array):
            array.tables.append(element)
        case .table:
            throw TOMLError(.tableRedefinedAsArrayOfTables(name), at: last.position)
        case .value(.array):
            throw TOMLError(.staticArrayIsClosed(name), at: last.position)
        case .value(let value):
            throw TOMLError(Self.cannotBeTable(name, value), at: last.position)
        }
        return element
    }

    /// Walks the leading keys of a header, creating implicit tables and entering the last
    /// table of arrays of tables.
    private func tableForHeader(_ path: ArraySlice<TOMLKey>, maximumDepth: Int) throws(TOMLError) -> TOMLTableNode {
        var table = self
        var walked: [TOMLKey] = []
        for key in path {
            walked.append(key)
            switch table.slot(key.name) {
            case nil:
                table = try table.addTable(key, origin: .implicit, maximumDepth: maximumDepth)
            case .table(let next):
                table = next
            case .arrayOfTables(let array):
                guard let lastTable = array.tables.last else { return table }
                table = lastTable
            case .value(let value):
                throw TOMLError(Self.cannotBeTable(TOMLKeyPath.render(walked), value), at: key.position)
            }
        }
        return table
    }

    /// Applies `path = value` inside this table (the section's table or an inline table).
    /// `prefix` is the section's own key path, for messages.
    func insert(
        _ value: TOMLValue, at path: [TOMLKey], valuePosition: TOMLPosition,
        prefix: [TOMLKey], maximumDepth: Int
    ) throws(TOMLError) {
        guard let last = path.last else { return }
        var table = self
        var walked = prefix
        for key in path.dropLast() {
            walked.append(key)
            switch table.slot(key.name) {
            case nil:
                table = try table.addTable(key, origin: .dotted, maximumDepth: maximumDepth)
            case .table(let next) where next.origin == .header:
                throw TOMLError(.headerTableExtendedByDottedKeys(TOMLKeyPath.render(walked)), at: key.position)
            case .table(let next):
                next.origin = .dotted
                table = next
            case .arrayOfTables:
                throw TOMLError(.headerTableExtendedByDottedKeys(TOMLKeyPath.render(walked)), at: key.position)
            case .value(let existing):
                throw TOMLError(Self.cannotBeTable(TOMLKeyPath.render(walked), existing), at: key.position)
            }
        }
        walked.append(last)
        guard table.slot(last.name) == nil else {
            throw TOMLError(.duplicateKey(TOMLKeyPath.render(walked)), at: last.position)
        }
        table.add(last, .value(value), valuePosition: valuePosition)
    }

    private static func cannotBeTable(_ name: String, _ value: TOMLValue) -> TOMLError.Reason {
        if case .table = value { return .inlineTableIsClosed(name) }
        return .notATable(key: name, holds: TOMLKeyPath.article(value.typeName))
    }
}

/// Writing key paths back as TOML for messages: `a."b c".d`.
enum TOMLKeyPath {
    static func render(_ path: [TOMLKey]) -> String {
        path.map { quotedIfNeeded($0.name) }.joined(separator: ".")
    }

    static func render(_ names: [String]) -> String {
        names.map(quotedIfNeeded).joined(separator: ".")
    }

    static func quotedIfNeeded(_ name: String) -> String {
        if !name.isEmpty, name.utf8.allSatisfy(\.isBareKeyCharacter) { return name }
        var quoted = "\""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    static func article(_ typeName: String) -> String {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        guard let first = typeName.first else { return typeName }
        return (vowels.contains(first) ? "an " : "a ") + typeName
    }
}
