import Testing
import TheaterCLI

@Suite struct CommandLineUsageTests {
    @Test func noArgumentsPrintsUsageAndExits2() {
        let result = TheaterCommandLine.run([])
        #expect(result.exitStatus == 2)
        #expect(result.standardError.contains("usage: theater"))
    }

    @Test(arguments: [["--help"], ["help"], ["-h"], ["wasm", "run", "--help"], ["spectest", "--help"]])
    func helpPrintsUsageAndExits0(_ arguments: [String]) {
        let result = TheaterCommandLine.run(arguments)
        #expect(result.exitStatus == 0)
        #expect(result.standardOutput.contains("usage: theater"))
        #expect(result.standardError.isEmpty)
    }

    @Test(arguments: [
        ["frobnicate"],
        ["wasm"],
        ["wasm", "explode", "x.wasm"],
        ["wasm", "run", "x.wasm"],
        ["wasm", "run", "--invoke", "f"],
        ["wasm", "run", "x.wasm", "--invoke"],
        ["wasm", "run", "x.wasm", "--invoke", "f", "--bogus"],
        ["wasm", "run", "x.wasm", "y.wasm", "--invoke", "f"],
        ["wasm", "run", "x.wasm", "--invoke", "f", "--fuel", "lots"],
        ["wasm", "run", "x.wasm", "--invoke", "f", "--fuel", "-5"],
        ["wasm", "run", "x.wasm", "--invoke", "f", "--max-call-depth", "0"],
        ["wasm", "run", "x.wasm", "--invoke", "f", "--invoke", "g"],
        ["wasm", "inspect"],
        ["wasm", "inspect", "x.wasm", "y.wasm"],
        ["spectest"],
        ["spectest", "dir", "--filter"],
        ["spectest", "dir", "--quiet"],
    ])
    func badUsageExits2WithUsage(_ arguments: [String]) {
        let result = TheaterCommandLine.run(arguments)
        #expect(result.exitStatus == 2)
        #expect(result.standardError.hasPrefix("error: "))
        #expect(result.standardError.contains("usage: theater"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func missingFileExits2WithoutUsage() {
        let result = TheaterCommandLine.run(["wasm", "run", "/no/such/file.wasm", "--invoke", "f"])
        #expect(result.exitStatus == 2)
        #expect(result.standardError.hasPrefix("error: cannot open /no/such/file.wasm"))
        #expect(!result.standardError.contains("usage:"))
    }

    @Test func directoryInsteadOfFileExits2() throws {
        let directory = try TestModules.scratchDirectory()
        let result = TheaterCommandLine.run(["wasm", "inspect", directory.path])
        #expect(result.exitStatus == 2)
        #expect(result.standardError.hasPrefix("error: "))
    }

    @Test(arguments: [[UInt8](), [0x00, 0x61, 0x73], Array("not wasm at all".utf8), [0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00]])
    func malformedModuleExits2(_ bytes: [UInt8]) throws {
        let path = try TestModules.write(bytes, named: "malformed.wasm")
        for arguments in [["wasm", "run", path, "--invoke", "f"], ["wasm", "inspect", path]] {
            let result = TheaterCommandLine.run(arguments)
            #expect(result.exitStatus == 2)
            #expect(result.standardError.contains("malformed"))
        }
    }

    @Test func spectestWithoutScriptsExits2() throws {
        let directory = try TestModules.scratchDirectory()
        let result = TheaterCommandLine.run(["spectest", directory.path])
        #expect(result.exitStatus == 2)
        #expect(result.standardError.contains("no spec scripts"))
    }
}
