import Foundation
import Testing
@testable import WasmInterp
@testable import WasmSpecTest

/// The binary modules of the `simd_*` spec scripts, by what the script expects of them.
private struct SIMDSpecModules {
    struct Entry {
        var location: String
        var bytes: [UInt8]
        /// The expected error text (`assert_invalid`).
        var text: String
    }

    var wellFormed: [Entry] = []
    var invalid: [Entry] = []

    /// nil when the spec suite is not present.
    static func load() throws -> SIMDSpecModules? {
        guard let directory = SpecSuiteFiles.directory else { return nil }
        var modules = SIMDSpecModules()
        for path in SpecTestRunner.scriptPaths(in: directory, filters: ["simd_"]) {
            let url = URL(fileURLWithPath: path)
            let script = try JSONDecoder().decode(SpecScript.self, from: Data(contentsOf: url))
            for command in script.commands {
                // Text modules (`module quote`) need a text parser; there is no binary to test.
                // That includes every `assert_malformed` of the simd scripts, so the binary
                // malformations are covered by the hand-made cases below.
                guard command.moduleType != "text", let filename = command.filename, filename.hasSuffix(".wasm") else {
                    continue
                }
                let file = url.deletingLastPathComponent().appendingPathComponent(filename)
                let entry = Entry(
                    location: "\(filename) (line \(command.line))",
                    bytes: try [UInt8](Data(contentsOf: file)), text: command.text ?? "")
                switch command.type {
                case "module": modules.wellFormed.append(entry)
                case "assert_invalid": modules.invalid.append(entry)
                default: continue
                }
            }
        }
        return modules
    }
}

@Suite struct SIMDDecodingTests {
    @Test func simdSpecModulesDecodeAndValidate() throws {
        guard let modules = try SIMDSpecModules.load() else {
            print("SKIPPED simd spec modules: spec suite not found")
            return
        }
        var failures: [String] = []
        for entry in modules.wellFormed {
            do {
                try ModuleValidator.validate(try Module(bytes: entry.bytes))
            } catch {
                failures.append("\(entry.location): \(error)")
            }
        }
        print("\(modules.wellFormed.count) simd spec modules decoded and validated, \(failures.count) failed")
        #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
        #expect(modules.wellFormed.count > 400)
    }

    /// Invalid modules must decode, then fail validation with the suite's message.
    @Test func simdInvalidModulesFailValidation() throws {
        guard let modules = try SIMDSpecModules.load() else { return }
        var failures: [String] = []
        for entry in modules.invalid {
            let module: Module
            do {
                module = try Module(bytes: entry.bytes)
            } catch {
                failures.append("\(entry.location): decoding failed: \(error)")
                continue
            }
            do {
                try ModuleValidator.validate(module)
                failures.append("\(entry.location): validated, expected \"\(entry.text)\"")
            } catch {
                if !error.message.hasPrefix(entry.text) {
                    failures.append("\(entry.location): expected \"\(entry.text)\", got \"\(error.message)\"")
                }
            }
        }
        print("\(modules.invalid.count) simd invalid modules, \(failures.count) failures")
        #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
        #expect(modules.invalid.count > 400)
    }

    /// `simd-instructions.wat` has every SIMD instruction, in opcode order, each on a line of
    /// its own written the way `textForm` prints it: decoding the binary must give back
    /// exactly those lines (opcodes, memargs, lane indices, constants, shuffle lanes).
    @Test func everySIMDInstructionDecodesWithItsImmediates() throws {
        let source = try String(
            contentsOf: TestPaths.packageRoot.appendingPathComponent("Fixtures/core/simd-instructions.wat"),
            encoding: .utf8)
        let shapePrefixes = ["v128.", "i8x16.", "i16x8.", "i32x4.", "i64x2.", "f32x4.", "f64x2."]
        let expected = source.split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { line in shapePrefixes.contains { line.hasPrefix($0) } }

        let module = try Module(bytes: [UInt8](Data(contentsOf: TestPaths.coreFixture("simd-instructions"))))
        try ModuleValidator.validate(module)
        let body = try #require(module.functionBodies.first)
        var reader = InstructionReader(bytes: body.bytes, range: body.codeRange)
        var decoded: [String] = []
        while !reader.isAtEnd {
            let instruction = try reader.read()
            if instruction.isSIMD { decoded.append(instruction.textForm) }
        }
        // 236 opcodes: 0x00...0xFF less the 20 the proposal left unassigned.
        #expect(expected.count == 236)
        #expect(decoded == expected)
    }

    private func instructions(_ bytes: [UInt8]) throws(DecodingError) -> [Instruction] {
        var reader = InstructionReader(bytes: bytes, range: 0..<bytes.count)
        var result: [Instruction] = []
        while !reader.isAtEnd { result.append(try reader.read()) }
        return result
    }

    @Test func simdOpcodesAreLEB128() throws {
        // i8x16.abs (0x60) and i16x8.abs (0x80, two bytes), then 0x60 padded to two bytes.
        #expect(try instructions([0xFD, 0x60, 0xFD, 0x80, 0x01, 0xFD, 0xE0, 0x00])
            == [.simd(.i8x16Abs), .simd(.i16x8Abs), .simd(.i8x16Abs)])
    }

    @Test func unassignedAndRelaxedSIMDOpcodesAreIllegal() {
        // Unassigned gaps, the relaxed-SIMD range (not in Wasm 2.0), and a huge opcode.
        let opcodes: [[UInt8]] = [[0x9A, 0x01], [0xA2, 0x01], [0xEE, 0x01], [0x80, 0x02], [0x93, 0x02], [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]]
        for opcode in opcodes {
            #expect(throws: DecodingError.self) { try instructions([0xFD] + opcode) }
        }
    }

    @Test func truncatedSIMDImmediatesAreMalformed() {
        // v128.const with 15 bytes, shuffle with 3, extract_lane without its lane byte.
        #expect(throws: DecodingError.self) { try instructions([0xFD, 0x0C] + [UInt8](repeating: 0, count: 15)) }
        #expect(throws: DecodingError.self) { try instructions([0xFD, 0x0D, 0, 1, 2]) }
        #expect(throws: DecodingError.self) { try instructions([0xFD, 0x15]) }
        #expect(throws: DecodingError.self) { try instructions([0xFD, 0x54, 0x00, 0x00]) }
    }

    /// The SIMD cases carry the largest payloads (16-byte constants, memarg plus lane);
    /// they must not make every decoded instruction bigger.
    @Test func instructionsStayWithin24Bytes() {
        #expect(MemoryLayout<Instruction>.stride <= 24)
    }

    @Test func laneImmediatesAreRawBytes() throws {
        #expect(try instructions([0xFD, 0x15, 0x8F]) == [.simdLane(.i8x16ExtractLaneS, lane: 0x8F)])
        #expect(try instructions([0xFD, 0x57, 0x03, 0x10, 0x01])
            == [.simdLaneMemory(.v128Load64Lane, MemoryArgument(alignment: 3, offset: 16), lane: 1)])
    }
}

extension Instruction {
    fileprivate var isSIMD: Bool {
        switch self {
        case .v128Const, .simdMemory, .simdLaneMemory, .i8x16Shuffle, .simdLane, .simd: return true
        default: return false
        }
    }
}
