import WasmInterp

/// How a `GuestCall` stopped.
public enum GuestCallOutcome<Result> {
    /// The export returned; its result is lifted and `post-return` has run.
    case returned(Result)
    /// An import suspended the guest. Finish the import with `GuestCall.resume(returning:)`.
    case suspended(SuspendedImportCall)
    /// The fuel budget ran out; `GuestCall.run(fuel:)` continues.
    case outOfFuel
    /// The call trapped; the component instance cannot be entered again.
    case trapped(CanonicalABIError)
}

extension GuestCallOutcome: Sendable where Result: Sendable {}

/// A call of a guest export through the canonical ABI (`canon lift`), run as a resumable
/// state machine: lower the arguments into the guest (calling its `realloc`), run the core
/// function, lift the result, call `post-return`.
///
/// The component instance is entered for the whole call, suspensions included: calling
/// into it again before this call returns traps (`cannotEnterInstance`). A trap leaves it
/// entered for good.
///
/// ```swift
/// let call = try GuestCall(function: export, signature: signature, options: options,
///                          instance: state, arguments: [.string("hello")])
/// var outcome = call.start()
/// while case .suspended(let importCall) = outcome {
///     outcome = call.resume(returning: answer(importCall.token))
/// }
/// ```
///
/// Use from one thread at a time.
public final class GuestCall<Result>: @unchecked Sendable {
    public let signature: CanonicalSignature
    /// The component instance being called.
    public let instance: ComponentInstanceState
    private let function: Function
    private let options: CanonicalOptions
    private let caller: ComponentInstanceState?
    /// Nil for a reusable call, which gets its arguments with each start.
    private let lowerArguments: ((inout CanonicalWriter) throws(CanonicalABIError) -> Void)?
    private let liftResult: (inout CanonicalReader) throws(CanonicalABIError) -> Result
    // The `@exclusivity(unchecked)` fields are touched on every call, and a call is used
    // from one thread at a time: no dynamic exclusivity checks (`swift_beginAccess`).
    @exclusivity(unchecked) private var state = State.ready
    /// What the guest's lowered imports need alive but refer to weakly (the linker's
    /// instance states): a call the host keeps after dropping the function it came from
    /// must still reach them.
    var keptAlive: AnyObject?
    /// The context of calls without borrows (most): it holds nothing of a call's own, so
    /// one serves them all instead of one allocated per call.
    private let plainContext: CanonicalContext
    /// The storage of the flat arguments, kept from call to call (see `lowerArguments`).
    @exclusivity(unchecked) private var flatArgumentBuffer: [UInt64] = []
    /// The context the arguments were lowered in, kept to lift the result.
    @exclusivity(unchecked) private var loweringContext: CanonicalContext?
    /// Fuel left when the guest last stopped (returned, suspended, ran out or trapped):
    /// what a scheduler subtracts from the budget it gave to learn what the run cost.
    public var remainingFuel: UInt64 { fuelLeft }
    /// After `.outOfFuel`: the fuel the guest's next block costs (see
    /// `Execution.fuelRequiredToContinue`); a continuation given less makes no progress.
    public var fuelRequiredToContinue: UInt64? { fuelRequired }
    /// Receives each Wasm instruction the guest executes (set before `start`); nil: no
    /// tracing (see `Execution.traceSink`).
    public var traceSink: (@Sendable (TraceEvent) -> Void)? {
        get { sink }
        set { sink = newValue }
    }
    // Behind the computed properties above: accessed from another module, a stored
    // property gets dynamic exclusivity checks whatever its attribute says.
    @exclusivity(unchecked) private var fuelLeft: UInt64 = 0
    @exclusivity(unchecked) private var fuelRequired: UInt64?
    @exclusivity(unchecked) private var sink: (@Sendable (TraceEvent) -> Void)?

    private enum State {
        case ready
        case running(Execution, BorrowScope?)
        case suspended(Execution, BorrowScope?, SuspendedImportCall)
        case finished
    }

