import Foundation
import Testing
@testable import WasmInterp

// MARK: - Spec test suite

/// The spec tests' commands that name a binary module, read from the JSON files.
private struct SpecBinaryCommand {
    var type: String
    var file: URL
    var line: Int
    /// The expected error text of `assert_malformed` / `assert_invalid`.
    var text: String?
    var location: String { "\(file.lastPathComponent) (line \(line))" }
}

private enum SpecSuite {
    /// `$WASM_SPEC_DIR`, or `../shared/wasm-spec` next to the package root.
    static var directory: URL? {
        if let path = ProcessInfo.processInfo.environment["WASM_SPEC_DIR"] {
            return URL(fileURLWithPath: path)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let directory = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/wasm-spec")
        return FileManager.default.fileExists(atPath: directory.path) ? directory : nil
    }

    /// Binary-module commands of every script except the SIMD ones.
    static func binaryCommands(in directory: URL) throws -> [SpecBinaryCommand] {
        var commands: [SpecBinaryCommand] = []
        let scripts = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        for script in scripts where !script.hasPrefix("simd") {
            let scriptDirectory = directory.appendingPathComponent(script)
            let json = scriptDirectory.appendingPathComponent("\(script).json")
            guard let data = FileManager.default.contents(atPath: json.path),
                let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                let entries = root["commands"] as? [[String: Any]]
            else { continue }
            for entry in entries {
                guard let type = entry["type"] as? String, let filename = entry["filename"] as? String,
                    entry["module_type"] as? String == "binary"
                else { continue }
                commands.append(
                    SpecBinaryCommand(
                        type: type, file: scriptDirectory.appendingPathComponent(filename),
                        line: entry["line"] as? Int ?? 0, text: entry["text"] as? String))
            }
        }
        return commands
    }

    static func bytes(of command: SpecBinaryCommand) -> [UInt8]? {
        FileManager.default.contents(atPath: command.file.path).map { [UInt8]($0) }
    }
}

@Suite struct DecoderSpecTests {
    /// Modules the suite instantiates or only validates must all be well-formed.
    @Test func wellFormedSpecModulesDecode() throws {
        guard let directory = SpecSuite.directory else {
            print("Skipping: spec tests not found (set WASM_SPEC_DIR)")
            return
        }
        let wellFormedTypes: Set = ["module", "assert_invalid", "assert_unlinkable", "assert_uninstantiable"]
        var decodedCount = 0
        var failures: [String] = []
        for command in try SpecSuite.binaryCommands(in: directory) where wellFormedTypes.contains(command.type) {
            guard let bytes = SpecSuite.bytes(of: command) else {
                failures.append("\(command.location): cannot read file")
                continue
            }
            do {
                let module = try Module(bytes: bytes)
                try readAllInstructions(of: module)
                decodedCount += 1
            } catch {
                failures.append("\(command.location) [\(command.type)]: \(error)")
            }
        }
        for failure in failures { print("decode failure: \(failure)") }
        #expect(failures.isEmpty)
        #expect(decodedCount > 2_000)
    }

    @Test func malformedSpecBinariesAreRejected() throws {
        guard let directory = SpecSuite.directory else {
            print("Skipping: spec tests not found (set WASM_SPEC_DIR)")
            return
        }
        var rejectedCount = 0
        var accepted: [String] = []
        var messageMismatches: [String] = []
        for command in try SpecSuite.binaryCommands(in: directory) where command.type == "assert_malformed" {
            guard let bytes = SpecSuite.bytes(of: command) else {
                accepted.append("\(command.location): cannot read file")
                continue
            }
            do {
                _ = try Module(bytes: bytes)
                accepted.append(command.location)
            } catch {
                rejectedCount += 1
                let expected = command.text ?? ""
                if !error.message.hasPrefix(expected) && !expected.hasPrefix(error.message) {
                    messageMismatches.append("\(command.location): expected \"\(expected)\", got \"\(error.message)\"")
                }
            }
        }
        for mismatch in messageMismatches { print("message differs: \(mismatch)") }
        print("\(rejectedCount) malformed binaries rejected, \(messageMismatches.count) with a different message")
        for location in accepted { print("malformed binary accepted: \(location)") }
        #expect(accepted.isEmpty)
        #expect(rejectedCount > 700)
    }

