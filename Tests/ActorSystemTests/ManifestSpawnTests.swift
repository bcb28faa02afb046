import Foundation
import Testing

@testable import ActorSystem

@Suite struct ManifestSpawnTests {
    /// Writes `manifest` next to a copy of the probe and returns the manifest's path.
    private func writeManifest(_ manifest: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(ActorFixtures.bytes("probe")).write(to: directory.appendingPathComponent("probe.wasm"))
        let path = directory.appendingPathComponent("manifest.toml")
        try manifest.write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    @Test func aManifestGivesComponentNameStateInterfacesAndLimits() throws {
        let path = try writeManifest("""
            name = "probe"
            component = "probe.wasm"
            init_state = "from the manifest"
            [[handler]]
            type = "runtime"
            [[handler]]
            type = "message-server"
            [[handler]]
            type = "timing"
            [[handler]]
            type = "store"
            [limits]
            mailbox_capacity = 2
            """)
        let system = ActorSystem(configuration: .deterministic)
        let probe = try system.spawn(manifestAt: path)
        #expect(system.actorID(named: "probe") == probe)
        try system.runUntilQuiescent()
        #expect(try system.stateText(of: probe) == "from the manifest")
        try system.send(to: probe, bytes("append:!"))
        try system.send(to: probe, bytes("append:!"))
        #expect(throws: ActorSystemError.mailboxFull(probe, capacity: 2)) { try system.send(to: probe, bytes("x")) }
    }

    @Test func handlersDecideWhichInterfacesAreGranted() throws {
        let path = try writeManifest("""
            name = "probe"
            component = "probe.wasm"
            [[handler]]
            type = "runtime"
            [[handler]]
            type = "message-server"
            """)
        let system = ActorSystem(configuration: .deterministic)
        #expect(throws: ActorSystemError.interfaceNotGranted(.timing)) { try system.spawn(manifestAt: path) }
    }

    @Test func manifestProblemsAreSpawnErrors() throws {
        let system = ActorSystem(configuration: .deterministic)
        let missing = try writeManifest("name = \"x\"\ncomponent = \"nowhere.wasm\"\n")
        #expect {
            try system.spawn(manifestAt: missing)
        } throws: { error in
            guard case ActorSystemError.unreadableComponent(let path, _) = error else { return false }
            return path.hasSuffix("nowhere.wasm")
        }
        let broken = try writeManifest("name = \n")
        #expect {
            try system.spawn(manifestAt: broken)
        } throws: { error in
            guard case ActorSystemError.invalidManifest(let message) = error else { return false }
            return message.contains("manifest.toml")
        }
    }
}
