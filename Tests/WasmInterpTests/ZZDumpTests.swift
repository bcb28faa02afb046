import Testing
import Foundation
@testable import WasmInterp

@Test func dumpCompiledCode() throws {
    guard let path = ProcessInfo.processInfo.environment["DUMP_WASM"] else { return }
    let store = Store()
    let instance = try store.instantiate(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
    try instance.translateAllFunctions()
    for function in instance.functions {
        guard case .wasm(let wasm) = function.kind, let compiled = wasm.compiled else { continue }
        print("func \(wasm.functionIndex) params \(compiled.parameterSlots) locals \(compiled.declaredLocalSlots) consts \(compiled.constantCount) frame \(compiled.maxFrameSlots)")
        for pc in 0..<compiled.codeCount {
            let i = compiled.code[pc]
            print("  \(pc) \(i.opcode) \(i.x) \(i.y) \(i.z)")
        }
    }
}
