/// Load times of the large generated module, in seconds (medians).
struct TranslationMeasurement {
    var byteCount: Int
    /// Ours: decode + validate + instantiate (translation is lazy, so none of it).
    var oursInstantiate: Double
    /// Ours: decode + validate + instantiate + `translateAllFunctions()`.
    var oursEager: Double
    /// Ours: the same plus a first `run(0)`, which translates every function and runs each
    /// briefly.
    var oursFirstCall: Double
    /// Ours: a later `run(0)`, the execution part of `oursFirstCall`.
    var oursLaterCall: Double
    /// WasmKit, eager compilation: decode + validate + translate + instantiate.
    var wasmKitEager: Double
    /// WasmKit, lazy: decode + instantiate (bodies are validated when translated).
    var wasmKitInstantiate: Double
    /// WasmKit, lazy: the same plus a first `run(0)` (validates and translates every function).
    var wasmKitFirstCall: Double
    var wasmKitLaterCall: Double

    func megabytesPerSecond(_ seconds: Double) -> Double { Double(byteCount) / 1e6 / seconds }
}

/// Measures loading the large module: every step is repeated on a fresh store.
func measureTranslation(options: Options) throws -> TranslationMeasurement {
    let module = Benchmark.largeModule
    let bytes = try ModuleFiles.bytes(of: module)
    let repetitions = options.quick ? 2 : options.rounds
    func median(_ body: () throws -> Void) throws -> Double {
        try body()  // warm-up
        return Statistics.median(try (0..<repetitions).map { _ in try measureSeconds(on: options.clock, body) })
    }

    let oursRunner = try WasmInterpRunner(bytes: bytes, export: "run", fuelMetering: true)
    let wasmKitRunner = try WasmKitRunner(bytes: bytes, export: "run")
    let oursResult = try oursRunner.call(0).results
    let wasmKitResult = try wasmKitRunner.call(0).results
    guard oursResult == wasmKitResult else {
        throw BenchmarkError("\(module) run(0): ours returned \(oursResult), WasmKit \(wasmKitResult)")
    }
    let described = oursResult.map(\.description).joined(separator: ", ")
    guard described == Benchmark.largeModuleExpected else {
        throw BenchmarkError("\(module) run(0): both engines returned \(described), wasmtime \(Benchmark.largeModuleExpected)")
    }

    return TranslationMeasurement(
        byteCount: bytes.count,
        oursInstantiate: try median { _ = try WasmInterpLoading.instantiate(bytes) },
        oursEager: try median { try WasmInterpLoading.instantiateEagerly(bytes) },
        oursFirstCall: try median { try WasmInterpLoading.instantiateAndCall(bytes, export: "run", argument: 0) },
        oursLaterCall: try median { _ = try oursRunner.call(0) },
        wasmKitEager: try median { try WasmKitLoading.instantiateEagerly(bytes) },
        wasmKitInstantiate: try median { _ = try WasmKitLoading.instantiateLazily(bytes) },
        wasmKitFirstCall: try median { try WasmKitLoading.instantiateAndCall(bytes, export: "run", argument: 0) },
        wasmKitLaterCall: try median { _ = try wasmKitRunner.call(0) })
}
