import Foundation
import Testing
import TheaterCLI

/// `theater run` on supervision trees and `theater demo supervision`.
@Suite struct SupervisionCommandTests {
    static let app = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/manifests/supervision/app.toml").path

    @Test(arguments: ["0", "2"])
    func runRestartsCrashedChildrenNamedByTheirPathInTheTree(workers: String) {
        let result = TheaterCommandLine.run([
            "run", Self.app, "--send", "worker=x", "--send", "worker=trap", "--send", "worker=x", "--request",
            "worker=count", "--send", "pipeline/sink=x", "--send", "pipeline/source=trap", "--request",
            "pipeline/sink=count", "--workers", workers,
        ])
        #expect(result.exitStatus == 0)
        #expect(result.standardOutput.contains("reply worker: 2\n"))
        #expect(result.standardOutput.contains("reply pipeline/sink: 0\n"))
        #expect(result.standardOutput.contains("worker (running): state 0x0200000000000000\n"))
        #expect(result.standardOutput.contains("supervisor app (running): 3 restarts\n"))
        #expect(result.standardError.contains("crash (supervised): actor worker crashed in handle-send: trap: unreachable"))
    }

    @Test func aRootThatGivesUpEndsTheRunWithStatus3AndTheChainOfCauses() {
        // Six crashes within ten seconds (the backoff delays add up to 1,150 ms) are one too many for app.
        let traps = Array(repeating: ["--send", "worker=trap"], count: 6).flatMap { $0 }
        let result = TheaterCommandLine.run(["run", Self.app] + traps + ["--workers", "0"])
        #expect(result.exitStatus == 3)
        #expect(result.standardError.contains("supervision tree app failed"))
        #expect(result.standardError.contains("supervisor app: 6 restarts within 10000 ms exceed max_restarts = 5"))
        #expect(result.standardError.contains("actor worker: crashed in handle-send: trap: unreachable"))
        #expect(result.standardOutput.contains("supervisor app (failed)"))
        #expect(result.standardOutput.contains("worker (exited (stopped))"))
    }

    @Test func demoSupervisionTellsItsStory() {
        let result = TheaterCommandLine.run(["demo", "supervision", "--workers", "0"])
        #expect(result.exitStatus == 0)
        #expect(result.standardOutput.contains("worker is running under the same id; its count: 3"))
        #expect(result.standardOutput.contains("request \"count\": replied \"0\""))
        #expect(result.standardOutput.contains("app: restarted child team with last-good state"))
        #expect(result.standardOutput.contains("supervision tree app failed"))
    }
}
