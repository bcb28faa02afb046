import ActorSystem
import Supervision

/// `theater demo supervision [--fixtures DIR] [--workers N]`: a narrated tour of
/// supervision trees with the actor fixtures: a restart with the last good state, a
/// request to a crashing child, rest-for-one, a fuel limit, escalation, and a root that
/// gives up.
enum SupervisionDemoCommand {
    static func run(_ options: ActorDemoCommand.Options, output: CommandOutput) throws(CommandLineError) -> Int32 {
        let fixtures = try ActorDemoCommand.Fixtures(directory: options.fixturesDirectory)
        let shared = SharedOutput(output)
        let demo = SupervisionDemo(fixtures: fixtures, workers: options.workers, output: shared)
        do {
            try demo.run()
        } catch {
            throw .failure("demo supervision: \(error)")
        }
        shared.flush()
        return ExitStatus.success
    }
}

/// The supervision demo's story; each part runs its own tree in its own system.
private struct SupervisionDemo {
    let fixtures: ActorDemoCommand.Fixtures
    let workers: Int?
    let output: SharedOutput

    private func say(_ text: String) { output.printLine(text) }

    // MARK: Building trees

    /// An actor child running fixture `component`; `limits` are `[limits]` lines.
    private func actor(
        _ name: String, _ component: String, restart: RestartType = .permanent, state: RestartStateSource = .lastGood,
        backoff: RestartBackoff = .immediate, limits: String = ""
    ) throws -> SupervisedChildSpecification {
        var text = """
            name = "\(name)"
            component = "\(fixtures.directory)/\(component).wasm"
            [[handler]]
            type = "message-server"

            """
        if !limits.isEmpty { text += "[limits]\n\(limits)\n" }
        let manifest = try ActorManifest.parse(text: text)
        return SupervisedChildSpecification(
            specification: ChildSpecification(
                name: name, manifest: "(inline)", restart: restart, state: state, backoff: backoff),
            kind: .actor(manifest))
    }

    /// A supervisor child (or the root, through `start`).
    private func supervisor(
        _ name: String, _ strategy: RestartStrategy, maxRestarts: Int, children: [SupervisedChildSpecification]
    ) throws -> SupervisorSpecification {
        let manifest = try ActorManifest.parse(text: "name = \"\(name)\"\n[supervisor]\n")
        return SupervisorSpecification(
            manifest: manifest, flags: SupervisorFlags(strategy: strategy, maxRestarts: maxRestarts, periodMilliseconds: 5000),
            children: children)
    }

    private func child(_ supervisor: SupervisorSpecification) -> SupervisedChildSpecification {
        SupervisedChildSpecification(
            specification: ChildSpecification(name: supervisor.manifest.name, manifest: "(inline)"),
            kind: .supervisor(supervisor))
    }

    /// A fresh system running `specification`.
    private func start(_ specification: SupervisorSpecification) throws -> (Session, SupervisionTree) {
        let session = Session(workers: workers)
        let tree = try SupervisionTree.start(specification, in: session.system)
        session.settle()
        return (session, tree)
    }

    // MARK: The story

    func run() throws {
        say("Theater supervision demo: supervisors start their children in order, hear about every")
        say("crash, and restart, stop or give up as their strategy says. A restarted child keeps its")
        say("id, name and mailbox; only its instance is new.")
        say("")
        try lastGoodRestart()
        try crashingRequest()
        try restForOne()
        try fuelLimit()
        try escalation()
        try rootGivesUp()
    }

    private func lastGoodRestart() throws {
        say("1. One-for-one, last-good state. A worker (the trapper fixture) counts messages and")
        say("   traps on \"trap\"; a counter runs beside it.")
        let root = try supervisor(
            "app", .oneForOne, maxRestarts: 3, children: [try actor("worker", "trapper"), try actor("counter", "counter")])
        let (session, tree) = try start(root)
        defer { session.shutdown() }
        let worker = try session.id(tree, "worker")
        for message in ["a", "b", "trap", "c"] { try session.system.send(to: worker, Array(message.utf8)) }
        session.settle()
        say("  sent a, b, trap, c to worker (\(worker)); the trap crashed it, c waited in its mailbox")
        say("  worker is \(try session.system.status(of: worker)) under the same id; its count: \(session.count(worker))")
        say("  (a and b survived the crash, the trap was not redelivered, c went to the new instance)")
        say("  app's chain: " + tree.events(ofSupervisor: "").compactMap(\.description).dropFirst().joined(separator: "; "))
        say("")
    }

    private func crashingRequest() throws {
        say("2. A request to a crashing child fails; the next one is served by the restarted child.")
        let root = try supervisor("app", .oneForOne, maxRestarts: 3, children: [try actor("worker", "trapper")])
        let (session, tree) = try start(root)
        defer { session.shutdown() }
        let worker = try session.id(tree, "worker")
        let crashing = try session.system.submitRequest(to: worker, Array("trap".utf8))
        let next = try session.system.submitRequest(to: worker, Array("count".utf8))
        session.settle()
        say("  request \"trap\": \(Session.show(crashing)); request \"count\": \(Session.show(next))")
        say("")
    }

