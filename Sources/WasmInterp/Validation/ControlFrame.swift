/// One entry of the validator's control stack: an enclosing block, loop, if/else or the
/// function itself (the spec appendix's `ctrl_frame`).
struct ControlFrame {
    enum Kind: UInt8 {
        case function, block, loop, `if`, `else`
    }

    var kind: Kind
    /// Types the construct takes from the operand stack (`start_types`).
    var parameters: [ValueType]
    /// Types the construct leaves on the operand stack (`end_types`).
    var results: [ValueType]
    /// Operand stack height when the construct was entered, below its parameters.
    var height: Int
    /// Set after an unconditional branch: the rest of the construct is dead code, where
    /// the operand stack is polymorphic.
    var isUnreachable = false

    /// What a branch to this frame's label carries: a loop's label is its start.
    var labelTypes: [ValueType] { kind == .loop ? parameters : results }
}
