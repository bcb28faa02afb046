import Testing
@testable import WasmInterp

/// The translator fuses some instruction sequences into one internal instruction
/// (`...AtSum` loads and stores, `copyPair`, `f64...Load`, `f64...Store`, `f64MulMul`) or drops a move (a result
/// written straight to the return slot); these pin down that the fused
/// forms keep the Wasm semantics of the sequence, at its edges.
@Suite struct FusedInstructionTests {
    let instance: ModuleInstance

    init() throws {
        instance = try instantiateFixture("fused-instructions")
    }

    @Test func fusedTranslationUsesTheFusedOpcodes() throws {
        let opcodes = try instance.translatedOpcodes()
        #expect(opcodes.contains(.i32LoadAtSum))
        #expect(opcodes.contains(.i64StoreAtSum))
        #expect(opcodes.contains(.copyPair))
        #expect(opcodes.contains(.f64LoadSub))
        #expect(opcodes.contains(.f64SubLoad))
        #expect(opcodes.contains(.f64SubStore))
        #expect(opcodes.contains(.f64MulMul))
    }

    @Test func addressSumWrapsAtTwoToThe32() throws {
        let memory = try #require(instance.memories.first)
        memory.base.storeBytes(of: UInt32(0xDEAD_BEEF).littleEndian, toByteOffset: 20, as: UInt32.self)
        // 0xFFFF_FFF0 + 0x20 wraps to 16; the offset 4 then reaches byte 20.
        #expect(try instance.invoke("load-at-sum", [.i32(0xFFFF_FFF0), .i32(0x20)]) == [.i32(0xDEAD_BEEF)])
        memory.base.storeBytes(of: UInt8(0x80), toByteOffset: 7, as: UInt8.self)
        #expect(try instance.invoke("load8-at-sum", [.i32(0xFFFF_FFFF), .i32(8)]) == [.i32(0xFFFF_FF80)])
    }

    @Test func offsetAfterTheSumDoesNotWrap() throws {
        // The sum is 0xFFFF_FFFC; with the offset 4 the access starts at 2^32: out of bounds.
        let trap = trapOf { try instance.invoke("load-at-sum", [.i32(0xFFFF_FFF0), .i32(0xC)]) }
        #expect(trap?.reason == .outOfBoundsMemoryAccess)
    }

    @Test func storeAtSumWritesWhereTheSumPoints() throws {
        #expect(try instance.invoke("store-at-sum", [.i32(0xFFFF_FF00), .i32(0x200), .i64(UInt64(bitPattern: -5))]) == [.i64(UInt64(bitPattern: -5))])
        let trap = trapOf { try instance.invoke("store-at-sum", [.i32(65_536), .i32(0), .i64(1)]) }
        #expect(trap?.reason == .outOfBoundsMemoryAccess)
    }

    @Test func mergedCopiesRunInOrder() throws {
        #expect(try instance.invoke("swap", [.i32(7), .i32(9)]) == [.i32(9_007)])
        #expect(try instance.invoke("copy-chain", [.i32(1), .i32(42)]) == [.i32(42)])
    }

    @Test func resultWrittenToTheResultSlotOnEitherPath() throws {
        #expect(try instance.invoke("sum-returned", [.i32(200), .i32(3)]) == [.i32(203)])
        #expect(try instance.invoke("sum-returned", [.i32(50), .i32(3)]) == [.i32(47)])
    }

    @Test func loadedOperandKeepsItsSide() throws {
        _ = try instance.invoke("store-f64", [.i32(8), .f64(10.0.bitPattern)])
        #expect(try instance.invoke("loaded-minus", [.i32(0), .f64(3.0.bitPattern)]) == [.f64(7.0.bitPattern)])
        #expect(try instance.invoke("minus-loaded", [.i32(0), .f64(3.0.bitPattern)]) == [.f64((-7.0).bitPattern)])
        #expect(try instance.invoke("plus-loaded", [.i32(0), .f64(0.5.bitPattern)]) == [.f64(10.5.bitPattern)])
        #expect(try instance.invoke("loaded-times", [.i32(0), .f64(0.5.bitPattern)]) == [.f64(5.0.bitPattern)])
    }

    @Test func loadedNaNComesOutCanonical() throws {
        let signalingNaN: UInt64 = 0x7FF0_0000_0000_0001
        _ = try instance.invoke("store-f64", [.i32(8), .f64(signalingNaN)])
        #expect(try instance.invoke("plus-loaded", [.i32(0), .f64(1.0.bitPattern)]) == [.f64(0x7FF8_0000_0000_0000)])
    }

    @Test func storedDifferenceKeepsItsOperandOrder() throws {
        _ = try instance.invoke("store-difference", [.i32(0), .f64(10.0.bitPattern), .f64(4.0.bitPattern)])
        #expect(try instance.invoke("loaded-times", [.i32(0), .f64(1.0.bitPattern)]) == [.f64(6.0.bitPattern)])
        let trap = trapOf { try instance.invoke("store-difference", [.i32(65_530), .f64(1.0.bitPattern), .f64(0.0.bitPattern)]) }
        #expect(trap?.reason == .outOfBoundsMemoryAccess)
    }

    @Test func productOfThreeRoundsEachProductAndCanonicalizesNaN() throws {
        // 2^1000 * 2^1000 overflows to infinity before the third factor could bring it back.
        let big = Double(sign: .plus, exponent: 1000, significand: 1)
        let tiny = Double(sign: .plus, exponent: -1000, significand: 1)
        #expect(try instance.invoke("product-of-three", [.f64(big.bitPattern), .f64(big.bitPattern), .f64(tiny.bitPattern)])
            == [.f64(Double.infinity.bitPattern)])
        #expect(try instance.invoke("product-of-three", [.f64(3.0.bitPattern), .f64(0.5.bitPattern), .f64(4.0.bitPattern)])
            == [.f64(6.0.bitPattern)])
        // infinity * 0 is a NaN; the result is the canonical one whatever the third factor.
        #expect(try instance.invoke("product-of-three", [.f64(Double.infinity.bitPattern), .f64(0), .f64((-1.0).bitPattern)])
            == [.f64(0x7FF8_0000_0000_0000)])
    }

    @Test func fusedLoadTrapsOutOfBounds() throws {
        let trap = trapOf { try instance.invoke("loaded-times", [.i32(65_532), .f64(1.0.bitPattern)]) }
        #expect(trap?.reason == .outOfBoundsMemoryAccess)
    }
}