    /// Prepares a call whose arguments `lowerArguments` writes, in order, as the
    /// signature's parameter types, and whose result `liftResult` reads as the signature's
    /// result type (with the typed `write`/`read` of `CanonicalValue`s): the fastest way
    /// in, with no `ComponentValue`s and no type checks per call. Writing other types than
    /// the signature's is a programming error the call may or may not detect (a wrong count
    /// of flat values is `invalidCallState`); it never breaks memory safety.
    ///
    /// - Throws: as the dynamic initializer.
    public init(
        function: Function, signature: CanonicalSignature, options: CanonicalOptions,
        instance: ComponentInstanceState, caller: ComponentInstanceState?,
        lowerArguments: ((inout CanonicalWriter) throws(CanonicalABIError) -> Void)?,
        liftResult: @escaping (inout CanonicalReader) throws(CanonicalABIError) -> Result
    ) throws(CanonicalABIError) {
        let expected = signature.coreType(.lift)
        guard function.type == expected else { throw .coreTypeMismatch(expected: expected, actual: function.type) }
        if signature.needsMemory, options.memory == nil { throw .missingMemory }
        if signature.parametersNeedRealloc, options.realloc == nil { throw .missingRealloc }
        if let postReturn = options.postReturn {
            let postReturnType = FunctionType(parameters: expected.results, results: [])
            guard postReturn.type == postReturnType else {
                throw .coreTypeMismatch(expected: postReturnType, actual: postReturn.type)
            }
        }
        self.function = function
        self.signature = signature
        self.options = options
        self.instance = instance
        self.caller = caller
        self.lowerArguments = lowerArguments
        self.liftResult = liftResult
        plainContext = CanonicalContext(options: options, instance: instance)
    }

    // MARK: Driving the call

    /// Enters the instance, lowers the arguments and runs the guest until it returns,
    /// traps, runs out of `fuel` (nil: unlimited) or an import suspends it.
    public func start(fuel: UInt64? = nil) -> GuestCallOutcome<Result> {
        guard case .ready = state else { return .trapped(.invalidCallState("the call was already started")) }
        guard let lowerArguments else { return .trapped(.invalidCallState("a reusable call needs its arguments")) }
        return begin(fuel: fuel, lowering: lowerArguments)
    }

    /// Starts the call with the arguments `lowering` writes (as the initializer's
    /// `lowerArguments` does): for calling one function many times with one `GuestCall`,
    /// which saves allocating a call, its closures and its execution each time. Allowed
    /// before the first start and after the previous call finished (returned or trapped).
    public func start(
        fuel: UInt64? = nil, lowering: (inout CanonicalWriter) throws(CanonicalABIError) -> Void
    ) -> GuestCallOutcome<Result> {
        switch state {
        case .ready, .finished: break
        case .running, .suspended: return .trapped(.invalidCallState("the previous call has not finished"))
        }
        return begin(fuel: fuel, lowering: lowering)
    }

    private func begin(
        fuel: UInt64?, lowering: (inout CanonicalWriter) throws(CanonicalABIError) -> Void
    ) -> GuestCallOutcome<Result> {
        do {
            try instance.enter(from: caller)
        } catch {
            state = .finished
            return .trapped(error)
        }
        // Only borrows need a scope (and a check that they were dropped).
        let scope = signature.parametersContainBorrow ? BorrowScope() : nil
        let execution: Execution
        do throws(CanonicalABIError) {
            let context = scope.map { CanonicalContext(options: options, instance: instance, borrowScope: $0) } ?? plainContext
            loweringContext = context
            execution = try lowerArguments(context, lowering)
            execution.traceSink = traceSink
        } catch {
            return fail(error)
        }
        return handle(execution.run(fuel: fuel), execution, scope)
    }

    /// Continues after `.outOfFuel`.
    public func run(fuel: UInt64? = nil) -> GuestCallOutcome<Result> {
        guard case .running(let execution, let scope) = state else {
            return .trapped(.invalidCallState("the call is not waiting for fuel"))
        }
        return handle(execution.run(fuel: fuel), execution, scope)
    }

    /// Finishes the suspended import call with `value` (lowered into the guest as the
    /// import's result) and continues the guest.
    public func resume(returning value: ComponentValue?, fuel: UInt64? = nil) -> GuestCallOutcome<Result> {
        resume(fuel: fuel) { importCall throws(CanonicalABIError) in try importCall.coreResults(for: value) }
    }

    /// Finishes the suspended import call with a typed result.
    public func resume<T: CanonicalValue>(returning value: T, fuel: UInt64? = nil) -> GuestCallOutcome<Result> {
        resume(fuel: fuel) { importCall throws(CanonicalABIError) in try importCall.coreResults(for: value) }
    }

    /// Continues after a suspension by a plain (not canonically lowered) host function,
    /// with its core results.
    public func resume(withHostResults values: [Value], fuel: UInt64? = nil) -> GuestCallOutcome<Result> {
        resume(fuel: fuel) { _ throws(CanonicalABIError) in values }
    }

