/// One entry of a component instance's handle table: a resource, owned or borrowed.
public final class ResourceHandle: @unchecked Sendable {
    /// The resource type the handle is to (compared by identity, `ResourceType.id`).
    public let type: ResourceType
    /// The resource's representation (`rep`): what `resource.new` was given.
    public let representation: UInt32
    /// Owned (dropping it destroys the resource) or borrowed for the duration of a call.
    public let isOwned: Bool
    /// For a borrowed handle: the call it was lent to, whose count of live borrows it is in.
    let borrowScope: BorrowScope?
    /// How many calls in progress were lent a borrow of this handle; it may not be moved or
    /// dropped while this is nonzero.
    public internal(set) var lendCount = 0

    init(type: ResourceType, representation: UInt32, isOwned: Bool, borrowScope: BorrowScope?) {
        self.type = type
        self.representation = representation
        self.isOwned = isOwned
        self.borrowScope = borrowScope
    }
}

/// The borrowed handles a lifted call (a task) received and must drop before returning.
final class BorrowScope: @unchecked Sendable {
    var liveBorrows = 0
}

/// The handles a lowered call (a subtask) borrowed from its caller; they are given back
/// (their lend counts decremented) when the call's result is delivered.
final class LenderList: @unchecked Sendable {
    var handles: [ResourceHandle] = []

    func release() {
        for handle in handles { handle.lendCount -= 1 }
        handles.removeAll()
    }
}

/// A component instance's table of resource handles: the `i32` a guest holds is an index
/// into it. Index 0 is never used, so 0 can serve guests as a null handle; freed indices
/// are reused before the table grows.
public final class ResourceTable: @unchecked Sendable {
    /// Indices stay below 2^28 so guests may use the high bits.
    public static let maxLength = (1 << 28) - 1

    private var entries: [ResourceHandle?] = [nil]
    private var free: [UInt32] = []

    public init() {}

    /// How many handles the table holds.
    public var count: Int { entries.count - 1 - free.count }

    /// The handle at `index`.
    /// - Throws: `CanonicalABIError.unknownHandle` when there is none.
    public func handle(at index: UInt32) throws(CanonicalABIError) -> ResourceHandle {
        guard Int(index) < entries.count, let handle = entries[Int(index)] else { throw .unknownHandle(index) }
        return handle
    }

    func add(_ handle: ResourceHandle) throws(CanonicalABIError) -> UInt32 {
        if let index = free.popLast() {
            entries[Int(index)] = handle
            return index
        }
        guard entries.count <= Self.maxLength else { throw .handleTableFull }
        entries.append(handle)
        return UInt32(entries.count - 1)
    }

    @discardableResult
    func remove(at index: UInt32) throws(CanonicalABIError) -> ResourceHandle {
        let handle = try handle(at: index)
        entries[Int(index)] = nil
        free.append(index)
        return handle
    }

    /// The handle at `index`, checked to be of `type`.
    func handle(at index: UInt32, of type: ResourceType) throws(CanonicalABIError) -> ResourceHandle {
        let handle = try handle(at: index)
        guard handle.type == type else { throw .handleTypeMismatch(handle: index, expected: type, actual: handle.type) }
        return handle
    }

    /// Removes an owned handle to move its resource out (`lift_own`).
    func removeOwned(at index: UInt32, of type: ResourceType) throws(CanonicalABIError) -> ResourceHandle {
        let handle = try handle(at: index, of: type)
        guard handle.lendCount == 0 else { throw .handleLent(index) }
        guard handle.isOwned else { throw .notAnOwnHandle(index) }
        try remove(at: index)
        return handle
    }
}
