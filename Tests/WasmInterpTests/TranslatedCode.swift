@testable import WasmInterp

/// The opcodes of an exported function's untraced code (translating it if needed).
func translatedOpcodes(of export: String, in instance: ModuleInstance) throws -> [InternalOpcode] {
    try instance.translateAllFunctions()
    guard let function = instance.exportedFunction(export), case .wasm(let wasm) = function.kind, let compiled = wasm.compiled else {
        return []
    }
    return (0..<compiled.codeCount).map { compiled.code[$0].opcode }
}

extension ModuleInstance {
    /// The opcodes of the instance's translated code (all functions translated first).
    func translatedOpcodes() throws -> Set<InternalOpcode> {
        try translateAllFunctions()
        var opcodes = Set<InternalOpcode>()
        for function in storage.functions {
            guard case .wasm(let wasm) = function.kind, let compiled = wasm.compiled else { continue }
            for index in 0..<compiled.codeCount { opcodes.insert(compiled.code[index].opcode) }
        }
        return opcodes
    }
}

/// Runs `export` to the end in slices of `slice` fuel units (at least what the execution
/// says it needs to continue), counting how often it ran out.
func runInFuelSlices(_ export: String, _ arguments: [Value], slice: UInt64, in instance: ModuleInstance) throws -> (ExecutionOutcome, stops: Int) {
    guard let function = instance.exportedFunction(export) else { return (.trapped(Trap(.hostError("no export \(export)"))), 0) }
    let execution = try Execution(store: instance.store, function: function, arguments: arguments)
    var outcome = execution.run(fuel: slice)
    var stops = 0
    while case .outOfFuel = outcome, stops < 1_000_000 {
        stops += 1
        outcome = execution.run(fuel: Swift.max(slice, execution.fuelRequiredToContinue ?? slice))
    }
    return (outcome, stops)
}

/// Runs `export` with a trace sink set, so from the code translated one-to-one.
func runTraced(_ export: String, _ arguments: [Value], in instance: ModuleInstance) throws -> ExecutionOutcome {
    guard let function = instance.exportedFunction(export) else { return .trapped(Trap(.hostError("no export \(export)"))) }
    let execution = try Execution(store: instance.store, function: function, arguments: arguments)
    execution.traceSink = { _ in }
    return execution.run()
}
