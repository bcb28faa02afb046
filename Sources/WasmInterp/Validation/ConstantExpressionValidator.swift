/// Checks constant expressions: global initializers, segment offsets and element items.
///
/// Only `t.const` (including `v128.const`), `ref.null`, `ref.func` and `global.get` of an immutable global are
/// constant in WebAssembly 2.0, and the expression must produce exactly one value of the
/// expected type.
enum ConstantExpressionValidator {
    /// - Parameter visibleGlobalCount: how many globals (from index 0) the expression may
    ///   read: only the imported ones (Wasm 2.0; later versions relax this).
    static func validate(
        _ expression: ConstantExpression,
        expecting expectedType: ValueType,
        context: ValidationContext,
        visibleGlobalCount: Int
    ) throws(ValidationError) {
        var resultType: ValueType?
        var resultCount = 0
        for instruction in expression.instructions {
            resultType = try type(of: instruction, context: context, visibleGlobalCount: visibleGlobalCount)
            resultCount &+= 1
        }
        guard resultCount == 1, resultType == expectedType else { throw ValidationError("type mismatch") }
    }

    /// The type a constant instruction pushes; throws for a non-constant instruction.
    private static func type(
        of instruction: Instruction,
        context: ValidationContext,
        visibleGlobalCount: Int
    ) throws(ValidationError) -> ValueType {
        switch instruction {
        case .i32Const: return .i32
        case .i64Const: return .i64
        case .f32Const: return .f32
        case .f64Const: return .f64
        case .v128Const: return .v128
        case .refNull(let type): return type.valueType
        case .refFunc(let index):
            _ = try context.function(at: index)
            return .funcref
        case .globalGet(let index):
            return try constantGlobalType(index, context: context, visibleGlobalCount: visibleGlobalCount)
        default:
            throw ValidationError("constant expression required")
        }
    }

    private static func constantGlobalType(
        _ index: UInt32,
        context: ValidationContext,
        visibleGlobalCount: Int
    ) throws(ValidationError) -> ValueType {
        guard index < visibleGlobalCount else { throw ValidationError("unknown global \(index)") }
        let global = try context.global(at: index)
        // A mutable global's value can change after instantiation, so reading it is not constant.
        guard !global.isMutable else { throw ValidationError("constant expression required") }
        return global.valueType
    }
}
