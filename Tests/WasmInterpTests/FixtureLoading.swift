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
