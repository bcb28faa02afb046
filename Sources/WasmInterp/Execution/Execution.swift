/// How a run of an `Execution` ended.
public enum ExecutionOutcome: Sendable {
    /// The function returned these results.
    case returned([Value])
    /// Execution trapped; the execution is finished.
    case trapped(Trap)
    /// The fuel budget ran out before a block could start; `run(fuel:)` continues
    /// exactly there.
    case outOfFuel
    /// A host function asked to wait; `resume(withHostResults:fuel:)` continues with its results.
    case suspended(token: any Sendable)
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
}

/// A (possibly suspended) call of a function: its own value stack and frame stack.
///
/// Wasm calls never recurse on the host stack: a call pushes a `Frame`, so an execution
/// can stop anywhere (out of fuel, or a host function that waits) and continue later,
/// on any thread (one at a time).
public final class Execution: @unchecked Sendable {
    public let store: Store
    /// Receives every executed instruction when set (a slower path).
    public var traceSink: (@Sendable (TraceEvent) -> Void)?
    /// Fuel left after the last run (0 after running out).
    public var remainingFuel: UInt64 { fuel > 0 ? UInt64(fuel) : 0 }

    struct Frame {
        let function: WasmFunction
        let compiled: CompiledFunction
        /// Offset of the frame's first slot (its first parameter) in the value stack.
        let base: Int
        /// Where execution continues in this frame (saved while a callee runs).
        var pc: Int
    }

    enum State {
        case ready
        case suspendedForFuel
        case suspendedForHost(resultTypes: [ValueType])
        case finished
    }

    let entry: Function
    var entryArguments: [Value]
    var state = State.ready
    var frames: [Frame] = []
    var stack: UnsafeMutablePointer<UInt64>
    var stackCapacity: Int
    /// Offset of the first free slot while not running.
    var stackTop = 0
    var fuel: Int64 = .max

    /// Prepares a call of `function` with `arguments` (checked against its type).
    public init(store: Store, function: Function, arguments: [Value]) throws(Trap) {
        self.store = store
        entry = function
        entryArguments = arguments
        stackCapacity = 256
        stack = UnsafeMutablePointer<UInt64>.allocate(capacity: stackCapacity)
        let parameters = function.type.parameters
        guard arguments.count == parameters.count else {
            throw Trap(.hostError("expected \(parameters.count) arguments, got \(arguments.count)"))
        }
        for (argument, type) in zip(arguments, parameters) where argument.type != type {
            throw Trap(.hostError("argument \(argument) is not of type \(type)"))
        }
    }

    deinit { stack.deallocate() }

    /// Runs until the function returns, traps, runs out of `fuel` (nil: unlimited) or a
    /// host function suspends it. After `.outOfFuel`, call again to continue.
    public func run(fuel: UInt64? = nil) -> ExecutionOutcome {
        setFuel(fuel)
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
        guard case .suspendedForHost(let resultTypes) = state else {
            return .trapped(Trap(.hostError("execution is not waiting for host results")))
        }
        setFuel(fuel)
        guard results.count == resultTypes.count, zip(results, resultTypes).allSatisfy({ $0.type == $1 }) else {
            return finish(trap: .hostError("host results \(results) do not match \(resultTypes)"))
        }
        if frames.isEmpty {
            state = .finished
            return .returned(results)
        }
        guard ensureCapacity(Translator.slots(resultTypes)) else { return finish(trap: .callStackExhausted) }
        pushValues(results)
        state = .ready
        return interpret()
    }

    private func setFuel(_ budget: UInt64?) {
        if let budget, store.configuration.fuelMetering {
            fuel = budget > UInt64(Int64.max) ? .max : Int64(budget)
        } else {
            fuel = .max
        }
    }

    private func start() -> ExecutionOutcome {
        switch entry.kind {
        case .host(let host):
            return callHostEntry(host)
        case .wasm(let function):
            let compiled: CompiledFunction
            do {
                compiled = try compile(function)
            } catch {
                return finish(trap: .hostError("translation failed: \(error)"))
            }
            guard ensureCapacity(compiled.maxFrameSlots) else { return finish(trap: .callStackExhausted) }
            pushValues(entryArguments)
            (stack + stackTop).initialize(repeating: 0, count: compiled.declaredLocalSlots)
            stackTop += compiled.declaredLocalSlots
            frames.append(Frame(function: function, compiled: compiled, base: 0, pc: 0))
            return interpret()
        }
    }

