import Foundation
@testable import WasmInterp

/// Locates files of the package (fixtures, the spec suite) from this source file's path.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func coreFixture(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Fixtures/core/\(name).wasm")
    }
}

/// Decodes and instantiates a fixture from `Fixtures/core`.
func instantiateFixture(
    _ name: String, imports: Imports = Imports(), configuration: StoreConfiguration = StoreConfiguration()
) throws -> ModuleInstance {
    let bytes = try [UInt8](Data(contentsOf: TestPaths.coreFixture(name)))
    let store = Store(configuration: configuration)
    return try store.instantiate(Module(bytes: bytes), imports: imports)
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
