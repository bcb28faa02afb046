import Testing
@testable import ComponentModel
import WasmInterp

/// `CanonicalReader.read(_:reusing:)`: an `option<list<u8>>` equal to a known array comes
/// back as that array (same storage), anything else as a fresh copy.
@Suite struct CanonicalStateReuseTests {
    private static func storage(_ bytes: [UInt8]?) -> UnsafeRawPointer? {
        bytes?.withUnsafeBytes { $0.baseAddress }
    }

    @Test func equalBytesShareTheKnownArrayAndOthersAreCopied() throws {
        let guest = try CanonicalABITestGuest()
        let known: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        for (lowered, expectShared) in [([UInt8]?(known), true), ([1, 2, 3, 4, 5, 6, 7, 9], false), ([1, 2], false), (nil, false)] {
            // Flat.
            var writer = CanonicalWriter(flatCapacity: 3, context: guest.context())
            try writer.write(lowered)
            var flatReader = CanonicalReader(flat: writer.slots, context: guest.context())
            let flat = try flatReader.read([UInt8]?.self, reusing: known)
            #expect(flat == lowered)
            #expect((Self.storage(flat) == Self.storage(known)) == expectShared)
            // In memory, followed by another value that must still be read from its place.
            let memory = GuestMemory(memory: try guest.memory)
            let address: UInt64 = 60000
            var memoryWriter = CanonicalWriter(memory: memory, address: address, context: guest.context())
            try memoryWriter.write(lowered)
            try memoryWriter.write(UInt32(0xC0FFEE))
            var memoryReader = CanonicalReader(memory: memory, address: address, context: guest.context())
            let stored = try memoryReader.read([UInt8]?.self, reusing: known)
            #expect(stored == lowered)
            #expect((Self.storage(stored) == Self.storage(known)) == expectShared)
            #expect(try memoryReader.read(UInt32.self) == 0xC0FFEE)
        }
        // Nothing known: always a copy.
        var writer = CanonicalWriter(flatCapacity: 3, context: guest.context())
        try writer.write([UInt8]?(known))
        var reader = CanonicalReader(flat: writer.slots, context: guest.context())
        #expect(try reader.read([UInt8]?.self, reusing: nil) == known)
    }
}
