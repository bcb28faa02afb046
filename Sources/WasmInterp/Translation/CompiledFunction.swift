/// A function body translated into the internal instruction stream, plus the frame
/// layout the executor needs and the side tables that map code back to the module.
///
/// Immutable once built, and independent of any instance: every instance of the module,
/// in any store and on any thread, runs the same `CompiledFunction` (see `CompiledModule`).
final class CompiledFunction: @unchecked Sendable {
    /// The instructions (`codeCount` of them); owned by this object.
    let code: UnsafeMutablePointer<InternalInstruction>
    let codeCount: Int
    /// For each instruction, the byte offset in the module of the Wasm instruction it came
    /// from, or `CompiledFunction.noSourceOffset` for instructions that continue the
    /// previous Wasm instruction (or that the translator added).
    let sourceOffsets: [UInt32]
    /// For code translated for tracing: per instruction, the first slot and the number of
    /// slots of the operands its Wasm instruction consumes.
    let traceOperands: [TraceOperands]
    let parameterSlots: Int
    /// Slots of the declared (non-parameter) locals, zeroed on entry.
    let declaredLocalSlots: Int
    /// What a call copies into the frame after the parameters (`initialSlotCount` slots):
    /// the declared locals' zeros, then the constants. One copy instead of a fill and a copy.
    let initialSlots: UnsafeMutablePointer<UInt64>
    var initialSlotCount: Int { declaredLocalSlots + constantCount }
    /// The function's constants (`constantCount` of them): the end of `initialSlots`.
    var constants: UnsafeMutablePointer<UInt64> { initialSlots + declaredLocalSlots }
    let resultSlots: Int
    /// Most slots the frame ever uses: parameters, locals, constants and operands.
    let maxFrameSlots: Int

    static let noSourceOffset = UInt32.max

    struct TraceOperands {
        var firstSlot: UInt32
        var count: UInt32
    }

    /// A constant slot holding a `ref.func`, filled in per instance (addresses are per store).
    struct FunctionReference {
        var constantIndex: UInt32
        var functionIndex: UInt32
    }

    /// The constants that are function references (most functions have none).
    let functionReferences: [FunctionReference]

    init(
        instructions: [InternalInstruction], sourceOffsets: [UInt32], traceOperands: [TraceOperands],
        parameterSlots: Int, declaredLocalSlots: Int, constants: [UInt64], functionReferences: [FunctionReference],
        resultSlots: Int, maxFrameSlots: Int
    ) {
        code = UnsafeMutablePointer.allocate(capacity: Swift.max(instructions.count, 1))
        code.initialize(from: instructions, count: instructions.count)
        codeCount = instructions.count
        initialSlots = UnsafeMutablePointer.allocate(capacity: Swift.max(declaredLocalSlots + constants.count, 1))
        initialSlots.initialize(repeating: 0, count: declaredLocalSlots)
        (initialSlots + declaredLocalSlots).initialize(from: constants, count: constants.count)
        constantCount = constants.count
        self.functionReferences = functionReferences
        self.sourceOffsets = sourceOffsets
        self.traceOperands = traceOperands
        self.parameterSlots = parameterSlots
        self.declaredLocalSlots = declaredLocalSlots
        self.resultSlots = resultSlots
        self.maxFrameSlots = maxFrameSlots
    }

    /// Number of constants (the buffer has at least one element).
    let constantCount: Int

    deinit {
        code.deallocate()
        initialSlots.deallocate()
    }

    /// The source offset of the Wasm instruction that instruction `pc` belongs to.
    func sourceOffset(at pc: Int) -> Int? {
        var index = Swift.min(pc, sourceOffsets.count - 1)
        while index >= 0 {
            if sourceOffsets[index] != CompiledFunction.noSourceOffset { return Int(sourceOffsets[index]) }
            index -= 1
        }
        return nil
    }
}

/// The part of a `CompiledFunction` the interpreter's call and return paths read, bound
/// to one instance (see `WasmFunction.bind`).
struct FunctionCode {
    var code: UnsafeMutablePointer<InternalInstruction>
    /// `CompiledFunction.initialSlots`, or this instance's copy with its function references.
    var initialSlots: UnsafeMutablePointer<UInt64>
    var initialSlotCount: Int
    var parameterSlots: Int
    var maxFrameSlots: Int
    var instance: Unmanaged<InstanceStorage>
    var functionIndex: UInt32
    var compiled: Unmanaged<CompiledFunction>
    /// What a call charges on entry: the `x` of the `consumeFuel` the code starts with (0
    /// without fuel metering), and the instruction after it, where the callee then starts.
    /// A call charges the entry block itself, saving the dispatch of that `consumeFuel`.
    var entryFuel: Int64
    var entry: UnsafeMutablePointer<InternalInstruction>

    init(
        code: UnsafeMutablePointer<InternalInstruction>, initialSlots: UnsafeMutablePointer<UInt64>, initialSlotCount: Int,
        parameterSlots: Int, maxFrameSlots: Int, instance: Unmanaged<InstanceStorage>, functionIndex: UInt32,
        compiled: Unmanaged<CompiledFunction>
    ) {
        self.code = code
        self.initialSlots = initialSlots
        self.initialSlotCount = initialSlotCount
        self.parameterSlots = parameterSlots
        self.maxFrameSlots = maxFrameSlots
        self.instance = instance
        self.functionIndex = functionIndex
        self.compiled = compiled
        let startsWithFuel = compiled._withUnsafeGuaranteedRef { $0.codeCount > 0 } && code.pointee.opcode == .consumeFuel
        entryFuel = startsWithFuel ? Int64(code.pointee.x) : 0
        entry = startsWithFuel ? code + 1 : code
    }
}

/// Where a Wasm function's translated code is, once it is translated: the interpreter
/// reads it through a pointer, so calls touch no object.
struct CodeCell {
    var code: UnsafeMutablePointer<FunctionCode>?
    var codeForTracing: UnsafeMutablePointer<FunctionCode>?
}
