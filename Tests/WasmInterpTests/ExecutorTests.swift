import Testing
@testable import WasmInterp

@Suite struct ExecutorTests {
    @Test func addReturnsTheSum() throws {
        let instance = try instantiateFixture("add")
        #expect(try instance.invoke("add", [.i32(40), .i32(2)]) == [.i32(42)])
    }

    @Test func loopRunInFuelSlicesMatchesUnlimitedRun() throws {
        let instance = try instantiateFixture("loop-sum")
        let unlimited = try instance.invoke("sum", [.i64(10_000)])
        #expect(unlimited == [.i64(50_005_000)])

        guard let sum = instance.exportedFunction("sum") else { Issue.record("no export"); return }
        let execution = try Execution(store: instance.store, function: sum, arguments: [.i64(10_000)])
        var slices = 0
        var outcome = execution.run(fuel: 1_000)
        while case .outOfFuel = outcome {
            slices += 1
            outcome = execution.run(fuel: 1_000)
        }
        guard case .returned(let values) = outcome else { Issue.record("unexpected \(outcome)"); return }
        #expect(values == unlimited)
        #expect(slices > 10)
    }

    @Test func fuelBudgetStopsAnEndlessLoop() throws {
        let instance = try instantiateFixture("loop-sum")
        #expect(throws: Trap.self) { try instance.invoke("spin", fuel: 10_000) }
        do {
            _ = try instance.invoke("spin", fuel: 10_000)
        } catch let trap as Trap {
            #expect(trap.reason == .outOfFuel)
        }
    }

    @Test func fuelIsChargedPerInstruction() throws {
        let instance = try instantiateFixture("add")
        guard let add = instance.exportedFunction("add") else { Issue.record("no export"); return }
        let execution = try Execution(store: instance.store, function: add, arguments: [.i32(1), .i32(2)])
        // local.get, local.get, i32.add, end: 4 instructions.
        guard case .outOfFuel = execution.run(fuel: 3) else { Issue.record("expected out of fuel"); return }
        guard case .returned(let values) = execution.run(fuel: 4) else { Issue.record("expected results"); return }
        #expect(values == [.i32(3)])
        #expect(execution.remainingFuel == 0)
    }

    @Test func hostFunctionCanSuspendAndResume() throws {
        var imports = Imports()
        let nextType = FunctionType(parameters: [.i32], results: [.i32])
        imports.define(module: "host", name: "next", HostFunction(type: nextType) { _, arguments in
            .suspend(token: arguments[0])
        })
        let instance = try instantiateFixture("host-calls", imports: imports)
        guard let accumulate = instance.exportedFunction("accumulate") else { Issue.record("no export"); return }
        let execution = try Execution(store: instance.store, function: accumulate, arguments: [.i32(5)])
        var outcome = execution.run()
        var suspensions = 0
        while case .suspended(let token) = outcome {
            suspensions += 1
            guard case .i32(let argument)? = token as? Value else { Issue.record("bad token"); return }
            outcome = execution.resume(withHostResults: [.i32(argument * 10)])
        }
        guard case .returned(let values) = outcome else { Issue.record("unexpected \(outcome)"); return }
        #expect(suspensions == 5)
        #expect(values == [.i32(100)])
    }

    @Test func hostFunctionReturningResultsIsCalled() throws {
        var imports = Imports()
        imports.define(module: "host", name: "next", HostFunction(type: FunctionType(parameters: [.i32], results: [.i32])) { _, arguments in
            guard case .i32(let value) = arguments[0] else { return [.i32(0)] }
            return [.i32(value + 1)]
        })
        let instance = try instantiateFixture("host-calls", imports: imports)
        #expect(try instance.invoke("accumulate", [.i32(4)]) == [.i32(10)])
    }

    @Test func trapsCarryTheirReasonAndANamedBacktrace() throws {
        let instance = try instantiateFixture("traps")
        let trap = trapOf { try instance.invoke("nested") }
        #expect(trap?.reason == .unreachable)
        #expect(trap?.backtrace.map(\.functionName) == ["inner", "outer"])
        #expect(trap?.backtrace.first?.offset != nil)
    }

    @Test(arguments: [
        ("divide", [Value.i32(1), .i32(0)], TrapReason.integerDivideByZero),
        ("divide", [.i32(0x8000_0000), .i32(UInt32.max)], .integerOverflow),
        ("load", [.i32(65535)], .outOfBoundsMemoryAccess),
        ("call_null", [], .uninitializedElement),
        ("call_past_end", [], .undefinedElement),
        ("truncate", [.f32(Float.nan.bitPattern)], .invalidConversionToInteger),
    ])
    func eachTrapKindIsReported(export: String, arguments: [Value], reason: TrapReason) throws {
        let instance = try instantiateFixture("traps")
        #expect(trapOf { try instance.invoke(export, arguments) }?.reason == reason)
    }

    @Test func deepRecursionHitsTheConfiguredCallDepth() throws {
        var configuration = StoreConfiguration()
        configuration.maxCallDepth = 500
        let instance = try instantiateFixture("traps", configuration: configuration)
        let trap = trapOf { try instance.invoke("recurse", [.i32(0)]) }
        #expect(trap?.reason == .callStackExhausted)
        #expect(trap?.backtrace.count == 500)
    }

    @Test func memoryGrowthStopsAtTheConfiguredLimit() throws {
        var configuration = StoreConfiguration()
        configuration.maxMemoryPages = 2
        let instance = try instantiateFixture("traps", configuration: configuration)
        #expect(try instance.invoke("grow", [.i32(1)]) == [.i32(1)])
        #expect(try instance.invoke("grow", [.i32(1)]) == [.i32(UInt32.max)])
    }

    @Test func traceReportsEachInstructionWithOperands() throws {
        let instance = try instantiateFixture("add")
        guard let add = instance.exportedFunction("add") else { Issue.record("no export"); return }
        let execution = try Execution(store: instance.store, function: add, arguments: [.i32(5), .i32(7)])
        let recorder = TraceRecorder()
        execution.traceSink = { event in recorder.append(event) }
        _ = execution.run()
        let events = recorder.events
        #expect(events.map(\.instruction) == ["local.get 0", "local.get 1", "i32.add", "end"])
        #expect(events[2].operands == [5, 7])
    }
}

/// The trap a call throws, if it throws one.
func trapOf(_ body: () throws -> Any) -> Trap? {
    do {
        _ = try body()
        return nil
    } catch let trap as Trap {
        return trap
    } catch {
        return nil
    }
}

/// Collects trace events from a `@Sendable` sink.
final class TraceRecorder: @unchecked Sendable {
    private var collected: [TraceEvent] = []
    func append(_ event: TraceEvent) { collected.append(event) }
    var events: [TraceEvent] { collected }
}
