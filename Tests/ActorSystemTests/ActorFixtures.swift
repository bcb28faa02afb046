import Foundation

/// Locates the actor components the tests run: `Fixtures/components` (actor-counter) and
/// `Fixtures/actor-system` (small actors written for these tests).
enum ActorFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func bytes(_ name: String, in directory: String = "actor-system") throws -> [UInt8] {
        try [UInt8](Data(contentsOf: root.appendingPathComponent("\(directory)/\(name).wasm")))
    }

    /// The counter actor: state is a little-endian u32 counting messages and requests;
    /// requests echo; "fail" is refused with an error.
    static func counter() throws -> [UInt8] { try bytes("actor-counter", in: "components") }
}

extension Array where Element == UInt8 {
    /// The little-endian u32 the counter keeps.
    var counterValue: UInt32? {
        guard count == 4 else { return nil }
        return UInt32(self[0]) | UInt32(self[1]) << 8 | UInt32(self[2]) << 16 | UInt32(self[3]) << 24
    }
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
