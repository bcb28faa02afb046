import ActorSystem
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

/// The probe actor (`Fixtures/actor-system/probe.c`): does what its messages say and
/// keeps what happened as its state.
enum Probe {
    static let interfaces: Set<HostInterfaceName> = [.runtime, .messageServerHost, .timing, .store]

    static func definition(name: String? = nil, state: [UInt8]? = nil, limits: ActorLimits = ActorLimits()) throws -> ActorDefinition {
        ActorDefinition(
            componentBytes: try ActorFixtures.bytes("probe"), name: name, initialState: state,
            hostInterfaces: interfaces, limits: limits)
    }
}

extension ActorSystem {
    /// The actor's state as text (for the probe, whose state is what happened).
    func stateText(of id: ActorID) throws -> String? {
        try state(of: id).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Collects what the system reports through its hooks.
final class FailureRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var storedFailures: [ActorFailure] = []
    private var storedExits: [(ActorID, ActorExitReason)] = []

    init(_ system: ActorSystem) {
        system.onFailure = { [weak self] failure in self?.lock.withLock { self?.storedFailures.append(failure) } }
        system.onExit = { [weak self] id, reason in self?.lock.withLock { self?.storedExits.append((id, reason)) } }
    }

    var failures: [ActorFailure] { lock.withLock { storedFailures } }
    var exits: [(ActorID, ActorExitReason)] { lock.withLock { storedExits } }
}
