import ActorSystem

/// When a child that stopped is started again (`restart` in a `[[child]]`).
public typealias RestartType = SupervisorManifest.RestartPolicy

/// Which state a restarted child begins from (`state` in a `[[child]]`).
public typealias RestartStateSource = SupervisorManifest.RestartState

/// One child of a supervisor, as plain data: what to start, and how to treat its ends.
///
/// The counterpart of an Erlang/OTP child spec. Defaults match a `[[child]]` without the
/// optional keys: restarted always, from its last good state, at once.
///
/// ```swift
/// let worker = ChildSpecification(name: "worker", manifest: "worker/manifest.toml",
///                                 restart: .transient, backoff: RestartBackoff(initialMilliseconds: 100,
///                                                                              maximumMilliseconds: 2000))
/// ```
public struct ChildSpecification: Sendable, Hashable {
    /// Unique among the supervisor's children; also the name the child runs under.
    public var name: String
    /// The child's manifest: a path (already resolved against the supervisor's manifest)
    /// or inline TOML text.
    public var manifest: String
    public var restart: RestartType
    public var state: RestartStateSource
    public var backoff: RestartBackoff

    public init(
        name: String, manifest: String, restart: RestartType = .permanent, state: RestartStateSource = .lastGood,
        backoff: RestartBackoff = .immediate
    ) {
        self.name = name
        self.manifest = manifest
        self.restart = restart
        self.state = state
        self.backoff = backoff
    }

    /// The specification a manifest's `[[child]]` entry describes.
    public init(_ child: SupervisorManifest.Child) {
        self.init(
            name: child.name, manifest: child.manifestPath, restart: child.restart, state: child.state,
            backoff: RestartBackoff(
                initialMilliseconds: child.backoffMilliseconds, maximumMilliseconds: child.backoffMaxMilliseconds))
    }
}

extension SupervisorManifest.RestartPolicy {
    /// Whether a child with this restart type is started again after `exit`.
    ///
    /// Permanent children always come back; transient ones only after a crash (an exit
    /// of their own accord, or a stop from outside, is final); temporary ones never.
    public func warrantsRestart(after exit: ChildExit) -> Bool {
        switch self {
        case .permanent: true
        case .transient: exit.isCrash
        case .temporary: false
        }
    }
}
