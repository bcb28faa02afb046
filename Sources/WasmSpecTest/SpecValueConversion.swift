import WasmInterp

/// A command could not be carried out or its outcome was not the expected one.
struct SpecCommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// What an `assert_return` accepts for one result.
enum ExpectedResult: CustomStringConvertible {
    /// Exactly this value (floats by bit pattern).
    case exact(Value)
    /// A quiet NaN with zero payload, either sign.
    case canonicalNaN(ValueType)
    /// Any NaN with the quiet bit set.
    case arithmeticNaN(ValueType)
    /// Any non-null function reference (`ref.func`, whose address the script cannot know).
    case anyFunctionReference
    /// A v128 whose lanes of `laneBits` bits each match, lowest lane first.
    case vector(laneBits: Int, lanes: [ExpectedLane])

    func matches(_ actual: Value) -> Bool {
        switch self {
        case .exact(let expected): return expected == actual
        case .canonicalNaN(let type): return Self.isNaN(actual, of: type, canonical: true)
        case .arithmeticNaN(let type): return Self.isNaN(actual, of: type, canonical: false)
        case .anyFunctionReference:
            if case .ref(.function) = actual { return true }
            return false
        case .vector(let laneBits, let lanes):
            guard case .v128(let vector) = actual else { return false }
            let actualLanes = VectorLanes.split(vector, laneBits: laneBits)
            return actualLanes.count == lanes.count && zip(lanes, actualLanes).allSatisfy { $0.matches($1, laneBits: laneBits) }
        }
    }

    private static func isNaN(_ value: Value, of type: ValueType, canonical: Bool) -> Bool {
        switch (type, value) {
        case (.f32, .f32(let bits)):
            let magnitude = bits & 0x7FFF_FFFF
            return canonical ? magnitude == 0x7FC0_0000 : magnitude & 0x7FC0_0000 == 0x7FC0_0000
        case (.f64, .f64(let bits)):
            let magnitude = bits & 0x7FFF_FFFF_FFFF_FFFF
            let quietNaN: UInt64 = 0x7FF8_0000_0000_0000
            return canonical ? magnitude == quietNaN : magnitude & quietNaN == quietNaN
        default:
            return false
        }
    }

    var description: String {
        switch self {
        case .exact(let value): return describe(value)
        case .canonicalNaN(let type): return "\(type) nan:canonical"
        case .arithmeticNaN(let type): return "\(type) nan:arithmetic"
        case .anyFunctionReference: return "ref.func"
        case .vector(let laneBits, let lanes):
            return "v128 i\(laneBits)x\(lanes.count) [" + lanes.map(\.description).joined(separator: " ") + "]"
        }
    }
}

/// What one lane of an expected v128 must hold.
enum ExpectedLane: CustomStringConvertible {
    case bits(UInt64)
    case canonicalNaN
    case arithmeticNaN

    func matches(_ actual: UInt64, laneBits: Int) -> Bool {
        switch self {
        case .bits(let expected): return expected == actual
        case .canonicalNaN: return ExpectedResult.canonicalNaN(laneBits == 32 ? .f32 : .f64).matches(Self.float(actual, laneBits))
        case .arithmeticNaN: return ExpectedResult.arithmeticNaN(laneBits == 32 ? .f32 : .f64).matches(Self.float(actual, laneBits))
        }
    }

    private static func float(_ bits: UInt64, _ laneBits: Int) -> Value {
        laneBits == 32 ? .f32(UInt32(truncatingIfNeeded: bits)) : .f64(bits)
    }

    var description: String {
        switch self {
        case .bits(let bits): return "0x" + String(bits, radix: 16)
        case .canonicalNaN: return "nan:canonical"
        case .arithmeticNaN: return "nan:arithmetic"
        }
    }
}

/// Splitting a v128 into lanes and joining lanes into one; lane 0 is the lowest-addressed.
enum VectorLanes {
    static func split(_ vector: V128, laneBits: Int) -> [UInt64] {
        let bytes = vector.bytes
        let laneBytes = laneBits / 8
        return stride(from: 0, to: 16, by: laneBytes).map { start in
            var lane: UInt64 = 0
            for offset in 0..<laneBytes { lane |= UInt64(bytes[start + offset]) << UInt64(offset * 8) }
            return lane
        }
    }

    static func join(_ lanes: [UInt64], laneBits: Int) -> V128 {
        var bytes: [UInt8] = []
        for lane in lanes {
            for offset in 0..<(laneBits / 8) { bytes.append(UInt8(truncatingIfNeeded: lane >> UInt64(offset * 8))) }
        }
        return V128(bytes: bytes)
    }
}

