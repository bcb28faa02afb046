/// The signature of a numeric operator in a form the validator reads without allocating:
/// `NumericOperator.operandTypes` builds an array on each call, so the validator looks the
/// signatures up in a table computed once.
struct NumericSignature {
    var firstOperand: ValueType
    /// `nil` for unary operators.
    var secondOperand: ValueType?
    var result: ValueType

    static func of(_ numericOperator: NumericOperator) -> NumericSignature {
        table[denseIndex(of: numericOperator)]
    }

    /// Single-byte opcodes map to themselves; `0xFC nn` ones follow the last of them.
    private static func denseIndex(of numericOperator: NumericOperator) -> Int {
        let opcode = Int(numericOperator.rawValue)
        return opcode < 0x100 ? opcode : 0x100 + (opcode & 0xFF)
    }

    private static let table: [NumericSignature] = {
        var signatures = [NumericSignature](
            repeating: NumericSignature(firstOperand: .i32, secondOperand: nil, result: .i32),
            count: 0x100 + 0x100)
        for numericOperator in NumericOperator.allCases {
            let operands = numericOperator.operandTypes
            let signature = NumericSignature(
                firstOperand: operands.first ?? .i32,
                secondOperand: operands.count > 1 ? operands[1] : nil,
                result: numericOperator.resultType)
            signatures[denseIndex(of: numericOperator)] = signature
        }
        return signatures
    }()
}
