import Testing
import TheaterCLI

/// `wasm run FILE --calls CALLS`: the batch mode the differential tester drives.
@Suite
struct WasmCallBatchTests {
    private func runCalls(_ calls: String, options: [String] = []) throws -> CommandResult {
        let modulePath = try TestModules.write(TestModules.tiny, named: "tiny.wasm")
        let callsPath = try TestModules.write(Array(calls.utf8), named: "tiny.calls")
        return TheaterCommandLine.run(["wasm", "run", modulePath, "--calls", callsPath] + options)
    }

    @Test func eachCallPrintsOneLineOfBitPatterns() throws {
        let result = try runCalls("add 1 0xffffffff\n#1\n\nspin\nneg 0x3f800000\n", options: ["--fuel", "1000"])
        #expect(result.exitStatus == 0)
        #expect(result.standardOutput == """
            instantiated
            ok i32:0x00000000
            trap: unreachable
            out of fuel
            ok f32:0xbf800000

            """)
    }

    @Test func traceGoesToStandardErrorAndLeavesTheResultsAlone() throws {
        let result = try runCalls("add 1 2\n", options: ["--trace"])
        #expect(result.standardOutput == "instantiated\nok i32:0x00000003\n")
        #expect(result.standardError.contains(": i32.add"))
    }

    @Test func withoutFuelMeteringAFuelBudgetIsIgnored() throws {
        let metered = try runCalls("add 1 2\n", options: ["--fuel", "0"])
        #expect(metered.standardOutput == "instantiated\nout of fuel\n")
        let unmetered = try runCalls("add 1 2\n", options: ["--fuel", "0", "--no-fuel-metering"])
        #expect(unmetered.standardOutput == "instantiated\nok i32:0x00000003\n")
    }

    @Test func slicedFuelResumesEachCallUntilItEnds() throws {
        let result = try runCalls("add 1 2\nspin\n", options: ["--fuel", "200", "--fuel-slice", "10"])
        #expect(result.standardOutput == "instantiated\nok i32:0x00000003\nout of fuel\n")
    }

    @Test func exportIndexOutOfRangeIsAnError() throws {
        let result = try runCalls("#4\n")
        #expect(result.exitStatus == 2)
        #expect(result.standardError.contains("calls line 1"))
    }

    @Test func floatArgumentsAreBitPatternsNotDecimals() throws {
        let result = try runCalls("neg 1.5\n")
        #expect(result.exitStatus == 2)
        #expect(result.standardError.contains("not a f32 bit pattern"))
    }

    @Test func invokeAndCallsTogetherIsAUsageError() throws {
        let result = TheaterCommandLine.run(["wasm", "run", "x.wasm", "--invoke", "f", "--calls", "c"])
        #expect(result.exitStatus == 2)
        #expect(result.standardError.contains("one of --invoke NAME and --calls FILE"))
    }
}
