import Testing
@testable import WasmInterp

/// Runs `instructions` (ending with the function's final `end`) through a
/// `FunctionValidator` for a function of `type` defined last in `module`.
private func validateCode(
    _ instructions: [Instruction],
    type: FunctionType = FunctionType(parameters: [], results: []),
    locals: [ValueType] = [],
    in module: Module = Module()
) throws(ValidationError) {
    var module = module
    module.types.append(type)
    module.functionTypeIndices.append(UInt32(module.types.count - 1))
    let context = try ModuleValidator.makeContext(for: module)
    var validator = FunctionValidator(context: context)
    validator.begin(functionIndex: UInt32(context.functions.count - 1), type: type, declaredLocals: locals)
    for (offset, instruction) in instructions.enumerated() {
        guard !validator.isComplete else { throw ValidationError("instruction after end") }
        try validator.validate(instruction, at: offset)
    }
    guard validator.isComplete else { throw ValidationError("missing end") }
}

/// The message of the error `body` throws, or nil when it succeeds.
private func validationMessage(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as ValidationError {
        return error.message
    } catch {
        return "unexpected error: \(error)"
    }
}

private let i32ToI32 = FunctionType(parameters: [.i32], results: [.i32])
private let returnsI32 = FunctionType(parameters: [], results: [.i32])

private func constant(_ instruction: Instruction) -> ConstantExpression {
    ConstantExpression(instructions: [instruction])
}

@Suite struct ValidatorTests {
    // MARK: Function bodies

