import ActorSystem
import Supervision

/// What one manifest on a `theater run` command line started.
enum StartedManifest: Sendable {
    /// An actor (its manifest has no `[supervisor]`).
    case actor(ActorID)
    /// A supervision tree (a supervisor manifest); its actors run under their paths in the
    /// tree (`counter`, `workers/w1`), which is how `--send` and `--request` name them.
    case tree(SupervisionTree)
}

/// `theater run` on supervision trees.
extension ActorSession {
    /// Starts what the manifest at `path` describes: a supervision tree for a supervisor
    /// manifest, else one actor.
    func start(manifestAt path: String) throws(CommandLineError) {
        let manifest: ActorManifest
        do {
            manifest = try ActorManifest.load(path: path)
        } catch {
            throw .failure(ActorSystemError.invalidManifest(error.description).description)
        }
        guard manifest.isSupervisor else {
            do {
                let id = try system.spawn(ActorDefinition(manifest: manifest))
                started.withLock { $0.append(.actor(id)) }
            } catch {
                throw .failure(error.description)
            }
            return
        }
        let output = output
        do {
            let tree = try SupervisionTree.start(manifestAt: path, in: system) { failure in
                output.printError("\(failure)")
            }
            started.withLock { $0.append(.tree(tree)) }
        } catch {
            throw .failure(error.description)
        }
    }

    /// Every actor started, in order: a tree's as they are now (restarts keep ids, but an
    /// actor stopped from outside comes back with a new one).
    var startedActors: [ActorID] {
        started.withLock { $0 }.flatMap { entry -> [ActorID] in
            switch entry {
            case .actor(let id): [id]
            case .tree(let tree): ([tree.actorID(of: "")] + tree.actorPaths.map { tree.actorID(of: $0) }).compactMap { $0 }
            }
        }
    }

    /// The started actors, then those the actors spawned (in id order), leaving out
    /// earlier instances of started actors (same name).
    var everyActor: [ActorID] {
        let started = startedActors
        let startedNames = Set(started.map { displayName($0) })
        let others = system.actorIDs.filter { !started.contains($0) && !startedNames.contains(displayName($0)) }
        return started + others
    }

    var trees: [SupervisionTree] {
        started.withLock { $0 }.compactMap { entry in
            if case .tree(let tree) = entry { return tree }
            return nil
        }
    }

    /// Whether a tree's root supervisor gave up.
    var hasFailedTree: Bool { trees.contains { $0.failure != nil } }

    /// One line per tree: running, stopped, or failed (and why, root first).
    func printSupervisionSummary() {
        for tree in trees {
            let name = tree.specification.manifest.name
            let restarts = tree.restartCount
            if let failure = tree.failure {
                output.printLine("supervisor \(name) (failed): \(failure.causes.map(\.description).joined(separator: "; "))")
            } else {
                output.printLine("supervisor \(name) (\(tree.isStopped ? "stopped" : "running")): \(restarts) restarts")
            }
        }
    }

    /// The host supervisors' own chains, as JSON lines.
    func printSupervisorEvents() {
        for tree in trees {
            for event in tree.events(ofSupervisor: "") {
                output.printLine(event.jsonLine(actor: "supervisor " + tree.specification.manifest.name))
            }
        }
    }
}

/// A weak reference to the system, for its own hooks (which it holds).
final class WeakSystem: Sendable {
    weak let system: ActorSystem?
    init(_ system: ActorSystem) { self.system = system }
}
