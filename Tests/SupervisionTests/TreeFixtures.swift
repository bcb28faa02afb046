import ActorSystem
import Foundation
import Testing

@testable import Supervision

/// Writes supervision trees as manifest files around the actor fixtures, and runs them.
final class TreeFixture {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    /// The path of a fixture component: `trapper` is `Fixtures/actors/trapper.wasm`,
    /// `probe` is `Fixtures/actor-system/probe.wasm`.
    static func component(_ name: String) -> String {
        switch name {
        case "probe": fixtures + "/actor-system/probe.wasm"
        case "supervisor", "supervisor-handlers": fixtures + "/supervision/\(name).wasm"
        default: fixtures + "/actors/\(name).wasm"
        }
    }

    /// Writes an actor manifest `FILE.toml` running fixture `component`.
    @discardableResult
    func actor(
        _ file: String, component: String = "trapper", initialState: String? = nil, limits: String = ""
    ) throws -> String {
        var handlers = ["runtime", "message-server"]
        if component == "probe" { handlers += ["timing", "store"] }
        if component.hasPrefix("supervisor") { handlers.append("supervisor") }
        var text = "name = \"\(file)\"\ncomponent = \"\(Self.component(component))\"\n"
        if let initialState { text += "init_state = \"\(initialState)\"\n" }
        for handler in handlers { text += "[[handler]]\ntype = \"\(handler)\"\n" }
        if !limits.isEmpty { text += "[limits]\n\(limits)\n" }
        return try directory.write("\(file).toml", text)
    }

    /// Writes a supervisor manifest `FILE.toml`; each child is `(name, manifest file,
    /// extra [[child]] lines)`.
    @discardableResult
    func supervisor(
        _ file: String, strategy: RestartStrategy = .oneForOne, maxRestarts: Int = 3, periodMilliseconds: Int = 5000,
        children: [(String, String, String)]
    ) throws -> String {
        var text = """
            name = "\(file)"
            [supervisor]
            strategy = "\(strategy.rawValue)"
            max_restarts = \(maxRestarts)
            period_ms = \(periodMilliseconds)

            """
        for (name, manifest, extra) in children {
            text += "\n[[child]]\nname = \"\(name)\"\nmanifest = \"\(manifest).toml\"\n\(extra)\n"
        }
        return try directory.write("\(file).toml", text)
    }

    /// Writes a supervisor actor's manifest `FILE.toml`: the supervisor fixture, with a
    /// `[supervisor]` table and `[[child]]` entries when `children` is not nil.
    @discardableResult
    func wasmSupervisor(
        _ file: String, handlers: Bool = false, initialState: String? = nil, maxRestarts: Int = 3,
        children: [(String, String, String)]? = nil
    ) throws -> String {
        let component = handlers ? "supervisor-handlers" : "supervisor"
        var text = "name = \"\(file)\"\ncomponent = \"\(Self.component(component))\"\n"
        if let initialState { text += "init_state = \"\(initialState)\"\n" }
        for handler in ["runtime", "message-server", "supervisor"] { text += "[[handler]]\ntype = \"\(handler)\"\n" }
        if let children {
            text += "[supervisor]\nmax_restarts = \(maxRestarts)\n"
            for (name, manifest, extra) in children {
                text += "\n[[child]]\nname = \"\(name)\"\nmanifest = \"\(manifest).toml\"\n\(extra)\n"
            }
        }
        return try directory.write("\(file).toml", text)
    }

    /// A deterministic system offering the `supervisor` interface.
    static func system() -> ActorSystem {
        var configuration = ActorSystemConfiguration.deterministic
        configuration.hostInterfaceExtensions.append(SupervisorHostInterface())
        return ActorSystem(configuration: configuration)
    }

    /// Starts the tree whose root manifest is `root.toml` in a new deterministic system.
    func start(_ root: String = "root") throws -> (ActorSystem, SupervisionTree) {
        let system = Self.system()
        let tree = try SupervisionTree.start(manifestAt: directory.path + "/\(root).toml", in: system)
        try system.runUntilQuiescent()
        return (system, tree)
    }
}

extension SupervisionTree {
    /// The id of the actor at `path`, or a test failure.
    func id(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ActorID {
        try #require(actorID(of: path), sourceLocation: sourceLocation)
    }

    /// The supervisor's events of one type, as their descriptions.
    func descriptions(of type: ChainEventType, in supervisor: String = "") -> [String] {
        events(ofSupervisor: supervisor).filter { $0.eventType == type.rawValue }.compactMap(\.description)
    }
}

extension ActorSystem {
    /// The trapper's (and counter's) count: its state, a u64 little-endian.
    func count(of id: ActorID) throws -> UInt64? {
        guard let state = try state(of: id), state.count == 8 else { return nil }
        return state.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    func send(to id: ActorID, _ text: String) throws {
        try send(to: id, Array(text.utf8))
    }

    /// The actor's state as text.
    func text(of id: ActorID) throws -> String? {
        try state(of: id).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Event types in the actor's chain, oldest first.
    func eventTypes(of id: ActorID) throws -> [String] {
        try events(of: id).map(\.eventType)
    }
}

extension PendingReply {
    var text: String? {
        guard case .success(let bytes)? = result else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    var failed: Bool {
        if case .failure? = result { return true }
        return false
    }
}
