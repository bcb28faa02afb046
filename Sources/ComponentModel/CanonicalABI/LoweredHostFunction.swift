import WasmInterp

/// What the Swift implementation of a lowered import returns.
public enum HostCallResult: Sendable {
    /// The import's result now (nil for a function without one).
    case value(ComponentValue?)
    /// The import's result now, as a typed value (`CanonicalUnit` for none).
    case typed(any CanonicalValue & Sendable)
    /// Suspend the calling guest; the result comes later through the
    /// `SuspendedImportCall` the guest's driver receives (see `GuestCall.resume(returning:)`).
    case suspend(token: any Sendable)
}

extension HostFunction {
    /// A core function that calls `implementation` as the component function `signature`
    /// (`canon lower`): it lifts the guest's arguments (from memory when they spill),
    /// calls `implementation`, and lowers its result into core results or through the
    /// return pointer the guest passes last.
    ///
    /// `instance` is the calling component instance: its handle table receives and gives
    /// resources, and calling the import while it may not leave (from `realloc` or
    /// `post-return`) traps. The function refers to it weakly (it holds the store the
    /// function goes into): keep it alive while guest code may call the import; a call
    /// after it is freed traps with `instanceReleased`.
    ///
    /// ```swift
    /// let log = try HostFunction.lowered(
    ///     signature: CanonicalSignature(ComponentFunctionType(parameters: [("msg", .string)], result: nil)),
    ///     options: options, instance: state
    /// ) { arguments in
    ///     print(arguments)
    ///     return .value(nil)
    /// }
    /// ```
    ///
    /// - Throws: `missingMemory`/`missingRealloc` when the options lack what the signature needs.
    public static func lowered(
        signature: CanonicalSignature, options: CanonicalOptions, instance: ComponentInstanceState,
        implementation: @escaping @Sendable ([ComponentValue]) throws -> HostCallResult
    ) throws(CanonicalABIError) -> HostFunction {
        if signature.needsMemory, options.memory == nil { throw .missingMemory }
        if signature.resultNeedsRealloc, options.realloc == nil { throw .missingRealloc }
        let importCall = LoweredImportCall(signature: signature, options: options, instance: instance)
        return HostFunction(type: signature.coreType(.lower)) { _, arguments in
            let (parameters, lowering) = try importCall.liftArguments(arguments)
            return try lowering.deliver(try implementation(parameters))
        }
    }

    /// A lowered import whose implementation reads its arguments as typed values, without
    /// `ComponentValue`s (see `lowered(signature:options:instance:implementation:)`).
    ///
    /// ```swift
    /// let send = try HostFunction.loweredTyped(signature: sendSignature, options: options, instance: state) { arguments in
    ///     let recipient = try arguments.next(String.self)
    ///     let message = try arguments.next([UInt8].self)
    ///     return .typed(ComponentResult<CanonicalUnit, String>.ok(CanonicalUnit()))
    /// }
    /// ```
    public static func loweredTyped(
        signature: CanonicalSignature, options: CanonicalOptions, instance: ComponentInstanceState,
        implementation: @escaping @Sendable (inout HostCallArguments) throws -> HostCallResult
    ) throws(CanonicalABIError) -> HostFunction {
        if signature.needsMemory, options.memory == nil { throw .missingMemory }
        if signature.resultNeedsRealloc, options.realloc == nil { throw .missingRealloc }
        let importCall = LoweredImportCall(signature: signature, options: options, instance: instance)
        return HostFunction(type: signature.coreType(.lower)) { _, arguments in
            let (reader, lowering) = try importCall.prepare(arguments)
            var typedArguments = HostCallArguments(reader: reader, parameters: signature.parameters)
            let result: HostCallResult
            do {
                result = try implementation(&typedArguments)
            } catch {
                lowering.context.lenders?.release()
                throw error
            }
            return try lowering.deliver(result)
        }
    }
}

/// What a lowered import knows between calls.
private struct LoweredImportCall: Sendable {
    let signature: CanonicalSignature
    let options: CanonicalOptions
    let instance: WeakInstanceState

    init(signature: CanonicalSignature, options: CanonicalOptions, instance: ComponentInstanceState) {
        self.signature = signature
        self.options = options
        self.instance = WeakInstanceState(instance)
    }

    /// Checks the call may leave its instance, and positions a reader on the guest's
    /// arguments (in memory when they spill); prepares the lowering of the result.
    func prepare(_ arguments: [Value]) throws(CanonicalABIError) -> (CanonicalReader, ImportResultLowering) {
        let instance = try self.instance.get()
        guard instance.mayLeave else { throw .cannotLeaveInstance }
        // Only parameters with a `borrow` lend handles: other calls need no list.
        let lenders = signature.parametersContainBorrow ? LenderList() : nil
        let context = CanonicalContext(options: options, instance: instance, lenders: lenders)
        var slots = arguments.map(\.slots.0)
        let returnPointer = signature.resultSpills ? slots.popLast() : nil
        let lowering = ImportResultLowering(signature: signature, context: context, returnPointer: returnPointer)
        guard signature.parametersSpill, let tuple = signature.parameterTuple, let pointer = slots.first else {
            return (CanonicalReader(flat: slots, context: context), lowering)
        }
        let memory = try context.memory()
        try memory.checkPlacement(pointer, size: UInt64(tuple.size), alignment: tuple.alignment)
        return (CanonicalReader(memory: memory, address: pointer, context: context), lowering)
    }

    /// Lifts the guest's core arguments as dynamic values.
    func liftArguments(_ arguments: [Value]) throws(CanonicalABIError) -> ([ComponentValue], ImportResultLowering) {
        var (reader, lowering) = try prepare(arguments)
        var parameters: [ComponentValue] = []
        parameters.reserveCapacity(signature.parameters.count)
        do {
            for layout in signature.parameters { parameters.append(try reader.read(layout)) }
        } catch {
            lowering.context.lenders?.release()
            throw error
        }
        return (parameters, lowering)
    }
}
