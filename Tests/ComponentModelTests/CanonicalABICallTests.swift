import Testing
@testable import ComponentModel
import WasmInterp

/// Whole calls: spilled parameters, post-return, reentrance, suspension, typed values.
@Suite struct CanonicalABICallTests {
    @Test func moreThanSixteenFlatParametersSpillToMemoryBothWays() throws {
        let guest = try CanonicalABITestGuest()
        let parameterTypes: [ComponentValueType] = [.u8] + Array(repeating: .u32, count: 15) + [.string, .u64]
        let type = functionType(parameterTypes, .tuple(parameterTypes))
        let arguments: [ComponentValue] = [.u8(7)] + (1...15).map { .u32(UInt32($0) * 1000) } + [.string("spilled"), .u64(.max)]
        let received = CanonicalABITestGuest.Received()
        try guest.bind("spill", type) { arguments in
            received.values = arguments
            return .value(.tuple(arguments))
        }
        try guest.markReallocLog()
        let result = try guest.call("forward_spill", type, arguments)
        #expect(received.values == arguments)
        #expect(result == .tuple(arguments))
        // The argument tuple is allocated first, at its alignment (8, for the u64) and size.
        let tuple = try CanonicalTypeLayout(.tuple(parameterTypes))
        #expect(try guest.reallocCallsSinceMark().first == [0, 0, 8, tuple.size])
    }

    @Test func postReturnRunsAfterTheResultIsLifted() throws {
        let guest = try CanonicalABITestGuest()
        #expect(try guest.postReturnCount() == 0)
        let type = functionType([.u32, .u32], .tuple([.u32, .u32]))
        let result = try guest.call("return_words", type, [.u32(1), .u32(2)], postReturn: "post_return")
        #expect(result == .tuple([.u32(1), .u32(2)]))
        #expect(try guest.postReturnCount() == 1)
        _ = try guest.call("return_words", type, [.u32(3), .u32(4)])
        #expect(try guest.postReturnCount() == 1)
    }

