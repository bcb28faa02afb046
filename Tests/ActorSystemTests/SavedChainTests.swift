import Foundation
import Testing

@testable import ActorSystem

/// `save_chain`: an actor's chain written as JSON lines when it stops, read back and
/// verified.
@Suite struct SavedChainTests {
    private func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("saved-chain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    private func savingProbe(name: String, directory: String) throws -> ActorDefinition {
        var definition = try Probe.definition(name: name)
        definition.savesChain = true
        definition.chainDirectory = directory
        return definition
    }

    @Test func aStoppedActorsChainIsSavedAndVerifies() throws {
        let directory = try temporaryDirectory()
        let system = ActorSystem(configuration: .deterministic)
        let probe = try system.spawn(savingProbe(name: "keeper", directory: directory))
        try system.send(to: probe, bytes("append:\u{1}\u{7f}\"quoted\"\\ é 🎭\n"))
        try system.send(to: probe, bytes("log:hello"))
        try system.runUntilQuiescent()
        let path = try #require(try system.savedChainPath(of: probe))
        #expect(path == directory + "/keeper.chain.jsonl")
        #expect(!FileManager.default.fileExists(atPath: path))

        try system.stop(probe)
        try system.runUntilQuiescent()
        let lines = try SavedChain.read(path: path)
        // Read back exactly as recorded, the stop and exit included.
        #expect(lines.map(\.event) == (try system.events(of: probe)))
        #expect(lines.allSatisfy { $0.actor == "keeper" })
        #expect(lines.last?.event.eventType == "exit")
        let verified = try SavedChain.verify(lines)
        #expect(verified.map(\.actor) == ["keeper"])
        #expect(verified.first?.events == lines.count)
    }

    @Test func anAlteredSavedChainDoesNotVerify() throws {
        let directory = try temporaryDirectory()
        let system = ActorSystem(configuration: .deterministic)
        _ = try system.spawn(savingProbe(name: "keeper", directory: directory))
        try system.runUntilQuiescent()
        system.shutdown()
        let path = directory + "/keeper.chain.jsonl"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(try SavedChain.verify(SavedChain.parse(text)).first?.events ?? 0 > 2)

        let altered = text.replacingOccurrences(of: "\"reason\\\":\\\"stopped\\\"", with: "\"reason\\\":\\\"crashed\\\"")
        #expect(altered != text)
        #expect {
            try SavedChain.verify(SavedChain.parse(altered))
        } throws: { error in
            guard case .brokenChain(let actor, let failure) = error as? SavedChainError else { return false }
            if case .hashMismatch = failure.reason { return actor == "keeper" }
            return false
        }
        #expect(throws: SavedChainError.malformedLine(line: 2, message: "expected a string, an unsigned integer or null")) {
            try SavedChain.parse(text.prefix { $0 != "\n" } + "\n{\"a\":true}\n")
        }
        #expect(throws: SavedChainError.empty) { try SavedChain.verify([]) }
    }

    @Test func aChainWithoutItsOldestEventsVerifiesFromItsFirstKeptEvent() throws {
        let directory = try temporaryDirectory()
        var configuration = ActorSystemConfiguration.deterministic
        configuration.chainDirectory = directory
        configuration.eventRetention = .recent(4)
        let system = ActorSystem(configuration: configuration)
        var definition = try Probe.definition(name: "windowed")
        definition.savesChain = true
        let probe = try system.spawn(definition)
        for index in 0..<10 { try system.send(to: probe, bytes("append:\(index)")) }
        try system.runUntilQuiescent()
        system.shutdown()
        let lines = try SavedChain.read(path: directory + "/windowed.chain.jsonl")
        #expect(lines.first?.event.sequence ?? 0 > 0)
        #expect(try SavedChain.verify(lines).first?.events == lines.count)
    }

    @Test func actorsThatDoNotAskSaveNothing() throws {
        let system = ActorSystem(configuration: .deterministic)
        let probe = try system.spawn(Probe.definition(name: "forgetful"))
        #expect(try system.savedChainPath(of: probe) == nil)
    }

    @Test func saveChainInAManifestAsksForTheChainNextToIt() throws {
        let manifest = try ActorManifest.parse(
            text: "name = \"pipeline/sink\"\ncomponent = \"x.wasm\"\nsave_chain = true\n", baseDirectory: "/tmp/actors")
        #expect(manifest.savesChain)
        #expect(SavedChain.fileName(for: ActorIdentity(id: ActorID("actor-1"), name: manifest.name)) == "pipeline_sink.chain.jsonl")
        #expect(SavedChain.fileName(for: ActorIdentity(id: ActorID("actor-1"), name: nil)) == "actor-1.chain.jsonl")
    }

    @Test func eventLinesWithHexDataReadBack() throws {
        let event = ChainEvent(
            sequence: 0, eventType: "custom", data: [0xff, 0x00, 0xfe], timestamp: 17, description: nil,
            parentHash: nil, hash: [1, 2, 3])
        let lines = try SavedChain.parse(event.jsonLine(actor: "a\tb"))
        #expect(lines == [ChainEventLine(actor: "a\tb", event: event)])
    }

    @Test func linesEndedByCarriageReturnAndNewlineReadBack() throws {
        // "\r\n" is one Character in Swift: splitting on the Character "\n" would leave the
        // whole file as one line.
        let events = (0..<3).map { sequence in
            ChainEvent(
                sequence: UInt64(sequence), eventType: "custom", data: [], timestamp: 0, description: nil,
                parentHash: nil, hash: [])
        }
        let text = events.map { $0.jsonLine(actor: "a") + "\r\n" }.joined()
        let lines = try SavedChain.parse(text)
        #expect(lines.map(\.event) == events)
        // A line starting with a combining mark (one Character with the newline before
        // it) is still its own line, and malformed.
        #expect(throws: SavedChainError.malformedLine(line: 4, message: "expected {")) {
            try SavedChain.parse(text + "\u{301}{}\n")
        }
    }
}
