import Testing
@testable import WasmInterp

/// `Execution.reset(function:slotArguments:)`: calls with raw argument bits whose results
/// stay in the execution, as the canonical ABI's `realloc` calls are made.
@Suite struct SlotArgumentCallTests {
    @Test func slotArgumentsGoInAndResultsAreReadInPlace() throws {
        let instance = try instantiateFixture("add")
        guard let add = instance.exportedFunction("add") else { Issue.record("no export"); return }
        let first: [UInt64] = [40, 2]
        let execution = try first.withUnsafeBufferPointer { try Execution(store: instance.store, function: add, slotArguments: $0) }
        guard case .returned(let values) = execution.run() else { Issue.record("did not return"); return }
        #expect(values.isEmpty)
        #expect(execution.returnedSlot(0) == 42)
        #expect(execution.returnedSlot(1) == nil)
        for value in UInt64(0)..<50 {
            let arguments: [UInt64] = [value, 0xFFFF_FFFF]
            try arguments.withUnsafeBufferPointer { try execution.reset(function: add, slotArguments: $0) }
            #expect(execution.returnedSlot(0) == nil, "no result before the call runs")
            _ = try execution.complete()
            #expect(execution.returnedSlot(0) == UInt64(UInt32(truncatingIfNeeded: value &- 1)))
        }
        // A `Value` reset brings back results in `.returned`.
        try execution.reset(function: add, arguments: [.i32(1), .i32(2)])
        #expect(try execution.complete() == [.i32(3)])
        #expect(execution.returnedSlot(0) == nil)
    }

    @Test func wrongCountsReferencesAndUnfinishedExecutionsAreRefused() throws {
        let instance = try instantiateFixture("add")
        guard let add = instance.exportedFunction("add") else { Issue.record("no export"); return }
        let one: [UInt64] = [1]
        #expect(throws: Trap.self) {
            try one.withUnsafeBufferPointer { try Execution(store: instance.store, function: add, slotArguments: $0) }
        }
        let takesReference = Function(HostFunction(type: FunctionType(parameters: [.externref], results: [])) { _, _ in .values([]) })
        #expect(throws: Trap.self) {
            try one.withUnsafeBufferPointer { try Execution(store: instance.store, function: takesReference, slotArguments: $0) }
        }

        let loops = try instantiateFixture("loop-sum")
        guard let sum = loops.exportedFunction("sum") else { Issue.record("no export"); return }
        let big: [UInt64] = [10_000]
        let execution = try big.withUnsafeBufferPointer { try Execution(store: loops.store, function: sum, slotArguments: $0) }
        guard case .outOfFuel = execution.run(fuel: 100) else { Issue.record("expected out of fuel"); return }
        #expect(execution.returnedSlot(0) == nil)
        #expect(throws: Trap.self) { try big.withUnsafeBufferPointer { try execution.reset(function: sum, slotArguments: $0) } }
        var outcome = execution.run(fuel: 1_000)
        while case .outOfFuel = outcome { outcome = execution.run(fuel: 1_000) }
        #expect(execution.returnedSlot(0) == 50_005_000)
    }

    @Test func aHostFunctionEntryTakesAndReturnsSlotsToo() throws {
        let store = Store(configuration: StoreConfiguration())
        let double = Function(HostFunction(type: FunctionType(parameters: [.i64], results: [.i64]), returning: { _, arguments in
            guard case .i64(let value) = arguments.first else { return [] }
            return [.i64(value &* 2)]
        }))
        let arguments: [UInt64] = [21]
        let execution = try arguments.withUnsafeBufferPointer { try Execution(store: store, function: double, slotArguments: $0) }
        #expect(try execution.complete().isEmpty)
        #expect(execution.returnedSlot(0) == 42)
    }

    @Test func aTrapLeavesNoResult() throws {
        let instance = try instantiateFixture("traps")
        guard let divide = instance.exportedFunction("divide") else { Issue.record("no export"); return }
        let arguments: [UInt64] = [1, 0]
        let execution = try arguments.withUnsafeBufferPointer { try Execution(store: instance.store, function: divide, slotArguments: $0) }
        #expect(throws: Trap.self) { try execution.complete() }
        #expect(execution.returnedSlot(0) == nil)
    }
}
