import WasmInterp

/// The ambient state of one canonical call while its values are lifted and lowered (the
/// spec's `LiftLowerContext`): the options, the component instance whose memory and
/// handle table are used, and the call's borrow bookkeeping.
final class CanonicalContext {
    let options: CanonicalOptions
    let instance: ComponentInstanceState
    /// Set when lowering into a callee (`canon lift`): borrows it receives are counted here.
    let borrowScope: BorrowScope?
    /// Set when lifting from a caller (`canon lower`): handles it lends are recorded here.
    let lenders: LenderList?

    init(options: CanonicalOptions, instance: ComponentInstanceState, borrowScope: BorrowScope? = nil, lenders: LenderList? = nil) {
        self.options = options
        self.instance = instance
        self.borrowScope = borrowScope
        self.lenders = lenders
    }

    var stringEncoding: CanonicalStringEncoding { options.stringEncoding }

    /// The options' memory.
    /// - Throws: `missingMemory` when the options have none.
    @inline(__always)
    func memory() throws(CanonicalABIError) -> GuestMemory {
        guard let memory = options.memory else { throw .missingMemory }
        return GuestMemory(memory: memory)
    }

    /// Calls `realloc(old, oldSize, alignment, newSize)` with `mayLeave` cleared. The result
    /// is not checked here: callers check alignment and bounds of what they asked for.
    func reallocate(old: UInt64, oldSize: UInt64, alignment: UInt32, newSize: UInt64) throws(CanonicalABIError) -> UInt64 {
        guard let realloc = options.realloc else { throw .missingRealloc }
        let arguments: [Value] = [
            .i32(UInt32(truncatingIfNeeded: old)), .i32(UInt32(truncatingIfNeeded: oldSize)),
            .i32(alignment), .i32(UInt32(truncatingIfNeeded: newSize)),
        ]
        let results = try instance.withoutLeaving { () throws(CanonicalABIError) -> [Value] in
            try instance.callHelper(realloc, arguments)
        }
        guard results.count == 1, case .i32(let pointer) = results[0] else { throw .invalidReallocResult }
        return UInt64(pointer)
    }

    func allocate(alignment: UInt32, size: UInt64) throws(CanonicalABIError) -> UInt64 {
        try reallocate(old: 0, oldSize: 0, alignment: alignment, newSize: size)
    }
}
