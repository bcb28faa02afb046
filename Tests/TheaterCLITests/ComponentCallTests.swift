import Foundation
import Testing
import TheaterCLI

/// `component call` runs a component's exports from a JSON calls file with stub imports.
@Suite
struct ComponentCallTests {
    private static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    private func run(_ fixture: String, _ calls: String, _ options: [String] = []) throws -> (Int32, [String]) {
        let path = Self.fixtures.appendingPathComponent(fixture).path
        let callsPath = try TestModules.write(Array(calls.utf8), named: "calls.json")
        let result = TheaterCommandLine.run(["component", "call", path, "--calls", callsPath] + options)
        return (result.exitStatus, result.standardOutput.split(separator: "\n").map(String.init))
    }

    @Test func aForwardedCallPrintsItsResultAndTheImportCallItMade() throws {
        let (status, lines) = try run("components/echo-forward.wasm", """
            {"sessions": [[
              {"call": {"interface": "test:echo/echo", "name": "echo-u64", "arguments": ["18446744073709551615"]}},
              {"call": {"interface": "test:echo/echo", "name": "echo-shape", "arguments": [{"rectangle": {"x": 1, "y": -2}}]}},
              {"call": {"interface": "test:echo/echo", "name": "post-return-count", "arguments": []}}
            ]]}
            """)
        #expect(status == 0)
        #expect(lines == [
            #"{"session": 0, "action": 0, "result": 18446744073709551615, "host": [{"import": "test:echo/echo#echo-u64", "arguments": [18446744073709551615]}]}"#,
            #"{"session": 0, "action": 1, "result": {"rectangle": {"x": 1, "y": -2}}, "host": [{"import": "test:echo/echo#echo-shape", "arguments": [{"rectangle": {"x": 1, "y": -2}}]}]}"#,
            // The stub returns 42 for a u32 it cannot echo.
            #"{"session": 0, "action": 2, "result": 42, "host": [{"import": "test:echo/echo#post-return-count", "arguments": []}]}"#,
        ])
    }

    @Test func handlesNumberTheResourcesASessionReceivesAndDropsRunDestructors() throws {
        let counters = "test:resources/counters"
        let (_, lines) = try run("components/resources.wasm", """
            {"sessions": [[
              {"call": {"interface": "\(counters)", "name": "[constructor]counter", "arguments": [5]}},
              {"call": {"interface": "\(counters)", "name": "[method]counter.get", "arguments": [{"handle": 1}]}},
              {"call": {"interface": "\(counters)", "name": "live-count", "arguments": []}},
              {"drop": 1},
              {"call": {"interface": "\(counters)", "name": "live-count", "arguments": []}},
              {"drop": 1}
            ], [
              {"call": {"interface": "\(counters)", "name": "live-count", "arguments": []}}
            ]]}
            """)
        #expect(lines.count == 7)
        #expect(lines.first?.contains(#""result": {"handle": 1}"#) == true)
        #expect(lines.dropFirst().first?.contains(#""result": 5"#) == true)
        #expect(lines.dropFirst(2).first?.contains(#""result": 1"#) == true)
        #expect(lines.dropFirst(4).first?.contains(#""result": 0"#) == true)
        #expect(lines.dropFirst(5).first?.contains(#""error": "no live handle 1""#) == true)
        // Each session is a new instance.
        #expect(lines.last?.contains(#""session": 1, "action": 0, "result": 0"#) == true)
    }

    @Test func aTrapAndRunningOutOfFuelArePrintedAndLaterCallsCannotEnter() throws {
        let client = "theater:simple/message-server-client"
        let (status, lines) = try run("actors/spinner.wasm", """
            {"sessions": [[
              {"call": {"interface": "\(client)", "name": "handle-send", "arguments": [null, [[1]]]}},
              {"call": {"interface": "\(client)", "name": "handle-request", "arguments": [null, ["r", [1]]]}}
            ], [
              {"call": {"interface": "\(client)", "name": "handle-send", "arguments": [null, [[1]]]}}
            ]]}
            """, ["--fuel", "10000"])
        #expect(status == 0)
        #expect(lines.first?.contains(#""out-of-fuel": true"#) == true)
        #expect(lines.dropFirst().first?.contains(#""trap": "cannot enter component instance"#) == true)
        #expect(lines.last?.contains(#""out-of-fuel": true"#) == true)
    }

    @Test func aMissingCallsOptionIsAUsageError() {
        let result = TheaterCommandLine.run(["component", "call", "x.wasm"])
        #expect(result.exitStatus == 2)
        #expect(result.standardError.contains("--calls"))
    }
}
