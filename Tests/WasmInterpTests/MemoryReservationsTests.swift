import Testing

@testable import WasmInterp

/// Idle reservations kept for reuse stay within one address-space budget, whatever mix
/// of sizes the modules declare.
@Suite struct MemoryReservationsTests {
    @Test func idleReservationsOfManySizesStayWithinTheBudget() throws {
        let mebibyte = 1 << 20
        let reservations = MemoryReservations(keptBytesLimit: 64 * mebibyte)
        var taken: [(UnsafeMutableRawPointer, Int)] = []
        for sizeInMebibytes in 1...12 {
            let bytes = sizeInMebibytes * mebibyte
            for _ in 0..<3 {
                let base = try #require(reservations.reserve(bytes: bytes))
                base.storeBytes(of: 0xAB, as: UInt8.self)
                taken.append((base, bytes))
            }
            #expect(reservations.keptAddressSpace <= 64 * mebibyte)
        }
        for (base, bytes) in taken {
            reservations.release(base, bytes: bytes, usedBytes: 1)
            #expect(reservations.keptAddressSpace <= 64 * mebibyte)
        }
        #expect(reservations.keptAddressSpace > 0)
        // A kept reservation comes back zeroed.
        let again = try #require(reservations.reserve(bytes: mebibyte))
        #expect(again.load(as: UInt8.self) == 0)
    }
}
