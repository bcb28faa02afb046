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

/// An import call that suspended its guest: the token its implementation returned, and
/// how to lower the result that arrives later into the waiting guest.
public final class SuspendedImportCall: @unchecked Sendable {
    /// What the import's implementation passed to `.suspend(token:)`.
    public let token: any Sendable
    let lowering: ImportResultLowering?

    init(token: any Sendable, lowering: ImportResultLowering?) {
        self.token = token
        self.lowering = lowering
    }

    /// Lowers `value` as the import's result (into the caller's return area when it
    /// spills, calling `realloc` for strings and lists) and returns the core results to
    /// resume the guest's `Execution` with. Can be used once.
    public func coreResults(for value: ComponentValue?) throws(CanonicalABIError) -> [Value] {
        try requireLowering().lower { (writer: inout CanonicalWriter, layout: CanonicalTypeLayout?) throws(CanonicalABIError) in
            switch (layout, value) {
            case (let layout?, let value?): try writer.write(value, as: layout)
            case (nil, nil): break
            default: throw .valueDoesNotMatchType("the import's result is \(layout == nil ? "empty" : "missing")")
            }
        }
    }

    /// Lowers a typed result (`CanonicalUnit` for none); see `coreResults(for:)`.
    public func coreResults<T: CanonicalValue>(for value: T) throws(CanonicalABIError) -> [Value] {
        let lowering = try requireLowering()
        guard T.payloadType == lowering.signature.result?.type else {
            throw .valueDoesNotMatchType("\(T.self) is not the import's result type")
        }
        return try lowering.lower { (writer: inout CanonicalWriter, _: CanonicalTypeLayout?) throws(CanonicalABIError) in
            try writer.write(value)
        }
    }

    private func requireLowering() throws(CanonicalABIError) -> ImportResultLowering {
        guard let lowering else { throw .invalidCallState("the suspending host function was not canonically lowered") }
        return lowering
    }
}

/// Lowers an import's result into its caller (`lower_flat_values` with the return pointer
/// as out-parameter), then gives back the handles the caller lent to the call.
final class ImportResultLowering {
    let signature: CanonicalSignature
    let context: CanonicalContext
    /// Where a spilled result goes: the caller's last core argument.
    let returnPointer: UInt64?
    private var isDelivered = false

    init(signature: CanonicalSignature, context: CanonicalContext, returnPointer: UInt64?) {
        self.signature = signature
        self.context = context
        self.returnPointer = returnPointer
    }

    func lower(
        _ write: (inout CanonicalWriter, CanonicalTypeLayout?) throws(CanonicalABIError) -> Void
    ) throws(CanonicalABIError) -> [Value] {
        guard !isDelivered else { throw .invalidCallState("the import's result was already delivered") }
        isDelivered = true
        defer { context.lenders?.release() }
        guard signature.resultSpills, let layout = signature.result else {
            var writer = CanonicalWriter(flatCapacity: signature.flatResultTypes.count, context: context)
            try write(&writer, signature.result)
            return try writer.coreValues(signature.flatResultTypes)
        }
        let memory = try context.memory()
        let pointer = returnPointer ?? 0
        try memory.checkPlacement(pointer, size: UInt64(layout.size), alignment: layout.alignment)
        var writer = CanonicalWriter(memory: memory, address: pointer, context: context)
        try write(&writer, layout)
        return []
    }
}

extension HostFunction {
    /// A core function that calls `implementation` as the component function `signature`
    /// (`canon lower`): it lifts the guest's arguments (from memory when they spill),
    /// calls `implementation`, and lowers its result into core results or through the
    /// return pointer the guest passes last.
    ///
    /// `instance` is the calling component instance: its handle table receives and gives
    /// resources, and calling the import while it may not leave (from `realloc` or
    /// `post-return`) traps.
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
    ///     let actor = try arguments.next(String.self)
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

/// The arguments of a lowered import call, read one by one as typed values.
public struct HostCallArguments {
    private var reader: CanonicalReader
    private let parameters: [CanonicalTypeLayout]
    private var index = 0

    init(reader: CanonicalReader, parameters: [CanonicalTypeLayout]) {
        self.reader = reader
        self.parameters = parameters
    }

    /// Lifts the next argument as a `T`.
    /// - Throws: `valueDoesNotMatchType` when `T` is not the parameter's type or no
    ///   parameter is left; the traps of lifting.
    public mutating func next<T: CanonicalValue>(_ type: T.Type = T.self) throws(CanonicalABIError) -> T {
        guard index < parameters.count else { throw .valueDoesNotMatchType("no parameter \(index)") }
        guard T.componentType == parameters[index].type else {
            throw .valueDoesNotMatchType("parameter \(index) is not a \(T.self)")
        }
        index += 1
        return try reader.read(T.self)
    }

    /// Lifts the next argument as a dynamic value.
    public mutating func next() throws(CanonicalABIError) -> ComponentValue {
        guard index < parameters.count else { throw .valueDoesNotMatchType("no parameter \(index)") }
        defer { index += 1 }
        return try reader.read(parameters[index])
    }
}

extension ImportResultLowering {
    /// Turns what an implementation returned into the host function's result.
    func deliver(_ result: HostCallResult) throws(CanonicalABIError) -> HostResult {
        switch result {
        case .value(let value):
            return .values(try SuspendedImportCall(token: (), lowering: self).coreResults(for: value))
        case .typed(let value):
            return .values(try SuspendedImportCall(token: (), lowering: self).coreResults(for: value))
        case .suspend(let token):
            return .suspend(token: SuspendedImportCall(token: token, lowering: self))
        }
    }
}

/// What a lowered import knows between calls.
private struct LoweredImportCall: Sendable {
    let signature: CanonicalSignature
    let options: CanonicalOptions
    let instance: ComponentInstanceState

    /// Checks the call may leave its instance, and positions a reader on the guest's
    /// arguments (in memory when they spill); prepares the lowering of the result.
    func prepare(_ arguments: [Value]) throws(CanonicalABIError) -> (CanonicalReader, ImportResultLowering) {
        guard instance.mayLeave else { throw .cannotLeaveInstance }
        let context = CanonicalContext(options: options, instance: instance, lenders: LenderList())
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
