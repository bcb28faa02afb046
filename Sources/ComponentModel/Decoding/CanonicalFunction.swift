/// A canonical definition (`canon`): a function made by the canonical ABI.
public enum CanonicalFunction: Sendable, Hashable {
    /// Wraps core function `coreFunction` as a component function of type `typeIndex`.
    case lift(coreFunction: UInt32, options: [Option], typeIndex: UInt32)
    /// Wraps component function `function` as a core function.
    case lower(function: UInt32, options: [Option])
    /// Core function `(i32 rep) -> i32 handle` for resource type `typeIndex`.
    case resourceNew(typeIndex: UInt32)
    /// Core function `(i32 handle) -> ()` for resource type `typeIndex`.
    case resourceDrop(typeIndex: UInt32)
    /// Core function `(i32 handle) -> i32 rep` for resource type `typeIndex`.
    case resourceRep(typeIndex: UInt32)

    /// A `canonopt`.
    public enum Option: Sendable, Hashable {
        case stringEncoding(StringEncoding)
        case memory(UInt32)
        case realloc(UInt32)
        case postReturn(UInt32)
        /// 🔀: decoded so it can be reported, not supported at run time.
        case async
        /// 🔀: decoded so it can be reported, not supported at run time.
        case callback(UInt32)
    }

    public enum StringEncoding: Sendable, Hashable {
        case utf8
        case utf16
        case latin1UTF16
    }

    /// Lift defines a component function; the rest define core functions.
    public var definedSort: ComponentSort {
        if case .lift = self { return .function }
        return .core(.function)
    }
}
