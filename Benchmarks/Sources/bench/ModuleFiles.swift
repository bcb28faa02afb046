import Foundation

/// Where the benchmark modules are: `Benchmarks/wasm`, found from this source file's path so
/// that `swift run` works from any directory.
enum ModuleFiles {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // bench
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()  // Benchmarks
        .appendingPathComponent("wasm")

    static func bytes(of module: String) throws -> [UInt8] {
        let url = directory.appendingPathComponent("\(module).wasm")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BenchmarkError("cannot read \(url.path) (run Benchmarks/wasm/build.sh)")
        }
        return [UInt8](data)
    }
}
