/// A `result<Ok, Err>` as a Swift value. Use `CanonicalUnit` for an absent payload:
/// `ComponentResult<CanonicalUnit, String>` is `result<_, string>`.
public enum ComponentResult<Ok: CanonicalValue, Err: CanonicalValue>: CanonicalValue {
    case ok(Ok)
    case error(Err)

    public static var componentType: ComponentValueType { .result(ok: Ok.payloadType, error: Err.payloadType) }

    private static var variantLayout: (CanonicalValueLayout, payloadOffset: UInt32) {
        CanonicalValueLayout.twoCaseVariant(Ok.canonicalLayout, Err.canonicalLayout)
    }

    public static var canonicalLayout: CanonicalValueLayout { variantLayout.0 }

    public static func lift(from reader: inout CanonicalReader) throws(CanonicalABIError) -> Self {
        let index = try reader.readDiscriminant(caseCount: 2, payloadOffset: variantLayout.payloadOffset)
        return index == 0 ? .ok(try reader.read(Ok.self)) : .error(try reader.read(Err.self))
    }

    public func lower(into writer: inout CanonicalWriter) throws(CanonicalABIError) {
        let payloadOffset = Self.variantLayout.payloadOffset
        switch self {
        case .ok(let value):
            try writer.writeDiscriminant(0, caseCount: 2, payloadOffset: payloadOffset)
            try writer.write(value)
        case .error(let value):
            try writer.writeDiscriminant(1, caseCount: 2, payloadOffset: payloadOffset)
            try writer.write(value)
        }
    }
}

extension ComponentResult: Sendable where Ok: Sendable, Err: Sendable {}
extension ComponentResult: Equatable where Ok: Equatable, Err: Equatable {}
extension ComponentResult: Hashable where Ok: Hashable, Err: Hashable {}

/// A `tuple<...>` as a Swift value: `ComponentTuple(state)` is `tuple<option<list<u8>>>`
/// when `state` is `[UInt8]?`.
public struct ComponentTuple<each Element: CanonicalValue>: CanonicalValue {
    public var elements: (repeat each Element)

    public init(_ elements: repeat each Element) {
        self.elements = (repeat each elements)
    }

    public static var componentType: ComponentValueType {
        var types: [ComponentValueType] = []
        for type in repeat (each Element).self { types.append(type.componentType) }
        return .tuple(types)
    }

    public static var canonicalLayout: CanonicalValueLayout {
        var layouts: [CanonicalValueLayout] = []
        for type in repeat (each Element).self { layouts.append(type.canonicalLayout) }
        return .record(layouts)
    }

    public static func lift(from reader: inout CanonicalReader) throws(CanonicalABIError) -> Self {
        Self(repeat try reader.read((each Element).self))
    }

    public func lower(into writer: inout CanonicalWriter) throws(CanonicalABIError) {
        for element in repeat each elements { try writer.write(element) }
    }
}
