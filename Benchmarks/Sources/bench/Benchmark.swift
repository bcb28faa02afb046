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
    /// The result for `argument`, as wasmtime computes it (a third engine, so a bug that both
    /// compared engines share still shows).
    var expected: String
    var group = Group.scalar

    enum Group {
        /// Summarized together: the main comparison.
        case scalar
        /// Built with 128-bit SIMD; summarized apart, as the two engines' SIMD support differs
        /// far more than their scalar execution.
        case simd(scalarBaseline: String)
        /// The same kernel as a SIMD benchmark in scalar code, with the same argument and
        /// result: shows what SIMD gains on each engine.
        case simdBaseline
    }
}

extension Benchmark {
    static let all: [Benchmark] = [
        Benchmark(name: "fib", module: "fib", argument: 35, quickArgument: 27,
            expected: "i32 9227465"),
        Benchmark(name: "sieve", module: "sieve", argument: 20, quickArgument: 3,
            expected: "i32 1569960"),
        Benchmark(name: "quicksort", module: "sort", export: "quicksort", argument: 1_000_000, quickArgument: 100_000,
            expected: "i32 -1321267826"),
        Benchmark(name: "heapsort", module: "sort", export: "heapsort", argument: 1_000_000, quickArgument: 50_000,
            expected: "i32 -29859312"),
        Benchmark(name: "matmul", module: "matmul", argument: 400, quickArgument: 80,
            expected: "f64 -225807.8878159594"),
        Benchmark(name: "nbody", module: "nbody", argument: 500_000, quickArgument: 50_000,
            expected: "f64 -0.17018201518469137"),
        Benchmark(name: "sha256", module: "sha256", argument: 100_000, quickArgument: 10_000,
            expected: "i32 -1168522265"),
        Benchmark(name: "memops", module: "memops", argument: 50_000, quickArgument: 500,
            expected: "i32 -1611916327"),
        Benchmark(name: "coremark", module: "coremark", argument: 1_000, quickArgument: 50,
            expected: "i32 18089"),
        Benchmark(name: "simd-blur", module: "simd", export: "blur", argument: 4, quickArgument: 1,
            expected: "i32 2905367", group: .simd(scalarBaseline: "scalar-blur")),
        Benchmark(name: "simd-dot", module: "simd", export: "dot", argument: 800, quickArgument: 100,
            expected: "f64 541376.5173950195", group: .simd(scalarBaseline: "scalar-dot")),
        Benchmark(name: "scalar-blur", module: "simd_scalar", export: "blur", argument: 4, quickArgument: 1,
            expected: "i32 2905367", group: .simdBaseline),
        Benchmark(name: "scalar-dot", module: "simd_scalar", export: "dot", argument: 800, quickArgument: 100,
            expected: "f64 541376.5173950195", group: .simdBaseline),
    ]

    /// The module whose decoding, validation and translation is measured.
    static let largeModule = "large"
    /// Its `run(0)` result, as wasmtime computes it.
    static let largeModuleExpected = "i32 488849874"
}
