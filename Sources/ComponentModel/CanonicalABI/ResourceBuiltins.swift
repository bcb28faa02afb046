import WasmInterp

/// Called when the owned handle to a resource is dropped, with the resource's
/// representation and the instance that dropped it (nil: the host).
public typealias ResourceDestructor = @Sendable (_ representation: UInt32, _ droppedBy: ComponentInstanceState?) throws -> Void

extension ComponentInstanceState {
    /// `resource.new`: a new owned handle to a resource this instance defines.
    public func newResource(_ resource: ResourceType, representation: UInt32) throws(CanonicalABIError) -> UInt32 {
        guard mayLeave else { throw .cannotLeaveInstance }
        return try handles.add(ResourceHandle(type: resource, representation: representation, isOwned: true, borrowScope: nil))
    }

    /// `resource.rep`: the representation behind a handle.
    public func resourceRepresentation(_ resource: ResourceType, handle: UInt32) throws(CanonicalABIError) -> UInt32 {
        try handles.handle(at: handle, of: resource).representation
    }

    /// `resource.drop`: removes the handle; an owned one runs `destructor`, a borrowed one
    /// ends the borrow.
    /// - Throws: `unknownHandle`, `handleTypeMismatch`, `handleLent` (a borrow of it is
    ///   still active), `cannotLeaveInstance`, or what the destructor throws.
    public func dropResource(_ resource: ResourceType, handle index: UInt32, destructor: ResourceDestructor?) throws {
        guard mayLeave else { throw CanonicalABIError.cannotLeaveInstance }
        let handle = try handles.handle(at: index, of: resource)
        guard handle.lendCount == 0 else { throw CanonicalABIError.handleLent(index) }
        try handles.remove(at: index)
        if handle.isOwned {
            try destructor?(handle.representation, self)
        } else {
            handle.borrowScope?.liveBorrows -= 1
        }
    }
}

/// The canonical built-ins for resources, as core functions for a guest to import.
///
/// Each refers to its instance weakly, as `HostFunction.lowered` does (the instance holds
/// the store the built-in goes into): keep the instance alive while guest code may call
/// the built-in; a call after it is freed traps with `instanceReleased`.
public enum ResourceBuiltins {
    /// `canon resource.new`: `(param i32) (result i32)`, representation to owned handle.
    public static func new(_ resource: ResourceType, instance: ComponentInstanceState) -> HostFunction {
        let instance = WeakInstanceState(instance)
        return HostFunction(type: FunctionType(parameters: [.i32], results: [.i32])) { _, arguments in
            [.i32(try instance.get().newResource(resource, representation: try i32(arguments)))]
        }
    }

    /// `canon resource.rep`: `(param i32) (result i32)`, handle to representation.
    public static func rep(_ resource: ResourceType, instance: ComponentInstanceState) -> HostFunction {
        let instance = WeakInstanceState(instance)
        return HostFunction(type: FunctionType(parameters: [.i32], results: [.i32])) { _, arguments in
            [.i32(try instance.get().resourceRepresentation(resource, handle: try i32(arguments)))]
        }
    }

    /// `canon resource.drop`: `(param i32)`, dropping the handle.
    public static func drop(
        _ resource: ResourceType, instance: ComponentInstanceState, destructor: ResourceDestructor?
    ) -> HostFunction {
        let instance = WeakInstanceState(instance)
        return HostFunction(type: FunctionType(parameters: [.i32], results: [])) { _, arguments in
            try instance.get().dropResource(resource, handle: try i32(arguments), destructor: destructor)
            return []
        }
    }

    /// A destructor that calls a guest's core function `(param i32)` in the instance
    /// implementing the resource, like a call into that instance: it traps
    /// (`cannotEnterInstance`) if that would reenter it, unless the dropping instance is
    /// the implementer (or inside it). The host drops a resource it owns by calling it
    /// with `droppedBy` nil.
    ///
    /// It refers to the implementer weakly (a `resource.drop` in the implementer's store
    /// may hold the destructor): calling it after the implementer is freed throws
    /// `instanceReleased`.
    public static func guestDestructor(_ function: Function, implementedBy implementer: ComponentInstanceState) -> ResourceDestructor {
        let implementer = WeakInstanceState(implementer)
        return { representation, droppedBy in
            let implementer = try implementer.get()
            try implementer.enter(from: droppedBy)
            do {
                _ = try implementer.callHelper(function, [.i32(representation)])
            } catch {
                implementer.markTrapped()
                throw error
            }
            implementer.leave(to: droppedBy)
        }
    }

    private static func i32(_ arguments: [Value]) throws(CanonicalABIError) -> UInt32 {
        guard arguments.count == 1, case .i32(let value) = arguments[0] else {
            throw .invalidCallState("expected one i32 argument")
        }
        return value
    }
}
