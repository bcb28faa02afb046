/// A manifest could not be read or does not describe a valid actor or supervisor.
///
/// `description` names the file (when loaded from one), the line and column, and the key:
/// `counter/manifest.toml: line 7, column 20: 'limits.fuel_per_message' must be greater than 0, found 0`.
public struct ManifestError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The text is not valid TOML.
        case syntax(TOMLError.Reason)
        /// A required key is absent; the position is the table's.
        case missingKey
        /// The key's value has the wrong TOML type (`expected`, `found` are type names).
        case wrongType(expected: String, found: String)
        /// A key the manifest format does not define (likely a typo).
        case unknownKey
        /// The value is of the right type but not allowed; the text says why
        /// (`"must be greater than 0, found 0"`).
        case invalidValue(String)
        /// A `[[handler]]` type this runtime does not provide.
        case unknownHandlerType(String)
        /// A second `[[handler]]` of a type already listed.
        case duplicateHandler(HandlerType)
        /// A second `[[child]]` with a name already used.
        case duplicateChildName(String)
        /// The manifest, or a file it names, could not be read.
        case unreadableFile(path: String, message: String)
    }

    public var reason: Reason
    /// The key at fault, as a path: `name`, `limits.fuel_per_message`, `handler[1].type`.
    public var key: String?
    /// Where in the manifest; nil when the manifest itself could not be read.
    public var position: TOMLPosition?
    /// The manifest file, when it was loaded from one.
    public var file: String?

    public init(_ reason: Reason, key: String? = nil, at position: TOMLPosition? = nil, file: String? = nil) {
        self.reason = reason
        self.key = key
        self.position = position
        self.file = file
    }

    public var line: Int? { position?.line }
    public var column: Int? { position?.column }

    public var description: String {
        var prefix = ""
        if let file { prefix += "\(file): " }
        if let position { prefix += "\(position): " }
        return prefix + message
    }

    /// The problem in words, without file and position.
    public var message: String {
        let key = "'\(self.key ?? "")'"
        switch reason {
        case .syntax(let reason): return reason.message
        case .missingKey: return "missing required key \(key)"
        case .wrongType(let expected, let found):
            return "\(key) must be \(TOMLKeyPath.article(expected)), found \(TOMLKeyPath.article(found))"
        case .unknownKey: return "unknown key \(key)"
        case .invalidValue(let why): return "\(key) \(why)"
        case .unknownHandlerType(let type):
            let known = HandlerType.allCases.map(\.rawValue).joined(separator: ", ")
            return "\(key): unknown handler type '\(type)' (known: \(known))"
        case .duplicateHandler(let type): return "\(key): a '\(type.rawValue)' handler is already listed"
        case .duplicateChildName(let name): return "\(key): a child named '\(name)' is already listed"
        case .unreadableFile(let path, let why): return "cannot read '\(path)': \(why)"
        }
    }
}
