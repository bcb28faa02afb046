import Testing
@testable import ComponentModel
import WasmInterp

/// Resource handles: ownership moves, borrows, drops with destructors, and their traps.
@Suite struct CanonicalABIResourceTests {
    private let file = ResourceType(id: 1, name: "file")
    private let socket = ResourceType(id: 2, name: "socket")

    private final class Drops: @unchecked Sendable {
        var representations: [UInt32] = []
    }

    @Test func anOwnedHandleMovesIntoTheGuestsTable() throws {
        let guest = try CanonicalABITestGuest()
        let result = try guest.call("identity_i32", functionType([.own(file)], .u32), [.own(77)])
        guard case .u32(let index)? = result else { Issue.record("\(String(describing: result))"); return }
        #expect(index != 0)
        #expect(try guest.state.resourceRepresentation(file, handle: index) == 77)
        #expect(guest.state.handles.count == 1)
    }

    @Test func liftingAnOwnedHandleMovesItOut() throws {
        let guest = try CanonicalABITestGuest()
        let handle = try guest.state.newResource(file, representation: 5)
        let result = try guest.call("identity_i32", functionType([.u32], .own(file)), [.u32(handle)])
        #expect(result == .own(5))
        #expect(guest.state.handles.count == 0)
    }

    @Test func unknownHandlesTrap() throws {
        let guest = try CanonicalABITestGuest()
        let error = try guest.callError("identity_i32", functionType([.u32], .own(file)), [.u32(5)])
        guard case .unknownHandle(5)? = error else { Issue.record("\(String(describing: error))"); return }
        let zero = try CanonicalABITestGuest()
        guard case .unknownHandle(0)? = try zero.callError("identity_i32", functionType([.u32], .own(file)), [.u32(0)]) else {
            Issue.record("handle 0 must never be valid"); return
        }
    }

    @Test func handlesOfAnotherResourceTypeTrap() throws {
        let guest = try CanonicalABITestGuest()
        let handle = try guest.state.newResource(socket, representation: 1)
        let error = try guest.callError("identity_i32", functionType([.u32], .own(file)), [.u32(handle)])
        guard case .handleTypeMismatch? = error else { Issue.record("\(String(describing: error))"); return }
    }

    @Test func aBorrowedHandleCannotBeMovedOut() throws {
        let guest = try CanonicalABITestGuest()
        guest.bindResourceBuiltins(file, destructor: nil)
        // The guest receives a borrow, then tries to return it as owned.
        let error = try guest.callError("identity_i32", functionType([.borrow(file)], .own(file)), [.borrow(3)])
        guard case .notAnOwnHandle? = error else { Issue.record("\(String(describing: error))"); return }
    }

    @Test func aBorrowNotDroppedBeforeReturningTraps() throws {
        let guest = try CanonicalABITestGuest()
        let error = try guest.callError("identity_i32", functionType([.borrow(file)], .u32), [.borrow(3)])
        guard case .borrowsNotDropped(1)? = error else { Issue.record("\(String(describing: error))"); return }
    }

    @Test func aDroppedBorrowEndsWithoutRunningTheDestructor() throws {
        let guest = try CanonicalABITestGuest()
        let drops = Drops()
        guest.bindResourceBuiltins(file) { representation, _ in drops.representations.append(representation) }
        let result = try guest.call("drop_handle", functionType([.borrow(file)], .u32), [.borrow(3)])
        guard case .u32? = result else { Issue.record("\(String(describing: result))"); return }
        #expect(drops.representations.isEmpty)
        #expect(guest.state.handles.count == 0)
    }

    @Test func droppingAnOwnedHandleRunsTheDestructor() throws {
        let guest = try CanonicalABITestGuest()
        let drops = Drops()
        guest.bindResourceBuiltins(file) { representation, droppedBy in
            #expect(droppedBy === guest.state)
            drops.representations.append(representation)
        }
        _ = try guest.call("drop_handle", functionType([.own(file)], .u32), [.own(42)])
        #expect(drops.representations == [42])
        #expect(guest.state.handles.count == 0)
        let error = try guest.callError("drop_handle", functionType([.u32], .u32), [.u32(1)])
        guard case .coreTrap(let trap)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(trap.description.contains("unknown handle 1"))
    }

    @Test func aHandleLentToACallCannotBeDroppedUntilTheCallReturns() throws {
        let guest = try CanonicalABITestGuest()
        let drops = Drops()
        let destructor: ResourceDestructor = { representation, _ in drops.representations.append(representation) }
        let handle = try guest.state.newResource(file, representation: 9)
        let attempt = CanonicalABITestGuest.Received()
        try guest.bind("i32", functionType([.borrow(file)], .u32)) { arguments in
            do {
                try guest.state.dropResource(file, handle: handle, destructor: destructor)
            } catch {
                attempt.value = .string("\(error)")
            }
            guard case .borrow(let representation)? = arguments.first else { return .value(.u32(0)) }
            return .value(.u32(representation))
        }
        #expect(try guest.call("forward_i32", functionType([.u32], .u32), [.u32(handle)]) == .u32(9))
        guard case .string(let message)? = attempt.value else { Issue.record("the drop did not fail"); return }
        #expect(message.contains("borrow of it is still active"))
        // Once the call returned, the lend is over.
        #expect(try guest.state.resourceRepresentation(file, handle: handle) == 9)
        try guest.state.dropResource(file, handle: handle, destructor: destructor)
        #expect(drops.representations == [9])
    }

    @Test func theDefiningInstanceUsesItsOwnResources() throws {
        let guest = try CanonicalABITestGuest()
        guest.state.defineResource(file)
        guest.bindResourceBuiltins(file, destructor: nil)
        // resource.new inside the guest, then the owned handle moves out: the host gets the rep.
        #expect(try guest.call("new_resource", functionType([.u32], .own(file)), [.u32(1234)]) == .own(1234))
        #expect(guest.state.handles.count == 0)
        // An owned handle given back becomes a handle whose rep the guest can read.
        guard case .u32(let handle)? = try guest.call("identity_i32", functionType([.own(file)], .u32), [.own(1234)]) else {
            Issue.record("no handle"); return
        }
        #expect(try guest.call("rep_of", functionType([.u32], .u32), [.u32(handle)]) == .u32(1234))
        // A borrow of its own resource reaches the guest as the representation itself.
        #expect(try guest.call("identity_i32", functionType([.borrow(file)], .u32), [.borrow(1234)]) == .u32(1234))
    }

    @Test func aGuestDestructorCannotReenterARunningImplementer() throws {
        let store = Store()
        let implementer = ComponentInstanceState(store: store)
        let user = ComponentInstanceState(store: store)
        let guest = try CanonicalABITestGuest()
        let destructor = ResourceBuiltins.guestDestructor(try guest.export("post_return"), implementedBy: implementer)
        try destructor(1, user)
        try implementer.enter(from: nil)
        #expect(throws: CanonicalABIError.self) { try destructor(2, user) }
        // The implementer dropping its own resource stays inside itself.
        try destructor(3, implementer)
        #expect(try guest.postReturnCount() == 2)
    }

    @Test func theHandleTableReusesFreedIndices() throws {
        let table = ResourceTable()
        let make = { ResourceHandle(type: file, representation: 0, isOwned: true, borrowScope: nil) }
        let first = try table.add(make())
        let second = try table.add(make())
        #expect(first == 1)
        #expect(second == 2)
        try table.remove(at: first)
        #expect(try table.add(make()) == first)
        #expect(throws: CanonicalABIError.self) { try table.remove(at: 7) }
    }
}
