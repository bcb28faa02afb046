import Testing
@testable import WasmInterp

/// The translator picks a return form per return: nothing to move (`returnInPlace`), one
/// slot moved (`returnSlot`), or the general move (`return`). These pin down that each form
/// returns the right values into the caller's slots, on every kind of return path, when
/// fuel runs out around them, and in traced code (which keeps the general form).
@Suite struct ReturnFormTests {
    let instance: ModuleInstance

    init() throws {
        var configuration = StoreConfiguration()
        configuration.fuelMetering = true
        instance = try instantiateFixture("return-forms", configuration: configuration)
    }

    @Test func eachFormIsChosenWhereItApplies() throws {
        #expect(try translatedOpcodes(of: "first", in: instance).last == .returnInPlace)
        #expect(try translatedOpcodes(of: "second", in: instance).contains(.returnSlot))
        // Without parameters or locals, the constant's slot is the frame's first.
        #expect(try translatedOpcodes(of: "constant", in: instance).last == .returnInPlace)
        #expect(try translatedOpcodes(of: "nothing", in: instance).filter { $0 == .returnInPlace }.count == 2)
        #expect(try translatedOpcodes(of: "rotate", in: instance).last == .return)
        #expect(try translatedOpcodes(of: "same", in: instance).last == .returnInPlace)
        let pick = try translatedOpcodes(of: "pick", in: instance)
        #expect(!pick.contains(.return))
        #expect(pick.contains(.returnSlot) && pick.contains(.returnInPlace))
    }

    @Test func oneResultComesBackFromEachForm() throws {
        #expect(try instance.invoke("first", [.i32(3), .i32(4)]) == [.i32(3)])
        #expect(try instance.invoke("second", [.i32(3), .i32(4)]) == [.i32(4)])
        #expect(try instance.invoke("constant") == [.i64(UInt64(bitPattern: -7))])
        #expect(try instance.invoke("nothing", [.i32(0)]) == [])
        #expect(try instance.invoke("nothing", [.i32(1)]) == [])
    }

    @Test func severalResultsComeBackInOrder() throws {
        #expect(try instance.invoke("rotate", [.i32(1), .i64(2), .i32(3)]) == [.i32(3), .i64(3), .i32(1)])
        #expect(try instance.invoke("same", [.i32(1), .i64(2), .i32(3)]) == [.i32(1), .i64(2), .i32(3)])
    }

    @Test(arguments: [(0, 0), (1, 12), (2, 107), (3, 1_007), (9, 7)] as [(UInt32, UInt32)])
    func everyReturnPathReturnsItsValue(selector: UInt32, expected: UInt32) throws {
        #expect(try instance.invoke("pick", [.i32(selector), .i32(7)]) == [.i32(expected)])
    }

    /// Expected values from wasmtime.
    static let combined: [(UInt32, UInt64)] = [(0, 15), (1, 29), (2, 126), (3, 1_028), (5, 32)]

    @Test func resultsLandInTheCallersSlots() throws {
        for (selector, expected) in Self.combined {
            #expect(try instance.invoke("combine", [.i32(selector), .i32(7)]) == [.i64(expected)], "selector \(selector)")
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func runningOutOfFuelAroundReturnsThenResumingGivesTheSameResults(slice: UInt64) throws {
        for (selector, expected) in Self.combined {
            let (outcome, stops) = try runInFuelSlices("combine", [.i32(selector), .i32(7)], slice: slice, in: instance)
            guard case .returned(let values) = outcome else { Issue.record("selector \(selector): \(outcome)"); continue }
            #expect(values == [.i64(expected)], "selector \(selector), slice \(slice)")
            #expect(stops > 5)
        }
    }

    @Test func tracedCodeReturnsTheSameResults() throws {
        for (selector, expected) in Self.combined {
            guard case .returned(let values) = try runTraced("combine", [.i32(selector), .i32(7)], in: instance) else {
                Issue.record("selector \(selector) did not return")
                continue
            }
            #expect(values == [.i64(expected)])
        }
    }
}
