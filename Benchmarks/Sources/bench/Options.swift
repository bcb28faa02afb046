/// Command-line options: `bench [--quick] [--rounds N] [NAME...]`.
struct Options {
    /// Smaller sizes and fewer rounds, to check that everything runs.
    var quick = false
    /// Timed rounds per benchmark (after one warm-up call per engine).
    var rounds = 5
    /// Substrings of benchmark names to run (`translation` selects the large-module
    /// measurement); empty runs everything.
    var filters: [String] = []

    static let usage = """
        usage: bench [--quick] [--rounds N] [NAME...]
          Runs each benchmark on our interpreter and on WasmKit, alternating, and prints medians.
          NAME selects benchmarks whose name contains it (e.g. fib, sort, translation).
        """

    init(arguments: [String]) throws {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--quick":
                quick = true
                rounds = 3
            case "--rounds":
                guard let text = remaining.popFirst(), let value = Int(text), value > 0 else {
                    throw BenchmarkError("--rounds needs a positive number\n\(Options.usage)")
                }
                rounds = value
            case "-h", "--help":
                throw BenchmarkError(Options.usage)
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
