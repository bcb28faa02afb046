import WasmInterp

/// A value type's canonical ABI layout, computed once: its size and alignment in linear
/// memory (`elem_size`, `alignment`), its flattening to core value types (`flatten_type`),
/// and the layouts of its parts, which lifting and lowering follow.
///
/// Specialized types keep their own form (a tuple is not turned into a record) so lifted
/// values have the right `ComponentValue` case, but their layout is their expansion's:
/// a tuple is laid out as a record, enum/option/result as variants.
///
/// ```swift
/// let layout = try CanonicalTypeLayout(.option(.list(.u8)))
/// // layout.size == 12, layout.alignment == 4, layout.flatTypes == [.i32, .i32, .i32]
/// ```
public final class CanonicalTypeLayout: Sendable {
    /// Types nested deeper than this are rejected rather than risk deep recursion.
    public static let maxDepth = 100
    /// Layouts with more parts than this are rejected: a resolved type can share subtrees,
    /// so a small binary may describe an enormous tree.
    public static let maxParts = 100_000
    /// The largest `elem_size` a value type may have (component validation bound).
    public static let maxSize: UInt64 = (1 << 28) - 1

    /// The type this is the layout of.
    public let type: ComponentValueType
    /// Bytes a value takes as a list element (`elem_size`); a multiple of `alignment`.
    public let size: UInt32
    /// Alignment in linear memory: 1, 2, 4 or 8.
    public let alignment: UInt32
    /// The core value types the value flattens to.
    public let flatTypes: [ValueType]
    let shape: Shape

    enum Shape: Sendable {
        case bool, s8, u8, s16, u16, s32, u32, s64, u64, f32, f64, char, string
        case list(element: CanonicalTypeLayout)
        /// Fields of a record or elements of a tuple, in order.
        case record(fields: [CanonicalTypeLayout], isTuple: Bool)
        case variant(VariantLayout)
        case flags(count: Int)
        case own(ResourceType)
        case borrow(ResourceType)
    }

    /// A variant, enum, option or result, as the variant it despecializes to.
    struct VariantLayout: Sendable {
        enum Form: Sendable { case variant, enumeration, option, result }
        let form: Form
        /// 1, 2 or 4 bytes: the smallest unsigned integer that numbers every case.
        let discriminantSize: UInt32
        /// Offset of the payload from the start of the value.
        let payloadOffset: UInt32
        /// Each case's payload layout (nil: no payload).
        let cases: [CanonicalTypeLayout?]
    }

    init(type: ComponentValueType, size: UInt32, alignment: UInt32, flatTypes: [ValueType], shape: Shape) {
        self.type = type
        self.size = size
        self.alignment = alignment
        self.flatTypes = flatTypes
        self.shape = shape
    }

    /// Computes the layout of `type`.
    ///
    /// - Throws: `CanonicalABIError.invalidType` for types the canonical ABI does not allow:
    ///   empty records, tuples, variants, enums and flags, more than 32 flags, values larger
    ///   than `maxSize`, or types deeper than `maxDepth` / larger than `maxParts`.
    public convenience init(_ type: ComponentValueType) throws(CanonicalABIError) {
        var builder = LayoutBuilder()
        let parts = try builder.parts(of: type, depth: 0)
        self.init(type: type, size: parts.size, alignment: parts.alignment, flatTypes: parts.flatTypes, shape: parts.shape)
    }

    /// Rounds `offset` up to a multiple of `alignment` (a power of two).
    @inline(__always)
    static func align(_ offset: UInt64, to alignment: UInt32) -> UInt64 {
        let mask = UInt64(alignment) &- 1
        return (offset &+ mask) & ~mask
    }

    /// The core type both `a` and `b` can be carried in (the spec's `join`).
    static func join(_ a: ValueType, _ b: ValueType) -> ValueType {
        if a == b { return a }
        if (a == .i32 && b == .f32) || (a == .f32 && b == .i32) { return .i32 }
        return .i64
    }

