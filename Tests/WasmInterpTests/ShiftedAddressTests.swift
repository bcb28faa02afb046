import Foundation
import Testing
@testable import WasmInterp

/// Loads and stores of array elements take over the `i32.shl` of their address
/// (`...AtShift`); these pin down that the fused forms keep the Wasm semantics of the
/// shift and the access, at their edges.
@Suite struct ShiftedAddressTests {
    let instance: ModuleInstance

    init() throws {
        instance = try instantiateFixture("shifted-addresses")
    }

    @Test func translationUsesTheShiftedForms() throws {
        let opcodes = try translatedOpcodes(of: "load-at-shift")
        #expect(opcodes.contains(.i32LoadAtShift))
        #expect(!opcodes.contains(.i32Shl))
        #expect(try translatedOpcodes(of: "store64-at-shift").contains(.i64StoreAtShift))
        #expect(try translatedOpcodes(of: "load64-at-shift").contains(.i64LoadAtShift))
        #expect(try translatedOpcodes(of: "load-at-shift-far").contains(.i32LoadAtShift))
        #expect(!(try translatedOpcodes(of: "load-at-variable-shift").contains(.i32LoadAtShift)))
    }

    @Test func loadReadsTheElementAfterTheOffset() throws {
        let memory = try #require(instance.memories.first)
        memory.base.storeBytes(of: UInt32(0xDEAD_BEEF).littleEndian, toByteOffset: 4 + 3 * 4, as: UInt32.self)
        #expect(try instance.invoke("load-at-shift", [.i32(3)]) == [.i32(0xDEAD_BEEF)])
    }

    @Test func shiftedIndexWrapsAtTwoToThe32() throws {
        let memory = try #require(instance.memories.first)
        memory.base.storeBytes(of: UInt32(0x1234_5678).littleEndian, toByteOffset: 8, as: UInt32.self)
        // 0x4000_0001 << 2 wraps to 4; the offset 4 then reaches byte 8.
        #expect(try instance.invoke("load-at-shift", [.i32(0x4000_0001)]) == [.i32(0x1234_5678)])
        // A count of 33 shifts by 1: 4 << 1 = 8, fused (constant) or not.
        #expect(try instance.invoke("load-at-shift-33", [.i32(4)]) == [.i32(0x1234_5678)])
        #expect(try instance.invoke("load-at-variable-shift", [.i32(4), .i32(33)]) == [.i32(0x1234_5678)])
    }

    @Test func offsetAfterTheShiftDoesNotWrap() throws {
        // 0x3FFF_FFFF << 2 = 0xFFFF_FFFC; with the offset 4 the access starts at 2^32.
        let trap = trapOf { try instance.invoke("load-at-shift", [.i32(0x3FFF_FFFF)]) }
        #expect(trap?.reason == .outOfBoundsMemoryAccess)
        let wide = trapOf { try instance.invoke("load64-at-shift", [.i32(0x1FFF_FFFF)]) }
        #expect(wide?.reason == .outOfBoundsMemoryAccess)
    }

    @Test func offsetsBeyondSixteenBitsAreKept() throws {
        let memory = try #require(instance.memories.first)
        memory.base.storeBytes(of: UInt32(0xABCD).littleEndian, toByteOffset: 65_532, as: UInt32.self)
        #expect(try instance.invoke("load-at-shift-far", [.i32(0)]) == [.i32(0xABCD)])
        let trap = trapOf { try instance.invoke("load-at-shift-far", [.i32(1)]) }
        #expect(trap?.reason == .outOfBoundsMemoryAccess)
        // 0x4000_0000 << 2 wraps to 0, but the offset 2^32 - 1 is added unwrapped.
        let huge = trapOf { try instance.invoke("load-at-shift-huge", [.i32(0x4000_0000)]) }
        #expect(huge?.reason == .outOfBoundsMemoryAccess)
    }

    @Test func accessesEndingAtTheLastByteSucceedAndOnePastTraps() throws {
        // The last i32 of the page starts at 65,532 = 4 + 16,382 × 4.
        #expect(throws: Never.self) { try instance.invoke("load-at-shift", [.i32(16_382)]) }
        let trap = trapOf { try instance.invoke("load-at-shift", [.i32(16_383)]) }
        #expect(trap?.reason == .outOfBoundsMemoryAccess)
        #expect(try instance.invoke("store-at-shift", [.i32(16_381), .i32(77)]) == [.i32(77)])
        let storeTrap = trapOf { try instance.invoke("store-at-shift", [.i32(16_382), .i32(1)]) }
        #expect(storeTrap?.reason == .outOfBoundsMemoryAccess)
    }

