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

/// Runs `body` and returns how long it took, in seconds.
func measureSeconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let elapsed = clock.now - start
    let (seconds, attoseconds) = elapsed.components
    return Double(seconds) + Double(attoseconds) * 1e-18
}
