/// Why a supervision request was refused.
public enum SupervisionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Two children of one supervisor may not share a name.
    case duplicateChildName(String)
    /// The supervisor has no child of this name.
    case unknownChild(String)

    public var description: String {
        switch self {
        case .duplicateChildName(let name): "a child named \(name) already exists"
        case .unknownChild(let name): "no child named \(name)"
        }
    }
}
