import ActorSystem

/// Which children restart when one fails (`strategy` in `[supervisor]`).
public typealias RestartStrategy = SupervisorManifest.Strategy

/// How a supervisor reacts to failures, as plain data: its strategy and its restart
/// intensity (Erlang/OTP's `#{strategy, intensity, period}`).
public struct SupervisorFlags: Sendable, Hashable {
    public var strategy: RestartStrategy
    /// Restarts allowed within `periodMilliseconds`; one more and the supervisor gives up
    /// (stops its children and fails). Zero: the first restart already fails it.
    public var maxRestarts: Int
    public var periodMilliseconds: UInt64

    public init(
        strategy: RestartStrategy = .oneForOne, maxRestarts: Int = SupervisorManifest.defaultMaxRestarts,
        periodMilliseconds: UInt64 = SupervisorManifest.defaultPeriodMilliseconds
    ) {
        self.strategy = strategy
        self.maxRestarts = max(0, maxRestarts)
        self.periodMilliseconds = periodMilliseconds
    }

    /// The flags of a manifest's `[supervisor]` table.
    public init(_ manifest: SupervisorManifest) {
        self.init(
            strategy: manifest.strategy, maxRestarts: manifest.maxRestarts,
            periodMilliseconds: manifest.periodMilliseconds)
    }
}

extension SupervisorManifest.Strategy {
    /// The positions (in start order) of the children that restart when the child at
    /// `failedPosition` of `childCount` fails: only it (one-for-one), all of them
    /// (one-for-all), or it and every child started after it (rest-for-one).
    public func affectedPositions(failedPosition: Int, childCount: Int) -> Range<Int> {
        guard failedPosition >= 0, failedPosition < childCount else { return 0..<0 }
        switch self {
        case .oneForOne: return failedPosition..<(failedPosition + 1)
        case .oneForAll: return 0..<childCount
        case .restForOne: return failedPosition..<childCount
        }
    }
}
