import Testing
@testable import WasmInterp

/// The words that do nothing when executed (an instruction's operand word, a trace marker)
/// are stepped over by their `w`, which the translator leaves 0: the loop's cases must not
/// be empty, or LLVM keeps one shared dispatch instead of one per case (see Package.swift).
@Suite struct OperandWordTests {
    static let stepOverWords: Set<InternalOpcode> = [.traceMarker, .bulkOperand, .callIndirectFrame, .simdOperands, .selectCondition]

    @Test func wordsExecutedAsNoOpsHaveZeroWidth() throws {
        let instance = try instantiateFixture("operand-words")
        var seen = Set<InternalOpcode>()
        for tracing in [false, true] {
            for function in instance.storage.functions {
                guard case .wasm(let wasm) = function.kind else { continue }
                let compiled = try wasm.code(forTracing: tracing).pointee.compiled.takeUnretainedValue()
                for index in 0..<compiled.codeCount where Self.stepOverWords.contains(compiled.code[index].opcode) {
                    seen.insert(compiled.code[index].opcode)
                    #expect(compiled.code[index].w == 0, "\(compiled.code[index].opcode) at \(index)")
                }
            }
        }
        #expect(seen == Self.stepOverWords)
    }

    @Test func executionContinuesAfterEachWord() throws {
        let instance = try instantiateFixture("operand-words")
        // Through the table.init'ed and the table.copy'd elements, both select arms.
        #expect(try instance.invoke("dispatch", [.i32(0), .i32(1)]) == [.i32(112)])
        #expect(try instance.invoke("dispatch", [.i32(1), .i32(0)]) == [.i32(2)])
        #expect(try instance.invoke("dispatch", [.i32(2), .i32(0)]) == [.i32(12)])
        #expect(try instance.invoke("dispatch", [.i32(3), .i32(1)]) == [.i32(102)])
        #expect(try instance.invoke("lanes", [.i32(10), .i32(20)]) == [.i32(70)])
    }

    @Test func tracedExecutionStepsOverTheWordsToo() throws {
        let instance = try instantiateFixture("operand-words")
        guard let dispatch = instance.exportedFunction("dispatch") else { throw TestFailure("no dispatch") }
        let execution = try Execution(store: instance.store, function: dispatch, arguments: [.i32(3), .i32(0)])
        let traced = TraceCounter()
        execution.traceSink = { _ in traced.increment() }
        guard case .returned(let results) = execution.run() else { throw TestFailure("traced run did not return") }
        #expect(results == [.i32(2)])
        #expect(traced.count > 10)
    }
}
