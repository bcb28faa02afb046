import ActorSystem
import Supervision
import Synchronization

/// `theater run MANIFEST... [--send NAME=TEXT [--repeat N]]... [--request NAME=TEXT]...
/// [--events] [--trace[=NAME]] [--workers N] [--chain-dir DIR] [--request-timeout-ms MS]`: spawns the actors the manifests describe,
/// sends the messages and requests in command-line order (each action runs until the
/// system is quiescent before the next), prints each actor's final state, and shuts down.
///
/// A request prints `reply NAME: TEXT` (the reply as UTF-8, or `0x` and hex) or
/// `error NAME: MESSAGE`. Actors' log lines go to standard output as `[NAME] line`;
/// crashes go to standard error, and so does `--trace`: each executed Wasm instruction as
/// `NAME: FUNCTION @0xOFFSET: INSTRUCTION OPERANDS...`. Exit status 3 when an actor
/// crashed.
enum ActorRunCommand {
    struct Options {
        var manifestPaths: [String] = []
        var actions: [Action] = []
        var printsEvents = false
        /// nil: no trace; "" : every actor; else the actor of that name.
        var traceFilter: String?
        /// nil: one worker per processor; 0: deterministic mode on this thread.
        var workers: Int?
        /// Where saved chains go (nil: next to each manifest).
        var chainDirectory: String?
        /// How long a request waits for its reply unless a manifest says otherwise (nil:
        /// the system's default).
        var requestTimeoutMilliseconds: UInt64?

        enum Action {
            case send(actor: String, text: String, repeats: UInt64)
            case request(actor: String, text: String)
        }

        static func parse(_ cursor: inout ArgumentCursor) throws(CommandLineError) -> Options {
            var options = Options()
            while let token = cursor.next() {
                switch token {
                case "--send":
                    let (actor, text) = try target(try cursor.value(of: "--send"), option: "--send")
                    options.actions.append(.send(actor: actor, text: text, repeats: 1))
                case "--repeat":
                    let count = try cursor.count(of: "--repeat")
                    guard case .send(let actor, let text, _)? = options.actions.last else {
                        throw .usage("--repeat must follow a --send")
                    }
                    options.actions[options.actions.count - 1] = .send(actor: actor, text: text, repeats: count)
                case "--request":
                    let (actor, text) = try target(try cursor.value(of: "--request"), option: "--request")
                    options.actions.append(.request(actor: actor, text: text))
                case "--events":
                    options.printsEvents = true
                case "--trace":
                    options.traceFilter = ""
                case "--workers":
                    let count = try cursor.count(of: "--workers")
                    guard count <= 1024 else { throw .usage("--workers must be at most 1024") }
                    options.workers = Int(count)
                case "--chain-dir":
                    options.chainDirectory = try cursor.value(of: "--chain-dir")
                case "--request-timeout-ms":
                    let milliseconds = try cursor.count(of: "--request-timeout-ms")
                    guard milliseconds > 0 else { throw .usage("--request-timeout-ms must be at least 1") }
                    options.requestTimeoutMilliseconds = milliseconds
                case "--help", "-h":
                    throw .helpRequested
                default:
                    if token.hasPrefix("--trace=") {
                        options.traceFilter = String(token.dropFirst("--trace=".count))
                    } else if token.isOption {
                        throw .usage("unknown option \(token) for run")
                    } else {
                        options.manifestPaths.append(token)
                    }
                }
            }
            guard !options.manifestPaths.isEmpty else { throw .usage("run needs a manifest") }
            return options
        }