    @Test func aPostReturnOfTheWrongTypeIsRejected() throws {
        let guest = try CanonicalABITestGuest()
        #expect(throws: CanonicalABIError.self) {
            _ = try guest.guestCall("identity_i32", functionType([.u32], .u32), [.u32(1)], postReturn: "return_words")
        }
    }

    @Test func importsCannotBeCalledFromPostReturn() throws {
        let guest = try CanonicalABITestGuest()
        try guest.bind("void", functionType([], nil)) { _ in .value(nil) }
        let call = try guest.guestCall(
            "identity_i32", functionType([.u32], .u32), [.u32(1)], postReturn: "post_return_calls_host")
        guard case .trapped(.coreTrap(let trap)) = call.start() else { Issue.record("expected a trap"); return }
        #expect(trap.description.contains("cannot leave"))
    }

    @Test func callingBackIntoARunningInstanceTraps() throws {
        let guest = try CanonicalABITestGuest()
        let type = functionType([.u32], .u32)
        let reentry = CanonicalABITestGuest.Received()
        try guest.bind("i32", type) { arguments in
            let nested = try guest.guestCall("identity_i32", type, [.u32(5)])
            if case .trapped(let error) = nested.start() { reentry.value = .string(error.description) }
            return .value(arguments.first)
        }
        #expect(try guest.call("forward_i32", type, [.u32(9)]) == .u32(9))
        guard case .string(let message)? = reentry.value else { Issue.record("the nested call did not trap"); return }
        #expect(message.contains("reentrance"))
        // The refused reentry did not harm the instance; once the call returned it can be entered.
        #expect(try guest.call("identity_i32", type, [.u32(6)]) == .u32(6))
    }

    @Test func aChildMayCallBackIntoItsParent() throws {
        let store = Store()
        let parent = ComponentInstanceState(store: store)
        let child = ComponentInstanceState(store: store, parent: parent)
        try parent.enter(from: nil)
        try child.enter(from: parent)
        // Donut wrapping: the child calling its (running) parent enters nothing new.
        #expect(parent.mayEnter(from: child))
        // But the host may not enter the child (or the parent) now.
        #expect(!child.mayEnter(from: nil))
        #expect(!parent.mayEnter(from: nil))
        child.leave(to: parent)
        parent.leave(to: nil)
        #expect(child.mayEnter(from: nil))
    }

    @Test func anImportCanSuspendTheGuestAndResumeWithItsResult() throws {
        let guest = try CanonicalABITestGuest()
        let type = functionType([.string], .string)
        try guest.bind("pair", type) { arguments in
            guard case .string(let question)? = arguments.first else { throw CanonicalABIError.missingMemory }
            return .suspend(token: "ticket: \(question)")
        }
        let call = try guest.guestCall("forward_pair", type, [.string("why?")])
        guard case .suspended(let importCall) = call.start() else { Issue.record("expected a suspension"); return }
        #expect(importCall.token as? String == "ticket: why?")
        // The instance stays entered while suspended.
        guard case .trapped(.cannotEnterInstance) = try guest.guestCall("identity_i32", functionType([.u32], .u32), [.u32(1)]).start()
        else { Issue.record("reentered a suspended instance"); return }
        guard case .returned(let result) = call.resume(returning: .string("because")) else {
            Issue.record("expected the call to return"); return
        }
        #expect(result == .string("because"))
        #expect(try guest.call("identity_i32", functionType([.u32], .u32), [.u32(1)]) == .u32(1))
    }

    @Test func aSuspendedImportsResultCanBeLoweredByTheDriver() throws {
        let guest = try CanonicalABITestGuest()
        let type = functionType([.u32], .u32)
        try guest.bind("i32", type) { _ in .suspend(token: 1) }
        let call = try guest.guestCall("forward_i32", type, [.u32(3)])
        guard case .suspended(let importCall) = call.start() else { Issue.record("expected a suspension"); return }
        let values = try importCall.coreResults(for: UInt32(77))
        #expect(values == [.i32(77)])
        #expect(throws: CanonicalABIError.self) { try importCall.coreResults(for: UInt32(78)) }
        guard case .returned(.u32(77)?) = call.resume(withHostResults: values) else { Issue.record("expected 77"); return }
    }

    @Test func failingASuspendedImportTrapsTheGuest() throws {
        let guest = try CanonicalABITestGuest()
        let type = functionType([.u32], .u32)
        try guest.bind("i32", type) { _ in .suspend(token: 1) }
        let call = try guest.guestCall("forward_i32", type, [.u32(3)])
        guard case .suspended = call.start() else { Issue.record("expected a suspension"); return }
        guard case .trapped(.hostFailure("gone")) = call.fail(suspendedImportWith: "gone") else {
            Issue.record("expected the host failure"); return
        }
        #expect(guest.state.hasTrapped)
    }

    @Test func anAbandonedCallLeavesTheInstanceUnusable() throws {
        let guest = try CanonicalABITestGuest()
        let type = functionType([.u32], .u32)
        try guest.bind("i32", type) { _ in .suspend(token: 1) }
        let call = try guest.guestCall("forward_i32", type, [.u32(3)])
        guard case .suspended = call.start() else { Issue.record("expected a suspension"); return }
        call.abandon()
        #expect(guest.state.hasTrapped)
        guard case .trapped(.invalidCallState) = call.resume(returning: .u32(1)) else { Issue.record("resumed"); return }
        guard case .cannotEnterInstance? = try guest.callError("identity_i32", type, [.u32(1)]) else {
            Issue.record("entered an instance whose call was abandoned"); return
        }
    }

    @Test func aCallRunsInFuelSlices() throws {
        let guest = try CanonicalABITestGuest()
        let type = functionType([.string], .u32)
        let call = try guest.guestCall("return_words", type, [.string("fuel")])
        // Fuel is charged per block up front, so a budget too small for the next block makes
        // no progress: double it after each slice.
        var budget: UInt64 = 1
        var outcome = call.start(fuel: budget)
        var slices = 0
        while case .outOfFuel = outcome, slices < 64 {
            slices += 1
            budget *= 2
            outcome = call.run(fuel: budget)
        }
        guard case .returned(.u32?) = outcome else { Issue.record("\(outcome)"); return }
        #expect(slices > 1)
    }

    @Test func typedActorHandlerRoundTripsWithoutDynamicValues() throws {
        let guest = try CanonicalABITestGuest()
        let signature = try CanonicalSignature(ComponentFunctionType(
            parameters: [("state", .option(.list(.u8))), ("msg", .list(.u8))],
            result: .result(ok: .tuple([.option(.list(.u8))]), error: .string)))
        var options = guest.options
        options.postReturn = try guest.export("post_return")
        typealias HandlerResult = ComponentResult<ComponentTuple<[UInt8]?>, String>

        let call = try GuestCall(
            function: try guest.export("actor_handle"), signature: signature, options: options, instance: guest.state,
            arguments: [[UInt8]?.some([1, 2]), [UInt8]([3, 4, 5])], returning: HandlerResult.self)
        guard case .ok(let next) = try call.complete() else { Issue.record("expected ok"); return }
        #expect(next.elements == [1, 2, 3, 4, 5])

        let first = try GuestCall(
            function: try guest.export("actor_handle"), signature: signature, options: options, instance: guest.state,
            arguments: [[UInt8]?.none, [UInt8]([9])], returning: HandlerResult.self)
        guard case .ok(let initial) = try first.complete() else { Issue.record("expected ok"); return }
        #expect(initial.elements == [9])

        let failing = try GuestCall(
            function: try guest.export("actor_handle"), signature: signature, options: options, instance: guest.state,
            arguments: [[UInt8]?.some([1]), [UInt8]()], returning: HandlerResult.self)
        guard case .error(let message) = try failing.complete() else { Issue.record("expected an error"); return }
        #expect(message == "empty")
        #expect(try guest.postReturnCount() == 3)
    }

    @Test func typedImportsReadArgumentsAndReturnTypedResults() throws {
        let guest = try CanonicalABITestGuest()
        let type = functionType([.string, .u32], .result(ok: .list(.u8), error: .string))
        try guest.bindTyped("triple", type) { arguments in
            let text = try arguments.next(String.self)
            let count = try arguments.next(UInt32.self)
            guard count > 0 else { return .typed(ComponentResult<[UInt8], String>.error("count is zero")) }
            return .typed(ComponentResult<[UInt8], String>.ok(Array(repeating: Array(text.utf8), count: Int(count)).flatMap { $0 }))
        }
        #expect(try guest.call("forward_triple", type, [.string("ab"), .u32(2)]) == .ok(.bytes(Array("abab".utf8))))
        #expect(try guest.call("forward_triple", type, [.string("ab"), .u32(0)]) == .error(.string("count is zero")))
    }

    @Test func typedImportsRejectArgumentsOfTheWrongType() throws {
        let guest = try CanonicalABITestGuest()
        let type = functionType([.u32], .u32)
        try guest.bindTyped("i32", type) { arguments in .typed(try arguments.next(Int32.self)) }
        let error = try guest.callError("forward_i32", type, [.u32(1)])
        guard case .coreTrap(let trap)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(trap.description.contains("parameter 0 is not a Int32"))
    }

    @Test func typedCallsCheckTheirTypesAgainstTheSignature() throws {
        let guest = try CanonicalABITestGuest()
        let signature = try CanonicalSignature(functionType([.u32], .u32))
        #expect(throws: CanonicalABIError.self) {
            _ = try GuestCall(
                function: try guest.export("identity_i32"), signature: signature, options: guest.options,
                instance: guest.state, arguments: [Int32(1)], returning: UInt32.self)
        }
        #expect(throws: CanonicalABIError.self) {
            _ = try GuestCall(
                function: try guest.export("identity_i32"), signature: signature, options: guest.options,
                instance: guest.state, arguments: [UInt32(1)], returning: Int32.self)
        }
        let call = try GuestCall(
            function: try guest.export("identity_i32"), signature: signature, options: guest.options,
            instance: guest.state, arguments: [UInt32(41)], returning: UInt32.self)
        #expect(try call.complete() == 41)
    }

    @Test func typedValuesMatchTheDynamicPathInMemory() throws {
        let guest = try CanonicalABITestGuest()
        let value = ComponentResult<ComponentTuple<[UInt8]?, String>, String>.ok(ComponentTuple([7, 8], "x"))
        let dynamic = ComponentValue.ok(.tuple([.option(.bytes([7, 8])), .string("x")]))
        let type = ComponentResult<ComponentTuple<[UInt8]?, String>, String>.componentType
        var typedWriter = CanonicalWriter(flatCapacity: 8, context: guest.context())
        try typedWriter.write(value)
        var dynamicWriter = CanonicalWriter(flatCapacity: 8, context: guest.context())
        try dynamicWriter.write(dynamic, as: CanonicalTypeLayout(type))
        // Same shape of flat values (pointers differ: each lowering allocates).
        #expect(typedWriter.slots.count == dynamicWriter.slots.count)
        #expect(typedWriter.slots[0] == dynamicWriter.slots[0])
        var reader = CanonicalReader(flat: typedWriter.slots, context: guest.context())
        #expect(try reader.read(CanonicalTypeLayout(type)) == dynamic)
    }
}
