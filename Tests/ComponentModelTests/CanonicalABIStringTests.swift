import Testing
@testable import ComponentModel
import WasmInterp

/// String encodings in guest memory and the `realloc` protocol of each transcoding.
@Suite struct CanonicalABIStringTests {
    /// Stores `source` with the guest's encoding; returns the pointer, the (tagged) length
    /// and the realloc calls it made.
    private func store(_ source: StringSource, in guest: CanonicalABITestGuest) throws -> (UInt32, UInt32, [[UInt32]]) {
        try guest.markReallocLog()
        let (pointer, length) = try guest.context().lowerString(source)
        return (UInt32(pointer), length, try guest.reallocCallsSinceMark())
    }

    private func lift(_ pointer: UInt32, _ length: UInt32, in guest: CanonicalABITestGuest) throws -> String {
        try guest.context().liftString(pointer: UInt64(pointer), taggedCodeUnits: length)
    }

    @Test func utf8IsCopiedWithOneExactAllocation() throws {
        let guest = try CanonicalABITestGuest(encoding: .utf8)
        let (pointer, length, calls) = try store(StringSource(hostString: "héllo"), in: guest)
        #expect(length == 6)
        #expect(calls == [[0, 0, 1, 6]])
        #expect(try guest.peek(6, at: Int(pointer)) == Array("héllo".utf8))
        #expect(try lift(pointer, length, in: guest) == "héllo")
    }

    @Test func utf8ToUTF16AllocatesTheWorstCaseThenShrinks() throws {
        let guest = try CanonicalABITestGuest(encoding: .utf16)
        let (pointer, length, calls) = try store(StringSource(hostString: "héllo"), in: guest)
        #expect(length == 5)
        #expect(calls.count == 2)
        #expect(calls.first == [0, 0, 2, 12])
        #expect(calls.last.map { [$0[1], $0[2], $0[3]] } == [12, 2, 10])
        #expect(try guest.peek(4, at: Int(pointer)) == [0x68, 0, 0xE9, 0])
        #expect(try lift(pointer, length, in: guest) == "héllo")
    }

    @Test func utf16ForAnASCIIStringStillShrinks() throws {
        let guest = try CanonicalABITestGuest(encoding: .utf16)
        let (_, length, calls) = try store(StringSource(hostString: "abc"), in: guest)
        #expect(length == 3)
        // 3 UTF-8 bytes are exactly 3 UTF-16 units: no shrink.
        #expect(calls == [[0, 0, 2, 6]])
    }

    @Test func latin1FitsInOneByteAndShrinksFromTheUTF8Length() throws {
        let guest = try CanonicalABITestGuest(encoding: .latin1UTF16)
        let (pointer, length, calls) = try store(StringSource(hostString: "café"), in: guest)
        #expect(length == 4)
        #expect(calls.count == 2)
        #expect(calls.first == [0, 0, 2, 5])
        #expect(calls.last.map { [$0[1], $0[2], $0[3]] } == [5, 2, 4])
        #expect(try guest.peek(4, at: Int(pointer)) == [0x63, 0x61, 0x66, 0xE9])
        #expect(try lift(pointer, length, in: guest) == "café")
    }

    @Test func aCharacterOutsideLatin1SwitchesToTaggedUTF16() throws {
        let guest = try CanonicalABITestGuest(encoding: .latin1UTF16)
        let (pointer, length, calls) = try store(StringSource(hostString: "aé€"), in: guest)
        // UTF-8: 1 + 2 + 3 = 6 bytes; UTF-16: 3 units.
        #expect(length == 3 | 0x8000_0000)
        #expect(calls.count == 3)
        #expect(calls.first == [0, 0, 2, 6])
        #expect(calls.dropFirst().first.map { [$0[1], $0[2], $0[3]] } == [6, 2, 12])
        #expect(calls.last.map { [$0[1], $0[2], $0[3]] } == [12, 2, 6])
        #expect(try guest.peek(6, at: Int(pointer)) == [0x61, 0, 0xE9, 0, 0xAC, 0x20])
        #expect(try lift(pointer, length, in: guest) == "aé€")
    }

