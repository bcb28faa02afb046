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
        func meanRatio(_ label: String, _ group: [ExecutionMeasurement]) -> String? {
            guard !group.isEmpty else { return nil }
            let ratio = Statistics.geometricMean(group.map(\.ratio))
            return "Geometric mean of ours / WasmKit, \(label): **\(decimal(ratio, 2))×** (over \(group.count))"
        }
        let scalar = measurements.filter { if case .scalar = $0.benchmark.group { true } else { false } }
        let simd = measurements.filter { if case .simd = $0.benchmark.group { true } else { false } }
        let lines = [
            meanRatio("scalar programs", scalar),
            meanRatio("SIMD programs", simd),
            "Geometric mean of ours fuel on / off: \(decimal(Statistics.geometricMean(measurements.map(\.fuelOverhead)), 2))×",
        ]
        return "\n" + lines.compactMap { $0 }.joined(separator: "  \n")
    }

    /// How much faster each engine runs a SIMD kernel than the same kernel in scalar code.
    static func simdGain(_ measurements: [ExecutionMeasurement]) -> String? {
        let rows = measurements.compactMap { m -> String? in
            guard case .simd(let baselineName) = m.benchmark.group,
                  let baseline = measurements.first(where: { $0.benchmark.name == baselineName })
            else { return nil }
            return "| \(m.benchmark.name) | \(baselineName) | \(decimal(baseline.wasmKit / m.wasmKit, 2))× | \(decimal(baseline.ours / m.ours, 2))× |"
        }
        guard !rows.isEmpty else { return nil }
        return """
            SIMD gain: time of the scalar kernel / time of the SIMD kernel (same work, same result)

            | SIMD | scalar | WasmKit | ours |
            |---|---|---:|---:|
            """ + "\n" + rows.joined(separator: "\n")
    }

    static func results(_ measurements: [ExecutionMeasurement]) -> String {
        measurements.map { "- \($0.benchmark.name)(\($0.argument)) = \($0.result.map(\.description).joined(separator: ", "))" }
            .joined(separator: "\n")
    }

    static func translation(_ t: TranslationMeasurement) -> String {
        func row(_ engine: String, _ what: String, _ seconds: Double) -> String {
            "| \(engine) | \(what) | \(milliseconds(seconds)) | \(decimal(t.megabytesPerSecond(seconds), 1)) |"
        }
        let oursTranslation = t.oursEager - t.oursInstantiate
        let wasmKitTranslation = t.wasmKitEager - t.wasmKitInstantiate
        return """
            Large module: \(decimal(Double(t.byteCount) / 1e6, 2)) MB (`wasm/\(Benchmark.largeModule).wasm`)

            | engine | what | time (ms) | MB/s |
            |---|---|---:|---:|
            \(row("ours", "**decode + validate + translate + instantiate (eager: `translateAllFunctions()`)**", t.oursEager))
            \(row("ours", "decode + validate + instantiate (lazy)", t.oursInstantiate))
            \(row("ours", "translation alone (eager − lazy)", oursTranslation))
            \(row("ours", "lazy, then a first run(0): translates every function", t.oursFirstCall))
            \(row("ours", "later run(0) (execution only)", t.oursLaterCall))
            \(row("WasmKit", "**decode + validate + translate + instantiate (eager)**", t.wasmKitEager))
            \(row("WasmKit", "decode + instantiate (lazy: bodies not validated)", t.wasmKitInstantiate))
            \(row("WasmKit", "validation + translation alone (eager − lazy)", wasmKitTranslation))
            \(row("WasmKit", "lazy, then a first run(0): validates and translates every function", t.wasmKitFirstCall))
            \(row("WasmKit", "later run(0) (execution only)", t.wasmKitLaterCall))

            Eager load, ours / WasmKit: \(decimal(t.oursEager / t.wasmKitEager, 2))× \
            (ours \(decimal(t.megabytesPerSecond(t.oursEager), 1)) MB/s, WasmKit \(decimal(t.megabytesPerSecond(t.wasmKitEager), 1)) MB/s)
            Load + first call, ours / WasmKit: \(decimal(t.oursFirstCall / t.wasmKitFirstCall, 2))×
            """
    }

    static func milliseconds(_ seconds: Double) -> String { decimal(seconds * 1000, 1) }

    static func decimal(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
}
