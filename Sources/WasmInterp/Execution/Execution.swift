/// How a run of an `Execution` ended.
///
/// The rare cases are indirect so that an outcome is one word: every call returns one,
/// and a large enum is copied and destroyed through out-of-line code.
public enum ExecutionOutcome: Sendable {
    /// The function returned these results.
    case returned([Value])
    /// Execution trapped; the execution is finished.
    indirect case trapped(Trap)
    /// The fuel budget ran out before a block could start; `run(fuel:)` continues
    /// exactly there.
    case outOfFuel
    /// A host function asked to wait; `resume(withHostResults:fuel:)` continues with its results.
    indirect case suspended(token: any Sendable)
}

/// One executed instruction, as reported to a trace sink.
public struct TraceEvent: Sendable {
    public var functionIndex: UInt32
    public var functionName: String?
    /// Byte offset of the instruction in the module.
    public var offset: Int
    /// The instruction in text form, e.g. `i32.add` or `local.get 0`.
    public var instruction: String
    /// The operand values it consumes, first pushed first (raw slot bits).
    public var operands: [UInt64]

    public init(functionIndex: UInt32, functionName: String?, offset: Int, instruction: String, operands: [UInt64]) {
        self.functionIndex = functionIndex
        self.functionName = functionName
        self.offset = offset
        self.instruction = instruction
        self.operands = operands
    }
}

/// A (possibly suspended) call of a function: its own value stack and frame stack.
///
/// Wasm calls never recurse on the host stack: a call pushes a `Frame`, so an execution
/// can stop anywhere (out of fuel, or a host function that waits) and continue later,
/// on any thread (one at a time).
public final class Execution: @unchecked Sendable {
    public let store: Store
    /// Receives every executed instruction when set before the first run (a slower path:
    /// functions run from code translated one-to-one).
    public var traceSink: (@Sendable (TraceEvent) -> Void)? {
        get { registers.pointee.traceSink }
        set { registers.pointee.traceSink = newValue }
    }
    /// Fuel left after the last run (0 after running out).
    public var remainingFuel: UInt64 { fuel > 0 ? UInt64(fuel) : 0 }
    /// After a run that returned `.outOfFuel`: the cost of the block it stopped before,
    /// which is the smallest budget with which the next `run(fuel:)` makes progress; nil
    /// after any other outcome.
    ///
    /// Fuel is charged per block before the block starts, so a block that costs more
    /// than the budget given to each run would never start: a scheduler that hands out
    /// fixed slices gives at least this much to the next run of this execution.
    public internal(set) var fuelRequiredToContinue: UInt64? {
        get { registers.pointee.fuelRequiredToContinue }
        set { registers.pointee.fuelRequiredToContinue = newValue }
    }

    /// A Wasm function's activation. Its code is owned by the store, which outlives the
    /// execution.
    struct Frame {
        var code: UnsafeMutablePointer<FunctionCode>
        /// Offset of the frame's first slot (its first parameter) in the value stack.
        var base: Int
        /// The instruction where execution continues in this frame.
        var pc: UnsafeMutablePointer<InternalInstruction>
    }

    enum State {
        case ready
        case suspendedForFuel
        /// Waiting for a host function's results (of `Registers.hostResultTypes`), which
        /// go to slot `resultBase`. (The types are not a payload here: a payload that is
        /// reference counted makes every read and write of the state pay for it.)
        case suspendedForHost(resultBase: Int)
        case finished
    }

    /// The execution's mutable state. It lives behind a pointer (a `let`), not in stored
    /// properties: a class's stored `var`s cost a dynamic exclusivity check
    /// (`swift_beginAccess`) on every access, which made entering and leaving a short call
    /// expensive. The properties below forward to it.
    struct Registers {
        var entry: Function
        var entryArguments: [Value]
        var state = State.ready
        /// With `State.suspendedForHost`: the types of the results the host owes.
        var hostResultTypes: [ValueType] = []
        var frames: UnsafeMutablePointer<Frame>
        var frameCapacity: Int
        var frameCount = 0
        var stack: UnsafeMutablePointer<UInt64>
        var stackCapacity: Int
        var fuel: Int64 = .max
        var fuelRequiredToContinue: UInt64?
        var traceSink: (@Sendable (TraceEvent) -> Void)?
        /// Set by `reset(function:slotArguments:)`: the results stay in the value stack
        /// (for `returnedSlot(_:)`) and `.returned` carries none.
        var resultsStayInSlots = false
        /// How many results `returnedSlot(_:)` may read: set when such a call returns.
        var returnedSlotCount = 0
    }

