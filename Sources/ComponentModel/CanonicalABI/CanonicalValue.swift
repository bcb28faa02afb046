/// A Swift type with a canonical ABI representation: lifted and lowered directly, without
/// going through `ComponentValue`.
///
/// Conformances exist for `Bool`, the fixed-width integers, `Float`, `Double`,
/// `Unicode.Scalar` (char), `String`, arrays (`[UInt8]` is `list<u8>`, copied in one
/// block), optionals, `ComponentResult` and `ComponentTuple`. A record conforms by reading
/// and writing its fields in order:
///
/// ```swift
/// struct ChannelAccept: CanonicalValue {
///     var accepted: Bool
///     var message: [UInt8]?
///     static let componentType = ComponentValueType.record([
///         .init(name: "accepted", type: .bool), .init(name: "message", type: .option(.list(.u8)))])
///     static var canonicalLayout: CanonicalValueLayout {
///         .record([Bool.canonicalLayout, [UInt8]?.canonicalLayout])
///     }
///     static func lift(from reader: inout CanonicalReader) throws(CanonicalABIError) -> Self {
///         Self(accepted: try reader.read(Bool.self), message: try reader.read([UInt8]?.self))
///     }
///     func lower(into writer: inout CanonicalWriter) throws(CanonicalABIError) {
///         try writer.write(accepted)
///         try writer.write(message)
///     }
/// }
/// ```
public protocol CanonicalValue {
    /// The component-model type this Swift type stands for.
    static var componentType: ComponentValueType { get }
    /// The type as a payload: nil for `CanonicalUnit`, which stands for "no value".
    static var payloadType: ComponentValueType? { get }
    /// Size, alignment and flat slot count; must agree with `componentType`'s layout.
    static var canonicalLayout: CanonicalValueLayout { get }
    /// Reads the value's parts from `reader`, in order.
    static func lift(from reader: inout CanonicalReader) throws(CanonicalABIError) -> Self
    /// Writes the value's parts to `writer`, in order.
    func lower(into writer: inout CanonicalWriter) throws(CanonicalABIError)
}

extension CanonicalValue {
    public static var payloadType: ComponentValueType? { componentType }
}

/// The canonical ABI footprint of a type: bytes and alignment in memory, core values when
/// flattened.
public struct CanonicalValueLayout: Sendable, Hashable {
    public var size: UInt32
    public var alignment: UInt32
    public var flatCount: Int

    public init(size: UInt32, alignment: UInt32, flatCount: Int) {
        self.size = size
        self.alignment = alignment
        self.flatCount = flatCount
    }

    /// The layout of a record or tuple with fields of these layouts, in order.
    public static func record(_ fields: [CanonicalValueLayout]) -> CanonicalValueLayout {
        var size: UInt64 = 0
        var alignment: UInt32 = 1
        var flatCount = 0
        for field in fields {
            size = CanonicalTypeLayout.align(size, to: field.alignment) &+ UInt64(field.size)
            alignment = max(alignment, field.alignment)
            flatCount += field.flatCount
        }
        return CanonicalValueLayout(
            size: UInt32(truncatingIfNeeded: CanonicalTypeLayout.align(size, to: alignment)),
            alignment: alignment, flatCount: flatCount)
    }

    /// The layout of a two-case variant (option, result) whose payloads have these
    /// layouts (an empty payload is `CanonicalUnit`'s), and the offset of the payload.
    static func twoCaseVariant(_ first: CanonicalValueLayout, _ second: CanonicalValueLayout) -> (CanonicalValueLayout, payloadOffset: UInt32) {
        let caseAlignment = max(first.alignment, second.alignment)
        let caseSize = max(first.size, second.size)
        // Two cases fit a one-byte discriminant.
        let alignment = max(1, caseAlignment)
        let payloadOffset = CanonicalTypeLayout.align(1, to: caseAlignment)
        let size = CanonicalTypeLayout.align(payloadOffset &+ UInt64(caseSize), to: alignment)
        let layout = CanonicalValueLayout(
            size: UInt32(truncatingIfNeeded: size), alignment: alignment, flatCount: 1 + max(first.flatCount, second.flatCount))
        return (layout, UInt32(truncatingIfNeeded: payloadOffset))
    }

    static let empty = CanonicalValueLayout(size: 0, alignment: 1, flatCount: 0)

    static let i32 = CanonicalValueLayout(size: 4, alignment: 4, flatCount: 1)
    static let pointerAndLength = CanonicalValueLayout(size: 8, alignment: 4, flatCount: 2)
}

/// "No value": the absent payload of `result<_, E>` or `result<T>`; lowers to nothing.
public struct CanonicalUnit: CanonicalValue, Sendable, Hashable {
    public init() {}
    /// Not a real type; `payloadType` is nil.
    public static var componentType: ComponentValueType { .tuple([]) }
    public static var payloadType: ComponentValueType? { nil }
    public static var canonicalLayout: CanonicalValueLayout { .empty }
    public static func lift(from reader: inout CanonicalReader) throws(CanonicalABIError) -> Self { Self() }
    public func lower(into writer: inout CanonicalWriter) throws(CanonicalABIError) {}
}
