import Foundation
import Testing
import TheaterCLI

/// `save_chain` through `theater run`, and `theater chain verify`.
@Suite struct ChainCommandTests {
    /// A manifest like the counter's, with `save_chain = true`, in a fresh directory.
    private func savingManifest() throws -> (manifest: String, directory: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chain-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let component = ActorCommandTests.fixtures.appendingPathComponent("actors/counter.wasm").path
        let text = """
            name = "counter"
            component = "\(component)"
            save_chain = true
            [[handler]]
            type = "runtime"
            [[handler]]
            type = "message-server"

            """
        let manifest = directory.appendingPathComponent("counter.toml")
        try text.write(to: manifest, atomically: true, encoding: .utf8)
        return (manifest.path, directory.path)
    }

    @Test func runSavesTheChainNextToTheManifestAndItVerifies() throws {
        let (manifest, directory) = try savingManifest()
        let run = TheaterCommandLine.run([
            "run", manifest, "--send", "counter=hi", "--repeat", "3", "--events", "--workers", "0",
        ])
        #expect(run.exitStatus == 0)
        let path = directory + "/counter.chain.jsonl"
        #expect(run.standardOutput.contains("saved the chain of counter to \(path)\n"))
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.hasPrefix(#"{"actor":"counter","seq":0,"type":"init""#))
        // --events prints the same lines, the final stop and exit included.
        #expect(run.standardOutput.contains(saved))
        #expect(saved.contains(#""type":"exit""#))

        let verify = TheaterCommandLine.run(["chain", "verify", path])
        #expect(verify.exitStatus == 0)
        let lineCount = saved.split(separator: "\n").count
        #expect(verify.standardOutput == "\(path): counter: \(lineCount) events verify\n")

        let altered = saved.replacingOccurrences(of: #""seq":3,"#, with: #""seq":4,"#)
        try altered.write(toFile: path, atomically: true, encoding: .utf8)
        let broken = TheaterCommandLine.run(["chain", "verify", path])
        #expect(broken.exitStatus == 1)
        #expect(broken.standardOutput.contains("does not verify: the chain of counter is broken: event 3 (sequence 4)"))
    }

    @Test func chainDirPutsSavedChainsElsewhere() throws {
        let (manifest, _) = try savingManifest()
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("chains-\(UUID().uuidString)").path
        let run = TheaterCommandLine.run(["run", manifest, "--chain-dir", elsewhere, "--workers", "0"])
        #expect(run.exitStatus == 0)
        #expect(TheaterCommandLine.run(["chain", "verify", elsewhere + "/counter.chain.jsonl"]).exitStatus == 0)
    }

    @Test func chainVerifyRejectsBadUsageAndMissingFiles() {
        #expect(TheaterCommandLine.run(["chain"]).exitStatus == 2)
        #expect(TheaterCommandLine.run(["chain", "verify"]).exitStatus == 2)
        let missing = TheaterCommandLine.run(["chain", "verify", "/nonexistent/chain.jsonl"])
        #expect(missing.exitStatus == 2)
        #expect(missing.standardError.contains("no such file"))
    }
}

/// `--request-timeout-ms`: how long the command line's requests (and actors' without their
/// own limit) wait for a reply.
@Suite struct RequestTimeoutOptionTests {
    @Test func aRequestNobodyAnswersFailsAfterTheGivenTime() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("timeout-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let component = ActorCommandTests.fixtures.appendingPathComponent("actor-system/probe.wasm").path
        let manifest = directory.appendingPathComponent("probe.toml")
        try """
            name = "probe"
            component = "\(component)"
            [[handler]]
            type = "runtime"
            [[handler]]
            type = "message-server"
            [[handler]]
            type = "timing"
            [[handler]]
            type = "store"

            """.write(to: manifest, atomically: true, encoding: .utf8)
        // The probe keeps a "defer" request outstanding; on the virtual clock the wait is instant.
        let run = TheaterCommandLine.run([
            "run", manifest.path, "--request", "probe=defer", "--request-timeout-ms", "250", "--workers", "0",
        ])
        #expect(run.exitStatus == 0)
        #expect(run.standardOutput.contains("error probe: request request-1 timed out after 250 ms without a reply\n"))

        let zero = TheaterCommandLine.run(["run", manifest.path, "--request-timeout-ms", "0"])
        #expect(zero.exitStatus != 0)
        #expect(zero.standardError.contains("--request-timeout-ms must be at least 1"))
    }
}