    private func restForOne() throws {
        say("3. Rest-for-one. A pipeline of source, transform, sink: when transform crashes, the")
        say("   children started after it restart too (last started first stopped), source does not.")
        let pipeline = try supervisor(
            "pipeline", .restForOne, maxRestarts: 3,
            children: [
                try actor("source", "counter"), try actor("transform", "trapper"),
                try actor("sink", "counter", state: .initial),
            ])
        let (session, tree) = try start(pipeline)
        defer { session.shutdown() }
        for name in ["source", "sink"] { try session.system.send(to: try session.id(tree, name), Array("x".utf8)) }
        try session.system.send(to: try session.id(tree, "transform"), Array("trap".utf8))
        session.settle()
        for event in tree.events(ofSupervisor: "") where ["stop", "restart"].contains(event.eventType) {
            say("  \(event.description ?? "")")
        }
        say("  source still counts \(session.count(try session.id(tree, "source"))); sink restarted from its initial"
            + " state and counts \(session.count(try session.id(tree, "sink")))")
        say("")
    }

    private func fuelLimit() throws {
        say("4. A handler that never returns. The spinner loops forever on any message; its manifest")
        say("   allows 200,000 fuel per message, so the runtime cuts it off and its supervisor restarts it.")
        let root = try supervisor(
            "app", .oneForOne, maxRestarts: 3,
            children: [try actor("spinner", "spinner", limits: "fuel_per_message = 200_000")])
        let (session, tree) = try start(root)
        defer { session.shutdown() }
        let spinner = try session.id(tree, "spinner")
        try session.system.send(to: spinner, Array("spin".utf8))
        let reply = try session.system.submitRequest(to: spinner, Array("still here?".utf8))
        session.settle()
        let crash = tree.events(ofSupervisor: "").first { $0.eventType == "crash" }?.description ?? "?"
        say("  \(crash)")
        say("  then a request to it: \(Session.show(reply))")
        say("")
    }

    private func escalation() throws {
        say("5. Escalation. A team supervisor allows no restart (max_restarts = 0): when its worker")
        say("   crashes it gives up, stopping its children, and its parent restarts the whole team.")
        let team = try supervisor(
            "team", .oneForOne, maxRestarts: 0, children: [try actor("worker", "trapper"), try actor("helper", "counter")])
        let root = try supervisor("app", .oneForOne, maxRestarts: 3, children: [child(team)])
        let (session, tree) = try start(root)
        defer { session.shutdown() }
        try session.system.send(to: try session.id(tree, "team/helper"), Array("x".utf8))
        try session.system.send(to: try session.id(tree, "team/worker"), Array("trap".utf8))
        session.settle()
        for event in tree.events(ofSupervisor: "team") where event.eventType == "escalation" {
            say("  team: \(event.description ?? "")")
        }
        for event in tree.events(ofSupervisor: "") where ["crash", "restart"].contains(event.eventType) {
            say("  app: \(event.description ?? "")")
        }
        say("  team/helper kept its last good count: \(session.count(try session.id(tree, "team/helper")))")
        say("")
    }

    private func rootGivesUp() throws {
        say("6. The root gives up. With max_restarts = 2, a third crash within the period is one too")
        say("   many: the root stops every actor and reports the chain of causes.")
        let root = try supervisor("app", .oneForOne, maxRestarts: 2, children: [try actor("worker", "trapper")])
        let (session, tree) = try start(root)
        defer { session.shutdown() }
        let worker = try session.id(tree, "worker")
        for _ in 0..<3 {
            try session.system.send(to: worker, Array("trap".utf8))
            session.settle()
        }
        say("  " + (tree.failure?.description ?? "the root did not fail").split(separator: "\n").joined(separator: "\n  "))
    }
}

/// One demo part's system.
private final class Session {
    let system: ActorSystem

    init(workers: Int?) {
        var configuration = workers == 0 ? ActorSystemConfiguration.deterministic : ActorSystemConfiguration()
        if let workers, workers > 0 { configuration.workerCount = workers }
        configuration.hostInterfaceExtensions.append(SupervisorHostInterface())
        system = ActorSystem(configuration: configuration)
    }

    func settle() {
        if system.configuration.isDeterministic {
            _ = try? system.runUntilQuiescent()
        } else {
            system.waitUntilQuiescent()
        }
    }

    func shutdown() { system.shutdown() }

    func id(_ tree: SupervisionTree, _ path: String) throws(CommandLineError) -> ActorID {
        guard let id = tree.actorID(of: path) else { throw .failure("no actor \(path) in the tree") }
        return id
    }

    /// A counting actor's count.
    func count(_ id: ActorID) -> String {
        ActorText.littleEndianNumber((try? system.state(of: id)) ?? nil).map(String.init) ?? "?"
    }

    static func show(_ reply: PendingReply) -> String {
        switch reply.result {
        case .success(let bytes)?: "replied \(ActorText.show(bytes))"
        case .failure(let error)?: "failed (\(error))"
        case nil: "no reply yet"
        }
    }
}
