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
    /// Whether `options.realloc` was found to have the right type: checked once per
    /// context, which a guest call keeps for all its calls.
    @exclusivity(unchecked) private var reallocTypeChecked = false

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
        if !reallocTypeChecked {
            guard realloc.type == Self.reallocType else {
                throw .coreTrap(Trap(.hostError("realloc has type \(realloc.type), not \(Self.reallocType)")))
            }
            reallocTypeChecked = true
        }
        // On the stack, not in an array: this runs for every list the host passes in.
        var arguments = (
            UInt64(UInt32(truncatingIfNeeded: old)), UInt64(UInt32(truncatingIfNeeded: oldSize)), UInt64(alignment),
            UInt64(UInt32(truncatingIfNeeded: newSize))
        )
        let result = try withUnsafeBytes(of: &arguments) { raw throws(CanonicalABIError) -> UInt64? in
            let slots = raw.assumingMemoryBound(to: UInt64.self)
            return try instance.withoutLeaving { () throws(CanonicalABIError) -> UInt64? in
                try instance.callHelper(realloc, slotArguments: slots)
            }
        }
        guard let result else { throw .invalidReallocResult }
        return UInt64(UInt32(truncatingIfNeeded: result))
    }

    /// `realloc(old, oldSize, alignment, newSize) -> pointer`.
    static let reallocType = FunctionType(parameters: [.i32, .i32, .i32, .i32], results: [.i32])

    func allocate(alignment: UInt32, size: UInt64) throws(CanonicalABIError) -> UInt64 {
        try reallocate(old: 0, oldSize: 0, alignment: alignment, newSize: size)
    }
}
