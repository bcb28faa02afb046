/// One engine, with one instance of a benchmark module, ready to call its entry function.
///
/// Each engine adapter lives in its own file and imports only its engine, because WasmInterp
/// and WasmKit both name their types `Module`, `Store` and `Value`.
protocol EngineRunner: AnyObject {
    /// The column label, e.g. `WasmKit` or `ours (fuel off)`.
    var label: String { get }
    /// Calls the entry function with a single i32 argument.
    func call(_ argument: UInt32) throws -> CallOutcome
}

/// Enough fuel never to run out in a benchmark, yet with metering fully active.
let unlimitedFuelBudget: UInt64 = 1 << 62