    @Test func storesWriteWhereTheShiftPoints() throws {
        #expect(try instance.invoke("store-at-shift", [.i32(5), .i32(0xCAFE)]) == [.i32(0xCAFE)])
        let value = UInt64(bitPattern: -5)
        #expect(try instance.invoke("store64-at-shift", [.i32(100), .i64(value)]) == [.i64(value)])
        let trap = trapOf { try instance.invoke("store64-at-shift", [.i32(8_192), .i64(1)]) }
        #expect(trap?.reason == .outOfBoundsMemoryAccess)
    }

    @Test func trapBacktraceNamesTheAccess() throws {
        let trap = try #require(trapOf { try instance.invoke("load-at-shift", [.i32(0x3FFF_FFFF)]) })
        let fused = try #require(trap.backtrace.first?.offset)
        // The traced (unfused) code's trap points at the same instruction.
        let traced = try tracedTrapOffset("load-at-shift", [.i32(0x3FFF_FFFF)])
        #expect(fused == traced)
    }

    @Test func branchTargetBetweenShiftAndLoadKeepsThemApart() throws {
        #expect(!(try translatedOpcodes(of: "shift-then-branch").contains(.i32LoadAtShift)))
        let memory = try #require(instance.memories.first)
        memory.base.storeBytes(of: UInt32(11).littleEndian, toByteOffset: 12, as: UInt32.self)
        memory.base.storeBytes(of: UInt32(22).littleEndian, toByteOffset: 20, as: UInt32.self)
        #expect(try instance.invoke("shift-then-branch", [.i32(5), .i32(1)]) == [.i32(22)])
        #expect(try instance.invoke("shift-then-branch", [.i32(5), .i32(0)]) == [.i32(11)])
    }

    @Test func shiftUsedTwiceIsNotFused() throws {
        #expect(!(try translatedOpcodes(of: "shift-used-twice").contains(.i32LoadAtShift)))
        let memory = try #require(instance.memories.first)
        memory.base.storeBytes(of: UInt32(100).littleEndian, toByteOffset: 12, as: UInt32.self)
        #expect(try instance.invoke("shift-used-twice", [.i32(3)]) == [.i32(112)])
    }

    @Test func fuelIsChargedPerWasmInstructionAsBefore() throws {
        let function = try #require(instance.exportedFunction("load-at-shift"))
        // local.get, i32.const, i32.shl, i32.load, end: 5 instructions, fused or not.
        let execution = try Execution(store: instance.store, function: function, arguments: [.i32(1)])
        guard case .outOfFuel = execution.run(fuel: 4) else { Issue.record("expected out of fuel"); return }
        guard case .returned = execution.run(fuel: 5) else { Issue.record("expected results"); return }
        #expect(execution.remainingFuel == 0)
    }

    @Test func traceShowsTheShiftAndTheLoad() throws {
        let function = try #require(instance.exportedFunction("load-at-shift"))
        let execution = try Execution(store: instance.store, function: function, arguments: [.i32(2)])
        let names = Locked<[String]>([])
        execution.traceSink = { event in names.withLock { $0.append(event.instruction) } }
        guard case .returned = execution.run() else { throw TestFailure("traced run did not return") }
        let traced = names.withLock { $0 }
        #expect(traced.contains { $0.hasPrefix("i32.shl") })
        #expect(traced.contains { $0.hasPrefix("i32.load") })
    }

    /// The source offset of the trap the traced (unfused) code reports.
    private func tracedTrapOffset(_ name: String, _ arguments: [Value]) throws -> Int? {
        let function = try #require(instance.exportedFunction(name))
        let execution = try Execution(store: instance.store, function: function, arguments: arguments)
        execution.traceSink = { _ in }
        guard case .trapped(let trap) = execution.run() else { return nil }
        return trap.backtrace.first?.offset
    }

    /// The opcodes of one exported function's translated code.
    private func translatedOpcodes(of name: String) throws -> Set<InternalOpcode> {
        try instance.translateAllFunctions()
        let function = try #require(instance.exportedFunction(name))
        guard case .wasm(let wasm) = function.kind, let compiled = wasm.compiled else { return [] }
        var opcodes = Set<InternalOpcode>()
        for index in 0..<compiled.codeCount { opcodes.insert(compiled.code[index].opcode) }
        return opcodes
    }
}
