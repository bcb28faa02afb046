import Foundation
import Testing
import TheaterCLI

@Suite struct SpecTestCommandTests {
    /// A suite with one script whose only command expects a malformed binary.
    private func suite(command: String) throws -> URL {
        let root = try TestModules.scratchDirectory()
        let scriptDirectory = root.appendingPathComponent("tiny")
        try FileManager.default.createDirectory(at: scriptDirectory, withIntermediateDirectories: true)
        try Data("not wasm".utf8).write(to: scriptDirectory.appendingPathComponent("tiny.0.wasm"))
        let json = #"{"source_filename":"tiny.wast","commands":[\#(command)]}"#
        try Data(json.utf8).write(to: scriptDirectory.appendingPathComponent("tiny.json"))
        return root
    }

    @Test func passingSuitePrintsPerScriptAndTotalLines() throws {
        let root = try suite(command: #"{"type":"assert_malformed","line":1,"filename":"tiny.0.wasm","module_type":"binary","text":"magic header not detected"}"#)
        let result = TheaterCommandLine.run(["spectest", root.path])
        #expect(result.exitStatus == 0)
        #expect(result.standardOutput == "tiny: 1 passed, 0 failed, 0 skipped\n1 passed, 0 failed, 0 skipped\n")
    }

    @Test func failingSuiteExits1AndVerboseShowsTheLine() throws {
        let root = try suite(command: #"{"type":"assert_invalid","line":7,"filename":"tiny.0.wasm","module_type":"binary","text":"type mismatch"}"#)
        let result = TheaterCommandLine.run(["spectest", root.path, "--verbose"])
        #expect(result.exitStatus == 1)
        #expect(result.standardOutput.contains("tiny: 0 passed, 1 failed, 0 skipped\n  line 7: assert_invalid: "))
        #expect(result.standardOutput.hasSuffix("0 passed, 1 failed, 0 skipped\n"))
    }

    @Test func filterAndExcludeSelectScripts() throws {
        let root = try suite(command: #"{"type":"assert_malformed","line":1,"filename":"tiny.1.wat","module_type":"text","text":"unknown operator"}"#)
        let excluded = TheaterCommandLine.run(["spectest", root.path, "--exclude", "tin"])
        #expect(excluded.standardOutput == "0 passed, 0 failed, 0 skipped\n")
        let filtered = TheaterCommandLine.run(["spectest", root.path, "--filter", "tin"])
        #expect(filtered.standardOutput == "tiny: 0 passed, 0 failed, 1 skipped\n0 passed, 0 failed, 1 skipped\n")
    }
}