    /// Fails the suspended import call: the guest traps with `hostFailure(message)`.
    public func fail(suspendedImportWith message: String) -> GuestCallOutcome<Result> {
        guard case .suspended = state else { return .trapped(.invalidCallState("the call is not suspended")) }
        return fail(.hostFailure(message))
    }

    /// Gives up a call that has not finished (waiting for fuel or suspended): the guest
    /// stopped midway, so the instance is left entered and marked trapped.
    public func abandon() {
        switch state {
        case .running, .suspended: _ = fail(.invalidCallState("the call was abandoned"))
        case .ready, .finished: state = .finished
        }
    }

    /// Runs the call to the end without fuel limits; a suspension is an error.
    public func complete() throws(CanonicalABIError) -> Result {
        switch start() {
        case .returned(let result): return result
        case .trapped(let error): throw error
        case .outOfFuel: throw .invalidCallState("ran out of fuel without a fuel limit")
        case .suspended:
            _ = fail(suspendedImportWith: "an import suspended a call that cannot wait")
            throw .invalidCallState("an import suspended a call that cannot wait")
        }
    }

    private func resume(
        fuel: UInt64?, _ coreResults: (SuspendedImportCall) throws(CanonicalABIError) -> [Value]
    ) -> GuestCallOutcome<Result> {
        guard case .suspended(let execution, let scope, let importCall) = state else {
            return .trapped(.invalidCallState("the call is not suspended"))
        }
        let values: [Value]
        do {
            values = try coreResults(importCall)
        } catch {
            return fail(error)
        }
        return handle(execution.resume(withHostResults: values, fuel: fuel), execution, scope)
    }

    // MARK: Steps

    /// Lowers the arguments and prepares the core call with them. Core values go in as
    /// raw slots (a lifted function's core type has numbers only), so neither the
    /// arguments nor the results become `Value` arrays.
    private func lowerArguments(
        _ context: CanonicalContext, _ lowerArguments: (inout CanonicalWriter) throws(CanonicalABIError) -> Void
    ) throws(CanonicalABIError) -> Execution {
        guard signature.parametersSpill, let tuple = signature.parameterTuple else {
            let count = signature.flatParameterTypes.count
            var writer = CanonicalWriter(reusing: takeFlatArgumentBuffer(), flatCapacity: count, context: context)
            try lowerArguments(&writer)
            let slots = writer.takeFlatSlots()
            defer { flatArgumentBuffer = slots }
            guard slots.count == count else {
                throw .invalidCallState("lowered \(slots.count) core values, expected \(count)")
            }
            return try slots.withUnsafeBufferPointer { buffer throws(CanonicalABIError) in try makeExecution(buffer) }
        }
        let memory = try context.memory()
        let pointer = try context.allocate(alignment: tuple.alignment, size: UInt64(tuple.size))
        try memory.checkPlacement(pointer, size: UInt64(tuple.size), alignment: tuple.alignment)
        var writer = CanonicalWriter(memory: memory, address: pointer, context: context)
        try lowerArguments(&writer)
        var slot = UInt64(UInt32(truncatingIfNeeded: pointer))
        return try withUnsafePointer(to: &slot) { address throws(CanonicalABIError) in
            try makeExecution(UnsafeBufferPointer(start: address, count: 1))
        }
    }

    private func takeFlatArgumentBuffer() -> [UInt64] {
        var buffer: [UInt64] = []
        swap(&buffer, &flatArgumentBuffer)
        return buffer
    }

    private func makeExecution(_ slots: UnsafeBufferPointer<UInt64>) throws(CanonicalABIError) -> Execution {
        do {
            return try instance.makeCallExecution(function, slotArguments: slots)
        } catch {
            throw .coreTrap(error)
        }
    }

    private func handle(_ outcome: ExecutionOutcome, _ execution: Execution, _ scope: BorrowScope?) -> GuestCallOutcome<Result> {
        fuelLeft = execution.remainingFuel
        fuelRequired = execution.fuelRequiredToContinue
        switch outcome {
        case .returned:
            // A lifted function has at most one core result (more spill to memory).
            let result = execution.returnedSlot(0)
            instance.recycleCallExecution(execution)
            return finish(result, scope)
        case .trapped(let trap):
            return fail(.coreTrap(trap))
        case .outOfFuel:
            state = .running(execution, scope)
            return .outOfFuel
        case .suspended(let token):
            let importCall = token as? SuspendedImportCall ?? SuspendedImportCall(token: token, lowering: nil)
            state = .suspended(execution, scope, importCall)
            return .suspended(importCall)
        }
    }