    @Test func utf16SourcesTranscodeToUTF8Optimistically() throws {
        let guest = try CanonicalABITestGuest(encoding: .utf8)
        let ascii = StringSource(string: "abc", encoding: .utf16, taggedCodeUnits: 3)
        let (_, asciiLength, asciiCalls) = try store(ascii, in: guest)
        #expect(asciiLength == 3)
        #expect(asciiCalls == [[0, 0, 1, 3]])

        let accented = StringSource(string: "aé", encoding: .utf16, taggedCodeUnits: 2)
        let (pointer, length, calls) = try store(accented, in: guest)
        #expect(length == 3)
        #expect(calls.count == 3)
        #expect(calls.first == [0, 0, 1, 2])
        #expect(calls.dropFirst().first.map { [$0[1], $0[2], $0[3]] } == [2, 1, 6])
        #expect(calls.last.map { [$0[1], $0[2], $0[3]] } == [6, 1, 3])
        #expect(try lift(pointer, length, in: guest) == "aé")
    }

    @Test func latin1SourcesTranscodeToUTF8WithTwoBytesWorstCase() throws {
        let guest = try CanonicalABITestGuest(encoding: .utf8)
        let source = StringSource(string: "café", encoding: .latin1UTF16, taggedCodeUnits: 4)
        let (pointer, length, calls) = try store(source, in: guest)
        #expect(length == 5)
        #expect(calls.dropFirst().first.map { [$0[1], $0[2], $0[3]] } == [4, 1, 8])
        #expect(try lift(pointer, length, in: guest) == "café")
    }

    @Test func taggedUTF16SourcesNarrowToLatin1WhenTheyFit() throws {
        let guest = try CanonicalABITestGuest(encoding: .latin1UTF16)
        let narrow = StringSource(string: "abé", encoding: .latin1UTF16, taggedCodeUnits: 3 | 0x8000_0000)
        let (pointer, length, calls) = try store(narrow, in: guest)
        #expect(length == 3)
        #expect(calls.first == [0, 0, 2, 6])
        #expect(calls.last.map { [$0[1], $0[2], $0[3]] } == [6, 1, 3])
        #expect(try lift(pointer, length, in: guest) == "abé")

        let wide = StringSource(string: "a€", encoding: .latin1UTF16, taggedCodeUnits: 2 | 0x8000_0000)
        let (widePointer, wideLength, wideCalls) = try store(wide, in: guest)
        #expect(wideLength == 2 | 0x8000_0000)
        #expect(wideCalls == [[0, 0, 2, 4]])
        #expect(try lift(widePointer, wideLength, in: guest) == "a€")
    }

    @Test func sameEncodingsAreCopiedExactly() throws {
        let latin1Guest = try CanonicalABITestGuest(encoding: .latin1UTF16)
        let latin1 = StringSource(string: "façade", encoding: .latin1UTF16, taggedCodeUnits: 6)
        let (_, latin1Length, latin1Calls) = try store(latin1, in: latin1Guest)
        #expect(latin1Length == 6)
        #expect(latin1Calls == [[0, 0, 2, 6]])

        let utf16Guest = try CanonicalABITestGuest(encoding: .utf16)
        let utf16 = StringSource(string: "a😀", encoding: .utf16, taggedCodeUnits: 3)
        let (pointer, length, calls) = try store(utf16, in: utf16Guest)
        #expect(length == 3)
        #expect(calls == [[0, 0, 2, 6]])
        #expect(try lift(pointer, length, in: utf16Guest) == "a😀")
    }

    @Test func hostStringsTooLongForAComponentAreRejected() throws {
        let guest = try CanonicalABITestGuest(encoding: .utf8)
        // A claimed length past the limit is refused before anything is allocated.
        let claimed = StringSource(string: "a", encoding: .utf8, taggedCodeUnits: 1 << 28)
        #expect(throws: CanonicalABIError.self) { try guest.context().lowerString(claimed) }
        #expect(try guest.reallocCalls().isEmpty)
    }
}
