import ActorSystem
import ComponentModel

/// The `supervisor` interface's functions, as the tree answers them (see
/// `SupervisorHostInterface`): WIT values in, WIT values out.
extension SupervisionTree {
    func spawnChild(of supervisor: ActorID, manifest: String, initialState: [UInt8]?) -> ComponentValue {
        answer { supervision throws(SupervisionError) in
            .string(try supervision.spawnChild(of: supervisor, manifest: manifest, initialState: initialState).rawValue)
        }
    }

    func childIDs(of supervisor: ActorID) -> [ActorID] {
        read { $0.childIDs(of: supervisor) } ?? []
    }

    func stopChild(_ id: ActorID, of supervisor: ActorID) -> ComponentValue {
        answer { supervision throws(SupervisionError) in
            try supervision.stopChild(id, of: supervisor)
            return nil
        }
    }

    func restartChild(_ id: ActorID, of supervisor: ActorID) -> ComponentValue {
        answer { supervision throws(SupervisionError) in
            try supervision.restartChild(id, of: supervisor)
            return nil
        }
    }

    func childState(_ id: ActorID, of supervisor: ActorID) -> ComponentValue {
        guard read({ $0.isChild(id, of: supervisor) }) == true, let system else { return notAChild(id) }
        do {
            return .ok(.option(try system.state(of: id).map { .bytes($0) }))
        } catch {
            return .error(.string(error.description))
        }
    }

    func childEvents(_ id: ActorID, of supervisor: ActorID) -> ComponentValue {
        guard read({ $0.isChild(id, of: supervisor) }) == true, let system else { return notAChild(id) }
        do {
            return .ok(.list(try system.events(of: id).map { $0.componentValue() }))
        } catch {
            return .error(.string(error.description))
        }
    }

    private func notAChild(_ id: ActorID) -> ComponentValue {
        .error(.string(SupervisionError.unknownChild(id.rawValue).description))
    }

    /// Runs `request` on the tree; its result as `ok`, its error as `err`.
    private func answer(
        _ request: (inout TreeSupervision) throws(SupervisionError) -> ComponentValue?
    ) -> ComponentValue {
        var outcome: Result<ComponentValue?, SupervisionError> = .failure(.treeStopped)
        change { supervision in
            do throws(SupervisionError) {
                outcome = .success(try request(&supervision))
            } catch {
                outcome = .failure(error)
            }
        }
        switch outcome {
        case .success(let value): return .ok(value)
        case .failure(let error): return .error(.string(error.description))
        }
    }
}
