/// The `[supervisor]` table and `[[child]]` entries of a manifest: how a supervisor
/// restarts its children, and which children it starts (in list order).
///
/// ```toml
/// [supervisor]
/// strategy = "one-for-one"   # or "one-for-all", "rest-for-one"
/// max_restarts = 3           # restarts allowed within period_ms before the supervisor gives up
/// period_ms = 5000
///
/// [[child]]
/// name = "counter"
/// manifest = "counter/manifest.toml"   # relative to this manifest
/// restart = "permanent"                # or "transient", "temporary"
/// state = "last-good"                  # or "initial"
/// backoff_ms = 100                     # first restart delay
/// backoff_max_ms = 2000                # delays double up to this
/// ```
public struct SupervisorManifest: Sendable, Equatable {
    /// Which children restart when one fails (Erlang/OTP's strategies).
    public enum Strategy: String, Sendable, CaseIterable {
        /// Only the failed child.
        case oneForOne = "one-for-one"
        /// Every child.
        case oneForAll = "one-for-all"
        /// The failed child and the children listed after it.
        case restForOne = "rest-for-one"
    }

    /// When a child that stopped is started again.
    public enum RestartPolicy: String, Sendable, CaseIterable {
        /// Always.
        case permanent
        /// Only when it failed (trapped, ran out of fuel...), not when it shut down normally.
        case transient
        /// Never.
        case temporary
    }

    /// Which state a restarted child begins from.
    public enum RestartState: String, Sendable, CaseIterable {
        /// The state after the last message it handled successfully.
        case lastGood = "last-good"
        /// Its manifest's `init_state`, as on first start.
        case initial
    }

    /// One `[[child]]`.
    public struct Child: Sendable, Equatable {
        public var name: String
        /// The child's manifest path as written.
        public var manifest: String
        /// `manifest` resolved against the supervisor manifest's directory.
        public var manifestPath: String
        public var restart: RestartPolicy
        public var state: RestartState
        /// Delay before the first restart.
        public var backoffMilliseconds: UInt64
        /// Ceiling for the delay, which doubles with each consecutive restart;
        /// equal to `backoffMilliseconds` (a constant delay) unless given.
        public var backoffMaxMilliseconds: UInt64
        /// Where the `[[child]]` header is.
        public var position: TOMLPosition

        public init(
            name: String, manifest: String, manifestPath: String? = nil, restart: RestartPolicy = .permanent,
            state: RestartState = .lastGood, backoffMilliseconds: UInt64 = 0, backoffMaxMilliseconds: UInt64? = nil,
            position: TOMLPosition = .start
        ) {
            self.name = name
            self.manifest = manifest
            self.manifestPath = manifestPath ?? manifest
            self.restart = restart
            self.state = state
            self.backoffMilliseconds = backoffMilliseconds
            self.backoffMaxMilliseconds = max(backoffMilliseconds, backoffMaxMilliseconds ?? backoffMilliseconds)
            self.position = position
        }
    }

    public var strategy: Strategy
    /// Restarts allowed within `periodMilliseconds`; one more and the supervisor fails
    /// itself (escalates). Zero means any failure escalates.
    public var maxRestarts: Int
    public var periodMilliseconds: UInt64
    public var children: [Child]
    /// Where the `[supervisor]` header is.
    public var position: TOMLPosition

    public static let defaultMaxRestarts = 3
    public static let defaultPeriodMilliseconds: UInt64 = 5000

    public init(
        strategy: Strategy = .oneForOne, maxRestarts: Int = defaultMaxRestarts,
        periodMilliseconds: UInt64 = defaultPeriodMilliseconds, children: [Child] = [],
        position: TOMLPosition = .start
    ) {
        self.strategy = strategy
        self.maxRestarts = maxRestarts
        self.periodMilliseconds = periodMilliseconds
        self.children = children
        self.position = position
    }
}
