import Foundation
import Testing
import TheaterCLI

/// `theater run` and `theater demo`.
@Suite struct ActorCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    private func manifest(_ name: String) -> String {
        Self.fixtures.appendingPathComponent("manifests/\(name).toml").path
    }

    @Test func runSendsRequestsAndPrintsFinalStates() {
        let result = TheaterCommandLine.run([
            "run", manifest("counter"), "--send", "counter=hi", "--repeat", "4", "--request", "counter=how many?",
            "--workers", "0",
        ])
        #expect(result.exitStatus == 0)
        #expect(result.standardOutput.contains("reply counter: 4\n"))
        #expect(result.standardOutput.contains("counter (running): state 0x0400000000000000\n"))
    }

    @Test func runPlaysPingPongWithWorkerThreads() {
        let result = TheaterCommandLine.run([
            "run", manifest("ping"), manifest("pong"), "--send", "ping=ping 9 pong", "--request", "ping=count",
            "--request", "pong=count", "--workers", "2",
        ])
        #expect(result.exitStatus == 0)
        #expect(result.standardOutput.contains("reply ping: 5\nreply pong: 5\n"))
    }

    @Test func runPrintsLogsAndEvents() {
        let result = TheaterCommandLine.run([
            "run", manifest("echo"), "--send", "echo=hello", "--events", "--workers", "0",
        ])
        #expect(result.exitStatus == 0)
        #expect(result.standardOutput.contains("[echo] hello\n"))
        #expect(result.standardOutput.contains(#"{"actor":"echo","seq":0,"type":"init""#))
    }

    @Test func traceNamePrintsEachInstructionOfThatActorOnly() throws {
        let result = TheaterCommandLine.run([
            "run", manifest("ping"), manifest("pong"), "--send", "ping=ping 1 pong", "--trace=pong", "--workers", "0",
        ])
        #expect(result.exitStatus == 0)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count > 10)
        #expect(lines.allSatisfy { $0.hasPrefix("pong: ") })
        // Each line is FUNCTION @0xOFFSET: INSTRUCTION, and the handler's code shows up.
        let first = try #require(lines.first)
        #expect(first.contains(" @0x") && first.contains(": "))
        #expect(lines.contains { $0.hasPrefix("pong: export_init @0x") })
        #expect(lines.contains { $0.hasPrefix("pong: export_handle_send @0x") && $0.hasSuffix(": end") })
    }

    @Test func traceWithoutANameTracesEveryActor() {
        let result = TheaterCommandLine.run([
            "run", manifest("ping"), manifest("pong"), "--send", "ping=ping 1 pong", "--trace", "--workers", "0",
        ])
        #expect(result.exitStatus == 0)
        #expect(result.standardError.contains("\nping: "))
        #expect(result.standardError.contains("\npong: "))
    }

    @Test func aCrashIsReportedWithExitStatus3() {
        let result = TheaterCommandLine.run([
            "run", manifest("trapper"), "--send", "trapper=trap", "--request", "trapper=anyone?", "--workers", "0",
        ])
        #expect(result.exitStatus == 3)
        #expect(result.standardError.contains("crash: actor trapper crashed in handle-send: trap: unreachable"))
        #expect(result.standardOutput.contains("error trapper: actor "))
        #expect(result.standardOutput.contains("trapper (exited (crashed: trap: unreachable))"))
    }

    @Test func runRejectsBadUsage() {
        #expect(TheaterCommandLine.run(["run"]).exitStatus == 2)
        #expect(TheaterCommandLine.run(["run", manifest("counter"), "--send", "no-equals-sign"]).exitStatus == 2)
        #expect(TheaterCommandLine.run(["run", manifest("counter"), "--repeat", "2"]).exitStatus == 2)
        let missing = TheaterCommandLine.run(["run", "/nonexistent/manifest.toml"])
        #expect(missing.exitStatus == 2)
        #expect(missing.standardError.contains("invalid manifest"))
        let unknown = TheaterCommandLine.run(["run", manifest("counter"), "--send", "nobody=hi", "--workers", "0"])
        #expect(unknown.exitStatus == 2)
        #expect(unknown.standardError.contains("no actor named nobody"))
    }

    @Test func theDemoTellsItsStory() {
        let result = TheaterCommandLine.run([
            "demo", "--fixtures", Self.fixtures.appendingPathComponent("actors").path, "--workers", "0",
        ])
        #expect(result.exitStatus == 0)
        #expect(result.standardOutput.contains("it replies \"3\""))
        #expect(result.standardOutput.contains("ping caught \"5\" and pong \"5\""))
        #expect(result.standardOutput.contains("requester's state is now the reply: \"hello from inside\""))
        #expect(result.standardOutput.contains("exited (crashed: trap: unreachable)"))
        #expect(result.standardOutput.contains("events and verifies"))
    }
}
