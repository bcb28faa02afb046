import WasmInterp

/// How a component's core code encodes strings in linear memory (`string-encoding=`).
public enum CanonicalStringEncoding: Sendable, Hashable, CustomStringConvertible {
    case utf8
    /// UTF-16, little endian; lengths count 16-bit code units.
    case utf16
    /// Latin-1 or UTF-16, chosen per string: the length's high bit (2^31) marks UTF-16.
    case latin1UTF16

    public var description: String {
        switch self {
        case .utf8: return "utf8"
        case .utf16: return "utf16"
        case .latin1UTF16: return "latin1+utf16"
        }
    }
}

/// The `canonopt` immediates of a `canon lift` or `canon lower`: where values live and
/// how their memory is allocated and freed.
public struct CanonicalOptions: Sendable {
    public var stringEncoding: CanonicalStringEncoding
    /// The memory strings, lists and spilled values live in.
    public var memory: Memory?
    /// The guest's `(func (param i32 i32 i32 i32) (result i32))` allocator: called as
    /// `realloc(old, oldSize, alignment, newSize)`, with `(0, 0, ...)` for a fresh block.
    public var realloc: Function?
    /// Called after a lifted export's results were read, with the same core results, so
    /// the guest can free them. Only meaningful for `canon lift`.
    public var postReturn: Function?

    public init(
        stringEncoding: CanonicalStringEncoding = .utf8, memory: Memory? = nil,
        realloc: Function? = nil, postReturn: Function? = nil
    ) {
        self.stringEncoding = stringEncoding
        self.memory = memory
        self.realloc = realloc
        self.postReturn = postReturn
    }
}

extension CanonicalStringEncoding {
    /// The encoding a decoded `string-encoding=` option names.
    public init(_ encoding: CanonicalFunction.StringEncoding) {
        switch encoding {
        case .utf8: self = .utf8
        case .utf16: self = .utf16
        case .latin1UTF16: self = .latin1UTF16
        }
    }
}
