import Testing
@testable import ComponentModel

/// Malformed input throws `ComponentDecodingError` with the offset of the problem; no
/// input crashes the decoder, the type resolver or the WIT printer.
@Suite struct MalformedComponentTests {
    private let preamble: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00]

    private func decodingError(_ bytes: [UInt8]) -> ComponentDecodingError? {
        do {
            _ = try Component(bytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func theEmptyComponentDecodes() throws {
        let component = try Component(bytes: preamble)
        #expect(component.definitions.isEmpty)
    }

    @Test func headerErrorsNameTheirField() {
        #expect(decodingError([0x00, 0x61, 0x73]) == ComponentDecodingError("unexpected end", offset: 3))
        #expect(decodingError([0x01, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00])?.offset == 0)
        let version = decodingError([0x00, 0x61, 0x73, 0x6D, 0x0C, 0x00, 0x01, 0x00])
        #expect(version?.offset == 4)
        #expect(version?.message.contains("version") == true)
        let coreModule = decodingError([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00])
        #expect(coreModule?.offset == 6)
    }

    @Test func aBadSectionIDIsReportedAtItsByte() {
        let error = decodingError(preamble + [13, 0])
        #expect(error == ComponentDecodingError("invalid section id 13", offset: 8))
    }

    @Test func aSectionSizePastTheEndIsReportedAtTheSize() {
        let error = decodingError(preamble + [7, 0x10, 0x01])
        #expect(error?.offset == 9)
    }

    @Test func leftoverBytesInASectionAreReported() {
        // A type section with one `bool` type and a stray byte.
        let error = decodingError(preamble + [7, 3, 1, 0x7F, 0x00])
        #expect(error?.message.contains("section size mismatch") == true)
        #expect(error?.offset == 12)
    }

    @Test func aHostileVectorCountThrowsWithoutAllocating() {
        // A type section claiming 2^32-1 types in 5 bytes.
        let error = decodingError(preamble + [7, 5, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
        #expect(error?.offset == 10)
    }

    @Test func invalidUTF8InANameIsReported() {
        // An import named "\u{FF}" of func type 0.
        let error = decodingError(preamble + [10, 6, 1, 0x00, 1, 0xFF, 0x01, 0x00])
        #expect(error == ComponentDecodingError("malformed UTF-8 encoding", offset: 13))
    }

    @Test func unsupportedFeaturesAreErrorsNotCrashes() {
        // `(type (stream u8))`: an async type.
        let stream = decodingError(preamble + [7, 4, 1, 0x66, 0x01, 0x7D])
        #expect(stream?.message.contains("unsupported") == true)
        #expect(stream?.offset == 11)
        // A value section.
        #expect(decodingError(preamble + [12, 1, 0])?.message.contains("value") == true)
    }

    @Test func errorsInAnEmbeddedCoreModuleCarryFileOffsets() {
        // A core module section whose module has a bad version.
        let module: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00]
        let error = decodingError(preamble + [1, UInt8(module.count)] + module)
        #expect(error?.message.hasPrefix("in core module") == true)
        #expect(error?.offset == 10 + 4)
    }

    @Test func deeplyNestedComponentsAreRejected() {
        // Each level is a component section holding the previous level.
        var nested = preamble
        for _ in 0..<(ComponentDecoder.maximumNestingDepth + 2) {
            nested = preamble + [4] + leb128(nested.count) + nested
        }
        #expect(decodingError(nested)?.message.contains("nested too deeply") == true)
    }

    @Test func everyTruncationOfAFixtureThrowsWithinBounds() throws {
        for name in ["multi-instance", "resources"] {
            let bytes = try ComponentFixtures.bytes(name)
            for length in 0..<bytes.count {
                let prefix = Array(bytes[0..<length])
                do {
                    // A prefix ending at a section boundary is itself a valid component.
                    _ = try Component(bytes: prefix)
                } catch {
                    #expect(error.offset <= length, "\(name) cut at \(length): \(error)")
                }
            }
            #expect(decodingError(Array(bytes.dropLast())) != nil)
        }
    }

    /// Every byte of a fixture replaced by a few values: decoding, resolving and printing
    /// either succeed or throw their typed errors.
    @Test func corruptedBytesNeverCrash() throws {
        let bytes = try ComponentFixtures.bytes("multi-instance")
        var outcomes = (decoded: 0, rejected: 0)
        for position in 8..<bytes.count {
            for replacement: UInt8 in [0x00, 0x7F, 0xFF] where bytes[position] != replacement {
                var corrupted = bytes
                corrupted[position] = replacement
                do {
                    let component = try Component(bytes: corrupted)
                    _ = try? WITPrinter.print(component)
                    outcomes.decoded += 1
                } catch {
                    #expect(error.offset >= 0 && error.offset <= corrupted.count)
                    outcomes.rejected += 1
                }
            }
        }
        #expect(outcomes.rejected > 0)
    }

    private func leb128(_ value: Int) -> [UInt8] {
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
}
