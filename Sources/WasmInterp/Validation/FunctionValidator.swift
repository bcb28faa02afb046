/// Type-checks function bodies with the operand and control stacks of the spec
/// appendix's validation algorithm.
///
/// One validator is reused for every function of a module so its stacks keep their
/// capacity. Feed it one instruction at a time (`validate(_:at:)`) after `begin`; the body
/// is complete when `isComplete` turns true at the function's final `end`. Keeping the
/// per-instruction step separate from reading lets a translator drive the same checks.
struct FunctionValidator {
    let context: ValidationContext
    /// The operand stack; `nil` is the spec's `Unknown`, a value popped in dead code.
    private(set) var operands: [ValueType?] = []
    private(set) var frames: [ControlFrame] = []
    /// Parameters followed by declared locals.
    private(set) var locals: [ValueType] = []
    private(set) var functionIndex: UInt32 = 0
    /// Byte offset of the instruction being checked, for error reports.
    var offset = 0

    init(context: ValidationContext) {
        self.context = context
        operands.reserveCapacity(64)
        frames.reserveCapacity(16)
        locals.reserveCapacity(32)
    }

    /// True once the function's final `end` has been validated.
    var isComplete: Bool { frames.isEmpty }

    /// Starts a function: its locals are its parameters followed by `declaredLocals`.
    mutating func begin(functionIndex: UInt32, type: FunctionType, declaredLocals: [ValueType]) {
        self.functionIndex = functionIndex
        offset = 0
        operands.removeAll(keepingCapacity: true)
        frames.removeAll(keepingCapacity: true)
        locals.removeAll(keepingCapacity: true)
        locals.append(contentsOf: type.parameters)
        locals.append(contentsOf: declaredLocals)
        frames.append(ControlFrame(kind: .function, parameters: [], results: type.results, height: 0))
    }

    /// A validation error located at the current instruction.
    func error(_ message: String) -> ValidationError {
        ValidationError(message, functionIndex: functionIndex, offset: offset)
    }

    /// Attaches the current location to an error from a context lookup.
    func located(_ error: ValidationError) -> ValidationError {
        ValidationError(error.message, functionIndex: functionIndex, offset: offset)
    }

    // MARK: Operand stack

    @inline(__always)
    mutating func push(_ type: ValueType?) {
        operands.append(type)
    }

    mutating func push(_ types: [ValueType]) {
        for type in types { operands.append(type) }
    }

    /// Pops any operand; `nil` when the frame is unreachable and has none left.
    @inline(__always)
    mutating func pop() throws(ValidationError) -> ValueType? {
        let top = frames.count &- 1
        guard top >= 0 else { throw error("instruction after the end of the function") }
        if operands.count == frames[top].height {
            if frames[top].isUnreachable { return nil }
            throw error("type mismatch")
        }
        return operands.removeLast()
    }

    /// Pops an operand that must have type `expected` (or be unknown).
    @discardableResult @inline(__always)
    mutating func pop(_ expected: ValueType) throws(ValidationError) -> ValueType? {
        let actual = try pop()
        if let actual, actual != expected { throw error("type mismatch") }
        return actual
    }

    /// Pops operands of `types`, the last type first.
    mutating func pop(_ types: [ValueType]) throws(ValidationError) {
        var index = types.count
        while index > 0 {
            index &-= 1
            try pop(types[index])
        }
    }

    /// Checks that the top operands could be popped as `types`, leaving the stack as it is.
    func checkTopOperands(match types: [ValueType]) throws(ValidationError) {
        guard let frame = frames.last else { throw error("instruction after the end of the function") }
        let available = operands.count &- frame.height
        for depth in 0..<types.count {
            let expected = types[types.count &- 1 &- depth]
            if depth < available {
                if let actual = operands[operands.count &- 1 &- depth], actual != expected {
                    throw error("type mismatch")
                }
            } else if !frame.isUnreachable {
                throw error("type mismatch")
            }
        }
    }

    // MARK: Control stack

    mutating func pushFrame(_ kind: ControlFrame.Kind, parameters: [ValueType], results: [ValueType]) {
        frames.append(ControlFrame(kind: kind, parameters: parameters, results: results, height: operands.count))
        push(parameters)
    }

    /// Pops the innermost frame after checking that exactly its results are on the stack.
    mutating func popFrame() throws(ValidationError) -> ControlFrame {
        let top = frames.count &- 1
        guard top >= 0 else { throw error("instruction after the end of the function") }
        try pop(frames[top].results)
        guard operands.count == frames[top].height else { throw error("type mismatch") }
        return frames.removeLast()
    }

    /// The types a branch to label `depth` carries (0 is the innermost frame).
    @inline(__always)
    func labelTypes(atDepth depth: UInt32) throws(ValidationError) -> [ValueType] {
        guard depth < frames.count else { throw error("unknown label \(depth)") }
        // Reads the one array the label needs instead of copying the whole frame.
        let index = frames.count &- 1 &- Int(depth)
        return frames[index].kind == .loop ? frames[index].parameters : frames[index].results
    }

    /// Marks the rest of the innermost frame as dead code.
    mutating func markUnreachable() {
        let top = frames.count &- 1
        guard top >= 0 else { return }
        operands.removeSubrange(frames[top].height...)
        frames[top].isUnreachable = true
    }
}
