/// Where a scope's aliases find the exports they name. An instance's exports are in the
/// same order in every instantiation of a component (they follow its definitions and
/// types), so the first instantiation records each alias's export position, and later ones
/// look there first: one name comparison instead of a search (and, for a core module's
/// exports, a hashed lookup). A position that does not hold the name (an instance from a
/// differently shaped argument) falls back to the search.
struct AliasTargets {
    /// Per definition position, the export position its alias found (-1: none), from an
    /// instantiation that completed; nil before one did.
    private let known: [Int]?
    /// What this instantiation finds, while nothing is known.
    private var found: [Int]

    init(known: [Int]?, definitionCount: Int) {
        self.known = known
        found = known == nil ? Array(repeating: -1, count: definitionCount) : []
    }

    /// The export position the alias at definition `position` found before, if known.
    func hint(at position: Int) -> Int? {
        guard let known, position >= 0, position < known.count, known[position] >= 0 else { return nil }
        return known[position]
    }

    mutating func record(_ exportPosition: Int, at position: Int) {
        guard known == nil, position >= 0, position < found.count else { return }
        found[position] = exportPosition
    }

    /// What to keep for later instantiations (nil when it was known already).
    var learned: [Int]? { known == nil ? found : nil }
}