    /// Random byte flips, insertions and truncations of real modules must only ever
    /// produce a module or a `DecodingError`: a trap here fails the whole test run.
    @Test func mutatedSpecModulesNeverCrashTheDecoder() throws {
        guard let directory = SpecSuite.directory else {
            print("Skipping: spec tests not found (set WASM_SPEC_DIR)")
            return
        }
        let seeds = try SpecSuite.binaryCommands(in: directory)
            .filter { $0.type == "module" }
            .compactMap(SpecSuite.bytes(of:))
            .filter { $0.count > 8 }
        var generator = SplitMix64(seed: 0x5EED)
        var decodedCount = 0
        var rejectedCount = 0
        for round in 0..<20_000 {
            var bytes = seeds[round % seeds.count]
            for _ in 0...(generator.next() % 3) {
                mutate(&bytes, using: &generator)
            }
            do {
                let module = try Module(bytes: bytes)
                try readAllInstructions(of: module)
                decodedCount += 1
            } catch {
                rejectedCount += 1
            }
        }
        #expect(decodedCount > 0)
        #expect(rejectedCount > 0)
    }

    private func mutate(_ bytes: inout [UInt8], using generator: inout SplitMix64) {
        guard !bytes.isEmpty else { return }
        let position = Int(generator.next() % UInt64(bytes.count))
        switch generator.next() % 4 {
        case 0: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
        case 1: bytes[position] ^= 0x80
        case 2: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: position)
        default: bytes.removeSubrange(max(position, 8)...)
        }
    }

    private func readAllInstructions(of module: Module) throws(DecodingError) {
        for body in module.functionBodies {
            var reader = InstructionReader(bytes: body.bytes, range: body.codeRange)
            while !reader.isAtEnd { _ = try reader.read() }
        }
    }
}

// MARK: - Hand-written binaries

/// Builds module binaries from sections for the hand-written tests.
private enum Binary {
    static let header: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]

    static func unsigned(_ value: UInt32) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        repeat {
            var byte = UInt8(value & 0x7F)
            value >>= 7
            if value != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while value != 0
        return bytes
    }

    static func name(_ text: String) -> [UInt8] {
        unsigned(UInt32(text.utf8.count)) + Array(text.utf8)
    }

    static func vector(_ elements: [[UInt8]]) -> [UInt8] {
        unsigned(UInt32(elements.count)) + elements.flatMap { $0 }
    }

    static func section(_ id: UInt8, _ content: [UInt8]) -> [UInt8] {
        [id] + unsigned(UInt32(content.count)) + content
    }

    static func module(_ sections: [UInt8]...) -> [UInt8] {
        header + sections.flatMap { $0 }
    }

    /// Type section with `() -> ()`.
    static let voidType = section(1, vector([[0x60, 0x00, 0x00]]))
    static func functions(_ count: Int) -> [UInt8] {
        section(3, vector(Array(repeating: [0x00], count: count)))
    }
    static func code(_ bodies: [UInt8]...) -> [UInt8] {
        section(10, vector(bodies.map { unsigned(UInt32($0.count)) + $0 }))
    }
}

private func decodingError(_ bytes: [UInt8]) -> DecodingError? {
    do {
        _ = try Module(bytes: bytes)
        return nil
    } catch {
        return error
    }
}

private func reader(_ bytes: [UInt8]) -> ByteReader {
    ByteReader(bytes: bytes)
}

