/// The measured times of one benchmark, in seconds, by engine.
struct ExecutionMeasurement {
    var benchmark: Benchmark
    var argument: UInt32
    var result: [ResultValue]
    var ours: Double
    var wasmKit: Double
    var oursWithoutFuel: Double
    var oursFuel: UInt64?
    var wasmKitFuel: UInt64?

    var ratio: Double { ours / wasmKit }
    var fuelOverhead: Double { ours / oursWithoutFuel }
}

/// Runs one benchmark on all engines: one warm-up call each (which also translates), then
/// `rounds` timed rounds. The engines take turns, each round starting with the next one, so
/// drifting machine load spreads evenly over them.
func measureExecution(of benchmark: Benchmark, options: Options) throws -> ExecutionMeasurement {
    let bytes = try ModuleFiles.bytes(of: benchmark.module)
    let argument = options.quick ? benchmark.quickArgument : benchmark.argument
    let runners: [any EngineRunner] = [
        try WasmInterpRunner(bytes: bytes, export: benchmark.export, fuelMetering: true),
        try WasmKitRunner(bytes: bytes, export: benchmark.export),
        try WasmInterpRunner(bytes: bytes, export: benchmark.export, fuelMetering: false),
    ]

    let warmUp = try runners.map { try $0.call(argument) }
    let expected = warmUp[1].results
    for (runner, outcome) in zip(runners, warmUp) where outcome.results != expected {
        throw BenchmarkError(
            "\(benchmark.name)(\(argument)): \(runner.label) returned \(outcome.results), WasmKit \(expected)")
    }

    let described = expected.map(\.description).joined(separator: ", ")
    if argument == benchmark.argument, described != benchmark.expected {
        throw BenchmarkError(
            "\(benchmark.name)(\(argument)): both engines returned \(described), wasmtime \(benchmark.expected)")
    }

    var times = Array(repeating: [Double](), count: runners.count)
    for round in 0..<options.rounds {
        for turn in 0..<runners.count {
            let index = (round + turn) % runners.count
            var outcome: CallOutcome?
            let seconds = try measureSeconds(on: options.clock) { outcome = try runners[index].call(argument) }
            guard outcome?.results == expected else {
                throw BenchmarkError(
                    "\(benchmark.name)(\(argument)): \(runners[index].label) returned \(outcome?.results ?? []) in round \(round), WasmKit \(expected)")
            }
            times[index].append(seconds)
        }
    }
    return ExecutionMeasurement(
        benchmark: benchmark, argument: argument, result: expected,
        ours: Statistics.median(times[0]), wasmKit: Statistics.median(times[1]),
        oursWithoutFuel: Statistics.median(times[2]),
        oursFuel: warmUp[0].fuelConsumed, wasmKitFuel: warmUp[1].fuelConsumed)
}
