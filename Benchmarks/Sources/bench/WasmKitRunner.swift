import WasmKit

/// Runs a benchmark on WasmKit 0.4.2, with fuel metering on like ours.
final class WasmKitRunner: EngineRunner {
    let label = "WasmKit"
    private let store: Store
    private let function: Function

    init(bytes: [UInt8], export: String) throws {
        let engine = Engine(configuration: EngineConfiguration(fuelMetering: true))
        store = Store(engine: engine)
        let instance = try parseWasm(bytes: bytes).instantiate(store: store)
        guard let function = instance.exports[function: export] else {
            throw BenchmarkError("WasmKit: no exported function \(export)")
        }
        self.function = function
    }

    func call(_ argument: UInt32) throws -> CallOutcome {
        store.fuel = Fuel(remaining: unlimitedFuelBudget)
        let values: [Value]
        do {
            values = try function.invoke([.i32(argument)])
        } catch {
            throw BenchmarkError("WasmKit: \(error)")
        }
        let consumed = store.fuel.map { unlimitedFuelBudget &- $0.remaining }
        return CallOutcome(results: values.map(Self.resultValue), fuelConsumed: consumed)
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

/// Decoding, validation and translation on WasmKit.
enum WasmKitLoading {
    /// Parses and instantiates with eager compilation: every function is validated and
    /// translated before this returns.
    static func instantiateEagerly(_ bytes: [UInt8]) throws {
        let engine = Engine(configuration: EngineConfiguration(compilationMode: .eager, fuelMetering: true))
        _ = try parseWasm(bytes: bytes).instantiate(store: Store(engine: engine))
    }

    /// Parses and instantiates lazily (function bodies are neither validated nor translated).
    static func instantiateLazily(_ bytes: [UInt8]) throws -> (Store, Instance) {
        let store = Store(engine: Engine(configuration: EngineConfiguration(fuelMetering: true)))
        return (store, try parseWasm(bytes: bytes).instantiate(store: store))
    }

    /// Instantiates lazily and calls `export(argument)` once, which validates and translates
    /// every function it reaches.
    static func instantiateAndCall(_ bytes: [UInt8], export: String, argument: UInt32) throws {
        let (store, instance) = try instantiateLazily(bytes)
        store.fuel = Fuel(remaining: unlimitedFuelBudget)
        guard let function = instance.exports[function: export] else {
            throw BenchmarkError("WasmKit: no exported function \(export)")
        }
        _ = try function.invoke([.i32(argument)])
    }
}