@Suite struct LEB128Tests {
    @Test func unsigned32AcceptsMaximumAndPaddedForms() throws {
        var maximum = reader([0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
        #expect(try maximum.readUnsigned32() == UInt32.max)
        var paddedZero = reader([0x80, 0x80, 0x80, 0x80, 0x00])
        #expect(try paddedZero.readUnsigned32() == 0)
        #expect(paddedZero.isAtEnd)
        var small = reader([0xE5, 0x8E, 0x26])
        #expect(try small.readUnsigned32() == 624_485)
    }

    @Test func unsigned32RejectsUnusedBitsAndSixthByte() {
        var tooLarge = reader([0xFF, 0xFF, 0xFF, 0xFF, 0x1F])
        #expect(throws: DecodingError.self) { try tooLarge.readUnsigned32() }
        var tooLong = reader([0x80, 0x80, 0x80, 0x80, 0x80, 0x00])
        do {
            _ = try tooLong.readUnsigned32()
            Issue.record("six-byte u32 accepted")
        } catch {
            #expect(error.message == "integer representation too long")
        }
        var truncated = reader([0x80, 0x80])
        #expect(throws: DecodingError.self) { try truncated.readUnsigned32() }
    }

    @Test func signed32SignExtensionBitsMustMatch() throws {
        var minimum = reader([0x80, 0x80, 0x80, 0x80, 0x78])
        #expect(try minimum.readSigned32() == Int32.min)
        var minusOne = reader([0x7F])
        #expect(try minusOne.readSigned32() == -1)
        var paddedMinusOne = reader([0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
        #expect(try paddedMinusOne.readSigned32() == -1)
        var maximum = reader([0xFF, 0xFF, 0xFF, 0xFF, 0x07])
        #expect(try maximum.readSigned32() == Int32.max)
        var badPositive = reader([0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
        do {
            _ = try badPositive.readSigned32()
            Issue.record("s32 with a set unused bit accepted")
        } catch {
            #expect(error.message == "integer too large")
        }
        var badNegative = reader([0x80, 0x80, 0x80, 0x80, 0x70])
        #expect(throws: DecodingError.self) { try badNegative.readSigned32() }
    }

    @Test func signed33CoversTypeIndices() throws {
        var maximumIndex = reader([0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
        #expect(try maximumIndex.readSigned33() == Int64(UInt32.max))
        var overflow = reader([0xFF, 0xFF, 0xFF, 0xFF, 0x1F])
        #expect(throws: DecodingError.self) { try overflow.readSigned33() }
    }

    @Test func signed64Extremes() throws {
        var minimum = reader([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F])
        #expect(try minimum.readSigned64() == Int64.min)
        var maximum = reader([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00])
        #expect(try maximum.readSigned64() == Int64.max)
        var unusedBitSet = reader([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
        #expect(throws: DecodingError.self) { try unusedBitSet.readSigned64() }
        var elevenBytes = reader([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00])
        #expect(throws: DecodingError.self) { try elevenBytes.readSigned64() }
    }
}

@Suite struct ModuleDecoderTests {
    @Test func emptyModuleDecodes() throws {
        let module = try Module(bytes: Binary.header)
        #expect(module.types.isEmpty)
        #expect(module.functionBodies.isEmpty)
    }

    @Test func headerErrorsNameTheProblem() {
        #expect(decodingError([0x00, 0x61])?.message == "unexpected end")
        #expect(decodingError([0x00, 0x61, 0x73, 0x6E, 0x01, 0, 0, 0])?.message == "magic header not detected")
        #expect(decodingError([0x00, 0x61, 0x73, 0x6D, 0x02, 0, 0, 0])?.message == "unknown binary version")
    }

    @Test func sectionsOutOfOrderOrRepeatedAreMalformed() {
        let outOfOrder = Binary.module(Binary.functions(0), Binary.voidType)
        #expect(decodingError(outOfOrder)?.message == "unexpected content after last section")
        let repeated = Binary.module(Binary.voidType, Binary.voidType)
        #expect(decodingError(repeated)?.message == "unexpected content after last section")
        let unknown = Binary.module(Binary.section(13, []))
        #expect(decodingError(unknown)?.message == "malformed section id")
    }

    @Test func dataCountSitsBetweenElementAndCode() throws {
        let module = Binary.module(
            Binary.voidType, Binary.functions(1), Binary.section(12, [0x00]), Binary.code([0x00, 0x0B]),
            Binary.section(11, [0x00]))
        #expect(try Module(bytes: module).dataCount == 0)
        let late = Binary.module(Binary.voidType, Binary.functions(1), Binary.code([0x00, 0x0B]), Binary.section(12, [0x00]))
        #expect(decodingError(late) != nil)
    }

    @Test func customSectionsMayAppearAnywhere() throws {
        let custom = Binary.section(0, Binary.name("hello") + [1, 2, 3])
        let module = try Module(bytes: Binary.module(custom, Binary.voidType, custom))
        #expect(module.customSections.count == 2)
        #expect(module.customSections.first?.name == "hello")
        #expect(module.customSections.first?.bytes == [1, 2, 3])
    }

    @Test func sectionSizeMustMatchContent() {
        // A type section claiming one byte more than its single type uses.
        let padded = Binary.module(Binary.section(1, [0x01, 0x60, 0x00, 0x00, 0x00]))
        #expect(decodingError(padded)?.message == "section size mismatch")
    }

    @Test func trailingBytesAreMalformed() {
        #expect(decodingError(Binary.header + [0x01]) != nil)
    }

    @Test func invalidUTF8NameIsMalformed() {
        let surrogate = Binary.section(0, [0x03, 0xED, 0xA0, 0x80])
        #expect(decodingError(Binary.module(surrogate))?.message == "malformed UTF-8 encoding")
        let overlong = Binary.section(0, [0x02, 0xC0, 0x80])
        #expect(decodingError(Binary.module(overlong))?.message == "malformed UTF-8 encoding")
        let fourBytes = Binary.section(0, [0x04, 0xF0, 0x9F, 0x98, 0x80])
        #expect(decodingError(Binary.module(fourBytes)) == nil)
    }

    @Test func functionBodyLocalsExpandAndCodeRangeCoversInstructions() throws {
        // Locals: 2 × i32, 1 × f64; body: local.get 0, drop, end.
        let body: [UInt8] = [0x02, 0x02, 0x7F, 0x01, 0x7C, 0x20, 0x00, 0x1A, 0x0B]
        let bytes = Binary.module(Binary.voidType, Binary.functions(1), Binary.code(body))
        let module = try Module(bytes: bytes)
        let function = try #require(module.functionBodies.first)
        #expect(function.locals == [.i32, .i32, .f64])
        #expect(Array(function.bytes[function.codeRange]) == [0x20, 0x00, 0x1A, 0x0B])
        var reader = InstructionReader(bytes: function.bytes, range: function.codeRange)
        #expect(try reader.read() == .localGet(0))
        #expect(try reader.read() == .drop)
        #expect(try reader.read() == .end)
        #expect(reader.isAtEnd)
    }

    @Test func functionBodyMustEndWithEnd() {
        let missingEnd = Binary.module(Binary.voidType, Binary.functions(1), Binary.code([0x00, 0x01]))
        #expect(decodingError(missingEnd) != nil)
        // i32.const whose immediate would run past the body.
        let overrun = Binary.module(Binary.voidType, Binary.functions(1), Binary.code([0x00, 0x41, 0x80]))
        #expect(decodingError(overrun) != nil)
    }

    @Test func blocksMustNestInsideTheBody() {
        let extraEnd = Binary.module(Binary.voidType, Binary.functions(1), Binary.code([0x00, 0x0B, 0x0B]))
        #expect(decodingError(extraEnd) != nil)
        let unclosedBlock = Binary.module(Binary.voidType, Binary.functions(1), Binary.code([0x00, 0x02, 0x40, 0x0B]))
        #expect(decodingError(unclosedBlock) != nil)
        let strayElse = Binary.module(Binary.voidType, Binary.functions(1), Binary.code([0x00, 0x02, 0x40, 0x05, 0x0B, 0x0B]))
        #expect(decodingError(strayElse)?.message == "misplaced ELSE opcode")
        let ifElse: [UInt8] = [0x00, 0x41, 0x01, 0x04, 0x40, 0x05, 0x0B, 0x0B]
        #expect(decodingError(Binary.module(Binary.voidType, Binary.functions(1), Binary.code(ifElse))) == nil)
    }

    @Test func functionAndCodeCountsMustAgree() {
        let missingCode = Binary.module(Binary.voidType, Binary.functions(1))
        #expect(decodingError(missingCode)?.message == "function and code section have inconsistent lengths")
        let extraCode = Binary.module(Binary.voidType, Binary.functions(1), Binary.code([0x00, 0x0B], [0x00, 0x0B]))
        #expect(decodingError(extraCode)?.message == "function and code section have inconsistent lengths")
    }

    @Test func memoryInitRequiresDataCountSection() {
        // memory.init 0 with i32 operands; no data count section.
        let body: [UInt8] = [0x00, 0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x08, 0x00, 0x00, 0x0B]
        let bytes = Binary.module(Binary.voidType, Binary.functions(1), Binary.code(body))
        #expect(decodingError(bytes)?.message == "data count section required")
    }

    @Test func elementIndicesBecomeRefFuncExpressions() throws {
        // Form 0: active in table 0 at offset i32.const 0, functions [0, 0].
        let elements = Binary.section(9, [0x01, 0x00, 0x41, 0x00, 0x0B, 0x02, 0x00, 0x00])
        let bytes = Binary.module(Binary.voidType, Binary.functions(1), elements, Binary.code([0x00, 0x0B]))
        let segment = try #require(try Module(bytes: bytes).elements.first)
        #expect(segment.type == .funcref)
        #expect(segment.items.map(\.instructions) == [[.refFunc(0)], [.refFunc(0)]])
        guard case .active(let table, let offset) = segment.mode else {
            Issue.record("expected an active segment")
            return
        }
        #expect(table == 0)
        #expect(offset.instructions == [.i32Const(0)])
    }

    @Test func passiveExpressionSegmentKeepsItsType() throws {
        // Form 5: passive, externref, items [ref.null extern].
        let elements = Binary.section(9, [0x01, 0x05, 0x6F, 0x01, 0xD0, 0x6F, 0x0B])
        let segment = try #require(try Module(bytes: Binary.module(elements)).elements.first)
        #expect(segment.type == .externref)
        #expect(segment.items.map(\.instructions) == [[.refNull(.externref)]])
    }

    @Test func dataSegmentForms() throws {
        let data = Binary.section(11, [0x02, 0x01, 0x02, 0xAA, 0xBB, 0x02, 0x00, 0x41, 0x08, 0x0B, 0x01, 0xCC])
        let segments = try Module(bytes: Binary.module(data)).data
        #expect(segments.map(\.bytes) == [[0xAA, 0xBB], [0xCC]])
    }

    @Test func malformedMutabilityAndImportKind() {
        let global = Binary.section(6, [0x01, 0x7F, 0x02, 0x41, 0x00, 0x0B])
        #expect(decodingError(Binary.module(global))?.message == "malformed mutability")
        let importSection = Binary.section(2, [0x01] + Binary.name("m") + Binary.name("f") + [0x04, 0x00])
        #expect(decodingError(Binary.module(importSection))?.message == "malformed import kind")
    }
}

@Suite struct NameSectionTests {
    private func nameSection(_ subsections: [UInt8]...) -> [UInt8] {
        Binary.section(0, Binary.name("name") + subsections.flatMap { $0 })
    }

    @Test func moduleFunctionAndLocalNamesAreRead() throws {
        let moduleName = Binary.section(0, Binary.name("demo"))
        let functionNames = Binary.section(1, Binary.vector([[0x00] + Binary.name("main")]))
        let localNames = Binary.section(
            2, Binary.vector([[0x00] + Binary.vector([[0x00] + Binary.name("x"), [0x01] + Binary.name("y")])]))
        let module = try Module(bytes: Binary.module(nameSection(moduleName, functionNames, localNames)))
        #expect(module.names.moduleName == "demo")
        #expect(module.names.functionNames == [0: "main"])
        #expect(module.names.localNames == [0: [0: "x", 1: "y"]])
        #expect(module.customSections.map(\.name) == ["name"])
    }

    @Test func malformedNameSectionIsIgnored() throws {
        let truncated = Binary.section(1, [0x05, 0x00])
        let module = try Module(bytes: Binary.module(nameSection(truncated)))
        #expect(module.names.functionNames.isEmpty)
        #expect(module.customSections.count == 1)
    }
}

@Suite struct InstructionReaderTests {
    private func instructions(_ bytes: [UInt8]) throws(DecodingError) -> [Instruction] {
        var reader = InstructionReader(bytes: bytes, range: 0..<bytes.count)
        var result: [Instruction] = []
        while !reader.isAtEnd { result.append(try reader.read()) }
        return result
    }

    @Test func immediatesAreDecoded() throws {
        #expect(try instructions([0x0E, 0x02, 0x00, 0x01, 0x02]) == [.brTable(targets: [0, 1], defaultTarget: 2)])
        #expect(try instructions([0x11, 0x03, 0x01]) == [.callIndirect(typeIndex: 3, tableIndex: 1)])
        #expect(try instructions([0x1C, 0x01, 0x7F]) == [.typedSelect([.i32])])
        #expect(try instructions([0x28, 0x02, 0x80, 0x01]) == [.load(.i32Load, MemoryArgument(alignment: 2, offset: 128))])
        #expect(try instructions([0x43, 0x00, 0x00, 0x80, 0x3F]) == [.f32Const(0x3F80_0000)])
        #expect(try instructions([0x42, 0x7F]) == [.i64Const(-1)])
        #expect(try instructions([0x02, 0x7E, 0x03, 0x40, 0x04, 0x05]) == [.block(.value(.i64)), .loop(.empty), .if(.typeIndex(5))])
    }

    @Test func prefixedInstructions() throws {
        #expect(try instructions([0xFC, 0x00]) == [.numeric(.i32TruncSatF32S)])
        #expect(try instructions([0xFC, 0x87, 0x00]) == [.numeric(.i64TruncSatF64U)])
        #expect(try instructions([0xFC, 0x0C, 0x01, 0x02]) == [.tableInit(elementIndex: 1, tableIndex: 2)])
        #expect(try instructions([0xFC, 0x0E, 0x01, 0x02]) == [.tableCopy(destination: 1, source: 2)])
        #expect(try instructions([0xFC, 0x0A, 0x00, 0x00]) == [.memoryCopy(destination: 0, source: 0)])
        #expect(throws: DecodingError.self) { try instructions([0xFC, 0x12]) }
    }

    @Test func reservedBytesMustBeZero() {
        #expect(throws: DecodingError.self) { try instructions([0x40, 0x01]) }
        // A LEB128-padded zero is still not the single zero byte.
        #expect(throws: DecodingError.self) { try instructions([0x3F, 0x80, 0x00]) }
        #expect(throws: DecodingError.self) { try instructions([0xFC, 0x0B, 0x01]) }
    }

    @Test func unknownOpcodesAreIllegal() {
        for opcode: UInt8 in [0x06, 0x12, 0x27, 0xC5, 0xD3, 0xFF] {
            #expect(throws: DecodingError.self) { try instructions([opcode, 0x00, 0x00]) }
        }
    }

    @Test func readingStopsAtTheRangeEnd() {
        let bytes: [UInt8] = [0x41, 0x80, 0x01]
        var reader = InstructionReader(bytes: bytes, range: 0..<2)
        #expect(throws: DecodingError.self) { try reader.read() }
    }
}
