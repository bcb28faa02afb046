/// Instruction tracing: reports each executed Wasm instruction to `Execution.traceSink`.
/// The text form is recovered by decoding the original instruction at its source offset,
/// so translation keeps no text and untraced runs pay only one branch per instruction.
extension Execution {
    func trace(frame: Frame, pc: Int, sp: UnsafeMutablePointer<UInt64>) {
        guard let sink = traceSink, let offset = frame.compiled.sourceOffset(at: pc) else { return }
        let body = frame.function.body
        var reader = InstructionReader(bytes: body.bytes, range: offset..<body.codeRange.upperBound)
        let text = (try? reader.read().textForm) ?? "?"
        let consumed = Int(frame.compiled.consumedSlots[pc])
        var operands: [UInt64] = []
        for index in stride(from: consumed, to: 0, by: -1) { operands.append(sp[-index]) }
        let index = frame.function.functionIndex
        sink(TraceEvent(
            functionIndex: index, functionName: frame.function.instance.functionName(index),
            offset: offset, instruction: text, operands: operands))
    }
}