    private let registers: UnsafeMutablePointer<Registers>

    var entry: Function { registers.pointee.entry }
    var entryArguments: [Value] { registers.pointee.entryArguments }
    var state: State {
        get { registers.pointee.state }
        set { registers.pointee.state = newValue }
    }
    var frames: UnsafeMutablePointer<Frame> {
        get { registers.pointee.frames }
        set { registers.pointee.frames = newValue }
    }
    var frameCapacity: Int {
        get { registers.pointee.frameCapacity }
        set { registers.pointee.frameCapacity = newValue }
    }
    var frameCount: Int {
        get { registers.pointee.frameCount }
        set { registers.pointee.frameCount = newValue }
    }
    var stack: UnsafeMutablePointer<UInt64> {
        get { registers.pointee.stack }
        set { registers.pointee.stack = newValue }
    }
    var stackCapacity: Int {
        get { registers.pointee.stackCapacity }
        set { registers.pointee.stackCapacity = newValue }
    }
    var fuel: Int64 {
        get { registers.pointee.fuel }
        set { registers.pointee.fuel = newValue }
    }
    var isTracing: Bool { registers.pointee.traceSink != nil }
    /// Marks the execution as waiting for a host function's results.
    func suspendForHost(resultTypes: [ValueType], resultBase: Int) {
        registers.pointee.hostResultTypes = resultTypes
        state = .suspendedForHost(resultBase: resultBase)
    }
    var resultsStayInSlots: Bool {
        get { registers.pointee.resultsStayInSlots }
        set {
            registers.pointee.resultsStayInSlots = newValue
            registers.pointee.returnedSlotCount = 0
        }
    }
    var returnedSlotCount: Int {
        get { registers.pointee.returnedSlotCount }
        set { registers.pointee.returnedSlotCount = newValue }
    }
    /// Replaces the entry arguments (releasing the previous array only if there is one).
    func setEntryArguments(_ arguments: [Value]) {
        if arguments.isEmpty, registers.pointee.entryArguments.isEmpty { return }
        registers.pointee.entryArguments = arguments
    }
    /// Makes `function` the entry (without reference counting when it already is).
    func setEntry(_ function: Function) {
        if registers.pointee.entry !== function { registers.pointee.entry = function }
    }
    /// `store.configuration.maxCallDepth`, read once.
    let maxCallDepth: Int
    /// `store.configuration.maxValueStackSlots`, read once.
    let maxValueStackSlots: Int
    /// `store.configuration.fuelMetering`, read once.
    let fuelMetering: Bool

    /// Prepares a call of `function` with `arguments` (checked against its type).
    public convenience init(store: Store, function: Function, arguments: [Value]) throws(Trap) {
        try Execution.check(arguments, against: function)
        self.init(store: store, entry: function, arguments: arguments)
    }

    /// An execution of `function` with `arguments` not yet checked: a slot-argument call
    /// places its own (see `reset(function:slotArguments:)`).
    init(store: Store, entry function: Function, arguments: [Value]) {
        self.store = store
        maxCallDepth = store.configuration.maxCallDepth
        maxValueStackSlots = store.configuration.maxValueStackSlots
        fuelMetering = store.configuration.fuelMetering
        let stackCapacity = 64
        let frameCapacity = 16
        registers = .allocate(capacity: 1)
        registers.initialize(to: Registers(
            entry: function, entryArguments: arguments,
            frames: .allocate(capacity: frameCapacity), frameCapacity: frameCapacity,
            stack: .allocate(capacity: stackCapacity), stackCapacity: stackCapacity))
    }

    /// Throws unless `arguments` fit `function`'s parameter types.
    private static func check(_ arguments: [Value], against function: Function) throws(Trap) {
        let parameters = function.type.parameters
        guard arguments.count == parameters.count else {
            throw Trap(.hostError("expected \(parameters.count) arguments, got \(arguments.count)"))
        }
        for index in arguments.indices where arguments[index].type != parameters[index] {
            throw Trap(.hostError("argument \(arguments[index]) is not of type \(parameters[index])"))
        }
    }

    deinit {
        stack.deallocate()
        frames.deallocate()
        registers.deinitialize(count: 1)
        registers.deallocate()
    }

    /// Prepares a finished execution (one that returned or trapped) for a new call of
    /// `function` with `arguments`, keeping its stacks' memory: what calls in a loop do to
    /// avoid allocating an execution each time. Tracing stays as it was set.
    ///
    /// - Throws: a `hostError` trap when the execution has not finished or the arguments
    ///   do not fit `function`'s type; the execution is unchanged then.
    public func reset(function: Function, arguments: [Value]) throws(Trap) {
        try checkResettable()
        try Execution.check(arguments, against: function)
        setEntry(function)
        setEntryArguments(arguments)
        resultsStayInSlots = false
        frameCount = 0
        state = .ready
    }

