import Foundation

/// Small statistics over timings.
enum Statistics {
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func geometricMean(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let logSum = values.reduce(0.0) { $0 + log($1) }
        return exp(logSum / Double(values.count))
    }
}

/// Which clock timings use.
enum TimingClock {
    /// CPU time of the calling thread: robust when other processes share the cores (the
    /// default; every engine runs on the calling thread).
    case threadCPU
    /// Elapsed wall-clock time.
    case wall

    /// Current reading, in seconds.
    func now() -> Double {
        var time = timespec()
        clock_gettime(self == .threadCPU ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}

/// Runs `body` and returns how long it took on `clock`, in seconds.
func measureSeconds(on clock: TimingClock, _ body: () throws -> Void) rethrows -> Double {
    let start = clock.now()
    try body()
    return clock.now() - start
}