    @Test func acceptsWellTypedArithmetic() {
        #expect(validationMessage {
            try validateCode([.localGet(0), .i32Const(1), .numeric(.i32Add), .end], type: i32ToI32)
        } == nil)
    }

    @Test func rejectsOperandOfWrongType() {
        #expect(validationMessage {
            try validateCode([.localGet(0), .i64Const(1), .numeric(.i32Add), .end], type: i32ToI32)
        } == "type mismatch")
    }

    @Test func rejectsMissingResult() {
        #expect(validationMessage { try validateCode([.end], type: returnsI32) } == "type mismatch")
    }

    @Test func rejectsExtraOperandAtEnd() {
        #expect(validationMessage { try validateCode([.i32Const(1), .end]) } == "type mismatch")
    }

    @Test func rejectsPoppingBelowTheBlockHeight() {
        #expect(validationMessage {
            try validateCode([.i32Const(1), .block(.value(.i32)), .numeric(.i32Eqz), .end, .end], type: returnsI32)
        } == "type mismatch")
    }

    @Test func unreachableCodeHasAPolymorphicStack() {
        #expect(validationMessage {
            try validateCode([.unreachable, .numeric(.i32Add), .numeric(.i64ExtendI32S), .drop, .end], type: returnsI32)
        } == nil)
    }

    @Test func unreachableCodeStillChecksKnownOperands() {
        #expect(validationMessage {
            try validateCode([.unreachable, .i64Const(0), .numeric(.i32Add), .drop, .end])
        } == "type mismatch")
    }

    @Test func ifWithoutElseNeedsMatchingParametersAndResults() {
        #expect(validationMessage {
            try validateCode([.i32Const(1), .if(.value(.i32)), .i32Const(2), .end, .end], type: returnsI32)
        } == "type mismatch")
    }

    @Test func ifWithElseProducesItsResult() {
        #expect(validationMessage {
            try validateCode([.i32Const(1), .if(.value(.i32)), .i32Const(2), .else, .i32Const(3), .end, .end],
                             type: returnsI32)
        } == nil)
    }

    @Test func multiValueBlockTakesParametersFromTheStack() {
        var module = Module()
        module.types = [FunctionType(parameters: [.i32, .i64], results: [.i64])]
        #expect(validationMessage {
            try validateCode([.i32Const(1), .i64Const(2), .block(.typeIndex(0)), .drop, .drop, .i64Const(3), .end,
                              .drop, .end], in: module)
        } == nil)
        #expect(validationMessage {
            try validateCode([.i64Const(2), .block(.typeIndex(0)), .drop, .end, .drop, .end], in: module)
        } == "type mismatch")
        #expect(validationMessage { try validateCode([.block(.typeIndex(7)), .end, .end], in: module) }
            == "unknown type 7")
    }

    @Test func loopLabelCarriesTheLoopParameters() {
        var module = Module()
        module.types = [FunctionType(parameters: [.i32], results: [])]
        #expect(validationMessage {
            try validateCode([.i32Const(1), .loop(.typeIndex(0)), .br(0), .end, .end], in: module)
        } == nil)
    }

    @Test func branchToAMissingLabelIsUnknown() {
        #expect(validationMessage { try validateCode([.block(.empty), .br(2), .end, .end]) } == "unknown label 2")
    }

    @Test func branchIfLeavesTheLabelTypes() {
        #expect(validationMessage {
            try validateCode([.block(.value(.i32)), .i32Const(1), .i32Const(0), .brIf(0), .end, .end],
                             type: returnsI32)
        } == nil)
    }

    @Test func branchTableTargetsMustHaveTheSameArity() {
        #expect(validationMessage {
            try validateCode([.block(.empty), .block(.value(.i32)), .i32Const(1), .i32Const(0),
                              .brTable(targets: [0], defaultTarget: 1), .end, .end, .end])
        } == "type mismatch")
    }

    @Test func branchTableInDeadCodeAcceptsDifferentTypesOfSameArity() {
        #expect(validationMessage {
            try validateCode([.block(.value(.f32)), .block(.value(.i64)), .unreachable,
                              .brTable(targets: [0], defaultTarget: 1), .end, .drop, .f32Const(0), .end, .drop, .end])
        } == nil)
    }

    @Test func branchTableChecksKnownOperandsAgainstEveryTarget() {
        #expect(validationMessage {
            try validateCode([.block(.value(.f32)), .block(.value(.i64)), .i64Const(1), .i32Const(0),
                              .brTable(targets: [0], defaultTarget: 1), .end, .drop, .f32Const(0), .end, .drop, .end])
        } == "type mismatch")
    }

    @Test func returnChecksTheFunctionResults() {
        #expect(validationMessage { try validateCode([.i64Const(1), .return, .end], type: returnsI32) }
            == "type mismatch")
        #expect(validationMessage { try validateCode([.i32Const(1), .return, .end], type: returnsI32) } == nil)
    }

    @Test func selectRejectsReferencesWithoutAType() {
        #expect(validationMessage {
            try validateCode([.refNull(.funcref), .refNull(.funcref), .i32Const(1), .select, .drop, .end])
        } == "type mismatch")
        #expect(validationMessage {
            try validateCode([.refNull(.funcref), .refNull(.funcref), .i32Const(1), .typedSelect([.funcref]), .drop,
                              .end])
        } == nil)
    }

    @Test func typedSelectNeedsExactlyOneType() {
        #expect(validationMessage {
            try validateCode([.i32Const(1), .i32Const(1), .i32Const(1), .typedSelect([.i32, .i32]), .drop, .end])
        } == "invalid result arity")
    }

    @Test func selectOperandsMustAgree() {
        #expect(validationMessage {
            try validateCode([.i32Const(1), .i64Const(1), .i32Const(1), .select, .drop, .end])
        } == "type mismatch")
    }

    @Test func localsAndGlobalsAreLookedUp() {
        var module = Module()
        module.globals = [Global(type: GlobalType(valueType: .i32, isMutable: false), initializer: constant(.i32Const(0)))]
        #expect(validationMessage { try validateCode([.localGet(1), .drop, .end], locals: [.i32]) } == "unknown local 1")
        #expect(validationMessage { try validateCode([.localGet(0), .drop, .end], locals: [.f64]) } == nil)
        #expect(validationMessage { try validateCode([.globalGet(1), .drop, .end], in: module) } == "unknown global 1")
        #expect(validationMessage { try validateCode([.i32Const(0), .globalSet(0), .end], in: module) }
            == "global is immutable")
    }

    @Test func memoryAccessNeedsAMemoryAndNaturalAlignment() {
        var module = Module()
        #expect(validationMessage {
            try validateCode([.i32Const(0), .load(.i32Load, MemoryArgument(alignment: 2, offset: 0)), .drop, .end])
        } == "unknown memory 0")
        module.memories = [MemoryType(limits: Limits(min: 1))]
        #expect(validationMessage {
            try validateCode([.i32Const(0), .load(.i32Load, MemoryArgument(alignment: 2, offset: 0)), .drop, .end],
                             in: module)
        } == nil)
        #expect(validationMessage {
            try validateCode([.i32Const(0), .load(.i32Load16U, MemoryArgument(alignment: 2, offset: 0)), .drop, .end],
                             in: module)
        } == "alignment must not be larger than natural")
        #expect(validationMessage {
            try validateCode([.i32Const(0), .i64Const(0),
                              .store(.i64Store8, MemoryArgument(alignment: 0, offset: 0)), .end], in: module)
        } == nil)
    }

    @Test func memoryInitNeedsTheDataCountSection() {
        var module = Module()
        module.memories = [MemoryType(limits: Limits(min: 1))]
        let code: [Instruction] = [.i32Const(0), .i32Const(0), .i32Const(0),
                                   .memoryInit(dataIndex: 0, memoryIndex: 0), .end]
        #expect(validationMessage { try validateCode(code, in: module) } == "data count section required")
        module.dataCount = 1
        #expect(validationMessage { try validateCode(code, in: module) } == nil)
        module.dataCount = 0
        #expect(validationMessage { try validateCode(code, in: module) } == "unknown data segment 0")
    }

    @Test func refFuncNeedsADeclaredFunction() {
        var module = Module()
        module.types = [FunctionType(parameters: [], results: [])]
        module.functionTypeIndices = [0]
        module.functionBodies = []
        #expect(validationMessage { try validateCode([.refFunc(0), .drop, .end], in: module) }
            == "undeclared function reference")
        module.exports = [Export(name: "f", descriptor: .function(0))]
        #expect(validationMessage { try validateCode([.refFunc(0), .drop, .end], in: module) } == nil)
        #expect(validationMessage { try validateCode([.refFunc(9), .drop, .end], in: module) } == "unknown function 9")
    }

    @Test func refIsNullNeedsAReference() {
        #expect(validationMessage { try validateCode([.i32Const(0), .refIsNull, .drop, .end]) } == "type mismatch")
        #expect(validationMessage { try validateCode([.refNull(.externref), .refIsNull, .drop, .end]) } == nil)
    }

    @Test func tableInstructionsCheckElementTypes() {
        var module = Module()
        module.tables = [TableType(elementType: .externref, limits: Limits(min: 1)),
                         TableType(elementType: .funcref, limits: Limits(min: 1))]
        module.elements = [ElementSegment(type: .funcref, mode: .passive, items: [])]
        let three: [Instruction] = [.i32Const(0), .i32Const(0), .i32Const(0)]
        #expect(validationMessage {
            try validateCode(three + [.tableInit(elementIndex: 0, tableIndex: 0), .end], in: module)
        } == "type mismatch")
        #expect(validationMessage {
            try validateCode(three + [.tableInit(elementIndex: 0, tableIndex: 1), .end], in: module)
        } == nil)
        #expect(validationMessage {
            try validateCode(three + [.tableCopy(destination: 0, source: 1), .end], in: module)
        } == "type mismatch")
        #expect(validationMessage { try validateCode([.elemDrop(1), .end], in: module) } == "unknown elem segment 1")
        #expect(validationMessage {
            try validateCode([.refNull(.externref), .i32Const(1), .tableGrow(0), .drop, .end], in: module)
        } == nil)
        #expect(validationMessage {
            try validateCode([.i32Const(0), .callIndirect(typeIndex: 0, tableIndex: 0), .end], in: module)
        } == "type mismatch")
        #expect(validationMessage { try validateCode([.tableSize(2), .drop, .end], in: module) } == "unknown table 2")
    }

    @Test func callChecksArgumentsAndPushesResults() {
        var module = Module()
        module.types = [i32ToI32]
        module.imports = [Import(module: "m", name: "f", descriptor: .function(typeIndex: 0))]
        #expect(validationMessage { try validateCode([.i32Const(1), .call(0), .drop, .end], in: module) } == nil)
        #expect(validationMessage { try validateCode([.f32Const(1), .call(0), .drop, .end], in: module) }
            == "type mismatch")
    }

    @Test func errorsCarryFunctionIndexAndOffset() {
        var module = Module()
        module.types = [i32ToI32]
        module.imports = [Import(module: "m", name: "f", descriptor: .function(typeIndex: 0))]
        do {
            try validateCode([.nop, .nop, .numeric(.i32Add), .end], in: module)
            Issue.record("expected a validation error")
        } catch {
            #expect(error.functionIndex == 1)
            #expect(error.offset == 2)
        }
    }

    @Test func bodiesAreReadFromTheirBytesAndErrorsPointAtTheInstruction() {
        var module = Module()
        module.types = [FunctionType(parameters: [], results: [])]
        module.functionTypeIndices = [0]
        // Two padding bytes before the code, as in a real module: i32.const 1; end.
        let bytes: [UInt8] = [0xAA, 0xAA, 0x41, 0x01, 0x0B]
        module.functionBodies = [FunctionBody(locals: [], bytes: bytes, codeRange: 2..<5)]
        do {
            try ModuleValidator.validate(module)
            Issue.record("expected a validation error")
        } catch {
            #expect(error.message == "type mismatch")
            #expect(error.functionIndex == 0)
            #expect(error.offset == 4)
        }
        module.functionBodies = [FunctionBody(locals: [], bytes: [0x01, 0x0B], codeRange: 0..<2)]
        #expect(validationMessage { try ModuleValidator.validate(module) } == nil)
    }

    // MARK: Module-level rules

    @Test func atMostOneMemory() {
        var module = Module()
        module.imports = [Import(module: "m", name: "mem", descriptor: .memory(MemoryType(limits: Limits(min: 0))))]
        module.memories = [MemoryType(limits: Limits(min: 0))]
        #expect(validationMessage { try ModuleValidator.validate(module) } == "multiple memories")
    }

    @Test func memoryAndTableLimitsAreChecked() {
        var module = Module()
        module.memories = [MemoryType(limits: Limits(min: 65537))]
        #expect(validationMessage { try ModuleValidator.validate(module) }
            == "memory size must be at most 65536 pages (4GiB)")
        module.memories = [MemoryType(limits: Limits(min: 2, max: 1))]
        #expect(validationMessage { try ModuleValidator.validate(module) }
            == "size minimum must not be greater than maximum")
        module.memories = [MemoryType(limits: Limits(min: 0, max: 65536))]
        #expect(validationMessage { try ModuleValidator.validate(module) } == nil)
        module.tables = [TableType(elementType: .funcref, limits: Limits(min: 3, max: 2))]
        #expect(validationMessage { try ModuleValidator.validate(module) }
            == "size minimum must not be greater than maximum")
    }

    @Test func globalInitializersMayOnlyReadImportedImmutableGlobals() {
        var module = Module()
        let immutableI32 = GlobalType(valueType: .i32, isMutable: false)
        module.imports = [Import(module: "m", name: "g", descriptor: .global(immutableI32)),
                          Import(module: "m", name: "h", descriptor: .global(GlobalType(valueType: .i32, isMutable: true)))]
        module.globals = [Global(type: immutableI32, initializer: constant(.globalGet(0)))]
        #expect(validationMessage { try ModuleValidator.validate(module) } == nil)
        module.globals.append(Global(type: immutableI32, initializer: constant(.globalGet(2))))
        #expect(validationMessage { try ModuleValidator.validate(module) } == "unknown global 2")
        module.globals[1].initializer = constant(.globalGet(1))
        #expect(validationMessage { try ModuleValidator.validate(module) } == "constant expression required")
        module.globals[1].initializer = constant(.numeric(.i32Add))
        #expect(validationMessage { try ModuleValidator.validate(module) } == "constant expression required")
        module.globals[1].initializer = constant(.i64Const(0))
        #expect(validationMessage { try ModuleValidator.validate(module) } == "type mismatch")
        module.globals[1].initializer = ConstantExpression(instructions: [])
        #expect(validationMessage { try ModuleValidator.validate(module) } == "type mismatch")
    }

    @Test func segmentsAreChecked() {
        var module = Module()
        module.tables = [TableType(elementType: .externref, limits: Limits(min: 1))]
        module.elements = [ElementSegment(type: .funcref, mode: .active(table: 0, offset: constant(.i32Const(0))),
                                          items: [])]
        #expect(validationMessage { try ModuleValidator.validate(module) } == "type mismatch")
        module.elements = [ElementSegment(type: .externref, mode: .active(table: 1, offset: constant(.i32Const(0))),
                                          items: [])]
        #expect(validationMessage { try ModuleValidator.validate(module) } == "unknown table 1")
        module.elements = [ElementSegment(type: .externref, mode: .active(table: 0, offset: constant(.i64Const(0))),
                                          items: [])]
        #expect(validationMessage { try ModuleValidator.validate(module) } == "type mismatch")
        module.elements = [ElementSegment(type: .externref, mode: .passive, items: [constant(.refNull(.funcref))])]
        #expect(validationMessage { try ModuleValidator.validate(module) } == "type mismatch")
        module.elements = []
        module.data = [DataSegment(mode: .active(memory: 0, offset: constant(.i32Const(0))), bytes: [])]
        #expect(validationMessage { try ModuleValidator.validate(module) } == "unknown memory 0")
    }

    @Test func startFunctionMustTakeAndReturnNothing() {
        var module = Module()
        module.types = [returnsI32]
        module.imports = [Import(module: "m", name: "f", descriptor: .function(typeIndex: 0))]
        module.start = 0
        #expect(validationMessage { try ModuleValidator.validate(module) } == "start function")
        module.start = 1
        #expect(validationMessage { try ModuleValidator.validate(module) } == "unknown function 1")
    }

    @Test func exportNamesAreUnique() {
        var module = Module()
        module.memories = [MemoryType(limits: Limits(min: 0))]
        module.exports = [Export(name: "a", descriptor: .memory(0)), Export(name: "a", descriptor: .memory(0))]
        #expect(validationMessage { try ModuleValidator.validate(module) } == "duplicate export name")
        module.exports = [Export(name: "a", descriptor: .memory(0)), Export(name: "b", descriptor: .global(0))]
        #expect(validationMessage { try ModuleValidator.validate(module) } == "unknown global 0")
    }

    @Test func importedFunctionTypesMustExist() {
        var module = Module()
        module.imports = [Import(module: "m", name: "f", descriptor: .function(typeIndex: 3))]
        #expect(validationMessage { try ModuleValidator.validate(module) } == "unknown type 3")
    }
}