    /// Refuses to reset an execution that is in the middle of a call.
    func checkResettable() throws(Trap) {
        switch state {
        case .finished: break
        case .ready where frameCount == 0: break
        default: throw Trap(.hostError("only a finished execution can be reset"))
        }
    }

    /// Runs until the function returns, traps, runs out of `fuel` (nil: unlimited) or a
    /// host function suspends it. After `.outOfFuel`, call again to continue.
    public func run(fuel: UInt64? = nil) -> ExecutionOutcome {
        setFuel(fuel)
        fuelRequiredToContinue = nil
        switch state {
        case .ready:
            return start()
        case .suspendedForFuel:
            state = .ready
            return interpret()
        case .suspendedForHost:
            return .trapped(Trap(.hostError("execution is waiting for host results")))
        case .finished:
            return .trapped(Trap(.hostError("execution already finished")))
        }
    }

    /// Continues after `.suspended`, giving the host function's results to the guest.
    public func resume(withHostResults results: [Value], fuel: UInt64? = nil) -> ExecutionOutcome {
        guard case .suspendedForHost(let resultBase) = state else {
            return .trapped(Trap(.hostError("execution is not waiting for host results")))
        }
        let resultTypes = registers.pointee.hostResultTypes
        setFuel(fuel)
        fuelRequiredToContinue = nil
        guard results.count == resultTypes.count, zip(results, resultTypes).allSatisfy({ $0.type == $1 }) else {
            return finish(trap: .hostError("host results \(results) do not match \(resultTypes)"))
        }
        if frameCount == 0 {
            state = .finished
            return returned(results)
        }
        guard ensureStackCapacity(resultBase + Translator.slots(resultTypes)) else { return finish(trap: .callStackExhausted) }
        store(results, at: resultBase)
        state = .ready
        return interpret()
    }

    private func setFuel(_ budget: UInt64?) {
        if let budget, fuelMetering {
            fuel = budget > UInt64(Int64.max) ? .max : Int64(budget)
        } else {
            fuel = .max
        }
    }

    private func start() -> ExecutionOutcome {
        switch registers.pointee.entry.kind {
        case .host(let host):
            return callHostEntry(host)
        case .wasm(let function):
            // Slot arguments are in place already (`reset(function:slotArguments:)`).
            if !resultsStayInSlots { store(entryArguments, at: 0, growing: true) }
            if let reason = pushFrame(function, base: 0) { return finish(trap: reason) }
            return interpret()
        }
    }

    private func callHostEntry(_ host: HostFunction) -> ExecutionOutcome {
        do {
            switch try host.body(Caller(instance: nil, store: store), entryArguments) {
            case .values(let results):
                state = .finished
                return returned(results)
            case .suspend(let token):
                suspendForHost(resultTypes: host.type.results, resultBase: 0)
                return .suspended(token: token)
            }
        } catch let trap as Trap {
            state = .finished
            return .trapped(trap)
        } catch {
            return finish(trap: .hostError("\(error)"))
        }
    }

    // MARK: Frames and the value stack

    /// Enters `function`, whose arguments are at slot `base`: checks the limits, zeroes its
    /// locals and copies its constants in. Returns the trap reason on failure.
    func pushFrame(_ function: WasmFunction, base: Int) -> TrapReason? {
        let code: UnsafeMutablePointer<FunctionCode>
        do {
            code = try function.code(forTracing: isTracing)
        } catch {
            return .hostError("translation failed: \(error)")
        }
        let compiled = code.pointee
        guard frameCount < maxCallDepth else { return .callStackExhausted }
        guard ensureStackCapacity(base + compiled.maxFrameSlots) else { return .callStackExhausted }
        if frameCount == frameCapacity {
            let newCapacity = frameCapacity * 2
            let newFrames = UnsafeMutablePointer<Frame>.allocate(capacity: newCapacity)
            newFrames.moveInitialize(from: frames, count: frameCount)
            frames.deallocate()
            frames = newFrames
            frameCapacity = newCapacity
        }
        (stack + base + compiled.parameterSlots).update(from: code.pointee.initialSlots, count: code.pointee.initialSlotCount)
        (frames + frameCount).initialize(to: Frame(code: code, base: base, pc: compiled.code))
        frameCount += 1
        return nil
    }

