import Testing
import TheaterCLI

/// `wasm run` and `wasm inspect` on a real module: these need the decoder, validator,
/// instantiation and executor.
@Suite
struct WasmRunTests {
    private func run(_ function: String, _ arguments: [String] = [], options: [String] = []) throws -> CommandResult {
        let path = try TestModules.write(TestModules.tiny, named: "tiny.wasm")
        return TheaterCommandLine.run(["wasm", "run", path, "--invoke", function] + arguments + options)
    }

    @Test func addPrintsTheSum() throws {
        let result = try run("add", ["1", "2"])
        #expect(result.exitStatus == 0)
        #expect(result.standardOutput == "3\n")
        #expect(result.standardError.isEmpty)
    }

    @Test func resultsPrintAsSignedDecimal() throws {
        let result = try run("add", ["-1", "0xfffffffe"])
        #expect(result.standardOutput == "-3\n")
    }

    @Test func floatArgumentsAcceptInfinity() throws {
        let result = try run("neg", ["-inf"])
        #expect(result.exitStatus == 0)
        #expect(result.standardOutput == "inf\n")
    }

    @Test func trapPrintsReasonAndExits3() throws {
        let result = try run("trap")
        #expect(result.exitStatus == 3)
        #expect(result.standardError.hasPrefix("trap: unreachable"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func runningOutOfFuelIsATrap() throws {
        let result = try run("spin", options: ["--fuel", "10000"])
        #expect(result.exitStatus == 3)
        #expect(result.standardError.hasPrefix("trap: out of fuel"))
    }

    @Test func traceReportsEachInstruction() throws {
        let result = try run("add", ["1", "2"], options: ["--trace"])
        #expect(result.exitStatus == 0)
        #expect(result.standardOutput == "3\n")
        #expect(result.standardError.contains(": i32.add"))
        #expect(result.standardError.contains("local.get"))
    }

    @Test(arguments: [["1"], ["1", "2", "3"], ["1", "two"], ["1", "4294967296"]])
    func wrongArgumentsExit2(_ arguments: [String]) throws {
        let result = try run("add", arguments)
        #expect(result.exitStatus == 2)
        #expect(result.standardError.hasPrefix("error: "))
    }

    @Test func missingExportExits2() throws {
        let result = try run("subtract", ["1", "2"])
        #expect(result.exitStatus == 2)
        #expect(result.standardError.contains("subtract"))
    }

    @Test func inspectListsExportsWithSignatures() throws {
        let path = try TestModules.write(TestModules.tiny, named: "tiny.wasm")
        let result = TheaterCommandLine.run(["wasm", "inspect", path])
        #expect(result.exitStatus == 0)
        #expect(result.standardOutput.contains("exports: 4"))
        #expect(result.standardOutput.contains("add: func 0 (i32, i32) -> (i32)"))
        #expect(result.standardOutput.contains("functions: 4 defined, 0 imported"))
    }
}
