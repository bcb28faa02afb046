/// The restart intensity window: the times of a supervisor's recent restarts, and whether
/// one more is too many.
///
/// A restart counts for `periodMilliseconds` after it happened. Recording a restart that
/// brings the count within the window above `maxRestarts` reports the intensity exceeded:
/// the supervisor's children keep failing faster than restarting can help.
public struct RestartIntensity: Sendable, Hashable {
    public let maxRestarts: Int
    public let periodMilliseconds: UInt64
    /// Times of the restarts still in the window, oldest first.
    public private(set) var restartTimes: [UInt64] = []

    public init(maxRestarts: Int, periodMilliseconds: UInt64) {
        self.maxRestarts = max(0, maxRestarts)
        self.periodMilliseconds = periodMilliseconds
    }

    public init(_ flags: SupervisorFlags) {
        self.init(maxRestarts: flags.maxRestarts, periodMilliseconds: flags.periodMilliseconds)
    }

    /// Records a restart at `now` and tells whether the window now holds more than
    /// `maxRestarts` restarts.
    public mutating func recordRestart(at now: UInt64) -> Bool {
        forgetRestarts(before: now)
        restartTimes.append(now)
        return restartTimes.count > maxRestarts
    }

    /// The restarts within the window ending at `now`.
    public func restartCount(at now: UInt64) -> Int {
        restartTimes.count { isInWindow($0, now: now) }
    }

    private mutating func forgetRestarts(before now: UInt64) {
        let period = periodMilliseconds
        restartTimes.removeAll { !Self.isInWindow($0, now: now, period: period) }
    }

    private func isInWindow(_ time: UInt64, now: UInt64) -> Bool {
        Self.isInWindow(time, now: now, period: periodMilliseconds)
    }

    /// A restart at `time` counts until `period` milliseconds have passed. A time after
    /// `now` (a clock that went back) counts, rather than being lost.
    private static func isInWindow(_ time: UInt64, now: UInt64, period: UInt64) -> Bool {
        guard now > time else { return true }
        return now - time < period
    }
}
