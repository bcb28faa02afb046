/// Calls with raw argument and result bits: a short call in a loop (the canonical ABI's
/// `realloc` for every list it passes) then allocates nothing, where `[Value]` arguments
/// and results cost two arrays per call, a third of a small call's time.
extension Execution {
    /// Prepares a call of `function` with raw argument bits: see
    /// `reset(function:slotArguments:)`, which says what it needs and how results come back.
    public convenience init(store: Store, function: Function, slotArguments: UnsafeBufferPointer<UInt64>) throws(Trap) {
        self.init(store: store, entry: function, arguments: [])
        try reset(function: function, slotArguments: slotArguments)
    }

    /// Prepares a finished execution (as `reset(function:arguments:)` does) for a call of
    /// `function`, whose parameters and results must all be numbers (`i32`, `i64`, `f32`,
    /// `f64`), with the arguments' raw bits (`Value.slots.0`: an `i32` zero-extended, a
    /// float's bit pattern). The results stay in the execution: `.returned` carries no
    /// values, `returnedSlot(_:)` reads them.
    ///
    /// ```swift
    /// try execution.reset(function: realloc, slotArguments: buffer)
    /// guard case .returned = execution.run(fuel: 10_000), let pointer = execution.returnedSlot(0) else { ... }
    /// ```
    ///
    /// - Throws: a `hostError` trap when the execution has not finished, the count of
    ///   arguments is not the function's, or a parameter or result is not a number; the
    ///   execution is unchanged then.
    public func reset(function: Function, slotArguments: UnsafeBufferPointer<UInt64>) throws(Trap) {
        try checkResettable()
        let type = function.type
        guard type.parameters.count == slotArguments.count else {
            throw Trap(.hostError("expected \(type.parameters.count) arguments, got \(slotArguments.count)"))
        }
        guard function.hasNumericSignature else {
            throw Trap(.hostError("slot arguments need a function of numbers only, not \(type)"))
        }
        setEntry(function)
        switch function.kind {
        case .wasm:
            // In place for `start`, which then stores no entry arguments.
            setEntryArguments([])
            guard ensureStackCapacity(slotArguments.count) else { throw Trap(.callStackExhausted) }
            if let source = slotArguments.baseAddress { stack.update(from: source, count: slotArguments.count) }
        case .host:
            // A host function takes `Value`s (a rare entry: an export that re-exports an import).
            setEntryArguments(zip(slotArguments, type.parameters).map { Value(low: $0, type: $1) })
        }
        resultsStayInSlots = true
        frameCount = 0
        state = .ready
    }

    /// Result `index` of the call prepared by `reset(function:slotArguments:)`, as raw
    /// bits, once it has returned; nil before that, after a trap or past the last result.
    public func returnedSlot(_ index: Int) -> UInt64? {
        guard index >= 0, index < returnedSlotCount, index < stackCapacity else { return nil }
        return stack[index]
    }
}
