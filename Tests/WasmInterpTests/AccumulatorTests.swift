import Testing
@testable import WasmInterp

/// An instruction that reads the result of the one just before it takes it from the
/// interpreter's accumulators (Translator+Accumulator.swift). These check that the paired
/// forms are used, keep each operand on its side, and that a reader a branch lands on
/// still reads its slot.
@Suite struct AccumulatorTests {
    let instance: ModuleInstance

    init() throws {
        instance = try instantiateFixture("accumulator")
    }

    @Test func readersOfTheLastResultUseTheAccumulatorForms() throws {
        let opcodes = try instance.translatedOpcodes()
        for expected: InternalOpcode in [
            .i32SubAccZ, .i32ShlAccY, .i32XorAccY, .i32RotlAccZ, .i64SubAccY, .i64ShlAccZ, .i64ExtendI32UAccY,
            .f64AddAccY, .f64DivAccZ, .f64SqrtAccY, .i32LoadAccY, .i32StoreAccX, .f64StoreAccX, .f64AddLoadAccY,
            .branchIfI32GtSAccY, .branchIfAcc, .branchIfI32LtULoopAccY, .i32GtSAccY, .copyAccY,
        ] {
            #expect(opcodes.contains(expected), "\(expected) missing")
        }
    }

    @Test func integerChainKeepsOperandOrder() throws {
        var random = SplitMix64(seed: 7)
        let edges: [UInt32] = [0, 1, 31, 32, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF]
        for round in 0..<300 {
            let a = round < edges.count ? edges[round] : UInt32(truncatingIfNeeded: random.next())
            let b = UInt32(truncatingIfNeeded: random.next())
            let c = UInt32(truncatingIfNeeded: random.next())
            let shifted = ((c &- (a &+ b)) << 3) ^ b
            let amount = (a >> 5) & 31
            let expected = shifted << amount | shifted >> ((32 - amount) & 31)
            #expect(try instance.invoke("int-chain", [.i32(a), .i32(b), .i32(c)]) == [.i32(expected)])
        }
    }

    @Test func i64ChainKeepsOperandOrder() throws {
        var random = SplitMix64(seed: 11)
        for _ in 0..<300 {
            let a = random.next()
            let b = random.next()
            let expected = (b << ((a &* b &- a) & 63)) &- UInt64(UInt32(truncatingIfNeeded: a))
            #expect(try instance.invoke("i64-chain", [.i64(a), .i64(b)]) == [.i64(expected)])
        }
    }

    @Test func f64ChainKeepsOperandOrderAndCanonicalNaN() throws {
        for (a, b, c) in [(2.0, 3.0, 32.0), (-1.5, 4.0, 7.5), (1e300, 1e300, 1.0), (0.0, 5.0, 0.0), (-2.0, 0.5, 9.0)] {
            let expected = (c / (a * b + a)).squareRoot()
            let result = try instance.invoke("f64-chain", [.f64(a.bitPattern), .f64(b.bitPattern), .f64(c.bitPattern)])
            #expect(result == [.f64(expected.isNaN ? 0x7FF8_0000_0000_0000 : expected.bitPattern)], "\(a) \(b) \(c)")
        }
    }

    @Test func addressesAndStoredValuesFromTheAccumulator() throws {
        #expect(try instance.invoke("store-sum", [.i32(40), .i32(0xFFFF_FFFF), .i32(6)]) == [.i32(5)])
        #expect(try instance.invoke("load-indexed", [.i32(10)]) == [.i32(5)])
        // 0x4000 * 4 is 65,536: the first byte past the one page.
        let trap = trapOf { try instance.invoke("load-indexed", [.i32(0x4000)]) }
        #expect(trap?.reason == .outOfBoundsMemoryAccess)
        #expect(try instance.invoke("store-root", [.i32(64), .f64(2.25.bitPattern)]) == [.f64(1.5.bitPattern)])
        #expect(try instance.invoke("product-plus-loaded", [.i32(64), .f64(2.0.bitPattern), .f64(3.0.bitPattern)])
            == [.f64(7.5.bitPattern)])
    }

    @Test func branchConditionsFromTheAccumulator() throws {
        _ = try instance.invoke("store-sum", [.i32(8), .i32(10), .i32(0)])
        // limit < 10 branches; the comparison's sides must not trade places.
        #expect(try instance.invoke("below-loaded", [.i32(8), .i32(9)]) == [.i32(1)])
        #expect(try instance.invoke("below-loaded", [.i32(8), .i32(10)]) == [.i32(0)])
        #expect(try instance.invoke("below-loaded", [.i32(8), .i32(0xFFFF_FFFF)]) == [.i32(1)])
        #expect(try instance.invoke("byte-is-zero", [.i32(8)]) == [.i32(9)])
        #expect(try instance.invoke("byte-is-zero", [.i32(1000)]) == [.i32(7)])
    }

    @Test func readerABranchLandsOnReadsItsSlot() throws {
        #expect(try instance.invoke("label-between", [.i32(5), .i32(1)]) == [.i32(8)])
        #expect(try instance.invoke("label-between", [.i32(5), .i32(2)]) == [.i32(98)])
    }

    @Test func loopBackEdgesOnAJustComputedCounter() throws {
        for n: UInt32 in [1, 2, 10, 1000] {
            #expect(try instance.invoke("count-up", [.i32(n)]) == [.i32(n * (n - 1) / 2)])
            #expect(try instance.invoke("count-up-mirrored", [.i32(n)]) == [.i32(n * (n - 1) / 2)])
        }
    }

    @Test func comparisonWithTheLoadedValueOnTheRight() throws {
        _ = try instance.invoke("store-sum", [.i32(16), .i32(10), .i32(0)])
        #expect(try instance.invoke("less-than-loaded", [.i32(16), .i32(9)]) == [.i32(1)])
        #expect(try instance.invoke("less-than-loaded", [.i32(16), .i32(10)]) == [.i32(0)])
        #expect(try instance.invoke("less-than-loaded", [.i32(16), .i32(0x8000_0000)]) == [.i32(1)])
    }

    @Test func copyOfTheLastResult() throws {
        #expect(try instance.invoke("sum-twice", [.i32(3), .i32(4)]) == [.i32(7_007)])
    }
}
