/// An actor's manifest: which component to run, with which handlers (and so which host
/// interfaces), limits and initial state; or, with `[supervisor]`, a supervision tree node.
///
/// ```toml
/// name = "counter"
/// version = "0.1.0"
/// component = "counter.wasm"         # relative to the manifest
/// description = "Counts messages"
/// init_state = "state.json"          # a file next to the manifest, or inline text
/// save_chain = true
///
/// [[handler]]
/// type = "runtime"                   # runtime | message-server | supervisor | timing | store
/// [[handler]]
/// type = "message-server"
///
/// [limits]                           # all optional, all > 0
/// fuel_per_message = 1_000_000
/// max_memory_pages = 16
/// max_call_depth = 500
/// mailbox_capacity = 64
/// request_timeout_ms = 5_000         # a request this actor sends fails after 5 s without reply
/// ```
///
/// A manifest with `[supervisor]` and no `component` is a pure host supervisor: the
/// runtime itself supervises its `[[child]]` entries (see `SupervisorManifest`).
///
/// Only `name` is always required; `component` is required unless there is a
/// `[supervisor]`. Unknown keys are errors (they are usually typos), except inside
/// `[[handler]]` tables, whose extra keys are the handler's options.
public struct ActorManifest: Sendable, Equatable {
    /// `init_state`: the bytes given to the actor's `init`.
    public enum InitialState: Sendable, Equatable {
        /// The value named an existing file relative to the manifest; these are its bytes.
        case file(path: String, bytes: [UInt8])
        /// The value is the state itself; the bytes are its UTF-8.
        case inline(String)

        public var bytes: [UInt8] {
            switch self {
            case .file(_, let bytes): bytes
            case .inline(let text): Array(text.utf8)
            }
        }
    }

    public var name: String
    public var version: String?
    /// The component path as written.
    public var component: String?
    /// `component` resolved against `baseDirectory`.
    public var componentPath: String?
    public var description: String?
    public var initialState: InitialState?
    /// Whether the actor's event chain is written to a file when the actor stops
    /// (`save_chain`, default false): `NAME.chain.jsonl` next to the manifest unless the
    /// system sets a chain directory (see `SavedChain`).
    public var savesChain: Bool
    /// The `[[handler]]` entries, in order; at most one of each type.
    public var handlers: [HandlerManifest]
    public var limits: ActorLimits
    public var supervisor: SupervisorManifest?
    /// The directory relative paths were resolved against; nil for manifests given as
    /// text without one (paths then stay as written).
    public var baseDirectory: String?
    /// The parsed document, with the source position of every key and value.
    public var source: TOMLTable

    /// A supervisor the runtime runs itself: `[supervisor]` and no component.
    public var isHostSupervisor: Bool { component == nil }

    /// The handler of `type`, if the manifest lists one.
    public func handler(_ type: HandlerType) -> HandlerManifest? {
        handlers.first { $0.type == type }
    }

    /// Every host interface the handlers grant, in handler order.
    public var grantedImports: [String] { handlers.flatMap(\.type.grantedImports) }

    /// Every interface the handlers expect the actor to export, in handler order.
    public var expectedExports: [String] { handlers.flatMap(\.type.expectedExports) }

    /// Parses manifest text. Relative paths (`component`, `init_state`, children's
    /// `manifest`) are resolved against `baseDirectory`.
    ///
    /// `init_state` is read as a path when `baseDirectory` is given and the value names an
    /// existing file relative to it: the state is then that file's bytes. Otherwise (no
    /// such file, or no `baseDirectory`, as for manifests passed inline to a supervisor's
    /// `spawn`) the state is the value's UTF-8.
    public static func parse(text: String, baseDirectory: String? = nil) throws(ManifestError) -> ActorManifest {
        let table: TOMLTable
        do {
            table = try TOMLParser.parse(text)
        } catch {
            throw ManifestError(.syntax(error.reason), at: error.position)
        }
        return try ManifestReader(baseDirectory: baseDirectory).manifest(from: table)
    }

    /// Reads and parses the manifest file at `path`, resolving relative paths against its
    /// directory. Errors name the file.
    public static func load(path: String) throws(ManifestError) -> ActorManifest {
        do throws(ManifestError) {
            let bytes = try ManifestFiles.readManifest(path)
            let table: TOMLTable
            do {
                table = try TOMLParser.parse(bytes: bytes)
            } catch {
                throw ManifestError(.syntax(error.reason), at: error.position)
            }
            return try ManifestReader(baseDirectory: ManifestFiles.directory(of: path)).manifest(from: table)
        } catch {
            var located = error
            located.file = path
            throw located
        }
    }
}
