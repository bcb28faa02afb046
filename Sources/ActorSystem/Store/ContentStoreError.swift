/// Why a content store operation failed. `description` is the message a guest sees in the
/// `err` case of the WIT `store` functions.
public enum ContentStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No store has this id (never created, or not in the backing directory).
    case unknownStore(String)
    /// A store id with characters other than ASCII letters, digits, `-` and `_`, or empty,
    /// or longer than 64 characters.
    case invalidStoreID(String)
    /// A content reference that is not 64 hex digits.
    case invalidContentReference(String)
    /// The store has no content with this hash.
    case contentNotFound(storeID: String, hash: String)
    /// A content file whose bytes no longer hash to its name.
    case corruptContent(storeID: String, hash: String)
    /// A label index file that cannot be parsed.
    case corruptLabelIndex(path: String, line: Int)
    /// A file system call failed.
    case fileSystem(operation: String, path: String, errorNumber: Int32)

    public var description: String {
        switch self {
        case .unknownStore(let id): "no store with id '\(id)'"
        case .invalidStoreID(let id): "invalid store id '\(id)'"
        case .invalidContentReference(let hash): "invalid content reference '\(hash)': expected 64 hex digits"
        case .contentNotFound(let id, let hash): "store '\(id)' has no content \(hash)"
        case .corruptContent(let id, let hash): "content \(hash) in store '\(id)' is corrupt"
        case .corruptLabelIndex(let path, let line): "label index \(path) is corrupt at line \(line)"
        case .fileSystem(let operation, let path, let number): "\(operation) \(path) failed (errno \(number))"
        }
    }
}