/// A value with its type and, for floats, its bit pattern: failures must show NaN payloads.
func describe(_ value: Value) -> String {
    switch value {
    case .i32(let bits): return "i32 \(value) (0x\(String(bits, radix: 16)))"
    case .i64(let bits): return "i64 \(value) (0x\(String(bits, radix: 16)))"
    case .f32(let bits): return "f32 \(value) (0x\(String(bits, radix: 16)))"
    case .f64(let bits): return "f64 \(value) (0x\(String(bits, radix: 16)))"
    case .v128: return "v128 \(value)"
    case .ref: return value.description
    }
}

extension SpecValue {
    /// The value as an argument to pass.
    func argument() throws(SpecCommandFailure) -> Value {
        switch expectation() {
        case .success(.exact(let value)): return value
        case .success(let other): throw SpecCommandFailure("\(other) cannot be an argument")
        case .failure(let failure): throw failure
        }
    }

    /// What a result must look like to match this expected value.
    func expectation() -> Result<ExpectedResult, SpecCommandFailure> {
        if case .lanes(let lanes) = value { return vectorExpectation(lanes) }
        guard case .scalar(let text) = value else {
            if type == "funcref", case .absent = value { return .success(.anyFunctionReference) }
            return .failure(SpecCommandFailure("unsupported \(type) value"))
        }
        switch type {
        case "i32": return bits(text, width: 32).map { .exact(.i32(UInt32(truncatingIfNeeded: $0))) }
        case "i64": return bits(text, width: 64).map { .exact(.i64($0)) }
        case "f32": return floatExpectation(text, type: .f32)
        case "f64": return floatExpectation(text, type: .f64)
        case "externref": return referenceExpectation(text, type: .externref)
        case "funcref": return referenceExpectation(text, type: .funcref)
        default: return .failure(SpecCommandFailure("unsupported value type \(type)"))
        }
    }

    private func floatExpectation(_ text: String, type valueType: ValueType) -> Result<ExpectedResult, SpecCommandFailure> {
        switch text {
        case "nan:canonical": return .success(.canonicalNaN(valueType))
        case "nan:arithmetic": return .success(.arithmeticNaN(valueType))
        default:
            if valueType == .f32 {
                return bits(text, width: 32).map { .exact(.f32(UInt32(truncatingIfNeeded: $0))) }
            }
            return bits(text, width: 64).map { .exact(.f64($0)) }
        }
    }

    private func referenceExpectation(_ text: String, type valueType: ReferenceType) -> Result<ExpectedResult, SpecCommandFailure> {
        if text == "null" { return .success(.exact(.ref(.null(valueType)))) }
        if valueType == .funcref { return .success(.anyFunctionReference) }
        return bits(text, width: 64).map { .exact(.ref(.extern($0))) }
    }

    /// A v128 given as lanes of `lane_type`: exact when every lane is a number.
    private func vectorExpectation(_ texts: [String]) -> Result<ExpectedResult, SpecCommandFailure> {
        let laneBits: Int
        switch laneType {
        case "i8": laneBits = 8
        case "i16": laneBits = 16
        case "i32", "f32": laneBits = 32
        case "i64", "f64": laneBits = 64
        default: return .failure(SpecCommandFailure("unsupported v128 lane type \(laneType ?? "(none)")"))
        }
        guard texts.count * laneBits == 128 else {
            return .failure(SpecCommandFailure("v128 with \(texts.count) lanes of \(laneBits) bits"))
        }
        var lanes: [ExpectedLane] = []
        for text in texts {
            switch text {
            case "nan:canonical": lanes.append(.canonicalNaN)
            case "nan:arithmetic": lanes.append(.arithmeticNaN)
            default:
                switch bits(text, width: laneBits) {
                case .success(let laneValue): lanes.append(.bits(laneValue))
                case .failure(let failure): return .failure(failure)
                }
            }
        }
        var exactLanes: [UInt64] = []
        for lane in lanes {
            guard case .bits(let laneValue) = lane else { return .success(.vector(laneBits: laneBits, lanes: lanes)) }
            exactLanes.append(laneValue)
        }
        return .success(.exact(.v128(VectorLanes.join(exactLanes, laneBits: laneBits))))
    }

    /// A decimal bit pattern of `width` bits, written unsigned or as a negative number.
    private func bits(_ text: String, width: Int) -> Result<UInt64, SpecCommandFailure> {
        let invalid = SpecCommandFailure("\(type) value \"\(text)\" is not a \(width)-bit integer")
        if text.hasPrefix("-") {
            guard let signed = Int64(text) else { return .failure(invalid) }
            let lowest = width == 64 ? Int64.min : -(Int64(1) << (width - 1))
            guard signed >= lowest else { return .failure(invalid) }
            let mask = width == 64 ? UInt64.max : (UInt64(1) << width) - 1
            return .success(UInt64(bitPattern: signed) & mask)
        }
        guard let unsigned = UInt64(text) else { return .failure(invalid) }
        guard width == 64 || unsigned >> width == 0 else { return .failure(invalid) }
        return .success(unsigned)
    }
}
