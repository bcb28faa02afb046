import Testing
@testable import WasmInterp

/// `Execution.fuelRequiredToContinue`: a block that costs more than one run's budget
/// starts once the next run gets at least that much.
@Suite struct FuelRequiredToContinueTests {
    /// Runs `name(argument)` in slices of `slice` fuel, raised to `fuelRequiredToContinue`
    /// when a slice is too small; returns the results and how many runs it took.
    private func runInSlices(
        _ instance: ModuleInstance, _ name: String, _ argument: UInt32, slice: UInt64
    ) throws -> (values: [Value], runs: Int) {
        guard let function = instance.exportedFunction(name) else { throw Trap(.hostError("no export \(name)")) }
        let execution = try Execution(store: instance.store, function: function, arguments: [.i32(argument)])
        var runs = 1
        var outcome = execution.run(fuel: slice)
        while case .outOfFuel = outcome, runs < 10_000 {
            let required = try #require(execution.fuelRequiredToContinue)
            outcome = execution.run(fuel: Swift.max(slice, required))
            runs += 1
        }
        guard case .returned(let values) = outcome else { throw Trap(.hostError("unexpected \(outcome)")) }
        #expect(execution.fuelRequiredToContinue == nil)
        return (values, runs)
    }

    @Test(arguments: ["straight", "call_straight", "loop"])
    func aTooSmallBudgetNeverProgressesAndTheRequiredOneDoes(name: String) throws {
        let instance = try instantiateFixture("fuel-blocks")
        let expected = try instance.invoke(name, [.i32(3)])
        guard let function = instance.exportedFunction(name) else { Issue.record("no export"); return }
        let execution = try Execution(store: instance.store, function: function, arguments: [.i32(3)])
        // A slice of 5 fuel: the big block (40 additions) never starts, run after run.
        var required: UInt64?
        for _ in 0..<3 {
            guard case .outOfFuel = execution.run(fuel: 5) else { Issue.record("expected out of fuel"); return }
            let now = try #require(execution.fuelRequiredToContinue)
            #expect(now > 5)
            if let required { #expect(now == required) }
            required = now
        }
        let (values, runs) = try runInSlices(instance, name, 3, slice: 5)
        #expect(values == expected)
        #expect(runs > 1)
    }

    @Test func theRequiredFuelIsExactlyTheBlockCost() throws {
        let instance = try instantiateFixture("fuel-blocks")
        guard let straight = instance.exportedFunction("straight") else { Issue.record("no export"); return }
        let execution = try Execution(store: instance.store, function: straight, arguments: [.i32(0)])
        guard case .outOfFuel = execution.run(fuel: 1) else { Issue.record("expected out of fuel"); return }
        let required = try #require(execution.fuelRequiredToContinue)
        guard case .outOfFuel = execution.run(fuel: required - 1) else { Issue.record("expected out of fuel"); return }
        #expect(execution.fuelRequiredToContinue == required)
        guard case .returned(let values) = execution.run(fuel: required) else { Issue.record("expected a return"); return }
        #expect(values == [.i32(820)])
        #expect(execution.remainingFuel == 0)
    }

    @Test func itIsNilBeforeAndAfterRunsThatDoNotRunOut() throws {
        let instance = try instantiateFixture("fuel-blocks")
        guard let loop = instance.exportedFunction("loop") else { Issue.record("no export"); return }
        let execution = try Execution(store: instance.store, function: loop, arguments: [.i32(2)])
        #expect(execution.fuelRequiredToContinue == nil)
        #expect(try execution.complete() == [.i32(1640)])
        #expect(execution.fuelRequiredToContinue == nil)
    }
}
