import Testing
@testable import WasmInterp

/// A loop counter's step (`local.tee` of an `i32.add`) fuses into the `i32.ne` branch that
/// tests it (`i32AddBranchIfNe`); these pin down that the fused form keeps the sequence's
/// semantics: wrapping, operand order, labels between, fuel and tracing.
@Suite struct CounterStepTests {
    let instance: ModuleInstance

    init() throws {
        instance = try instantiateFixture("counter-steps")
    }

    @Test func loopEndsUseTheFusedBackEdge() throws {
        #expect(try translatedOpcodes(of: "steps-until", in: instance).contains(.i32AddBranchIfNeLoop))
        #expect(try translatedOpcodes(of: "steps-until-swapped", in: instance).contains(.i32AddBranchIfNeLoop))
        #expect(try translatedOpcodes(of: "step-and-leave", in: instance).contains(.i32AddBranchIfNe))
    }

    @Test func counterStepsAndTestsTheNewValue() throws {
        #expect(try instance.invoke("steps-until", [.i32(0), .i32(1), .i32(10)]) == [.i32(10)])
        #expect(try instance.invoke("steps-until", [.i32(0), .i32(3), .i32(3)]) == [.i32(1)])
        #expect(try instance.invoke("steps-until-swapped", [.i32(0), .i32(8)]) == [.i32(4)])
    }

    @Test func counterWrapsAtTwoToThe32() throws {
        // 0xFFFF_FFFE, 0xFFFF_FFFF, 0, 1, 2: four steps.
        #expect(try instance.invoke("steps-until", [.i32(0xFFFF_FFFE), .i32(1), .i32(2)]) == [.i32(4)])
        #expect(try instance.invoke("steps-until-swapped", [.i32(0xFFFF_FFFC), .i32(2)]) == [.i32(3)])
        // A step of -1 counts down through zero.
        #expect(try instance.invoke("steps-until", [.i32(2), .i32(0xFFFF_FFFF), .i32(0xFFFF_FFFE)]) == [.i32(4)])
    }

    @Test func forwardBranchLeavesWithTheSteppedValue() throws {
        #expect(try instance.invoke("step-and-leave", [.i32(5), .i32(0)]) == [.i32(6)])
        #expect(try instance.invoke("step-and-leave", [.i32(0xFFFF_FFFF), .i32(0)]) == [.i32(0xFFFF_FFFF)])
    }

    @Test func labelBetweenStepAndTestKeepsThemApart() throws {
        let opcodes = try translatedOpcodes(of: "step-then-label", in: instance)
        #expect(!opcodes.contains(.i32AddBranchIfNeLoop))
        #expect(!opcodes.contains(.i32AddBranchIfNe))
        // The step runs on even iterations only: i reaches 3 on the sixth.
        #expect(try instance.invoke("step-then-label", [.i32(3)]) == [.i32(6)])
    }

    @Test func fuelIsChargedAsForTheUnfusedCode() throws {
        let arguments: [Value] = [.i32(0), .i32(1), .i32(50)]
        let fused = try fuelUsed("steps-until", arguments, traced: false)
        let unfused = try fuelUsed("steps-until", arguments, traced: true)
        #expect(fused == unfused)
        #expect(fused > 50 * 10)
    }

    @Test func outOfFuelAtTheBackEdgeResumesAfterTheStep() throws {
        let function = try #require(instance.exportedFunction("steps-until"))
        let execution = try Execution(store: instance.store, function: function, arguments: [.i32(0), .i32(1), .i32(40)])
        var slices = 0
        while true {
            slices += 1
            let outcome = execution.run(fuel: 25)
            if case .returned(let results) = outcome {
                #expect(results == [.i32(40)])
                break
            }
            guard case .outOfFuel = outcome, slices < 1_000 else { Issue.record("unexpected outcome \(outcome)"); return }
        }
        #expect(slices > 10)
    }

    @Test func fuelOffUsesThePlainFusedBranch() throws {
        var configuration = StoreConfiguration()
        configuration.fuelMetering = false
        let unmetered = try instantiateFixture("counter-steps", configuration: configuration)
        #expect(try translatedOpcodes(of: "steps-until", in: unmetered).contains(.i32AddBranchIfNe))
        #expect(try unmetered.invoke("steps-until", [.i32(0xFFFF_FFFE), .i32(1), .i32(2)]) == [.i32(4)])
    }

    @Test func traceShowsTheStepTheTestAndTheBranch() throws {
        let function = try #require(instance.exportedFunction("steps-until"))
        let execution = try Execution(store: instance.store, function: function, arguments: [.i32(0), .i32(1), .i32(2)])
        let names = Locked<[String]>([])
        execution.traceSink = { event in names.withLock { $0.append(event.instruction) } }
        guard case .returned(let results) = execution.run() else { throw TestFailure("traced run did not return") }
        #expect(results == [.i32(2)])
        let traced = names.withLock { $0 }
        #expect(traced.filter { $0.hasPrefix("i32.ne") }.count == 2)
        #expect(traced.filter { $0.hasPrefix("br_if") }.count == 2)
        #expect(traced.filter { $0.hasPrefix("local.tee") }.count == 2)
    }

    /// The fuel one call takes, in code translated untraced (fused) or traced (one to one).
    private func fuelUsed(_ name: String, _ arguments: [Value], traced: Bool) throws -> UInt64 {
        let function = try #require(instance.exportedFunction(name))
        let execution = try Execution(store: instance.store, function: function, arguments: arguments)
        if traced { execution.traceSink = { _ in } }
        let budget: UInt64 = 1_000_000
        guard case .returned = execution.run(fuel: budget) else { throw TestFailure("run did not return") }
        return budget - execution.remainingFuel
    }
}
