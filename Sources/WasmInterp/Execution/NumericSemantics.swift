// Placeholder until numeric semantics land: the API the executor relies on.
/// The meaning of every `NumericOperator`, on value-stack slot bits (an i32/f32 lives in
/// the low 32 bits with the upper 32 bits zero; results keep that invariant).
enum NumericSemantics {
    /// Evaluates a one-operand operator (tests, conversions, unary float ops, extends...).
    static func evaluateUnary(_ op: NumericOperator, _ operand: UInt64) throws(TrapReason) -> UInt64 {
        throw TrapReason.unreachable
    }

    /// Evaluates a two-operand operator; `lhs` was pushed first.
    static func evaluateBinary(_ op: NumericOperator, _ lhs: UInt64, _ rhs: UInt64) throws(TrapReason) -> UInt64 {
        throw TrapReason.unreachable
    }
}