    private func callHostEntry(_ host: HostFunction) -> ExecutionOutcome {
        do {
            switch try host.body(Caller(instance: nil, store: store), entryArguments) {
            case .values(let results):
                state = .finished
                return .returned(results)
            case .suspend(let token):
                state = .suspendedForHost(resultTypes: host.type.results)
                return .suspended(token: token)
            }
        } catch let trap as Trap {
            state = .finished
            return .trapped(trap)
        } catch {
            return finish(trap: .hostError("\(error)"))
        }
    }

    // MARK: Helpers shared with the interpreter loop

    func compile(_ function: WasmFunction) throws -> CompiledFunction {
        if let compiled = function.compiled { return compiled }
        var translator = Translator(
            instance: function.instance, functionIndex: function.functionIndex, body: function.body,
            meterFuel: store.configuration.fuelMetering)
        let type = function.instance.functions[Int(function.functionIndex)].type
        let compiled = try translator.translate(type: type)
        function.compiled = compiled
        return compiled
    }

    /// Makes room for `slots` more slots above `stackTop`; false when the limit is reached.
    func ensureCapacity(_ slots: Int) -> Bool {
        let needed = stackTop + slots
        if needed <= stackCapacity { return true }
        guard needed <= store.configuration.maxValueStackSlots else { return false }
        var newCapacity = stackCapacity
        while newCapacity < needed { newCapacity *= 2 }
        newCapacity = Swift.min(newCapacity, store.configuration.maxValueStackSlots)
        let newStack = UnsafeMutablePointer<UInt64>.allocate(capacity: newCapacity)
        newStack.moveInitialize(from: stack, count: stackTop)
        stack.deallocate()
        stack = newStack
        stackCapacity = newCapacity
        return true
    }

    func pushValues(_ values: [Value]) {
        for value in values {
            let (low, high) = value.slots
            stack[stackTop] = low
            stackTop += 1
            if value.type == .v128 {
                stack[stackTop] = high
                stackTop += 1
            }
        }
    }

    /// Pops values of `types` (the last type is on top).
    func popValues(_ types: [ValueType]) -> [Value] {
        stackTop -= Translator.slots(types)
        var offset = stackTop
        var values: [Value] = []
        values.reserveCapacity(types.count)
        for type in types {
            if type == .v128 {
                values.append(Value(low: stack[offset], high: stack[offset + 1], type: type))
                offset += 2
            } else {
                values.append(Value(low: stack[offset], type: type))
                offset += 1
            }
        }
        return values
    }

    func finish(trap reason: TrapReason) -> ExecutionOutcome {
        let trap = Trap(reason, backtrace: backtrace())
        state = .finished
        frames.removeAll()
        return .trapped(trap)
    }

    /// The Wasm call stack, innermost first; each frame's `pc` is just past its current instruction.
    func backtrace() -> [BacktraceFrame] {
        frames.reversed().map { frame in
            let index = frame.function.functionIndex
            return BacktraceFrame(
                functionIndex: index, functionName: frame.function.instance.functionName(index),
                offset: frame.compiled.sourceOffset(at: frame.pc - 1))
        }
    }

    func returnResults() -> ExecutionOutcome {
        stackTop = 0
        let results = popValuesFromBottom(entry.type.results)
        state = .finished
        return .returned(results)
    }

    private func popValuesFromBottom(_ types: [ValueType]) -> [Value] {
        stackTop = Translator.slots(types)
        return popValues(types)
    }
}

extension Store {
    /// Calls `function` to completion (no fuel limit unless `fuel` is given; running out of
    /// it is an `outOfFuel` trap, a host suspension a `hostError` trap).
    public func invoke(_ function: Function, _ arguments: [Value], fuel: UInt64? = nil) throws(Trap) -> [Value] {
        let execution = try Execution(store: self, function: function, arguments: arguments)
        switch execution.run(fuel: fuel) {
        case .returned(let values): return values
        case .trapped(let trap): throw trap
        case .outOfFuel: throw Trap(.outOfFuel, backtrace: execution.backtrace())
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
