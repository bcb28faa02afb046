/// One benchmark: an exported function of a module in `Benchmarks/wasm`, called with one
/// size argument.
struct Benchmark {
    var name: String
    /// The module's file name in `Benchmarks/wasm`, without `.wasm`.
    var module: String
    var export: String = "run"
    /// Chosen so one call takes roughly 0.2–1 s on WasmKit in release.
    var argument: UInt32
    /// For `--quick`: a fraction of the work.
    var quickArgument: UInt32
}

extension Benchmark {
    static let all: [Benchmark] = [
        Benchmark(name: "fib", module: "fib", argument: 35, quickArgument: 27),
        Benchmark(name: "sieve", module: "sieve", argument: 20, quickArgument: 3),
        Benchmark(name: "quicksort", module: "sort", export: "quicksort", argument: 1_000_000, quickArgument: 100_000),
        Benchmark(name: "heapsort", module: "sort", export: "heapsort", argument: 1_000_000, quickArgument: 50_000),
        Benchmark(name: "matmul", module: "matmul", argument: 400, quickArgument: 80),
        Benchmark(name: "nbody", module: "nbody", argument: 500_000, quickArgument: 50_000),
        Benchmark(name: "sha256", module: "sha256", argument: 100_000, quickArgument: 10_000),
        Benchmark(name: "memops", module: "memops", argument: 50_000, quickArgument: 500),
        Benchmark(name: "coremark", module: "coremark", argument: 1_000, quickArgument: 50),
    ]

    /// The module whose decoding, validation and translation is measured.
    static let largeModule = "large"
}
