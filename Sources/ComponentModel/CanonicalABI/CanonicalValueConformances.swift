/// `CanonicalValue` for Swift's scalars, strings, arrays and optionals.

extension Bool: CanonicalValue {
    public static var componentType: ComponentValueType { .bool }
    public static var canonicalLayout: CanonicalValueLayout { CanonicalValueLayout(size: 1, alignment: 1, flatCount: 1) }
    public static func lift(from reader: inout CanonicalReader) throws(CanonicalABIError) -> Self { try reader.readBool() }
    public func lower(into writer: inout CanonicalWriter) throws(CanonicalABIError) { try writer.writeBool(self) }
}

/// An integer type whose canonical form is itself, little endian.
public protocol CanonicalInteger: CanonicalValue, FixedWidthInteger {}

extension CanonicalInteger {
    public static var canonicalLayout: CanonicalValueLayout {
        let size = UInt32(MemoryLayout<Self>.size)
        return CanonicalValueLayout(size: size, alignment: size, flatCount: 1)
    }
    public static func lift(from reader: inout CanonicalReader) throws(CanonicalABIError) -> Self {
        try reader.readInteger(Self.self)
    }
    public func lower(into writer: inout CanonicalWriter) throws(CanonicalABIError) { try writer.writeInteger(self) }
}

extension UInt8: CanonicalInteger { public static var componentType: ComponentValueType { .u8 } }
extension Int8: CanonicalInteger { public static var componentType: ComponentValueType { .s8 } }
extension UInt16: CanonicalInteger { public static var componentType: ComponentValueType { .u16 } }
extension Int16: CanonicalInteger { public static var componentType: ComponentValueType { .s16 } }
extension UInt32: CanonicalInteger { public static var componentType: ComponentValueType { .u32 } }
extension Int32: CanonicalInteger { public static var componentType: ComponentValueType { .s32 } }
extension UInt64: CanonicalInteger { public static var componentType: ComponentValueType { .u64 } }
extension Int64: CanonicalInteger { public static var componentType: ComponentValueType { .s64 } }

extension Float: CanonicalValue {
    public static var componentType: ComponentValueType { .f32 }
    public static var canonicalLayout: CanonicalValueLayout { CanonicalValueLayout(size: 4, alignment: 4, flatCount: 1) }
    public static func lift(from reader: inout CanonicalReader) throws(CanonicalABIError) -> Self { try reader.readFloat32() }
    public func lower(into writer: inout CanonicalWriter) throws(CanonicalABIError) { try writer.writeFloat32(self) }
}

extension Double: CanonicalValue {
    public static var componentType: ComponentValueType { .f64 }
    public static var canonicalLayout: CanonicalValueLayout { CanonicalValueLayout(size: 8, alignment: 8, flatCount: 1) }
    public static func lift(from reader: inout CanonicalReader) throws(CanonicalABIError) -> Self { try reader.readFloat64() }
    public func lower(into writer: inout CanonicalWriter) throws(CanonicalABIError) { try writer.writeFloat64(self) }
}

/// A `char`.
extension Unicode.Scalar: CanonicalValue {
    public static var componentType: ComponentValueType { .char }
    public static var canonicalLayout: CanonicalValueLayout { .i32 }
    public static func lift(from reader: inout CanonicalReader) throws(CanonicalABIError) -> Self { try reader.readChar() }
    public func lower(into writer: inout CanonicalWriter) throws(CanonicalABIError) { try writer.writeInteger(value) }
}

extension String: CanonicalValue {
    public static var componentType: ComponentValueType { .string }
    public static var canonicalLayout: CanonicalValueLayout { .pointerAndLength }
    public static func lift(from reader: inout CanonicalReader) throws(CanonicalABIError) -> Self { try reader.readString() }
    public func lower(into writer: inout CanonicalWriter) throws(CanonicalABIError) { try writer.writeString(self) }
}

/// A `list<T>`; `[UInt8]` is copied as one block.
extension Array: CanonicalValue where Element: CanonicalValue {
    public static var componentType: ComponentValueType { .list(Element.componentType) }
    public static var canonicalLayout: CanonicalValueLayout { .pointerAndLength }

    public static func lift(from reader: inout CanonicalReader) throws(CanonicalABIError) -> Self {
        if Element.self == UInt8.self {
            // Same type, checked just above: the cast only renames it.
            return unsafeBitCast(try reader.readBytes(), to: [Element].self)
        }
        let layout = Element.canonicalLayout
        let (memory, begin, count) = try reader.readListRange(elementSize: layout.size, alignment: layout.alignment)
        return try CanonicalReader.readElements(
            memory: memory, begin: begin, count: count, elementSize: layout.size, context: reader.context
        ) { (reader: inout CanonicalReader) throws(CanonicalABIError) -> Element in
            try reader.read(Element.self)
        }
    }

    public func lower(into writer: inout CanonicalWriter) throws(CanonicalABIError) {
        if Element.self == UInt8.self {
            return try writer.writeBytes(unsafeBitCast(self, to: [UInt8].self))
        }
        let layout = Element.canonicalLayout
        let begin = try writer.writeListRange(count: count, elementSize: layout.size, alignment: layout.alignment)
        try CanonicalWriter.writeElements(self, begin: begin, elementSize: layout.size, context: writer.context) {
            (writer: inout CanonicalWriter, element: Element) throws(CanonicalABIError) in
            try writer.write(element)
        }
    }
}

/// An `option<T>`.
extension Optional: CanonicalValue where Wrapped: CanonicalValue {
    public static var componentType: ComponentValueType { .option(Wrapped.componentType) }

    private static var variantLayout: (CanonicalValueLayout, payloadOffset: UInt32) {
        CanonicalValueLayout.twoCaseVariant(.empty, Wrapped.canonicalLayout)
    }

    public static var canonicalLayout: CanonicalValueLayout { variantLayout.0 }

    public static func lift(from reader: inout CanonicalReader) throws(CanonicalABIError) -> Self {
        let index = try reader.readDiscriminant(caseCount: 2, payloadOffset: variantLayout.payloadOffset)
        return index == 0 ? nil : try reader.read(Wrapped.self)
    }

    public func lower(into writer: inout CanonicalWriter) throws(CanonicalABIError) {
        let payloadOffset = Self.variantLayout.payloadOffset
        guard let self else { return try writer.writeDiscriminant(0, caseCount: 2, payloadOffset: payloadOffset) }
        try writer.writeDiscriminant(1, caseCount: 2, payloadOffset: payloadOffset)
        try writer.write(self)
    }
}
