import Testing
@testable import WasmInterp

/// Integer operators with their identity constant (`x + 0`, `x * 1`, `x & -1`, shifts by
/// 0 or a multiple of the width...) emit no instruction, or a copy: these pin down that
/// the value comes through unchanged and that the operators that only look like identities
/// still compute.
@Suite struct IdentityOperationTests {
    let instance: ModuleInstance

    init() throws {
        instance = try instantiateFixture("identity-operations")
        let memory = try #require(instance.memories.first)
        memory.base.storeBytes(of: UInt32(0x1122_3344).littleEndian, toByteOffset: 16, as: UInt32.self)
    }

    @Test func identitiesEmitNoOperator() throws {
        #expect(try translatedOpcodes(of: "i32-add-zero", in: instance) == [.consumeFuel, .returnInPlace])
        let i32Operators = try translatedOpcodes(of: "i32-ops", in: instance)
        #expect(i32Operators.filter { $0 == .i32And || $0 == .i32Mul || $0 == .i32Shl || $0 == .i32Or }.isEmpty)
        #expect(try translatedOpcodes(of: "i64-ops", in: instance) == [.consumeFuel, .returnInPlace])
        #expect(try translatedOpcodes(of: "not-identities", in: instance).filter { $0 == .i32Sub || $0 == .i32Shl }.count == 3)
    }

    @Test func valuesComeThroughUnchanged() throws {
        #expect(try instance.invoke("i32-add-zero", [.i32(0xFFFF_FFFF)]) == [.i32(0xFFFF_FFFF)])
        #expect(try instance.invoke("i32-zero-add", [.i32(5)]) == [.i32(5)])
        #expect(try instance.invoke("i32-ops", [.i32(0x8000_0001)]) == [.i32(2)])
        #expect(try instance.invoke("i64-ops", [.i64(UInt64(bitPattern: -3))]) == [.i64(UInt64(bitPattern: -3))])
    }

    @Test func aComputedRightOperandIsCopiedBeforeItsSlotIsReused() throws {
        #expect(try instance.invoke("computed-right", [.i32(6), .i32(7)]) == [.i32(47)])
    }

    @Test func aKeptLocalIsReadBeforeItIsOverwritten() throws {
        #expect(try instance.invoke("local-then-overwritten", [.i32(4)]) == [.i32(103)])
    }

    @Test func lookalikesStillCompute() throws {
        // 0 - 3 + (3 << 1) + (0 << 3) = 3
        #expect(try instance.invoke("not-identities", [.i32(3)]) == [.i32(3)])
        #expect(try instance.invoke("not-identities", [.i32(1)]) == [.i32(1)])
    }

    @Test func identityResultsStillFuseIntoStoresToLocalsAndAddresses() throws {
        #expect(try instance.invoke("fused-after-identity", [.i32(8), .i32(4)]) == [.i32(0x1122_3344 &+ 12)])
        let trap = trapOf { try instance.invoke("fused-after-identity", [.i32(65_530), .i32(0)]) }
        #expect(trap?.reason == .outOfBoundsMemoryAccess)
    }

    @Test func tracedCodeGivesTheSameValues() throws {
        guard case .returned(let values) = try runTraced("i64-ops", [.i64(UInt64(bitPattern: -3))], in: instance) else {
            Issue.record("did not return")
            return
        }
        #expect(values == [.i64(UInt64(bitPattern: -3))])
        guard case .returned(let computed) = try runTraced("computed-right", [.i32(6), .i32(7)], in: instance) else {
            Issue.record("did not return")
            return
        }
        #expect(computed == [.i32(47)])
    }
}
