import Foundation
import Testing
import WasmInterp

/// Runs the validator over every binary module of the official spec tests (outside
/// `simd_*`): modules the scripts instantiate must validate, and `assert_invalid` ones
/// must be rejected.
@Suite struct ValidatorSpecSuiteTests {
    /// A module named by a spec script command.
    struct SpecModule {
        var path: String
        var line: Int
        /// The `assert_invalid` text, or nil for a module that must be valid.
        var expectedError: String?
    }

    /// The spec test directory: `$WASM_SPEC_DIR`, else `../shared/wasm-spec` beside the package.
    static func specDirectory() -> URL? {
        let fileManager = FileManager.default
        if let path = ProcessInfo.processInfo.environment["WASM_SPEC_DIR"], fileManager.fileExists(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let directory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/wasm-spec")
        return fileManager.fileExists(atPath: directory.path) ? directory : nil
    }

    static func specModules(in directory: URL) throws -> [SpecModule] {
        var modules: [SpecModule] = []
        let scripts = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { !$0.hasPrefix("simd") }
            .sorted()
        for script in scripts {
            let scriptDirectory = directory.appendingPathComponent(script)
            let jsonURL = scriptDirectory.appendingPathComponent(script + ".json")
            guard let data = try? Data(contentsOf: jsonURL),
                  let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let commands = json["commands"] as? [[String: Any]]
            else { continue }
            for command in commands {
                guard let type = command["type"] as? String,
                      command["module_type"] as? String ?? "binary" == "binary",
                      let filename = command["filename"] as? String
                else { continue }
                let path = scriptDirectory.appendingPathComponent(filename).path
                let line = command["line"] as? Int ?? 0
                switch type {
                case "module", "assert_unlinkable", "assert_uninstantiable":
                    modules.append(SpecModule(path: path, line: line, expectedError: nil))
                case "assert_invalid":
                    modules.append(SpecModule(path: path, line: line, expectedError: command["text"] as? String ?? ""))
                default:
                    continue
                }
            }
        }
        return modules
    }

    @Test func specModulesValidateAndInvalidOnesAreRejected() throws {
        guard let directory = Self.specDirectory() else {
            print("ValidatorSpecSuiteTests: spec tests not found; set WASM_SPEC_DIR to run them")
            return
        }
        var failures: [String] = []
        var rejectedByDecoder: [String] = []
        var validCount = 0
        var invalidCount = 0
        for specModule in try Self.specModules(in: directory) {
            let location = "\(specModule.path):\(specModule.line)"
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: specModule.path)))
            let module: Module
            do {
                module = try Module(bytes: bytes)
            } catch {
                if let expected = specModule.expectedError {
                    rejectedByDecoder.append("\(location): expected \(expected), decoder: \(error.message)")
                } else {
                    failures.append("\(location): decoding failed: \(error)")
                }
                continue
            }
            do {
                try ModuleValidator.validate(module)
                if let expected = specModule.expectedError {
                    failures.append("\(location): expected '\(expected)' but the module validated")
                } else {
                    validCount += 1
                }
            } catch {
                if let expected = specModule.expectedError {
                    invalidCount += 1
                    if !error.message.hasPrefix(expected) {
                        failures.append("\(location): expected '\(expected)', got '\(error.message)'")
                    }
                } else {
                    failures.append("\(location): valid module rejected: \(error)")
                }
            }
        }
        print("ValidatorSpecSuiteTests: \(validCount) valid modules accepted, \(invalidCount) invalid ones rejected, "
            + "\(rejectedByDecoder.count) assert_invalid modules rejected by the decoder")
        for rejection in rejectedByDecoder { print("  decoder rejected \(rejection)") }
        #expect(failures.isEmpty, Comment(rawValue: "\(failures.count) failures:\n" + failures.prefix(40).joined(separator: "\n")))
    }
}
