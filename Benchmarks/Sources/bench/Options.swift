/// Command-line options: `bench [--quick] [--rounds N] [--wall-clock] [NAME...]`.
struct Options {
    /// Smaller sizes and fewer rounds, to check that everything runs.
    var quick = false
    /// Timed rounds per benchmark (after one warm-up call per engine).
    var rounds = 5
    /// CPU time of the benchmark thread unless `--wall-clock`.
    var clock = TimingClock.threadCPU
    /// Substrings of benchmark names to run (`translation` selects the large-module
    /// measurement); empty runs everything.
    var filters: [String] = []
    /// `-h`/`--help`: print the usage and run nothing.
    var showsHelp = false
    /// `--only ENGINE`: one untimed call of each selected benchmark on that engine alone
    /// (`ours`, `ours-nofuel` or `wasmkit`), for running under a profiler such as callgrind.
    var onlyEngine: String?

    static let usage = """
        usage: bench [--quick] [--rounds N] [--wall-clock] [--only ENGINE] [NAME...]
          Runs each benchmark on our interpreter and on WasmKit, alternating, and prints medians.
          --quick       smaller sizes and 3 rounds, to check that everything runs
          --rounds N    timed rounds per benchmark (default 5)
          --wall-clock  time elapsed wall-clock time instead of the thread's CPU time
          --only ENGINE one untimed call per benchmark on ENGINE alone (ours, ours-nofuel,
                        wasmkit): for profilers, e.g. valgrind --tool=callgrind
          NAME          run only benchmarks whose name contains it (e.g. fib, sort, translation)
        """

    init(arguments: [String]) throws {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--quick":
                quick = true
                rounds = 3
            case "--wall-clock":
                clock = .wall
            case "--rounds":
                guard let text = remaining.popFirst(), let value = Int(text), value > 0 else {
                    throw BenchmarkError("--rounds needs a positive number\n\(Options.usage)")
                }
                rounds = value
            case "--only":
                guard let engine = remaining.popFirst(), ["ours", "ours-nofuel", "wasmkit"].contains(engine) else {
                    throw BenchmarkError("--only needs ours, ours-nofuel or wasmkit\n\(Options.usage)")
                }
                onlyEngine = engine
            case "-h", "--help":
                showsHelp = true
            default:
                guard !argument.hasPrefix("-") else { throw BenchmarkError("unknown option \(argument)\n\(Options.usage)") }
                filters.append(argument)
            }
        }
    }

    func selects(_ name: String) -> Bool {
        filters.isEmpty || filters.contains { name.contains($0) }
    }
}
