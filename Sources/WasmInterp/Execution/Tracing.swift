/// Instruction tracing: reports each executed Wasm instruction to `Execution.traceSink`.
/// Traced executions run code translated one-to-one (see `Translator.forTracing`); the
/// text form is recovered by decoding the original instruction at its source offset, so
/// translation keeps no text and untraced runs pay one predictable branch per instruction.
extension Execution {
    func trace(code: UnsafeMutablePointer<FunctionCode>, pc instruction: UnsafeMutablePointer<InternalInstruction>, fp: UnsafeMutablePointer<UInt64>) {
        let pc = instruction - code.pointee.code
        let compiled = code.pointee.compiled.takeUnretainedValue()
        let instance = code.pointee.instance.takeUnretainedValue()
        guard let sink = traceSink, pc < compiled.sourceOffsets.count,
              compiled.sourceOffsets[pc] != CompiledFunction.noSourceOffset
        else { return }
        let offset = Int(compiled.sourceOffsets[pc])
        let index = code.pointee.functionIndex
        guard Int(index) < instance.functions.count, case .wasm(let function) = instance.functions[Int(index)].kind else { return }
        let body = function.body
        var reader = InstructionReader(bytes: body.bytes, range: offset..<body.codeRange.upperBound)
        let text = (try? reader.read().textForm) ?? "?"
        let consumed = compiled.traceOperands[pc]
        var operands: [UInt64] = []
        for slot in 0..<Int(consumed.count) { operands.append(fp[Int(consumed.firstSlot) + slot]) }
        sink(TraceEvent(
            functionIndex: index, functionName: instance.functionName(index),
            offset: offset, instruction: text, operands: operands))
    }
}
