import Foundation
import Testing
import TheaterCLI

/// `wasm inspect` on a component prints its world in WIT.
@Suite
struct ComponentInspectTests {
    private static let components = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/components")

    @Test func inspectPrintsTheActorWorldAsWasmToolsDoes() throws {
        let path = Self.components.appendingPathComponent("actor-counter.wasm").path
        let expected = try String(
            contentsOf: Self.components.appendingPathComponent("actor-counter.expected.wit"), encoding: .utf8)
        let result = TheaterCommandLine.run(["wasm", "inspect", path])
        #expect(result.exitStatus == 0)
        #expect(result.standardOutput == expected)
        #expect(result.standardOutput.contains("export theater:simple/message-server-client;"))
    }

    @Test func inspectReportsAMalformedComponentWithItsOffset() throws {
        var bytes = try [UInt8](Data(contentsOf: Self.components.appendingPathComponent("multi-instance.wasm")))
        bytes.removeLast()
        let path = try TestModules.write(bytes, named: "truncated-component.wasm")
        let result = TheaterCommandLine.run(["wasm", "inspect", path])
        #expect(result.exitStatus == 2)
        #expect(result.standardError.contains("malformed component at byte"))
    }
}
