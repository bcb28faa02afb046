/// A WebAssembly value type (numbers, the 128-bit vector, references).
public enum ValueType: UInt8, Sendable, Hashable, CustomStringConvertible {
    case i32 = 0x7F
    case i64 = 0x7E
    case f32 = 0x7D
    case f64 = 0x7C
    case v128 = 0x7B
    case funcref = 0x70
    case externref = 0x6F

    public var isReference: Bool { self == .funcref || self == .externref }
    public var isNumeric: Bool { self == .i32 || self == .i64 || self == .f32 || self == .f64 }

    /// How many 64-bit value-stack slots a value of this type occupies.
    public var slotCount: Int { self == .v128 ? 2 : 1 }

    public var description: String {
        switch self {
        case .i32: return "i32"
        case .i64: return "i64"
        case .f32: return "f32"
        case .f64: return "f64"
        case .v128: return "v128"
        case .funcref: return "funcref"
        case .externref: return "externref"
        }
    }
}

/// The two reference types of WebAssembly 2.0.
public enum ReferenceType: UInt8, Sendable, Hashable, CustomStringConvertible {
    case funcref = 0x70
    case externref = 0x6F

    public var valueType: ValueType { self == .funcref ? .funcref : .externref }
    public var description: String { valueType.description }
}

/// A function signature.
public struct FunctionType: Sendable, Hashable, CustomStringConvertible {
    public var parameters: [ValueType]
    public var results: [ValueType]

    public init(parameters: [ValueType], results: [ValueType]) {
        self.parameters = parameters
        self.results = results
    }

    public var description: String {
        "(" + parameters.map(\.description).joined(separator: ", ") + ") -> ("
            + results.map(\.description).joined(separator: ", ") + ")"
    }
}

/// Size bounds of a memory (in 64 KiB pages) or a table (in elements).
public struct Limits: Sendable, Hashable, CustomStringConvertible {
    public var min: UInt64
    public var max: UInt64?

    public init(min: UInt64, max: UInt64? = nil) {
        self.min = min
        self.max = max
    }

    public var description: String { max.map { "\(min)..\($0)" } ?? "\(min).." }
}

public struct MemoryType: Sendable, Hashable {
    public var limits: Limits
    public init(limits: Limits) { self.limits = limits }
}

public struct TableType: Sendable, Hashable {
    public var elementType: ReferenceType
    public var limits: Limits
    public init(elementType: ReferenceType, limits: Limits) {
        self.elementType = elementType
        self.limits = limits
    }
}

public struct GlobalType: Sendable, Hashable {
    public var valueType: ValueType
    public var isMutable: Bool
    public init(valueType: ValueType, isMutable: Bool) {
        self.valueType = valueType
        self.isMutable = isMutable
    }
}

/// A 128-bit vector value, stored as two little-endian 64-bit halves.
public struct V128: Sendable, Hashable {
    public var low: UInt64
    public var high: UInt64
    public init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// The 16 bytes in little-endian lane order.
    public var bytes: [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(16)
        for word in [low, high] {
            for byteIndex in 0..<8 {
                let shift = UInt64(byteIndex * 8)
                result.append(UInt8(truncatingIfNeeded: word >> shift))
            }
        }
        return result
    }

    public init(bytes: [UInt8]) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for (index, byte) in bytes.prefix(16).enumerated() {
            let shift = UInt64((index % 8) * 8)
            if index < 8 { low |= UInt64(byte) << shift } else { high |= UInt64(byte) << shift }
        }
        self.init(low: low, high: high)
    }
}

/// A reference value as the host sees it.
public enum Reference: Sendable, Hashable {
    /// A function, by its address in the store.
    case function(FunctionAddress)
    /// A host value (externref), an opaque number chosen by the host.
    case extern(UInt64)
    /// A null reference of the given type.
    case null(ReferenceType)
}

/// An address of a function in a `Store`.
public typealias FunctionAddress = Int

/// A WebAssembly value as the host API passes it.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case i32(UInt32)
    case i64(UInt64)
    /// An f32, by its bit pattern (so NaN payloads survive).
    case f32(UInt32)
    /// An f64, by its bit pattern.
    case f64(UInt64)
    case v128(V128)
    case ref(Reference)

    public var type: ValueType {
        switch self {
        case .i32: return .i32
        case .i64: return .i64
        case .f32: return .f32
        case .f64: return .f64
        case .v128: return .v128
        case .ref(.function), .ref(.null(.funcref)): return .funcref
        case .ref(.extern), .ref(.null(.externref)): return .externref
        }
    }

    public var description: String {
        switch self {
        case .i32(let v): return String(Int32(bitPattern: v))
        case .i64(let v): return String(Int64(bitPattern: v))
        case .f32(let v): return Float(bitPattern: v).description
        case .f64(let v): return Double(bitPattern: v).description
        case .v128(let v): return "0x" + v.bytes.map { b in
                let s = String(b, radix: 16)
                return s.count == 1 ? "0" + s : s
            }.joined()
        case .ref(.function(let a)): return "funcref(\(a))"
        case .ref(.extern(let a)): return "externref(\(a))"
        case .ref(.null(let t)): return "null \(t)"
        }
    }
}
