import Foundation

/// Markdown tables of the measurements, ready to paste into Benchmarks/README.md.
enum Report {
    static let executionHeader = """
        | benchmark | argument | WasmKit (ms) | ours (ms) | ours / WasmKit | ours fuel off (ms) | fuel on / off | fuel ours / WasmKit |
        |---|---:|---:|---:|---:|---:|---:|---:|
        """

    static func executionRow(_ m: ExecutionMeasurement) -> String {
        let fuelRatio: String
        if let ours = m.oursFuel, let wasmKit = m.wasmKitFuel, wasmKit > 0 {
            fuelRatio = decimal(Double(ours) / Double(wasmKit), 2)
        } else {
            fuelRatio = "–"
        }
        let cells = [
            "\(m.benchmark.name)", "\(m.argument)", milliseconds(m.wasmKit), milliseconds(m.ours),
            decimal(m.ratio, 2) + "×", milliseconds(m.oursWithoutFuel), decimal(m.fuelOverhead, 2) + "×", fuelRatio,
        ]
        return "| " + cells.joined(separator: " | ") + " |"
    }

    static func summary(_ measurements: [ExecutionMeasurement]) -> String {
        guard !measurements.isEmpty else { return "" }
        let ratio = Statistics.geometricMean(measurements.map(\.ratio))
        let fuel = Statistics.geometricMean(measurements.map(\.fuelOverhead))
        return """

            Geometric mean of ours / WasmKit: \(decimal(ratio, 2))× (over \(measurements.count) benchmarks)
            Geometric mean of ours fuel on / off: \(decimal(fuel, 2))×
            """
    }

    static func results(_ measurements: [ExecutionMeasurement]) -> String {
        measurements.map { "- \($0.benchmark.name)(\($0.argument)) = \($0.result.map(\.description).joined(separator: ", "))" }
            .joined(separator: "\n")
    }

    static func translation(_ t: TranslationMeasurement) -> String {
        func row(_ engine: String, _ what: String, _ seconds: Double) -> String {
            "| \(engine) | \(what) | \(milliseconds(seconds)) | \(decimal(t.megabytesPerSecond(seconds), 1)) |"
        }
        let oursTranslation = t.oursFirstCall - t.oursInstantiate - t.oursLaterCall
        let wasmKitTranslation = t.wasmKitFirstCall - t.wasmKitInstantiate - t.wasmKitLaterCall
        return """
            Large module: \(decimal(Double(t.byteCount) / 1e6, 2)) MB (`wasm/\(Benchmark.largeModule).wasm`)

            | engine | what | time (ms) | MB/s |
            |---|---|---:|---:|
            \(row("ours", "decode + validate + instantiate", t.oursInstantiate))
            \(row("ours", "… + first run(0): translates every function", t.oursFirstCall))
            \(row("ours", "later run(0) (execution only)", t.oursLaterCall))
            \(row("ours", "translation alone (first − instantiate − later)", oursTranslation))
            \(row("WasmKit", "decode + instantiate (lazy)", t.wasmKitInstantiate))
            \(row("WasmKit", "… + first run(0): validates and translates every function", t.wasmKitFirstCall))
            \(row("WasmKit", "later run(0) (execution only)", t.wasmKitLaterCall))
            \(row("WasmKit", "validation + translation alone (first − instantiate − later)", wasmKitTranslation))
            \(row("WasmKit", "decode + validate + translate + instantiate (eager)", t.wasmKitEager))

            Load + first call, ours / WasmKit: \(decimal(t.oursFirstCall / t.wasmKitFirstCall, 2))×
            """
    }

    static func milliseconds(_ seconds: Double) -> String { decimal(seconds * 1000, 1) }

    static func decimal(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
}
