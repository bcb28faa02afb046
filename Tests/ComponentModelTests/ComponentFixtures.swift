import Foundation
@testable import ComponentModel

/// Locates and loads the component fixtures (`Fixtures/components`).
enum ComponentFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/components")

    static func bytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: directory.appendingPathComponent("\(name).wasm")))
    }

    static func text(_ fileName: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(fileName), encoding: .utf8)
    }

    static func decode(_ name: String) throws -> Component {
        try Component(bytes: bytes(name))
    }

    /// Every component in the directory (core modules live there too), by name without
    /// extension.
    static func allNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".wasm") }
            .map { String($0.dropLast(5)) }
            .filter { Component.isComponent(try bytes($0)) }
            .sorted()
    }
}
