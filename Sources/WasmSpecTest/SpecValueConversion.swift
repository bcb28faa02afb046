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

    func matches(_ actual: Value) -> Bool {
        switch self {
        case .exact(let expected): return expected == actual
        case .canonicalNaN(let type): return Self.isNaN(actual, of: type, canonical: true)
        case .arithmeticNaN(let type): return Self.isNaN(actual, of: type, canonical: false)
        case .anyFunctionReference:
            if case .ref(.function) = actual { return true }
            return false
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
        }
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
