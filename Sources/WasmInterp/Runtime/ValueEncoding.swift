/// How values live in 64-bit value-stack slots, tables and globals.
///
/// Numbers are their bit patterns, zero-extended. References: 0 is null, a function is
/// its store address + 1, an externref is its host payload + 1 (wrapping). A v128 takes
/// two slots, low half first.
extension Reference {
    public var bits: UInt64 {
        switch self {
        case .null: return 0
        case .function(let address): return UInt64(address) &+ 1
        case .extern(let payload): return payload &+ 1
        }
    }

    public init(bits: UInt64, type: ReferenceType) {
        if bits == 0 {
            self = .null(type)
        } else if type == .funcref {
            self = .function(FunctionAddress(truncatingIfNeeded: bits &- 1))
        } else {
            self = .extern(bits &- 1)
        }
    }
}

extension Value {
    /// The value's slot words: (low, high); `high` is 0 except for v128.
    public var slots: (UInt64, UInt64) {
        switch self {
        case .i32(let v): return (UInt64(v), 0)
        case .i64(let v): return (v, 0)
        case .f32(let v): return (UInt64(v), 0)
        case .f64(let v): return (v, 0)
        case .v128(let v): return (v.low, v.high)
        case .ref(let r): return (r.bits, 0)
        }
    }

    public init(low: UInt64, high: UInt64 = 0, type: ValueType) {
        switch type {
        case .i32: self = .i32(UInt32(truncatingIfNeeded: low))
        case .i64: self = .i64(low)
        case .f32: self = .f32(UInt32(truncatingIfNeeded: low))
        case .f64: self = .f64(low)
        case .v128: self = .v128(V128(low: low, high: high))
        case .funcref: self = .ref(Reference(bits: low, type: .funcref))
        case .externref: self = .ref(Reference(bits: low, type: .externref))
        }
    }

    /// The zero value of a type (null for references), as locals start out.
    public static func zero(_ type: ValueType) -> Value { Value(low: 0, type: type) }
}