        /// `NAME=TEXT`.
        private static func target(_ argument: String, option: String) throws(CommandLineError) -> (String, String) {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw .usage("\(option) needs NAME=TEXT, not \"\(argument)\"")
            }
            return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
        }
    }

    static func run(_ options: Options, output: CommandOutput) throws(CommandLineError) -> Int32 {
        let shared = SharedOutput(output)
        let session = ActorSession(
            workers: options.workers, traceFilter: options.traceFilter, chainDirectory: options.chainDirectory,
            requestTimeoutMilliseconds: options.requestTimeoutMilliseconds, output: shared)
        defer { session.system.shutdown() }
        for path in options.manifestPaths {
            try session.start(manifestAt: path)
        }
        session.settle()
        for action in options.actions {
            try perform(action, session)
        }
        session.settle()
        let ids = session.everyActor
        for id in ids { session.printSummary(of: id) }
        session.printSupervisionSummary()
        // The chains end with the actors' stops (and actors that save their chain write it
        // now), so --events and a saved chain show the same events.
        session.system.shutdown()
        if options.printsEvents {
            for id in ids { session.printEvents(of: id) }
            session.printSupervisorEvents()
        }
        for id in ids {
            if let path = (try? session.system.savedChainPath(of: id)) ?? nil {
                shared.printLine("saved the chain of \(session.displayName(id)) to \(path)")
            }
        }
        shared.flush()
        return session.crashCount > 0 || session.hasFailedTree ? ExitStatus.trapped : ExitStatus.success
    }

    /// Runs one action. An unknown actor name is a usage failure; a send or request the
    /// system refuses (the actor has stopped, its mailbox is full) is reported and the run
    /// goes on.
    private static func perform(_ action: Options.Action, _ session: ActorSession) throws(CommandLineError) {
        switch action {
        case .send(let actor, let text, let repeats):
            let id = try session.id(of: actor)
            for _ in 0..<repeats {
                do {
                    try send(text, to: id, session)
                } catch {
                    session.output.printError("send to \(actor) failed: \(error)")
                    break
                }
            }
            // What the messages set off finishes before the next action.
            session.settle()
        case .request(let actor, let text):
            let id = try session.id(of: actor)
            let reply: PendingReply
            do {
                reply = try session.system.submitRequest(to: id, Array(text.utf8))
            } catch {
                session.output.printLine("error \(actor): \(error)")
                return
            }
            session.settle()
            switch reply.result {
            case .success(let bytes)?: session.output.printLine("reply \(actor): \(ActorText.reply(bytes))")
            case .failure(let error)?: session.output.printLine("error \(actor): \(error)")
            case nil: session.output.printLine("error \(actor): no reply yet (the request is outstanding)")
            }
        }
    }

    /// Sends, waiting for the actor to catch up once if its mailbox is full.
    private static func send(_ text: String, to id: ActorID, _ session: ActorSession) throws(ActorSystemError) {
        do {
            try session.system.send(to: id, Array(text.utf8))
        } catch .mailboxFull {
            session.settle()
            try session.system.send(to: id, Array(text.utf8))
        }
    }
}

/// An actor system for one command, wired to print logs, crashes and (optionally) a
/// live trace of chain events.
final class ActorSession: Sendable {
    let system: ActorSystem
    let output: SharedOutput
    private let crashes = CrashCounter()
    /// What `start(manifestAt:)` started: actors and supervision trees.
    let started = Mutex<[StartedManifest]>([])

    init(
        workers: Int?, traceFilter: String?, chainDirectory: String? = nil, requestTimeoutMilliseconds: UInt64? = nil,
        output: SharedOutput
    ) {
        self.output = output
        var configuration = workers == 0 ? ActorSystemConfiguration.deterministic : ActorSystemConfiguration()
        if let workers, workers > 0 { configuration.workerCount = workers }
        configuration.chainDirectory = chainDirectory
        if let requestTimeoutMilliseconds {
            configuration.defaultLimits.requestTimeoutMilliseconds = requestTimeoutMilliseconds
        }
        configuration.logSink = { actor, line in output.printLine("[\(actor)] \(line)") }
        if let traceFilter {
            configuration.instructionTracer = { actor in
                guard traceFilter.isEmpty || traceFilter == actor.name || traceFilter == actor.id.rawValue else { return nil }
                let prefix = "\(actor): "
                return { event in output.printError(prefix + WasmRunCommand.traceLine(event)) }
            }
        }
        configuration.hostInterfaceExtensions.append(SupervisorHostInterface())
        system = ActorSystem(configuration: configuration)
        let crashes = crashes
        let reference = WeakSystem(system)
        system.onFailure = { failure in
            // A supervised actor waits for its supervisor's restart: not a lasting crash.
            let supervised = (try? reference.system?.status(of: failure.actorID)) == .awaitingRestart
            if !supervised { crashes.increment() }
            output.printError("crash\(supervised ? " (supervised)" : ""): \(failure)")
        }
    }

    var crashCount: Int { crashes.value }

    /// The actor with this name (running or not) or id.
    func id(of name: String) throws(CommandLineError) -> ActorID {
        if let id = system.actorID(named: name) { return id }
        let ids = system.actorIDs
        if let id = ids.last(where: { (try? system.name(of: $0)) == name }) { return id }
        if ids.contains(ActorID(name)) { return ActorID(name) }
        throw .failure("no actor named \(name)")
    }

    /// Runs until nothing is left to do.
    func settle() {
        if system.configuration.isDeterministic {
            _ = try? system.runUntilQuiescent()
        } else {
            system.waitUntilQuiescent()
        }
    }

    func displayName(_ id: ActorID) -> String {
        ((try? system.name(of: id)) ?? nil) ?? id.rawValue
    }

    func printSummary(of id: ActorID) {
        let status = (try? system.status(of: id)).map(\.description) ?? "unknown"
        let state = (try? system.state(of: id)) ?? nil
        output.printLine("\(displayName(id)) (\(status)): state \(ActorText.show(state))")
    }

    func printEvents(of id: ActorID) {
        let name = displayName(id)
        for event in (try? system.events(of: id)) ?? [] { output.printLine(event.jsonLine(actor: name)) }
        if case .failure(let failure)? = try? system.verifyEvents(of: id) {
            output.printError("\(name): chain does not verify: \(failure)")
        }
    }
}

/// How many actors crashed, counted on the workers.
final class CrashCounter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
