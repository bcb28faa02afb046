import Foundation
import Testing
@testable import ActorSystem

/// A manifest that must be rejected, and how.
struct InvalidManifestCase: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let reason: ManifestError.Reason
    let key: String?
    let line: Int
    let column: Int
    var testDescription: String { name }
}

@Suite struct ManifestTests {
    static let fullManifest = """
        name = "counter"
        version = "0.2.1"
        component = "build/counter.wasm"
        description = "Counts the messages it receives"
        init_state = '{"count": 0}'
        save_chain = true

        [[handler]]
        type = "runtime"

        [[handler]]
        type = "message-server"
        config = { port = 8080 }

        [[handler]]
        type = "timing"
        [[handler]]
        type = "store"
        [[handler]]
        type = "supervisor"

        [limits]
        fuel_per_message = 1_000_000
        max_memory_pages = 16
        max_call_depth = 500
        mailbox_capacity = 64
        """

    @Test func fullManifestReadsEveryField() throws {
        let manifest = try ActorManifest.parse(text: Self.fullManifest, baseDirectory: "/actors/counter")
        #expect(manifest.name == "counter")
        #expect(manifest.version == "0.2.1")
        #expect(manifest.component == "build/counter.wasm")
        #expect(manifest.componentPath == "/actors/counter/build/counter.wasm")
        #expect(manifest.description == "Counts the messages it receives")
        #expect(manifest.savesChain)
        #expect(!manifest.isHostSupervisor)
        #expect(manifest.supervisor == nil)
        #expect(manifest.handlers.map(\.type) == [.runtime, .messageServer, .timing, .store, .supervisor])
        #expect(manifest.handler(.messageServer)?.options == ["config": ["port": 8080]])
        #expect(manifest.handler(.runtime)?.options.isEmpty == true)
        #expect(manifest.handler(.messageServer)?.position == TOMLPosition(line: 11, column: 3))
        #expect(manifest.limits == ActorLimits(
            fuelPerMessage: 1_000_000, maxMemoryPages: 16, maxCallDepth: 500, mailboxCapacity: 64))
        #expect(manifest.source["limits"]?.tableValue?.entry(forKey: "max_call_depth")?.valuePosition
            == TOMLPosition(line: 25, column: 18))
    }

    @Test func handlersGrantTheirHostInterfaces() throws {
        let manifest = try ActorManifest.parse(text: Self.fullManifest)
        #expect(manifest.grantedImports == [
            "theater:simple/runtime", "theater:simple/message-server-host", "theater:simple/timing",
            "theater:simple/store", "theater:simple/supervisor",
        ])
        #expect(manifest.expectedExports == ["theater:simple/message-server-client"])
        #expect(HandlerType.runtime.expectedExports.isEmpty)
        #expect(HandlerType.allCases.map(\.rawValue) == ["runtime", "message-server", "supervisor", "timing", "store"])
    }

    @Test func minimalManifestTakesDefaults() throws {
        let manifest = try ActorManifest.parse(text: "name = \"echo\"\ncomponent = \"echo.wasm\"\n")
        #expect(manifest.name == "echo")
        #expect(manifest.componentPath == "echo.wasm")
        #expect(manifest.version == nil)
        #expect(manifest.description == nil)
        #expect(manifest.initialState == nil)
        #expect(!manifest.savesChain)
        #expect(manifest.handlers.isEmpty)
        #expect(manifest.limits == ActorLimits())
        #expect(manifest.grantedImports.isEmpty)
    }

    @Test func absoluteComponentPathsStayAsWritten() throws {
        let manifest = try ActorManifest.parse(text: "name = 'a'\ncomponent = '/opt/a.wasm'", baseDirectory: "/home")
        #expect(manifest.componentPath == "/opt/a.wasm")
    }

    // MARK: - Supervision trees

    static let supervisorManifest = """
        name = "root"
        save_chain = true

        [supervisor]
        strategy = "rest-for-one"
        max_restarts = 5
        period_ms = 10_000

        [[child]]
        name = "store"
        manifest = "store/manifest.toml"
        restart = "permanent"
        state = "initial"
        backoff_ms = 100
        backoff_max_ms = 2000

        [[child]]
        name = "worker"
        manifest = "/abs/worker.toml"
        restart = "transient"

        [[child]]
        name = "probe"
        manifest = "probe.toml"
        restart = "temporary"
        backoff_ms = 50
        """

    @Test func hostSupervisorWithChildren() throws {
        let manifest = try ActorManifest.parse(text: Self.supervisorManifest, baseDirectory: "/tree")
        #expect(manifest.isHostSupervisor)
        #expect(manifest.componentPath == nil)
        let supervisor = try #require(manifest.supervisor)
        #expect(supervisor.strategy == .restForOne)
        #expect(supervisor.maxRestarts == 5)
        #expect(supervisor.periodMilliseconds == 10_000)
        #expect(supervisor.position == TOMLPosition(line: 4, column: 2))
        #expect(supervisor.children.map(\.name) == ["store", "worker", "probe"])
        #expect(supervisor.children == [
            SupervisorManifest.Child(
                name: "store", manifest: "store/manifest.toml", manifestPath: "/tree/store/manifest.toml",
                restart: .permanent, state: .initial, backoffMilliseconds: 100, backoffMaxMilliseconds: 2000,
                position: TOMLPosition(line: 9, column: 3)),
            SupervisorManifest.Child(
                name: "worker", manifest: "/abs/worker.toml", restart: .transient,
                position: TOMLPosition(line: 17, column: 3)),
            SupervisorManifest.Child(
                name: "probe", manifest: "probe.toml", manifestPath: "/tree/probe.toml", restart: .temporary,
                backoffMilliseconds: 50, position: TOMLPosition(line: 22, column: 3)),
        ])
        #expect(supervisor.children[2].backoffMaxMilliseconds == 50)
    }

    @Test func supervisorDefaultsFollowOTP() throws {
        let manifest = try ActorManifest.parse(text: "name = 's'\n[supervisor]\n[[child]]\nname = 'c'\nmanifest = 'c.toml'")
        let supervisor = try #require(manifest.supervisor)
        #expect(supervisor.strategy == .oneForOne)
        #expect(supervisor.maxRestarts == SupervisorManifest.defaultMaxRestarts)
        #expect(supervisor.periodMilliseconds == SupervisorManifest.defaultPeriodMilliseconds)
        let child = try #require(supervisor.children.first)
        #expect(child.restart == .permanent)
        #expect(child.state == .lastGood)
        #expect(child.backoffMilliseconds == 0)
    }

    @Test func supervisorActorHasAComponentAndChildren() throws {
        let manifest = try ActorManifest.parse(text: """
            name = "boss"
            component = "boss.wasm"
            [[handler]]
            type = "supervisor"
            [supervisor]
            strategy = "one-for-all"
            max_restarts = 0
            [[child]]
            name = "a"
            manifest = "a.toml"
            """)
        #expect(!manifest.isHostSupervisor)
        #expect(manifest.supervisor?.strategy == .oneForAll)
        #expect(manifest.supervisor?.maxRestarts == 0)
        #expect(manifest.grantedImports == ["theater:simple/supervisor"])
    }

    // MARK: - Errors name the key and where it is

    static let invalidCases: [InvalidManifestCase] = [
        InvalidManifestCase(
            name: "missing name", text: "component = 'a.wasm'\n", reason: .missingKey, key: "name", line: 1, column: 1),
        InvalidManifestCase(
            name: "name of the wrong type", text: "name = 42\ncomponent = 'a.wasm'",
            reason: .wrongType(expected: "string", found: "integer"), key: "name", line: 1, column: 8),
        InvalidManifestCase(
            name: "empty name", text: "name = ''\ncomponent = 'a.wasm'",
            reason: .invalidValue("must not be empty"), key: "name", line: 1, column: 8),
        InvalidManifestCase(
            name: "missing component without a supervisor", text: "name = 'a'\n",
            reason: .missingKey, key: "component", line: 1, column: 1),
        InvalidManifestCase(
            name: "empty component", text: "name = 'a'\ncomponent = \"\"",
            reason: .invalidValue("must not be empty"), key: "component", line: 2, column: 13),
        InvalidManifestCase(
            name: "save_chain not a boolean", text: "name = 'a'\ncomponent = 'a.wasm'\nsave_chain = \"yes\"",
            reason: .wrongType(expected: "boolean", found: "string"), key: "save_chain", line: 3, column: 14),
        InvalidManifestCase(
            name: "misspelt top-level key", text: "name = 'a'\ncomponent = 'a.wasm'\n  descripton = 'x'",
            reason: .unknownKey, key: "descripton", line: 3, column: 3),
        InvalidManifestCase(
            name: "bad handler type",
            text: "name = 'a'\ncomponent = 'a.wasm'\n[[handler]]\ntype = 'runtime'\n[[handler]]\ntype = \"http-server\"",
            reason: .unknownHandlerType("http-server"), key: "handler[1].type", line: 6, column: 8),
        InvalidManifestCase(
            name: "handler without a type", text: "name = 'a'\ncomponent = 'a.wasm'\n[[handler]]\nconfig = {}",
            reason: .missingKey, key: "handler[0].type", line: 3, column: 3),
        InvalidManifestCase(
            name: "handler listed twice",
            text: "name = 'a'\ncomponent = 'a.wasm'\n[[handler]]\ntype = 'timing'\n[[handler]]\ntype = 'timing'",
            reason: .duplicateHandler(.timing), key: "handler[1].type", line: 6, column: 8),
        InvalidManifestCase(
            name: "handler as a plain string", text: "name = 'a'\ncomponent = 'a.wasm'\nhandler = 'runtime'",
            reason: .wrongType(expected: "array of tables", found: "string"), key: "handler", line: 3, column: 11),
        InvalidManifestCase(
            name: "handler array of strings", text: "name = 'a'\ncomponent = 'a.wasm'\nhandler = ['runtime']",
            reason: .wrongType(expected: "table", found: "string"), key: "handler[0]", line: 3, column: 11),
        InvalidManifestCase(
            name: "handlers as an array of inline tables are fine until one is wrong",
            text: "name = 'a'\ncomponent = 'a.wasm'\nhandler = [{ type = 'runtime' }, { type = 'nope' }]",
            reason: .unknownHandlerType("nope"), key: "handler[1].type", line: 3, column: 43),
        InvalidManifestCase(
            name: "zero fuel", text: "name = 'a'\ncomponent = 'a.wasm'\n[limits]\nfuel_per_message = 0",
            reason: .invalidValue("must be greater than 0, found 0"), key: "limits.fuel_per_message", line: 4,
            column: 20),
        InvalidManifestCase(
            name: "negative mailbox", text: "name = 'a'\ncomponent = 'a.wasm'\n[limits]\nmailbox_capacity = -5",
            reason: .invalidValue("must be greater than 0, found -5"), key: "limits.mailbox_capacity", line: 4,
            column: 20),
        InvalidManifestCase(
            name: "memory beyond 4 GiB", text: "name = 'a'\ncomponent = 'a.wasm'\n[limits]\nmax_memory_pages = 70000",
            reason: .invalidValue("must be at most 65536, found 70000"), key: "limits.max_memory_pages", line: 4,
            column: 20),
        InvalidManifestCase(
            name: "call depth as a string", text: "name = 'a'\ncomponent = 'a.wasm'\n[limits]\nmax_call_depth = '9'",
            reason: .wrongType(expected: "integer", found: "string"), key: "limits.max_call_depth", line: 4,
            column: 18),
        InvalidManifestCase(
            name: "unknown limit", text: "name = 'a'\ncomponent = 'a.wasm'\n[limits]\nfuel = 10",
            reason: .unknownKey, key: "limits.fuel", line: 4, column: 1),
        InvalidManifestCase(
            name: "limits as a value", text: "name = 'a'\ncomponent = 'a.wasm'\nlimits = 5",
            reason: .wrongType(expected: "table", found: "integer"), key: "limits", line: 3, column: 10),
        InvalidManifestCase(
            name: "unknown strategy", text: "name = 's'\n[supervisor]\nstrategy = 'one-for-some'",
            reason: .invalidValue("must be one of 'one-for-one', 'one-for-all', 'rest-for-one', found 'one-for-some'"),
            key: "supervisor.strategy", line: 3, column: 12),
        InvalidManifestCase(
            name: "negative max_restarts", text: "name = 's'\n[supervisor]\nmax_restarts = -1",
            reason: .invalidValue("must be at least 0, found -1"), key: "supervisor.max_restarts", line: 3, column: 16),
        InvalidManifestCase(
            name: "zero period", text: "name = 's'\n[supervisor]\nperiod_ms = 0",
            reason: .invalidValue("must be greater than 0, found 0"), key: "supervisor.period_ms", line: 3, column: 13),
        InvalidManifestCase(
            name: "unknown restart policy",
            text: "name = 's'\n[supervisor]\n[[child]]\nname = 'c'\nmanifest = 'c.toml'\nrestart = 'always'",
            reason: .invalidValue("must be one of 'permanent', 'transient', 'temporary', found 'always'"),
            key: "child[0].restart", line: 6, column: 11),
        InvalidManifestCase(
            name: "unknown restart state",
            text: "name = 's'\n[supervisor]\n[[child]]\nname = 'c'\nmanifest = 'c.toml'\nstate = 'newest'",
            reason: .invalidValue("must be one of 'last-good', 'initial', found 'newest'"),
            key: "child[0].state", line: 6, column: 9),
        InvalidManifestCase(
            name: "child without a manifest", text: "name = 's'\n[supervisor]\n[[child]]\nname = 'c'",
            reason: .missingKey, key: "child[0].manifest", line: 3, column: 3),
        InvalidManifestCase(
            name: "two children with one name",
            text: "name = 's'\n[supervisor]\n[[child]]\nname = 'c'\nmanifest = 'c.toml'\n[[child]]\nname = 'c'\nmanifest = 'd.toml'",
            reason: .duplicateChildName("c"), key: "child[1].name", line: 7, column: 8),
        InvalidManifestCase(
            name: "backoff ceiling below the first delay",
            text: "name = 's'\n[supervisor]\n[[child]]\nname = 'c'\nmanifest = 'c.toml'\nbackoff_ms = 500\nbackoff_max_ms = 100",
            reason: .invalidValue("must be at least backoff_ms (500), found 100"), key: "child[0].backoff_max_ms",
            line: 7, column: 18),
        InvalidManifestCase(
            name: "misspelt child key",
            text: "name = 's'\n[supervisor]\n[[child]]\nname = 'c'\nmanifest = 'c.toml'\nrestrat = 'transient'",
            reason: .unknownKey, key: "child[0].restrat", line: 6, column: 1),
        InvalidManifestCase(
            name: "children without a supervisor", text: "name = 'a'\ncomponent = 'a.wasm'\n[[child]]\nname = 'c'",
            reason: .invalidValue("needs a [supervisor] table"), key: "child", line: 3, column: 3),
        InvalidManifestCase(
            name: "host supervisor with handlers", text: "name = 's'\n[supervisor]\n[[handler]]\ntype = 'runtime'",
            reason: .invalidValue("needs a component (a [supervisor] without one runs in the host)"),
            key: "handler", line: 3, column: 3),
        InvalidManifestCase(
            name: "TOML syntax error", text: "name = 'a'\ncomponent 'a.wasm'",
            reason: .syntax(.unexpected(expected: "'=' after key", found: "'''")), key: nil, line: 2, column: 11),
        InvalidManifestCase(
            name: "TOML definition error", text: "name = 'a'\nname = 'b'",
            reason: .syntax(.duplicateKey("name")), key: nil, line: 2, column: 1),
    ]

    @Test(arguments: invalidCases)
    func invalidManifestNamesKeyAndPosition(_ testCase: InvalidManifestCase) throws {
        let error = try #require(throws: ManifestError.self) {
            try ActorManifest.parse(text: testCase.text, baseDirectory: nil)
        }
        #expect(error.reason == testCase.reason)
        #expect(error.key == testCase.key)
        #expect(error.line == testCase.line)
        #expect(error.column == testCase.column)
    }

    @Test func errorDescriptionReadsAsOneLine() throws {
        let error = try #require(throws: ManifestError.self) {
            try ActorManifest.parse(text: "name = 'a'\ncomponent = 'a.wasm'\n[limits]\nfuel_per_message = 0")
        }
        #expect(error.description == "line 4, column 20: 'limits.fuel_per_message' must be greater than 0, found 0")
        let handlerError = try #require(throws: ManifestError.self) {
            try ActorManifest.parse(text: "name = 'a'\ncomponent = 'a.wasm'\n[[handler]]\ntype = 'http'")
        }
        #expect(handlerError.description == "line 4, column 8: 'handler[0].type': unknown handler type 'http' "
            + "(known: runtime, message-server, supervisor, timing, store)")
    }

    // MARK: - Files: init_state and load(path:)

    @Test func initialStateIsAFileWhenOneExistsRelativeToTheManifest() throws {
        let directory = try TemporaryDirectory()
        try directory.write("state.bin", [0, 1, 2, 255])
        let text = "name = 'a'\ncomponent = 'a.wasm'\ninit_state = 'state.bin'"
        let fromFile = try ActorManifest.parse(text: text, baseDirectory: directory.path)
        #expect(fromFile.initialState == .file(path: directory.path + "/state.bin", bytes: [0, 1, 2, 255]))
        #expect(fromFile.initialState?.bytes == [0, 1, 2, 255])

        let inline = try ActorManifest.parse(
            text: "name = 'a'\ncomponent = 'a.wasm'\ninit_state = '{\"n\": 1}'", baseDirectory: directory.path)
        #expect(inline.initialState == .inline("{\"n\": 1}"))
        #expect(inline.initialState?.bytes == Array("{\"n\": 1}".utf8))

        // Without a base directory nothing is looked up, even if a file of that name exists.
        let noBase = try ActorManifest.parse(text: text, baseDirectory: nil)
        #expect(noBase.initialState == .inline("state.bin"))

        // A directory is not a state file.
        try FileManager.default.createDirectory(atPath: directory.path + "/sub", withIntermediateDirectories: true)
        let directoryName = try ActorManifest.parse(
            text: "name = 'a'\ncomponent = 'a.wasm'\ninit_state = 'sub'", baseDirectory: directory.path)
        #expect(directoryName.initialState == .inline("sub"))
    }

    @Test func loadResolvesPathsAgainstTheManifestsDirectory() throws {
        let directory = try TemporaryDirectory()
        try directory.write("init.json", Array("{}".utf8))
        try directory.write("manifest.toml", Array(Self.fullManifest.replacingOccurrences(
            of: "'{\"count\": 0}'", with: "'init.json'").utf8))
        let manifest = try ActorManifest.load(path: directory.path + "/manifest.toml")
        #expect(manifest.baseDirectory == directory.path)
        #expect(manifest.componentPath == directory.path + "/build/counter.wasm")
        #expect(manifest.initialState == .file(path: directory.path + "/init.json", bytes: Array("{}".utf8)))
    }

    @Test func loadErrorsNameTheFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/manifest.toml"
        try directory.write("manifest.toml", Array("name = 'a'\ncomponent = 'a.wasm'\n[limits]\nmax_call_depth = 0\n".utf8))
        let error = try #require(throws: ManifestError.self) { try ActorManifest.load(path: path) }
        #expect(error.file == path)
        #expect(error.description == "\(path): line 4, column 18: 'limits.max_call_depth' must be greater than 0, found 0")

        let missing = try #require(throws: ManifestError.self) { try ActorManifest.load(path: directory.path + "/nope.toml") }
        #expect(missing.reason == .unreadableFile(path: directory.path + "/nope.toml", message: "no such file"))
        #expect(missing.position == nil)

        try directory.write("binary.toml", [0x6E, 0x3D, 0xFF])
        let binary = try #require(throws: ManifestError.self) { try ActorManifest.load(path: directory.path + "/binary.toml") }
        #expect(binary.reason == .syntax(.invalidUTF8))
        #expect(binary.position == TOMLPosition(line: 1, column: 3))
    }

    @Test func pathsJoinPredictably() {
        #expect(ManifestFiles.resolve("a.wasm", against: "/x/") == "/x/a.wasm")
        #expect(ManifestFiles.resolve("../a.wasm", against: "/x") == "/x/../a.wasm")
        #expect(ManifestFiles.resolve("a.wasm", against: "") == "a.wasm")
        #expect(ManifestFiles.directory(of: "manifest.toml") == ".")
        #expect(ManifestFiles.directory(of: "/manifest.toml") == "/")
        #expect(ManifestFiles.directory(of: "a/b/manifest.toml") == "a/b")
    }

    /// Random edits of valid manifests are accepted or rejected, never crash.
    @Test func randomMutationsOfManifestsNeverCrash() throws {
        var generator = SplitMix64(seed: 0xAC7_0125)
        let seeds = [Self.fullManifest, Self.supervisorManifest].map { Array($0.utf8) }
        let snippets = ["0", "-1", "\"", "'", "[", "]", "=", "\n", "x", "type", "child", "."].map { Array($0.utf8) }
        var rejected = 0
        for _ in 0..<1_500 {
            var document = seeds[Int(generator.next() % UInt64(seeds.count))]
            for _ in 0..<(1 + Int(generator.next() % 3)) {
                let index = Int(generator.next() % UInt64(document.count))
                if generator.next() % 2 == 0 {
                    document.remove(at: index)
                } else {
                    document.insert(contentsOf: snippets[Int(generator.next() % UInt64(snippets.count))], at: index)
                }
            }
            do {
                _ = try ActorManifest.parse(text: String(decoding: document, as: UTF8.self), baseDirectory: "/none")
            } catch {
                rejected += 1
                #expect(!error.description.isEmpty)
            }
        }
        #expect(rejected > 100)
    }
}

/// A directory under the system's temporary directory, removed when released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "theater-manifest-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
