import ComponentModel

/// A reference to content in a `ContentStore`: the SHA-256 of the content, as 64
/// lowercase hex digits (the WIT `record content-ref { hash: string }`).
public struct ContentReference: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 64 lowercase hex digits.
    public let hash: String

    /// The reference `content` is stored under.
    public init(content: [UInt8]) {
        hash = HexEncoding.string(from: SHA256.hash(content))
    }

    /// A reference from its hash text (e.g. from a guest); upper-case digits are accepted
    /// and normalized.
    public init(validating hash: String) throws(ContentStoreError) {
        guard hash.utf8.count == 2 * SHA256.digestByteCount, let bytes = HexEncoding.bytes(from: hash) else {
            throw .invalidContentReference(hash)
        }
        self.hash = HexEncoding.string(from: bytes)
    }

    public var description: String { hash }

    public static func < (lhs: ContentReference, rhs: ContentReference) -> Bool { lhs.hash < rhs.hash }

    /// `record content-ref { hash: string }`
    public static let componentType = ComponentValueType.record([.init(name: "hash", type: .string)])

    /// The reference as a WIT `content-ref` value.
    public func componentValue() -> ComponentValue { .record([.string(hash)]) }

    /// A reference from a WIT `content-ref` value, validated.
    public init(componentValue: ComponentValue) throws(ContentStoreError) {
        guard case .record(let fields) = componentValue, fields.count == 1, case .string(let hash) = fields[0] else {
            throw .invalidContentReference("\(componentValue)")
        }
        try self.init(validating: hash)
    }
}