    /// Lifts the result (`coreResult`: the core function's one result, if it has one),
    /// checks every borrow was dropped, calls `post-return`, and leaves.
    private func finish(_ coreResult: UInt64?, _ scope: BorrowScope?) -> GuestCallOutcome<Result> {
        do throws(CanonicalABIError) {
            // The lowering context serves for lifting too (lifting uses no borrow scope).
            let context = loweringContext ?? plainContext
            loweringContext = nil
            var reader: CanonicalReader
            if signature.resultSpills, let layout = signature.result, let pointer = coreResult {
                let memory = try context.memory()
                try memory.checkPlacement(pointer, size: UInt64(layout.size), alignment: layout.alignment)
                reader = CanonicalReader(memory: memory, address: pointer, context: context)
            } else {
                reader = CanonicalReader(flat: coreResult.map { [$0] } ?? [], context: context)
            }
            let result = try liftResult(&reader)
            if let scope, scope.liveBorrows != 0 { throw CanonicalABIError.borrowsNotDropped(count: scope.liveBorrows) }
            if let postReturn = options.postReturn {
                var slot = coreResult ?? 0
                let count = coreResult == nil ? 0 : 1
                _ = try withUnsafePointer(to: &slot) { address throws(CanonicalABIError) in
                    try instance.withoutLeaving { () throws(CanonicalABIError) -> UInt64? in
                        try instance.callHelper(postReturn, slotArguments: UnsafeBufferPointer(start: address, count: count))
                    }
                }
            }
            instance.leave(to: caller)
            state = .finished
            return .returned(result)
        } catch {
            return fail(error)
        }
    }

    private func fail(_ error: CanonicalABIError) -> GuestCallOutcome<Result> {
        instance.markTrapped()
        state = .finished
        return .trapped(error)
    }
}

extension GuestCall where Result == ComponentValue? {
    /// Prepares a call of `function`, a core export of the instance, as a component function
    /// of `signature`, with dynamic values.
    ///
    /// - Parameters:
    ///   - caller: the calling component instance, nil when the host calls.
    /// - Throws: `coreTypeMismatch` when `function` (or `post-return`) does not have the
    ///   flattened type; `missingMemory`/`missingRealloc` when the options lack what the
    ///   signature needs; `valueDoesNotMatchType` for a wrong argument count.
    public convenience init(
        function: Function, signature: CanonicalSignature, options: CanonicalOptions,
        instance: ComponentInstanceState, arguments: [ComponentValue], caller: ComponentInstanceState? = nil
    ) throws(CanonicalABIError) {
        guard arguments.count == signature.parameters.count else {
            throw .valueDoesNotMatchType("\(arguments.count) arguments for \(signature.parameters.count) parameters")
        }
        let result = signature.result
        try self.init(
            function: function, signature: signature, options: options, instance: instance, caller: caller,
            lowerArguments: CanonicalWriter.lowering(arguments, as: signature),
            liftResult: { (reader: inout CanonicalReader) throws(CanonicalABIError) -> ComponentValue? in
                guard let result else { return nil }
                return try reader.read(result)
            })
    }
}

extension GuestCall where Result: CanonicalValue {
    /// Prepares a call with typed arguments and result, lifted and lowered without
    /// `ComponentValue`s. `CanonicalUnit` stands for "no result".
    ///
    /// - Throws: as the dynamic initializer, and `valueDoesNotMatchType` when an argument's
    ///   or the result's component type is not the signature's.
    public convenience init(
        function: Function, signature: CanonicalSignature, options: CanonicalOptions,
        instance: ComponentInstanceState, arguments: [any CanonicalValue], returning: Result.Type,
        caller: ComponentInstanceState? = nil
    ) throws(CanonicalABIError) {
        guard arguments.count == signature.parameters.count else {
            throw .valueDoesNotMatchType("\(arguments.count) arguments for \(signature.parameters.count) parameters")
        }
        for (index, (argument, layout)) in zip(arguments, signature.parameters).enumerated()
        where type(of: argument).componentType != layout.type {
            throw .valueDoesNotMatchType("argument \(index) is not a \(layout.type)")
        }
        guard Result.payloadType == signature.result?.type else {
            throw .valueDoesNotMatchType("\(Result.self) is not the function's result type")
        }
        try self.init(
            function: function, signature: signature, options: options, instance: instance, caller: caller,
            lowerArguments: { (writer: inout CanonicalWriter) throws(CanonicalABIError) in
                for argument in arguments { try writer.write(argument) }
            },
            liftResult: { (reader: inout CanonicalReader) throws(CanonicalABIError) -> Result in
                try reader.read(Result.self)
            })
    }
}
