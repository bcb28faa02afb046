extension Translator {
    /// Fuses a loop counter's step into the `i32.ne` branch that tests it: `local.tee $i
    /// (i32.add (local.get $i) c)`, `i32.ne` with a local or constant, `br_if` (clang's
    /// usual loop end) runs as one `i32AddBranchIfNe`. Only when the `i32.add` (written to
    /// its local in place) is the instruction right before the branch and no label lies
    /// between them (a jump to the branch must not run the step). Returns where the branch
    /// now is, for the caller to link.
    mutating func fuseCounterStep(intoBranchAt pc: Int) -> Int {
        guard !forTracing, pc >= 1, pc == nextPC - 1, lastLabel <= pc - 1,
              instructions[pc].opcode == .branchIfI32Ne
        else { return pc }
        let branch = instructions[pc]
        let step = instructions[pc - 1]
        guard step.opcode == .i32Add, step.x == step.y, step.x < constantBase else { return pc }
        let limit = constantBase + UInt32(constants.count)
        let other: UInt32
        if branch.y == step.x {
            other = branch.z
        } else if branch.z == step.x {
            other = branch.y
        } else {
            return pc
        }
        // `w` is never relocated: only a local's or constant's slot may go there.
        guard other < limit, other <= UInt32(UInt16.max) else { return pc }
        instructions[pc - 1] = InternalInstruction(.i32AddBranchIfNe, w: UInt16(other), x: branch.x, y: step.x, z: step.z)
        instructions.removeLast()
        sourceOffsets.removeLast()
        traceOperands.removeLast()
        lastProducer = -1
        return pc - 1
    }
}
