/// A function body translated into the internal instruction stream, plus the frame
/// layout the executor needs and the side tables that map code back to the module.
final class CompiledFunction {
    /// The instructions; owned by this object.
    let code: UnsafeMutableBufferPointer<InternalInstruction>
    /// For each instruction, the byte offset in the module of the Wasm instruction it came
    /// from, or `CompiledFunction.noSourceOffset` for instructions the translator added.
    let sourceOffsets: [UInt32]
    /// For each instruction, how many slots of operands it consumes (for tracing).
    let consumedSlots: [UInt8]
    let parameterSlots: Int
    /// Slots of the declared (non-parameter) locals, zeroed on entry.
    let declaredLocalSlots: Int
    let resultSlots: Int
    /// Most slots the frame ever uses: parameters, locals and the deepest operand stack.
    let maxFrameSlots: Int

    static let noSourceOffset = UInt32.max

    init(
        instructions: [InternalInstruction], sourceOffsets: [UInt32], consumedSlots: [UInt8],
        parameterSlots: Int, declaredLocalSlots: Int, resultSlots: Int, maxFrameSlots: Int
    ) {
        code = UnsafeMutableBufferPointer.allocate(capacity: instructions.count)
        _ = code.initialize(from: instructions)
        self.sourceOffsets = sourceOffsets
        self.consumedSlots = consumedSlots
        self.parameterSlots = parameterSlots
        self.declaredLocalSlots = declaredLocalSlots
        self.resultSlots = resultSlots
        self.maxFrameSlots = maxFrameSlots
    }

    deinit { code.deallocate() }

    func sourceOffset(at pc: Int) -> Int? {
        guard pc >= 0, pc < sourceOffsets.count, sourceOffsets[pc] != CompiledFunction.noSourceOffset else { return nil }
        return Int(sourceOffsets[pc])
    }
}
