import Testing
@testable import WasmInterp

/// A call copies the callee's declared locals' zeros and its constants from one template
/// into the frame; every call must see zeroed locals and its own constants again.
@Suite struct FrameInitializationTests {
    @Test func smallFramesStartZeroedOnEveryCall() throws {
        let instance = try instantiateFixture("frame-initialization")
        // Each level adds 7 + 1000 from its own zeroed locals to the deeper levels' sum.
        #expect(try instance.invoke("small", [.i32(0)]) == [.i32(1_007)])
        #expect(try instance.invoke("small", [.i32(3)]) == [.i32(4 * 1_007)])
        #expect(try instance.invoke("small", [.i32(0)]) == [.i32(1_007)])
    }

    @Test func largeFramesStartZeroedOnEveryCall() throws {
        let instance = try instantiateFixture("frame-initialization")
        for _ in 0..<3 {
            #expect(try instance.invoke("large", [.i32(100)]) == [.i32(141)])
        }
    }

    @Test func functionReferenceConstantsFollowTheLocals() throws {
        let instance = try instantiateFixture("frame-initialization")
        #expect(try instance.invoke("through-reference", [.i32(5)]) == [.i32(16)])
        let other = try instantiateFixture("frame-initialization")
        #expect(try other.invoke("through-reference", [.i32(7)]) == [.i32(22)])
        #expect(try instance.invoke("through-reference", [.i32(5)]) == [.i32(16)])
    }

    @Test func initialSlotsAreZerosThenConstants() throws {
        let instance = try instantiateFixture("frame-initialization")
        try instance.translateAllFunctions()
        var checked = 0
        for function in instance.storage.functions {
            guard case .wasm(let wasm) = function.kind, let compiled = wasm.compiled else { continue }
            #expect(compiled.initialSlotCount == compiled.declaredLocalSlots + compiled.constantCount)
            for index in 0..<compiled.declaredLocalSlots { #expect(compiled.initialSlots[index] == 0) }
            checked += 1
        }
        #expect(checked == 4)
    }
}
