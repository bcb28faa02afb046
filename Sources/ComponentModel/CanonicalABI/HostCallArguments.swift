/// The arguments of a lowered import call, read one by one as typed values.
public struct HostCallArguments {
    private var reader: CanonicalReader
    private let parameters: [CanonicalTypeLayout]
    private var index = 0

    init(reader: CanonicalReader, parameters: [CanonicalTypeLayout]) {
        self.reader = reader
        self.parameters = parameters
    }

    /// Lifts the next argument as a `T`.
    /// - Throws: `valueDoesNotMatchType` when `T` is not the parameter's type or no
    ///   parameter is left; the traps of lifting.
    public mutating func next<T: CanonicalValue>(_ type: T.Type = T.self) throws(CanonicalABIError) -> T {
        try nextValue(type)
    }

    /// `next(_:)` for the types host functions read most, specialized here so callers in
    /// other modules do not go through generic dispatch (as `CanonicalReader.read(_:)`).
    /// Their component types are built once, not for every argument of every call
    /// (`list<u8>` is an indirect enum: building it allocates).
    public mutating func next(_ type: String.Type) throws(CanonicalABIError) -> String {
        try nextValue(type, componentType: Self.stringType)
    }
    public mutating func next(_ type: [UInt8].Type) throws(CanonicalABIError) -> [UInt8] {
        try nextValue(type, componentType: Self.bytesType)
    }
    public mutating func next(_ type: [UInt8]?.Type) throws(CanonicalABIError) -> [UInt8]? {
        try nextValue(type, componentType: Self.optionalBytesType)
    }

    private static let stringType = String.componentType
    private static let bytesType = [UInt8].componentType
    private static let optionalBytesType = [UInt8]?.componentType

    /// Lifts the next argument as a `T`, whose component type is `componentType`.
    @inline(__always)
    private mutating func nextValue<T: CanonicalValue>(
        _ type: T.Type, componentType: @autoclosure () -> ComponentValueType = T.componentType
    ) throws(CanonicalABIError) -> T {
        guard index < parameters.count else { throw .valueDoesNotMatchType("no parameter \(index)") }
        guard componentType() == parameters[index].type else {
            throw .valueDoesNotMatchType("parameter \(index) is not a \(T.self)")
        }
        index += 1
        return try reader.readValue(T.self)
    }

    /// Lifts the next argument as a dynamic value.
    public mutating func next() throws(CanonicalABIError) -> ComponentValue {
        guard index < parameters.count else { throw .valueDoesNotMatchType("no parameter \(index)") }
        defer { index += 1 }
        return try reader.read(parameters[index])
    }
}
