/// Evaluates constant expressions (global initializers, segment offsets, element items)
/// during instantiation, against the instance's functions and globals so far.
///
/// Expressions have been validated, but the evaluator still checks every index and the
/// result type and throws a `ValidationError` instead of trusting them.
struct ConstantExpressionEvaluator {
    /// The instance's functions (imported and defined), all registered in the store.
    let functions: [Function]
    /// The globals available to `global.get`: imported ones and those defined so far.
    let globals: [GlobalVariable]

    /// A value in its slot encoding (see `ValueEncoding.swift`), with its type.
    struct Result {
        var type: ValueType
        var low: UInt64
        var high: UInt64 = 0
    }

    /// The value of `expression`, which must produce exactly one value of type `expected`.
    func evaluate(_ expression: ConstantExpression, expecting expected: ValueType) throws(ValidationError) -> Result {
        // Wasm 2.0 constant expressions are single instructions (none consumes an operand),
        // so anything else cannot produce exactly one value.
        guard expression.instructions.count == 1, let instruction = expression.instructions.first else {
            throw ValidationError("type mismatch: constant expression must produce exactly one value")
        }
        let result = try evaluate(instruction)
        guard result.type == expected else {
            throw ValidationError("type mismatch: constant expression produces \(result.type), expected \(expected)")
        }
        return result
    }

    /// The value of an i32 offset expression, as an unsigned address or index.
    func evaluateOffset(_ expression: ConstantExpression) throws(ValidationError) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: try evaluate(expression, expecting: .i32).low))
    }

    private func evaluate(_ instruction: Instruction) throws(ValidationError) -> Result {
        switch instruction {
        case .i32Const(let value):
            return Result(type: .i32, low: UInt64(UInt32(bitPattern: value)))
        case .i64Const(let value):
            return Result(type: .i64, low: UInt64(bitPattern: value))
        case .f32Const(let bits):
            return Result(type: .f32, low: UInt64(bits))
        case .f64Const(let bits):
            return Result(type: .f64, low: bits)
        case .v128Const(let vector):
            return Result(type: .v128, low: vector.low, high: vector.high)
        case .refNull(let type):
            return Result(type: type.valueType, low: Reference.null(type).bits)
        case .refFunc(let index):
            return try functionReference(index)
        case .globalGet(let index):
            return try globalValue(index)
        default:
            throw ValidationError("constant expression required")
        }
    }

    private func functionReference(_ index: UInt32) throws(ValidationError) -> Result {
        guard Int(index) < functions.count else { throw ValidationError("unknown function \(index)") }
        let address = functions[Int(index)].address
        guard address >= 0 else { throw ValidationError("function \(index) has no store address") }
        return Result(type: .funcref, low: Reference.function(address).bits)
    }

    private func globalValue(_ index: UInt32) throws(ValidationError) -> Result {
        guard Int(index) < globals.count else { throw ValidationError("unknown global \(index)") }
        let global = globals[Int(index)]
        return Result(type: global.type.valueType, low: global.low, high: global.high)
    }
}
