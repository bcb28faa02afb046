import Foundation

// Compares our interpreter with WasmKit 0.4.2 on the modules in Benchmarks/wasm.
//   cd Benchmarks && swift run -c release bench [--quick] [--rounds N] [NAME...]

/// Writes a line to standard output at once (unbuffered), so progress shows when piped.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

func runBenchmarks() -> Int32 {
    let options: Options
    do {
        options = try Options(arguments: Array(CommandLine.arguments.dropFirst()))
    } catch {
        emit("\(error)")
        return 2
    }
    if options.showsHelp {
        emit(Options.usage)
        return 0
    }
    if let engine = options.onlyEngine {
        return runOnce(on: engine, options: options)
    }
    let clockName = options.clock == .threadCPU ? "thread CPU time" : "wall-clock time"
    var failed = false
    var measurements: [ExecutionMeasurement] = []
    let selected = Benchmark.all.filter { options.selects($0.name) }
    if !selected.isEmpty {
        emit("Execution, fuel metering on in both engines (median of \(options.rounds) rounds after a warm-up call; \(clockName))\n")
        emit(Report.executionHeader)
        for benchmark in selected {
            do {
                let measurement = try measureExecution(of: benchmark, options: options)
                measurements.append(measurement)
                emit(Report.executionRow(measurement))
            } catch {
                failed = true
                emit("| \(benchmark.name) | FAILED: \(error) |")
            }
        }
        emit(Report.summary(measurements))
        if let gain = Report.simdGain(measurements) { emit("\n" + gain) }
        emit("\nResults (identical on both engines):\n" + Report.results(measurements))
    }
    if options.selects("translation") {
        emit("\nTranslation throughput, fuel metering on (median of \(options.quick ? 2 : options.rounds), fresh store each; \(clockName))\n")
        do {
            emit(Report.translation(try measureTranslation(options: options)))
        } catch {
            failed = true
            emit("translation FAILED: \(error)")
        }
    }
    return failed ? 1 : 0
}

/// `--only ENGINE`: one call of each selected benchmark on one engine, its result printed.
func runOnce(on engine: String, options: Options) -> Int32 {
    for benchmark in Benchmark.all where options.selects(benchmark.name) {
        do {
            let bytes = try ModuleFiles.bytes(of: benchmark.module)
            let runner: any EngineRunner = switch engine {
            case "wasmkit": try WasmKitRunner(bytes: bytes, export: benchmark.export)
            default: try WasmInterpRunner(bytes: bytes, export: benchmark.export, fuelMetering: engine == "ours")
            }
            let argument = options.quick ? benchmark.quickArgument : benchmark.argument
            let outcome = try runner.call(argument)
            emit("\(benchmark.name)(\(argument)) on \(runner.label): \(outcome.results.map(\.description).joined(separator: ", "))")
        } catch {
            emit("\(benchmark.name): FAILED: \(error)")
            return 1
        }
    }
    return 0
}

exit(runBenchmarks())
