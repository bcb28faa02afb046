/// Reads typed values out of one table of a manifest, turning every problem into a
/// `ManifestError` that names the key and points at the value, and remembering which
/// keys were read so that the rest can be reported as unknown.
struct ManifestTableReader {
    let table: TOMLTable
    /// The table's own key path (`""` for the root, `limits`, `handler[0]`).
    let path: String
    private var readKeys: Set<String> = []

    init(_ table: TOMLTable, path: String) {
        self.table = table
        self.path = path
    }

    func keyPath(_ key: String) -> String {
        let quoted = TOMLKeyPath.quotedIfNeeded(key)
        return path.isEmpty ? quoted : path + "." + quoted
    }

    /// The entry at `key`, marked as read.
    mutating func entry(_ key: String) -> TOMLTable.Entry? {
        readKeys.insert(key)
        return table.entry(forKey: key)
    }

    func error(_ reason: ManifestError.Reason, key: String, at position: TOMLPosition) -> ManifestError {
        ManifestError(reason, key: keyPath(key), at: position)
    }

    private func wrongType(_ entry: TOMLTable.Entry, expected: String) -> ManifestError {
        error(.wrongType(expected: expected, found: entry.value.typeName), key: entry.key, at: entry.valuePosition)
    }

    mutating func string(_ key: String) throws(ManifestError) -> String? {
        guard let entry = entry(key) else { return nil }
        guard let text = entry.value.stringValue else { throw wrongType(entry, expected: "string") }
        return text
    }

    /// A string that must be present and not empty.
    mutating func requiredString(_ key: String) throws(ManifestError) -> String {
        guard let entry = entry(key) else { throw error(.missingKey, key: key, at: table.position) }
        guard let text = entry.value.stringValue else { throw wrongType(entry, expected: "string") }
        guard !text.isEmpty else { throw error(.invalidValue("must not be empty"), key: key, at: entry.valuePosition) }
        return text
    }

    mutating func bool(_ key: String) throws(ManifestError) -> Bool? {
        guard let entry = entry(key) else { return nil }
        guard let flag = entry.value.boolValue else { throw wrongType(entry, expected: "boolean") }
        return flag
    }

    /// An integer within `minimum...maximum`.
    mutating func integer(_ key: String, minimum: Int64, maximum: Int64 = .max) throws(ManifestError) -> Int64? {
        guard let entry = entry(key) else { return nil }
        guard let number = entry.value.integerValue else { throw wrongType(entry, expected: "integer") }
        if number < minimum {
            let bound = minimum == 1 ? "greater than 0" : "at least \(minimum)"
            throw error(.invalidValue("must be \(bound), found \(number)"), key: key, at: entry.valuePosition)
        }
        if number > maximum {
            throw error(.invalidValue("must be at most \(maximum), found \(number)"), key: key, at: entry.valuePosition)
        }
        return number
    }

    /// A string naming one case of `Choice` (by raw value).
    mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, as: Choice.Type
    ) throws(ManifestError) -> Choice? where Choice.RawValue == String {
        guard let text = try string(key) else { return nil }
        if let choice = Choice(rawValue: text) { return choice }
        let allowed = Choice.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let position = table.entry(forKey: key)?.valuePosition ?? table.position
        throw error(.invalidValue("must be one of \(allowed), found '\(text)'"), key: key, at: position)
    }

    mutating func table(_ key: String) throws(ManifestError) -> TOMLTable? {
        guard let entry = entry(key) else { return nil }
        guard let table = entry.value.tableValue else { throw wrongType(entry, expected: "table") }
        return table
    }

    /// The tables of `[[key]]` (or of an array of inline tables), each with its key path.
    mutating func arrayOfTables(_ key: String) throws(ManifestError) -> [(table: TOMLTable, path: String)] {
        guard let entry = entry(key) else { return [] }
        guard let elements = entry.value.arrayValue else { throw wrongType(entry, expected: "array of tables") }
        var tables: [(table: TOMLTable, path: String)] = []
        for (index, element) in elements.enumerated() {
            let elementPath = keyPath(key) + "[\(index)]"
            guard let table = element.tableValue else {
                let reason = ManifestError.Reason.wrongType(expected: "table", found: element.typeName)
                throw ManifestError(reason, key: elementPath, at: entry.valuePosition)
            }
            tables.append((table, elementPath))
        }
        return tables
    }

    /// Fails on the first key (in document order) that was never read.
    func rejectUnknownKeys() throws(ManifestError) {
        if let unknown = table.entries.first(where: { !readKeys.contains($0.key) }) {
            throw error(.unknownKey, key: unknown.key, at: unknown.keyPosition)
        }
    }
}
