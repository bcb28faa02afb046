import Foundation
import Testing
import WasmSpecTest

/// The official spec scripts, from `$WASM_SPEC_DIR` or `../shared/wasm-spec` next to the
/// package, and the checked-in list of scripts that are known to fail.
enum SpecSuiteFiles {
    static let directory: String? = {
        if let configured = ProcessInfo.processInfo.environment["WASM_SPEC_DIR"], !configured.isEmpty {
            return configured
        }
        // #filePath is PACKAGE/Tests/WasmInterpTests/SpecSuiteTests.swift.
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sibling = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/wasm-spec").path
        return FileManager.default.fileExists(atPath: sibling) ? sibling : nil
    }()

    /// Script path by name, without the SIMD scripts (not run yet).
    static let scriptPaths: [String: String] = {
        guard let directory else { return [:] }
        let paths = SpecTestRunner.scriptPaths(in: directory)
        return Dictionary(paths.map { (scriptName(ofPath: $0), $0) }, uniquingKeysWith: { first, _ in first })
    }()

    static let fileNames: [String] = scriptPaths.keys.sorted()

    /// Names listed in `SpecKnownFailures.txt`: one per line, `#` starts a comment.
    static let knownFailures: Set<String> = {
        let listURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("SpecKnownFailures.txt")
        guard let text = try? String(contentsOf: listURL, encoding: .utf8) else { return [] }
        var names = Set<String>()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let name = content.trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { names.insert(name) }
        }
        return names
    }()

    private static func scriptName(ofPath path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }
}

@Suite struct SpecSuiteTests {
    /// One case per script. A script on the known-failures list only has to keep failing
    /// (so the list can only shrink); any other script must pass every command.
    @Test(arguments: SpecSuiteFiles.fileNames)
    func specScriptPasses(_ name: String) throws {
        let path = try #require(SpecSuiteFiles.scriptPaths[name])
        let result = SpecTestRunner().run(file: path)
        if SpecSuiteFiles.knownFailures.contains(name) {
            #expect(result.failed > 0, "\(name) passes now: remove it from SpecKnownFailures.txt")
            return
        }
        let shownFailures = result.failures.prefix(30).joined(separator: "\n")
        #expect(result.failed == 0, "\(result.summary)\n\(shownFailures)")
    }

    @Test func specSuiteIsPresentOrSkippedLoudly() {
        guard let directory = SpecSuiteFiles.directory else {
            print("SKIPPED spec suite: neither $WASM_SPEC_DIR nor ../shared/wasm-spec exists")
            return
        }
        #expect(!SpecSuiteFiles.fileNames.isEmpty, "no spec scripts (NAME/NAME.json) in \(directory)")
    }

    @Test func knownFailuresNameExistingScripts() {
        guard SpecSuiteFiles.directory != nil else { return }
        let unknown = SpecSuiteFiles.knownFailures.subtracting(SpecSuiteFiles.fileNames).sorted()
        #expect(unknown.isEmpty, "SpecKnownFailures.txt lists scripts that do not exist: \(unknown)")
    }
}
