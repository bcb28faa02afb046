/// The outcome of running one spec script: how many of its commands passed, failed or were
/// skipped, and why each failure failed.
public struct SpecFileResult: Sendable {
    /// The script's name, e.g. `i32` for `i32/i32.json`.
    public var name: String
    public var passed = 0
    public var failed = 0
    public var skipped = 0
    /// One entry per failed command: `line N: COMMAND: reason`.
    public var failures: [String] = []

    public init(name: String) { self.name = name }

    /// `NAME: P passed, F failed, S skipped`.
    public var summary: String { "\(name): \(passed) passed, \(failed) failed, \(skipped) skipped" }
}
