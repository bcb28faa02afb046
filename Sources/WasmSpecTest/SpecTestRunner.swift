import Foundation
import WasmInterp

/// Runs WebAssembly spec test scripts in the JSON form `wast2json` writes
/// (`NAME/NAME.json` plus the `.wasm` files it names).
///
/// ```swift
/// let runner = SpecTestRunner()
/// for result in runner.run(directory: "../shared/wasm-spec", excluding: ["simd"]) {
///     print(result.summary)
/// }
/// ```
///
/// Every command counts as passed, failed or skipped. Only what this interpreter cannot
/// express yet is skipped (text modules; v128 values and `simd_*` scripts unless
/// `runsSIMD`); anything else that goes wrong, including a thrown error or an exhausted
/// fuel budget, is a failure.
public struct SpecTestRunner: Sendable {
    /// Store limits for each script. The call depth is kept low so `assert_exhaustion`
    /// commands end quickly.
    public var configuration: StoreConfiguration
    /// Fuel for each invocation, so an interpreter bug that loops forever fails one command
    /// instead of hanging the suite.
    public var fuelPerInvocation: UInt64 = 200_000_000
    /// Whether to run `simd_*` scripts and commands with v128 values; when false they count
    /// as skipped.
    public var runsSIMD = true

    public init() {
        configuration = StoreConfiguration()
        configuration.maxCallDepth = 1000
    }

    /// Runs the scripts in `directory` whose names contain one of `filters` (all scripts if
    /// empty) and none of `excludes`, in name order.
    public func run(directory: String, filters: [String] = [], excluding excludes: [String] = []) -> [SpecFileResult] {
        Self.scriptPaths(in: directory, filters: filters, excluding: excludes).map { run(file: $0) }
    }

    /// Runs one script (a `.json` file).
    public func run(file path: String) -> SpecFileResult {
        let url = URL(fileURLWithPath: path)
        var result = SpecFileResult(name: url.deletingPathExtension().lastPathComponent)
        let script: SpecScript
        do {
            let data = try Data(contentsOf: url)
            script = try JSONDecoder().decode(SpecScript.self, from: data)
        } catch {
            result.failed = 1
            result.failures = ["cannot read script \(path): \(error)"]
            return result
        }
        if !runsSIMD && result.name.contains("simd") {
            result.skipped = script.commands.count
            return result
        }

        let session = SpecScriptSession(
            directory: url.deletingLastPathComponent(), configuration: configuration,
            fuelPerInvocation: fuelPerInvocation, runsSIMD: runsSIMD)
        for command in script.commands {
            switch session.run(command) {
            case .passed:
                result.passed += 1
            case .skipped:
                result.skipped += 1
            case .failed(let reason):
                result.failed += 1
                result.failures.append("line \(command.line): \(command.type): \(reason)")
            }
        }
        return result
    }

    /// The paths of the scripts in `directory`: `NAME/NAME.json` for each subdirectory, and
    /// `.json` files directly inside it, sorted by name and filtered like `run(directory:)`.
    public static func scriptPaths(in directory: String, filters: [String] = [], excluding excludes: [String] = []) -> [String] {
        let fileManager = FileManager.default
        guard let entries = try? fileManager.contentsOfDirectory(atPath: directory) else { return [] }
        let root = URL(fileURLWithPath: directory)
        var scripts: [(name: String, path: String)] = []
        for entry in entries {
            let entryURL = root.appendingPathComponent(entry)
            if entry.hasSuffix(".json") {
                scripts.append((String(entry.dropLast(5)), entryURL.path))
                continue
            }
            let nested = entryURL.appendingPathComponent(entry + ".json")
            if fileManager.fileExists(atPath: nested.path) { scripts.append((entry, nested.path)) }
        }
        return scripts
            .filter { script in
                (filters.isEmpty || filters.contains { script.name.contains($0) })
                    && !excludes.contains { script.name.contains($0) }
            }
            .sorted { $0.name < $1.name }
            .map(\.path)
    }
}
