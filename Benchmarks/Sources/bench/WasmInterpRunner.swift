import WasmInterp

/// Runs a benchmark on our interpreter, only through its public API.
final class WasmInterpRunner: EngineRunner {
    let label: String
    private let store: Store
    private let function: Function
    private let fuelMetering: Bool

    init(bytes: [UInt8], export: String, fuelMetering: Bool) throws {
        label = fuelMetering ? "ours" : "ours (fuel off)"
        self.fuelMetering = fuelMetering
        var configuration = StoreConfiguration()
        configuration.fuelMetering = fuelMetering
        store = Store(configuration: configuration)
        let instance = try store.instantiate(Module(bytes: bytes))
        guard let function = instance.exportedFunction(export) else {
            throw BenchmarkError("ours: no exported function \(export)")
        }
        self.function = function
    }

    func call(_ argument: UInt32) throws -> CallOutcome {
        let execution = try Execution(store: store, function: function, arguments: [.i32(argument)])
        switch execution.run(fuel: unlimitedFuelBudget) {
        case .returned(let values):
            let consumed = fuelMetering ? unlimitedFuelBudget &- execution.remainingFuel : nil
            return CallOutcome(results: values.map(Self.resultValue), fuelConsumed: consumed)
        case .trapped(let trap):
            throw BenchmarkError("ours: trap: \(trap)")
        case .outOfFuel:
            throw BenchmarkError("ours: out of fuel")
        case .suspended:
            throw BenchmarkError("ours: suspended")
        }
    }

    private static func resultValue(_ value: Value) -> ResultValue {
        switch value {
        case .i32(let bits): return ResultValue(kind: .i32, bits: UInt64(bits))
        case .i64(let bits): return ResultValue(kind: .i64, bits: bits)
        case .f32(let bits): return ResultValue(kind: .f32, bits: UInt64(bits))
        case .f64(let bits): return ResultValue(kind: .f64, bits: bits)
        case .v128, .ref: return ResultValue(kind: .other, bits: 0)
        }
    }
}

/// Decoding, validation, instantiation and translation on our interpreter.
enum WasmInterpLoading {
    /// Decodes, validates and instantiates; translation is lazy (a function's first call).
    static func instantiate(_ bytes: [UInt8]) throws -> ModuleInstance {
        let store = Store(configuration: StoreConfiguration())
        return try store.instantiate(Module(bytes: bytes))
    }

    /// Decodes, validates, instantiates and translates every function before returning.
    static func instantiateEagerly(_ bytes: [UInt8]) throws {
        try instantiate(bytes).translateAllFunctions()
    }

    /// Instantiates and calls `export(argument)` once, which translates every function it reaches.
    static func instantiateAndCall(_ bytes: [UInt8], export: String, argument: UInt32) throws {
        let instance = try instantiate(bytes)
        _ = try instance.invoke(export, [.i32(argument)], fuel: unlimitedFuelBudget)
    }
}