    /// Bytes of the discriminant of a variant with `caseCount` cases.
    static func discriminantSize(caseCount: Int) -> UInt32 {
        if caseCount <= 1 << 8 { return 1 }
        if caseCount <= 1 << 16 { return 2 }
        return 4
    }

    /// Bytes (and alignment) of a `flags` value with `count` flags.
    static func flagsSize(count: Int) -> UInt32 {
        if count <= 8 { return 1 }
        if count <= 16 { return 2 }
        return 4
    }
}

/// Builds layouts recursively, enforcing the depth and size limits.
private struct LayoutBuilder {
    var partCount = 0

    struct Parts {
        var size: UInt32
        var alignment: UInt32
        var flatTypes: [ValueType]
        var shape: CanonicalTypeLayout.Shape
    }

    mutating func layout(of type: ComponentValueType, depth: Int) throws(CanonicalABIError) -> CanonicalTypeLayout {
        let parts = try self.parts(of: type, depth: depth)
        return CanonicalTypeLayout(
            type: type, size: parts.size, alignment: parts.alignment, flatTypes: parts.flatTypes, shape: parts.shape)
    }

    mutating func parts(of type: ComponentValueType, depth: Int) throws(CanonicalABIError) -> Parts {
        partCount += 1
        guard partCount <= CanonicalTypeLayout.maxParts else {
            throw .invalidType("more than \(CanonicalTypeLayout.maxParts) parts")
        }
        guard depth <= CanonicalTypeLayout.maxDepth else {
            throw .invalidType("nested deeper than \(CanonicalTypeLayout.maxDepth)")
        }
        switch type {
        case .bool: return Parts(size: 1, alignment: 1, flatTypes: [.i32], shape: .bool)
        case .s8: return Parts(size: 1, alignment: 1, flatTypes: [.i32], shape: .s8)
        case .u8: return Parts(size: 1, alignment: 1, flatTypes: [.i32], shape: .u8)
        case .s16: return Parts(size: 2, alignment: 2, flatTypes: [.i32], shape: .s16)
        case .u16: return Parts(size: 2, alignment: 2, flatTypes: [.i32], shape: .u16)
        case .s32: return Parts(size: 4, alignment: 4, flatTypes: [.i32], shape: .s32)
        case .u32: return Parts(size: 4, alignment: 4, flatTypes: [.i32], shape: .u32)
        case .s64: return Parts(size: 8, alignment: 8, flatTypes: [.i64], shape: .s64)
        case .u64: return Parts(size: 8, alignment: 8, flatTypes: [.i64], shape: .u64)
        case .f32: return Parts(size: 4, alignment: 4, flatTypes: [.f32], shape: .f32)
        case .f64: return Parts(size: 8, alignment: 8, flatTypes: [.f64], shape: .f64)
        case .char: return Parts(size: 4, alignment: 4, flatTypes: [.i32], shape: .char)
        case .string: return Parts(size: 8, alignment: 4, flatTypes: [.i32, .i32], shape: .string)
        case .list(let element):
            let elementLayout = try layout(of: element, depth: depth + 1)
            return Parts(size: 8, alignment: 4, flatTypes: [.i32, .i32], shape: .list(element: elementLayout))
        case .record(let fields):
            guard !fields.isEmpty else { throw .invalidType("a record must have fields") }
            return try record(fields.map(\.type), isTuple: false, depth: depth)
        case .tuple(let elements):
            guard !elements.isEmpty else { throw .invalidType("a tuple must have elements") }
            return try record(elements, isTuple: true, depth: depth)
        case .variant(let cases):
            guard !cases.isEmpty else { throw .invalidType("a variant must have cases") }
            return try variant(cases.map(\.payload), form: .variant, depth: depth)
        case .enum(let labels):
            guard !labels.isEmpty else { throw .invalidType("an enum must have cases") }
            return try variant(Array(repeating: nil, count: labels.count), form: .enumeration, depth: depth)
        case .option(let payload):
            return try variant([nil, payload], form: .option, depth: depth)
        case .result(let ok, let error):
            return try variant([ok, error], form: .result, depth: depth)
        case .flags(let labels):
            guard !labels.isEmpty, labels.count <= 32 else {
                throw .invalidType("flags must have 1 to 32 labels, not \(labels.count)")
            }
            let size = CanonicalTypeLayout.flagsSize(count: labels.count)
            return Parts(size: size, alignment: size, flatTypes: [.i32], shape: .flags(count: labels.count))
        case .own(let resource):
            return Parts(size: 4, alignment: 4, flatTypes: [.i32], shape: .own(resource))
        case .borrow(let resource):
            return Parts(size: 4, alignment: 4, flatTypes: [.i32], shape: .borrow(resource))
        }
    }

