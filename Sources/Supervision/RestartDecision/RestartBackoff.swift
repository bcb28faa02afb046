/// How long a supervisor waits before restarting a child: `initialMilliseconds` before the
/// first restart of a streak, doubling with each further consecutive restart, never more
/// than `maximumMilliseconds`.
///
/// ```swift
/// let backoff = RestartBackoff(initialMilliseconds: 100, maximumMilliseconds: 1000)
/// backoff.delay(beforeRestart: 1)   // 100
/// backoff.delay(beforeRestart: 4)   // 800
/// backoff.delay(beforeRestart: 5)   // 1000
/// ```
public struct RestartBackoff: Sendable, Hashable {
    public var initialMilliseconds: UInt64
    /// At least `initialMilliseconds`.
    public var maximumMilliseconds: UInt64

    /// A ceiling below the initial delay is raised to it (the delay never shrinks).
    public init(initialMilliseconds: UInt64, maximumMilliseconds: UInt64? = nil) {
        self.initialMilliseconds = initialMilliseconds
        self.maximumMilliseconds = max(initialMilliseconds, maximumMilliseconds ?? initialMilliseconds)
    }

    /// Restart at once, every time.
    public static let immediate = RestartBackoff(initialMilliseconds: 0)

    /// The delay before the `restartNumber`th consecutive restart (1 for the first; 0 is
    /// treated as 1).
    public func delay(beforeRestart restartNumber: Int) -> UInt64 {
        var delay = initialMilliseconds
        var doublings = max(0, restartNumber &- 1)
        // Stops at the ceiling, so the loop runs at most 64 times whatever the count.
        while doublings > 0, delay < maximumMilliseconds {
            let (doubled, overflow) = delay.multipliedReportingOverflow(by: 2)
            delay = overflow ? maximumMilliseconds : doubled
            doublings -= 1
        }
        return min(delay, maximumMilliseconds)
    }
}