    /// Makes the value stack hold at least `slots` slots; false past the store's limit.
    func ensureStackCapacity(_ slots: Int) -> Bool {
        if slots <= stackCapacity { return true }
        guard slots <= maxValueStackSlots else { return false }
        var newCapacity = stackCapacity
        while newCapacity < slots { newCapacity *= 2 }
        newCapacity = Swift.min(newCapacity, maxValueStackSlots)
        let newStack = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity)
        newStack.moveInitialize(from: stack, count: stackCapacity)
        stack.deallocate()
        stack = newStack
        stackCapacity = newCapacity
        return true
    }

    /// Writes `values` into consecutive slots from `base`.
    func store(_ values: [Value], at base: Int, growing: Bool = false) {
        if growing { _ = ensureStackCapacity(base + values.count * 2) }
        var slot = base
        for value in values {
            let (low, high) = value.slots
            stack[slot] = low
            slot += 1
            if value.type == .v128 {
                stack[slot] = high
                slot += 1
            }
        }
    }

    /// Reads values of `types` from consecutive slots from `base`.
    func load(_ types: [ValueType], at base: Int) -> [Value] {
        let stack = self.stack
        // One result is the common case; an array literal allocates it most cheaply.
        if types.count == 1 { return [value(of: types[0], at: stack + base)] }
        var slot = base
        var values: [Value] = []
        values.reserveCapacity(types.count)
        for type in types {
            values.append(value(of: type, at: stack + slot))
            slot += type == .v128 ? 2 : 1
        }
        return values
    }

    private func value(of type: ValueType, at slot: UnsafeMutablePointer<UInt64>) -> Value {
        type == .v128 ? Value(low: slot[0], high: slot[1], type: type) : Value(low: slot[0], type: type)
    }

    /// `.returned(results)`, or with the results moved into the value stack for
    /// `returnedSlot(_:)` when the call was prepared with slot arguments.
    func returned(_ results: [Value]) -> ExecutionOutcome {
        guard resultsStayInSlots else { return .returned(results) }
        store(results, at: 0, growing: true)
        returnedSlotCount = results.count
        return .returned([])
    }

    func finish(trap reason: TrapReason) -> ExecutionOutcome {
        let trap = Trap(reason, backtrace: backtrace())
        state = .finished
        frameCount = 0
        return .trapped(trap)
    }

    /// The Wasm call stack, innermost first; each frame's `pc` is just past its current instruction.
    func backtrace() -> [BacktraceFrame] {
        var result: [BacktraceFrame] = []
        for index in stride(from: frameCount - 1, through: 0, by: -1) {
            let frame = frames[index]
            let code = frame.code.pointee
            result.append(BacktraceFrame(
                functionIndex: code.functionIndex, functionName: code.instance.takeUnretainedValue().functionName(code.functionIndex),
                offset: code.compiled.takeUnretainedValue().sourceOffset(at: (frame.pc - code.code) - 1)))
        }
        return result
    }
}

extension Store {
    /// Calls `function` to completion (no fuel limit unless `fuel` is given; running out of
    /// it is an `outOfFuel` trap, a host suspension a `hostError` trap).
    public func invoke(_ function: Function, _ arguments: [Value], fuel: UInt64? = nil) throws(Trap) -> [Value] {
        try Execution(store: self, function: function, arguments: arguments).complete(fuel: fuel)
    }
}

extension Execution {
    /// Runs the call to the end (no fuel limit unless `fuel` is given; running out of it is
    /// an `outOfFuel` trap, a host suspension a `hostError` trap) and returns its results.
    public func complete(fuel: UInt64? = nil) throws(Trap) -> [Value] {
        switch run(fuel: fuel) {
        case .returned(let values): return values
        case .trapped(let trap): throw trap
        case .outOfFuel: throw Trap(.outOfFuel, backtrace: backtrace())
        case .suspended: throw Trap(.hostError("host function suspended a non-resumable call"))
        }
    }
}

extension ModuleInstance {
    /// Calls the exported function `name`.
    public func invoke(_ name: String, _ arguments: [Value] = [], fuel: UInt64? = nil) throws -> [Value] {
        guard let function = exportedFunction(name) else {
            throw LinkError(module: module.names.moduleName ?? "", name: name, message: "no exported function")
        }
        return try store.invoke(function, arguments, fuel: fuel)
    }
}

extension ModuleInstance {
    /// Translates every function of the instance now instead of at its first call (for
    /// measuring translation, or to pay its cost up front).
    public func translateAllFunctions() throws {
        for function in storage.functions {
            guard case .wasm(let wasm) = function.kind, wasm.instance === storage else { continue }
            _ = try wasm.code(forTracing: false)
        }
    }
}
