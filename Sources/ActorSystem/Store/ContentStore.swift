import Synchronization

/// Content-addressed storage shared by actors: the host side of the WIT `store`
/// interface.
///
/// A `ContentStore` holds any number of stores, each named by an id (`new` in WIT). In a
/// store, content is kept under its SHA-256 (`ContentReference`), so storing the same
/// bytes twice keeps one copy, and labels are names that point at one reference each.
///
/// ```swift
/// let stores = try ContentStore(directory: "/var/theater/store")   // or ContentStore()
/// let id = try stores.createStore()
/// let reference = try stores.store(Array("hello".utf8), in: id)
/// try stores.setLabel("greeting", to: reference, in: id)
/// try stores.reference(forLabel: "greeting", in: id)   // reference
/// ```
///
/// With a directory, each store lives in `<directory>/<store id>/` (see `StoreSpace`) and
/// survives the process: a new `ContentStore` on the same directory finds it by id. All
/// methods are thread-safe; one lock serializes them.
public final class ContentStore: Sendable {
    /// Where stores are kept; nil for memory only.
    public let directory: String?
    private let spaces = Mutex<[String: StoreSpace]>([:])

    /// Stores kept in memory only.
    public init() {
        directory = nil
    }

    /// Stores kept in `directory` (created if missing).
    public init(directory: String) throws(ContentStoreError) {
        try StoreFiles.makeDirectories(directory)
        self.directory = directory
    }

    /// Creates an empty store under a fresh random id and returns the id. (WIT `new`.)
    public func createStore() throws(ContentStoreError) -> String {
        let id = RandomUUID.make()
        let space = try StoreSpace.create(id: id, directory: directory.map { $0 + "/" + id })
        spaces.withLock { $0[id] = space }
        return id
    }

    /// Opens the store `id`, creating it empty if it does not exist: for stores whose id
    /// the host chooses (e.g. from a manifest) rather than `createStore`.
    public func openStore(id: String) throws(ContentStoreError) {
        try Self.validate(storeID: id)
        try withSpace(id, creatingIfMissing: true) { _ throws(ContentStoreError) in }
    }

    /// Stores `content` and returns its reference. (WIT `store`.)
    public func store(_ content: [UInt8], in storeID: String) throws(ContentStoreError) -> ContentReference {
        try withSpace(storeID) { space throws(ContentStoreError) in try space.store(content) }
    }

    /// The content `reference` names. (WIT `get`.)
    public func content(for reference: ContentReference, in storeID: String) throws(ContentStoreError) -> [UInt8] {
        try withSpace(storeID) { space throws(ContentStoreError) in try space.content(for: reference) }
    }

    /// Whether the store has the content `reference` names. (WIT `exists`.)
    public func contains(_ reference: ContentReference, in storeID: String) throws(ContentStoreError) -> Bool {
        try withSpace(storeID) { space in space.contains(reference) }
    }

    /// Points `label` at `reference`, which must be in the store; a label already in use
    /// moves. (WIT `label`.)
    public func setLabel(_ label: String, to reference: ContentReference, in storeID: String) throws(ContentStoreError) {
        try withSpace(storeID) { space throws(ContentStoreError) in
            guard space.contains(reference) else { throw .contentNotFound(storeID: storeID, hash: reference.hash) }
            try space.setLabel(label, to: reference)
        }
    }

    /// The reference `label` points at, or nil if the label is not set. (WIT `get-by-label`.)
    public func reference(forLabel label: String, in storeID: String) throws(ContentStoreError) -> ContentReference? {
        try withSpace(storeID) { space in space.labels[label] }
    }

    /// Removes `label`; removing a label that is not set does nothing. The content stays.
    /// (WIT `remove-label`.)
    public func removeLabel(_ label: String, in storeID: String) throws(ContentStoreError) {
        try withSpace(storeID) { space throws(ContentStoreError) in try space.setLabel(label, to: nil) }
    }

    /// Stores `content` and points `label` at it, in one step. (WIT `store-at-label`.)
    public func store(_ content: [UInt8], atLabel label: String, in storeID: String) throws(ContentStoreError)
        -> ContentReference
    {
        try withSpace(storeID) { space throws(ContentStoreError) in
            let reference = try space.store(content)
            try space.setLabel(label, to: reference)
            return reference
        }
    }

    /// Stores `content` and moves `label` to it; the content the label pointed at before
    /// stays in the store. (WIT `replace-content-at-label`; the same effect as
    /// `store(_:atLabel:in:)`, since a label holds one reference.)
    public func replaceContent(atLabel label: String, with content: [UInt8], in storeID: String)
        throws(ContentStoreError) -> ContentReference
    {
        try store(content, atLabel: label, in: storeID)
    }

    /// The store's labels, sorted. (WIT `list-labels`.)
    public func labels(in storeID: String) throws(ContentStoreError) -> [String] {
        try withSpace(storeID) { space in space.labels.keys.sorted() }
    }

    // MARK: Store lookup

    /// Runs `body` on the store `id` under the lock, loading it from the directory the
    /// first time it is used in this process.
    private func withSpace<Result: Sendable>(
        _ id: String, creatingIfMissing: Bool = false,
        _ body: (inout StoreSpace) throws(ContentStoreError) -> Result
    ) throws(ContentStoreError) -> Result {
        try Self.validate(storeID: id)
        return try spaces.withLock { spaces throws(ContentStoreError) -> Result in
            var space: StoreSpace
            if let cached = spaces.removeValue(forKey: id) {
                space = cached
            } else {
                space = try existingOrNewSpace(id, creatingIfMissing: creatingIfMissing)
            }
            // Put it back even when `body` throws: operations change a space only after
            // their last step that can fail.
            defer { spaces[id] = space }
            return try body(&space)
        }
    }

    private func existingOrNewSpace(_ id: String, creatingIfMissing: Bool) throws(ContentStoreError) -> StoreSpace {
        let path = directory.map { $0 + "/" + id }
        if let path, let saved = try StoreSpace.load(id: id, directory: path) { return saved }
        guard creatingIfMissing else { throw .unknownStore(id) }
        return try StoreSpace.create(id: id, directory: path)
    }

    /// Store ids name directories, so they are limited to a safe alphabet: ASCII letters,
    /// digits, `-` and `_`, 1 to 64 of them.
    private static func validate(storeID: String) throws(ContentStoreError) {
        let characters = storeID.utf8
        guard !characters.isEmpty, characters.count <= 64,
            characters.allSatisfy({ byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                    true
                default:
                    false
                }
            })
        else { throw .invalidStoreID(storeID) }
    }
}