    private mutating func record(_ types: [ComponentValueType], isTuple: Bool, depth: Int) throws(CanonicalABIError) -> Parts {
        var fields: [CanonicalTypeLayout] = []
        fields.reserveCapacity(types.count)
        var size: UInt64 = 0
        var alignment: UInt32 = 1
        var flatTypes: [ValueType] = []
        for type in types {
            let field = try layout(of: type, depth: depth + 1)
            size = CanonicalTypeLayout.align(size, to: field.alignment) + UInt64(field.size)
            guard size <= CanonicalTypeLayout.maxSize else { throw .invalidType("value larger than 2^28 - 1 bytes") }
            alignment = max(alignment, field.alignment)
            flatTypes += field.flatTypes
            fields.append(field)
        }
        size = CanonicalTypeLayout.align(size, to: alignment)
        guard size <= CanonicalTypeLayout.maxSize else { throw .invalidType("value larger than 2^28 - 1 bytes") }
        return Parts(size: UInt32(size), alignment: alignment, flatTypes: flatTypes,
                     shape: .record(fields: fields, isTuple: isTuple))
    }

    private mutating func variant(
        _ payloads: [ComponentValueType?], form: CanonicalTypeLayout.VariantLayout.Form, depth: Int
    ) throws(CanonicalABIError) -> Parts {
        guard UInt64(payloads.count) < 1 << 32 else { throw .invalidType("too many cases") }
        var cases: [CanonicalTypeLayout?] = []
        cases.reserveCapacity(payloads.count)
        var maxCaseSize: UInt32 = 0
        var maxCaseAlignment: UInt32 = 1
        var payloadFlat: [ValueType] = []
        for payload in payloads {
            guard let payload else {
                cases.append(nil)
                continue
            }
            let layout = try layout(of: payload, depth: depth + 1)
            maxCaseSize = max(maxCaseSize, layout.size)
            maxCaseAlignment = max(maxCaseAlignment, layout.alignment)
            for (index, flat) in layout.flatTypes.enumerated() {
                if index < payloadFlat.count {
                    payloadFlat[index] = CanonicalTypeLayout.join(payloadFlat[index], flat)
                } else {
                    payloadFlat.append(flat)
                }
            }
            cases.append(layout)
        }
        let discriminantSize = CanonicalTypeLayout.discriminantSize(caseCount: payloads.count)
        let alignment = max(discriminantSize, maxCaseAlignment)
        let payloadOffset = CanonicalTypeLayout.align(UInt64(discriminantSize), to: maxCaseAlignment)
        let size = CanonicalTypeLayout.align(payloadOffset + UInt64(maxCaseSize), to: alignment)
        guard size <= CanonicalTypeLayout.maxSize else { throw .invalidType("value larger than 2^28 - 1 bytes") }
        let layout = CanonicalTypeLayout.VariantLayout(
            form: form, discriminantSize: discriminantSize, payloadOffset: UInt32(payloadOffset), cases: cases)
        return Parts(size: UInt32(size), alignment: alignment, flatTypes: [.i32] + payloadFlat, shape: .variant(layout))
    }
}
