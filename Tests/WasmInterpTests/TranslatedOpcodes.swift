import Testing
@testable import WasmInterp

/// The internal opcodes of one exported function's translated code (as run untraced).
func translatedOpcodes(of name: String, in instance: ModuleInstance) throws -> Set<InternalOpcode> {
    try instance.translateAllFunctions()
    let function = try #require(instance.exportedFunction(name))
    guard case .wasm(let wasm) = function.kind, let compiled = wasm.compiled else { return [] }
    var opcodes = Set<InternalOpcode>()
    for index in 0..<compiled.codeCount { opcodes.insert(compiled.code[index].opcode) }
    return opcodes
}
