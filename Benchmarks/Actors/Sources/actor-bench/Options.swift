/// The command line of `actor-bench`.
struct Options {
    /// Smaller counts, to check in seconds that everything runs.
    var quick = false
    /// Rounds of each measurement; the tables show the median.
    var rounds = 3
    /// Worker threads in worker mode (the system's default: one per processor).
    var workers: Int?
    /// The largest actor population; 100,000 by default.
    var maxActors = 100_000
    /// Populations whose projected resident memory exceeds this are skipped.
    var memoryBudgetBytes = 6 << 30
    /// Messages per throughput measurement, requests per round-trip measurement
    /// (default 1,000,000 and 100,000; 20,000 and 2,000 with `--quick`).
    var messages: Int?
    var requests: Int?
    /// Only this mode or these events (default: both of each).
    var modes = Mode.allCases
    var events = Events.allCases
    /// Benchmarks to run, by substring of their names; empty: all.
    var selections: [String] = []
    var showsHelp = false

    static let usage = """
        usage: actor-bench [--quick] [--rounds N] [--workers N] [--max-actors N] [--memory-budget-mib N]
                           [--messages N] [--requests N] [--mode deterministic|workers] [--events on|off] [NAME...]
          NAME selects benchmarks by substring: spawn, one-way, many, ping-pong, request, guest-request, restart
        """

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    init(arguments: [String]) throws {
        var remaining = arguments[...]
        func number(after flag: String) throws -> Int {
            guard let text = remaining.popFirst(), let value = Int(text), value > 0 else {
                throw UsageError(description: "\(flag) needs a positive number\n\(Self.usage)")
            }
            return value
        }
        while let argument = remaining.popFirst() {
            switch argument {
            case "--quick": quick = true
            case "--rounds": rounds = try number(after: argument)
            case "--workers": workers = try number(after: argument)
            case "--max-actors": maxActors = try number(after: argument)
            case "--memory-budget-mib": memoryBudgetBytes = try number(after: argument) << 20
            case "--messages": messages = try number(after: argument)
            case "--requests": requests = try number(after: argument)
            case "--mode":
                guard let mode = remaining.popFirst().flatMap(Mode.init(rawValue:)) else {
                    throw UsageError(description: "--mode needs deterministic or workers\n\(Self.usage)")
                }
                modes = [mode]
            case "--events":
                guard let choice = remaining.popFirst().flatMap(Events.init(rawValue:)) else {
                    throw UsageError(description: "--events needs on or off\n\(Self.usage)")
                }
                events = [choice]
            case "--help", "-h": showsHelp = true
            default:
                guard !argument.hasPrefix("-") else { throw UsageError(description: "unknown option \(argument)\n\(Self.usage)") }
                selections.append(argument)
            }
        }
    }

    func selects(_ name: String) -> Bool {
        selections.isEmpty || selections.contains { name.contains($0) }
    }

    /// 1, 1,000, 10,000 and 100,000 actors (fewer with `--max-actors`).
    var populations: [Int] {
        [1, 1_000, 10_000, 100_000].filter { $0 <= maxActors }
    }
}
