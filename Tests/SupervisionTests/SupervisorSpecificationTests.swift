import ActorSystem
import Testing

@testable import Supervision

@Suite struct SupervisorSpecificationTests {
    static func actorManifest(_ name: String) -> String {
        """
        name = "\(name)"
        component = "\(name).wasm"
        [[handler]]
        type = "message-server"
        """
    }

    static func supervisorManifest(_ name: String, strategy: String = "one-for-one", children: [(String, String)]) -> String {
        var text = """
            name = "\(name)"
            [supervisor]
            strategy = "\(strategy)"

            """
        for (child, manifest) in children {
            text += """

                [[child]]
                name = "\(child)"
                manifest = "\(manifest)"

                """
        }
        return text
    }

    @Test func aTreeOfManifestsLoadsWithEveryLevel() throws {
        let directory = try TemporaryDirectory()
        let root = try directory.write(
            "root.toml",
            Self.supervisorManifest("root", children: [("counter", "counter.toml"), ("inner", "inner/manifest.toml")]))
        try directory.write("counter.toml", Self.actorManifest("counter"))
        try directory.write(
            "inner/manifest.toml",
            Self.supervisorManifest("inner", strategy: "rest-for-one", children: [("echo", "../echo.toml")]))
        try directory.write("echo.toml", Self.actorManifest("echo"))

        let tree = try SupervisorSpecification.load(path: root)
        #expect(tree.manifest.name == "root")
        #expect(tree.children.map(\.specification.name) == ["counter", "inner"])
        #expect(tree.actorCount == 2)
        guard case .actor(let counter) = tree.children[0].kind, case .supervisor(let inner) = tree.children[1].kind else {
            Issue.record("wrong kinds: \(tree.children.map(\.kind))")
            return
        }
        #expect(counter.componentPath == directory.path + "/counter.wasm")
        #expect(inner.flags.strategy == .restForOne)
        #expect(inner.children.map(\.manifest.name) == ["echo"])
    }

    @Test func aManifestThatIsItsOwnAncestorIsRefused() throws {
        let directory = try TemporaryDirectory()
        let root = try directory.write("root.toml", Self.supervisorManifest("root", children: [("a", "a.toml")]))
        try directory.write("a.toml", Self.supervisorManifest("a", children: [("back", "root.toml")]))
        let child = directory.path + "/a.toml"
        #expect(throws: SupervisionError.manifestCycle([root, child, root])) {
            try SupervisorSpecification.load(path: root)
        }
    }

    @Test func aCycleSpelledThroughDotDotStopsAtTheDepthLimit() throws {
        let directory = try TemporaryDirectory()
        try directory.write("d/root.toml", Self.supervisorManifest("root", children: [("again", "../d/root.toml")]))
        #expect {
            try SupervisorSpecification.load(path: directory.path + "/d/root.toml")
        } throws: { error in
            guard case SupervisionError.treeTooDeep(let paths) = error else { return false }
            return paths.count == SupervisorSpecification.maximumDepth
        }
    }

    @Test func aMissingChildManifestNamesTheFile() throws {
        let directory = try TemporaryDirectory()
        let root = try directory.write("root.toml", Self.supervisorManifest("root", children: [("a", "missing.toml")]))
        #expect {
            try SupervisorSpecification.load(path: root)
        } throws: { error in
            guard case SupervisionError.manifest(let manifestError) = error else { return false }
            return manifestError.file == directory.path + "/missing.toml"
                && (error as? SupervisionError)?.description.contains("missing.toml") == true
        }
    }

    @Test func theRootMustBeASupervisor() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("actor.toml", Self.actorManifest("solo"))
        #expect(throws: SupervisionError.notASupervisor(path)) { try SupervisorSpecification.load(path: path) }
    }
}
