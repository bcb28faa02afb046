#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ActorSystem

/// `theater demo [--fixtures DIR] [--workers N]`: a narrated tour of the actor system with
/// the actor fixtures: a counter, ping-pong, a request made from inside an actor, a crash,
/// and an event chain.
enum ActorDemoCommand {
    struct Options {
        var fixturesDirectory: String?
        var workers: Int?

        static func parse(_ cursor: inout ArgumentCursor) throws(CommandLineError) -> Options {
            var options = Options()
            while let token = cursor.next() {
                switch token {
                case "--fixtures": options.fixturesDirectory = try cursor.value(of: "--fixtures")
                case "--workers":
                    let count = try cursor.count(of: "--workers")
                    guard count <= 1024 else { throw .usage("--workers must be at most 1024") }
                    options.workers = Int(count)
                case "--help", "-h": throw .helpRequested
                default: throw .usage("unknown argument \(token) for demo")
                }
            }
            return options
        }
    }

    static func run(_ options: Options, output: CommandOutput) throws(CommandLineError) -> Int32 {
        let fixtures = try Fixtures(directory: options.fixturesDirectory)
        let shared = SharedOutput(output)
        let session = ActorSession(workers: options.workers, traceFilter: nil, output: shared)
        defer { session.system.shutdown() }
        let demo = Demo(session: session, fixtures: fixtures)
        do {
            try demo.run()
        } catch {
            throw .failure("demo: \(error)")
        }
        shared.flush()
        return ExitStatus.success
    }

    /// The fixture components, from `--fixtures`, `Fixtures/actors` under the current
    /// directory, or the package this program was built from.
    struct Fixtures {
        let directory: String

        init(directory: String?) throws(CommandLineError) {
            let sourceRoot = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
                .dropLast(3).joined(separator: "/")
            let candidates = directory.map { [$0] } ?? ["Fixtures/actors", sourceRoot + "/Fixtures/actors"]
            guard let found = candidates.first(where: { access($0 + "/counter.wasm", R_OK) == 0 }) else {
                throw .failure("no actor fixtures in \(candidates.joined(separator: " or ")); use --fixtures DIR")
            }
            self.directory = found
        }

        func bytes(_ name: String) throws(CommandLineError) -> [UInt8] {
            try ModuleFile.read("\(directory)/\(name).wasm")
        }
    }
}

/// The demo's story, step by step.
private struct Demo {
    let session: ActorSession
    let fixtures: ActorDemoCommand.Fixtures
    var system: ActorSystem { session.system }

    private func say(_ text: String) { session.output.printLine(text) }

    private func spawn(_ fixture: String, as name: String, granting interfaces: Set<HostInterfaceName> = [])
        throws -> ActorID
    {
        let definition = ActorDefinition(
            componentBytes: try fixtures.bytes(fixture), name: name, hostInterfaces: Set<HostInterfaceName>([.runtime]).union(interfaces))
        let id = try system.spawn(definition)
        say("  spawned \(name) from \(fixture).wasm (id \(id))")
        return id
    }

    private func request(_ id: ActorID, _ text: String) -> String {
        let reply: PendingReply
        do {
            reply = try system.submitRequest(to: id, Array(text.utf8))
        } catch {
            return "error: \(error)"
        }
        session.settle()
        switch reply.result {
        case .success(let bytes)?: return ActorText.show(bytes)
        case .failure(let error)?: return "error: \(error)"
        case nil: return "no reply yet"
        }
    }

    func run() throws {
        say("Theater demo: each actor is a WebAssembly component with a private state, a mailbox")
        say("and a hash-linked event chain. Actors only talk by messages.")
        say("")
        try counter()
        try pingPong()
        try requestFromInside()
        try crash()
        try chain()
        say("")
        say("Shutting down: every actor stops, its chain stays readable.")
    }

    private func counter() throws {
        say("1. A counter. Its state is a u64 count; each message adds one.")
        let counter = try spawn("counter", as: "counter")
        for _ in 0..<3 { try system.send(to: counter, Array("hello".utf8)) }
        session.settle()
        let count = ActorText.littleEndianNumber(try system.state(of: counter)).map(String.init) ?? "?"
        say("  sent \"hello\" three times; its state now counts \(count)")
        say("  a request asks for the count; it replies \(request(counter, "how many?"))")
        say("")
    }

    private func pingPong() throws {
        say("2. Ping-pong. Two actors bounce a ball, each send made from inside the other's handler.")
        let ping = try spawn("ping-pong", as: "ping", granting: [.messageServerHost])
        let pong = try spawn("ping-pong", as: "pong", granting: [.messageServerHost])
        try system.send(to: ping, Array("ping 9 pong".utf8))
        session.settle()
        say("  sent \"ping 9 pong\" to ping: ten balls later, ping caught \(request(ping, "count"))"
            + " and pong \(request(pong, "count"))")
        say("")
    }

    private func requestFromInside() throws {
        say("3. A request from inside an actor. The requester's handler calls request(echo, ...);")
        say("   its guest code is suspended inside that call, its worker runs other actors, and the")
        say("   call returns when echo replies.")
        _ = try spawn("echo", as: "echo", granting: [.messageServerHost])
        let requester = try spawn("requester", as: "requester", granting: [.messageServerHost])
        try system.send(to: requester, Array("echo:hello from inside".utf8))
        session.settle()
        say("  requester's state is now the reply: \(ActorText.show(try system.state(of: requester)))")
        say("")
    }

    private func crash() throws {
        say("4. A crash. The trapper executes `unreachable` on the message \"trap\"; the runtime")
        say("   discards its instance, records the crash, and reports it (a supervisor will restart it).")
        let trapper = try spawn("trapper", as: "trapper")
        try system.send(to: trapper, Array("trap".utf8))
        session.settle()
        say("  its status: \(try system.status(of: trapper))")
        say("  a request to it now: \(request(trapper, "still there?"))")
        say("")
    }

    private func chain() throws {
        say("5. The event chain. Every call, host call, state change and crash is an event linked to")
        say("   the one before by its SHA-256.")
        guard let counter = system.actorID(named: "counter") else { return }
        let events = try system.events(of: counter)
        let verdict = (try? system.verifyEvents(of: counter)).map { result -> String in
            if case .failure(let failure) = result { return "does not verify: \(failure)" }
            return "verifies"
        } ?? "?"
        say("  counter's chain has \(events.count) events and \(verdict); the last three:")
        for event in events.suffix(3) {
            let hash = HexEncoding.string(from: Array(event.hash.prefix(6)))
            say("    #\(event.sequence) \(event.eventType) \(hash)… \(event.description ?? "")")
        }
    }
}
