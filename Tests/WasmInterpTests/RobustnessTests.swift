import Foundation
import Testing
import WasmSpecTest
@testable import WasmInterp

/// Hostile input must end in an error, never in a crash: mutated spec binaries go through
/// decoding, validation, instantiation and a bounded call of every exported function.
@Suite struct RobustnessTests {
    @Test func truncatedAndBitFlippedModulesNeverCrashTheInterpreter() throws {
        guard let directory = SpecSuiteFiles.directory else {
            print("Skipping: spec tests not found (set WASM_SPEC_DIR)")
            return
        }
        let seeds = try moduleBinaries(in: URL(fileURLWithPath: directory))
        #expect(seeds.count > 500)
        var generator = SplitMix64(seed: 0xC0FFEE)
        var outcomes = [String: Int]()
        for round in 0..<40_000 {
            var bytes = seeds[round % seeds.count]
            mutate(&bytes, using: &generator)
            outcomes[run(bytes), default: 0] += 1
        }
        print("robustness outcomes: \(outcomes.sorted { $0.key < $1.key })")
        #expect((outcomes["malformed"] ?? 0) > 0)
        #expect((outcomes["ran"] ?? 0) > 0)
    }

    /// Runs one binary as far as it goes; returns how far that was.
    private func run(_ bytes: [UInt8]) -> String {
        var configuration = StoreConfiguration()
        configuration.maxCallDepth = 200
        configuration.maxMemoryPages = 16
        configuration.maxTableElements = 10_000
        let store = Store(configuration: configuration)
        let module: Module
        do {
            module = try Module(bytes: bytes)
        } catch {
            return "malformed"
        }
        let instance: ModuleInstance
        do {
            instance = try store.instantiate(module, imports: SpectestModule.imports(for: store))
        } catch is ValidationError {
            return "invalid"
        } catch {
            return "not instantiated"
        }
        for (_, value) in instance.exports {
            guard case .function(let function) = value else { continue }
            let arguments = function.type.parameters.map(Value.zero)
            _ = try? store.invoke(function, arguments, fuel: 20_000)
        }
        return "ran"
    }

    private func moduleBinaries(in directory: URL) throws -> [[UInt8]] {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        var binaries: [[UInt8]] = []
        for folder in files {
            let contents = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
            for file in contents where file.pathExtension == "wasm" {
                if let data = try? Data(contentsOf: file), data.count > 8 { binaries.append([UInt8](data)) }
            }
        }
        return binaries.sorted { $0.count < $1.count }
    }

    /// Flips bits, overwrites or inserts bytes, or truncates: a few edits per binary.
    private func mutate(_ bytes: inout [UInt8], using generator: inout SplitMix64) {
        for _ in 0...(generator.next() % 3) {
            guard bytes.count > 8 else { return }
            let position = 8 + Int(generator.next() % UInt64(bytes.count - 8))
            switch generator.next() % 5 {
            case 0: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
            case 1: bytes[position] ^= UInt8(1) << (generator.next() % 8)
            case 2: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: position)
            case 3: bytes.remove(at: position)
            default: bytes.removeSubrange(position...)
            }
        }
    }
}
