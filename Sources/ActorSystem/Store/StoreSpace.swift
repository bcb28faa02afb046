/// One store (one id) of a `ContentStore`: its content and its labels, kept in memory or
/// in a directory:
///
/// ```
/// <directory>/content/<64-hex-digit hash>   the bytes, one file per content
/// <directory>/labels                        the label index (`LabelIndexFile`)
/// ```
///
/// Not thread-safe by itself; `ContentStore` holds every space under its lock.
struct StoreSpace: Sendable {
    let id: String
    /// Nil for a store that lives only in memory.
    let directory: String?
    /// In-memory stores only; directory-backed content is read from disk when asked for.
    private var contents: [ContentReference: [UInt8]] = [:]
    private(set) var labels: [String: ContentReference] = [:]

    private init(id: String, directory: String?, labels: [String: ContentReference]) {
        self.id = id
        self.directory = directory
        self.labels = labels
    }

    /// A new, empty store; on disk, its directories are created.
    static func create(id: String, directory: String?) throws(ContentStoreError) -> StoreSpace {
        if let directory { try StoreFiles.makeDirectories(directory + "/content") }
        return StoreSpace(id: id, directory: directory, labels: [:])
    }

    /// The store saved in `directory`, or nil if there is none.
    static func load(id: String, directory: String) throws(ContentStoreError) -> StoreSpace? {
        guard StoreFiles.exists(directory + "/content") else { return nil }
        let indexPath = directory + "/labels"
        let labels = try StoreFiles.contents(of: indexPath).map { file throws(ContentStoreError) in
            try LabelIndexFile.decode(file, path: indexPath)
        }
        return StoreSpace(id: id, directory: directory, labels: labels ?? [:])
    }

    mutating func store(_ content: [UInt8]) throws(ContentStoreError) -> ContentReference {
        let reference = ContentReference(content: content)
        guard let directory else {
            contents[reference] = content
            return reference
        }
        let path = contentPath(reference, in: directory)
        // Same name, same bytes: content already there needs no second write.
        if !StoreFiles.exists(path) { try StoreFiles.writeAtomically(content, to: path) }
        return reference
    }

    func content(for reference: ContentReference) throws(ContentStoreError) -> [UInt8] {
        guard let directory else {
            guard let content = contents[reference] else {
                throw .contentNotFound(storeID: id, hash: reference.hash)
            }
            return content
        }
        guard let content = try StoreFiles.contents(of: contentPath(reference, in: directory)) else {
            throw .contentNotFound(storeID: id, hash: reference.hash)
        }
        // Files can be damaged or edited behind our back; the name is the promise.
        guard ContentReference(content: content) == reference else {
            throw .corruptContent(storeID: id, hash: reference.hash)
        }
        return content
    }

    func contains(_ reference: ContentReference) -> Bool {
        guard let directory else { return contents[reference] != nil }
        return StoreFiles.exists(contentPath(reference, in: directory))
    }

    /// Points `label` at `reference` (or removes it, for nil), saving the index first so
    /// memory never runs ahead of the disk.
    mutating func setLabel(_ label: String, to reference: ContentReference?) throws(ContentStoreError) {
        var updated = labels
        updated[label] = reference
        guard updated != labels else { return }
        if let directory {
            try StoreFiles.writeAtomically(LabelIndexFile.encode(updated), to: directory + "/labels")
        }
        labels = updated
    }

    private func contentPath(_ reference: ContentReference, in directory: String) -> String {
        directory + "/content/" + reference.hash
    }
}
