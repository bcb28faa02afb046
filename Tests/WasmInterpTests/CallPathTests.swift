import Testing
@testable import WasmInterp

/// The interpreter's call and return paths: the call-depth limit at its exact boundary,
/// running out of fuel at every instruction of a call-heavy run (so at every call and
/// return boundary) and resuming, and backtraces through many frames.
@Suite struct CallPathTests {
    private static func fibonacci(_ n: UInt32) -> UInt32 { n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2) }

    private static func mixedSum(_ n: UInt64) -> UInt64 {
        (0..<n).reduce(0) { sum, i in sum + 3 * i + (i + 7) + UInt64(fibonacci(UInt32(i & 7))) }
    }

    @Test(arguments: [1, 2, 3, 64, 65, 500])
    func recursionReachesExactlyTheConfiguredCallDepth(maxCallDepth: Int) throws {
        var configuration = StoreConfiguration()
        configuration.maxCallDepth = maxCallDepth
        let instance = try instantiateFixture("call-paths", configuration: configuration)
        // `depth(n)` needs n + 1 frames.
        let deepest = UInt32(maxCallDepth - 1)
        #expect(try instance.invoke("depth", [.i32(deepest)]) == [.i32(deepest)])
        let trap = trapOf { try instance.invoke("depth", [.i32(deepest + 1)]) }
        #expect(trap?.reason == .callStackExhausted)
        #expect(trap?.backtrace.count == maxCallDepth)
        // The execution that trapped leaves nothing behind: the deepest call still fits.
        #expect(try instance.invoke("depth", [.i32(deepest)]) == [.i32(deepest)])
    }

    @Test func deepRecursionGrowsTheStacksAndReturnsThroughEveryFrame() throws {
        var configuration = StoreConfiguration()
        configuration.maxCallDepth = 20_000
        let instance = try instantiateFixture("call-paths", configuration: configuration)
        #expect(try instance.invoke("depth", [.i32(19_999)]) == [.i32(19_999)])
    }

    @Test(arguments: ["fib", "mixed"])
    func runningOutOfFuelAtEveryInstructionThenResumingGivesTheSameResult(export: String) throws {
        let instance = try instantiateFixture("call-paths")
        guard let function = instance.exportedFunction(export) else { Issue.record("no export"); return }
        let argument: Value = export == "fib" ? .i32(12) : .i32(40)
        let expected: [Value] = export == "fib" ? [.i32(Self.fibonacci(12))] : [.i64(Self.mixedSum(40))]
        #expect(try instance.invoke(export, [argument]) == expected)

        // Slices of one unit stop before every block a call enters or a return goes back to
        // (a block that costs more gets just what it needs); the other sizes stop at every
        // offset around them.
        for slice: UInt64 in [1, 2, 3, 5, 7] {
            let execution = try Execution(store: instance.store, function: function, arguments: [argument])
            var outcome = execution.run(fuel: slice)
            var stops = 0
            while case .outOfFuel = outcome, stops < 1_000_000 {
                stops += 1
                outcome = execution.run(fuel: Swift.max(slice, execution.fuelRequiredToContinue ?? slice))
            }
            guard case .returned(let values) = outcome else { Issue.record("slice \(slice): \(outcome)"); return }
            #expect(values == expected, "slice \(slice)")
            #expect(stops > 100, "slice \(slice)")
        }
    }

    @Test func aTrapDeepInTheCallStackHasEveryFrameInItsBacktrace() throws {
        let instance = try instantiateFixture("call-paths")
        let trap = trapOf { try instance.invoke("trap_deep", [.i32(99)]) }
        #expect(trap?.reason == .unreachable)
        #expect(trap?.backtrace.count == 100)
        #expect(trap?.backtrace.allSatisfy { $0.functionName == "trap_deep" } == true)
    }

    @Test func tracingFollowsCallsAndReturns() throws {
        let instance = try instantiateFixture("call-paths")
        guard let fib = instance.exportedFunction("fib") else { Issue.record("no export"); return }
        let execution = try Execution(store: instance.store, function: fib, arguments: [.i32(3)])
        let recorder = TraceRecorder()
        execution.traceSink = { event in recorder.append(event) }
        guard case .returned(let values) = execution.run() else { Issue.record("did not return"); return }
        #expect(values == [.i32(2)])
        // fib(3) calls fib(2), fib(1), fib(1), fib(0): five frames, each ending its `if` and
        // then the function, two `end`s each.
        #expect(recorder.events.filter { $0.instruction == "call 0" }.count == 4)
        #expect(recorder.events.filter { $0.instruction == "end" }.count == 10)
    }
}
