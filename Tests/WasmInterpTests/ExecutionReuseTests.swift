import Testing
@testable import WasmInterp

/// `Execution.reset`: one execution runs call after call, as the canonical ABI's helper
/// calls do.
@Suite struct ExecutionReuseTests {
    @Test func aFinishedExecutionRunsAnotherCallAfterReset() throws {
        let instance = try instantiateFixture("add")
        guard let add = instance.exportedFunction("add") else { Issue.record("no export"); return }
        let execution = try Execution(store: instance.store, function: add, arguments: [.i32(1), .i32(2)])
        #expect(try execution.complete() == [.i32(3)])
        for value in UInt32(0)..<100 {
            try execution.reset(function: add, arguments: [.i32(value), .i32(1)])
            #expect(try execution.complete() == [.i32(value &+ 1)])
        }
    }

    @Test func resetRefusesAnUnfinishedExecutionAndWrongArguments() throws {
        let instance = try instantiateFixture("loop-sum")
        guard let sum = instance.exportedFunction("sum") else { Issue.record("no export"); return }
        let execution = try Execution(store: instance.store, function: sum, arguments: [.i64(10_000)])
        guard case .outOfFuel = execution.run(fuel: 100) else { Issue.record("expected out of fuel"); return }
        #expect(throws: Trap.self) { try execution.reset(function: sum, arguments: [.i64(1)]) }
        // Still where it was: it finishes the first call.
        var outcome = execution.run(fuel: 1_000)
        while case .outOfFuel = outcome { outcome = execution.run(fuel: 1_000) }
        guard case .returned(let values) = outcome else { Issue.record("unexpected \(outcome)"); return }
        #expect(values == [.i64(50_005_000)])
        #expect(throws: Trap.self) { try execution.reset(function: sum, arguments: [.i32(1)]) }
        #expect(throws: Trap.self) { try execution.reset(function: sum, arguments: []) }
        try execution.reset(function: sum, arguments: [.i64(3)])
        #expect(try execution.complete() == [.i64(6)])
    }

    @Test func aTrappedExecutionCanBeResetAndAnOutOfFuelOneCannot() throws {
        let instance = try instantiateFixture("traps")
        guard let divide = instance.exportedFunction("divide") else { Issue.record("no export"); return }
        let execution = try Execution(store: instance.store, function: divide, arguments: [.i32(1), .i32(0)])
        #expect(throws: Trap.self) { try execution.complete() }
        try execution.reset(function: divide, arguments: [.i32(42), .i32(6)])
        #expect(try execution.complete() == [.i32(7)])

        let loops = try instantiateFixture("loop-sum")
        guard let spin = loops.exportedFunction("spin") else { Issue.record("no export"); return }
        let spinning = try Execution(store: loops.store, function: spin, arguments: [])
        #expect(throws: Trap.self) { try spinning.complete(fuel: 1_000) }
        #expect(throws: Trap.self) { try spinning.reset(function: spin, arguments: []) }
    }
}
