import WasmInterp

/// What the Swift implementation of a lowered import returns.
public enum HostCallResult: Sendable {
    /// The import's result now (nil for a function without one).
    case value(ComponentValue?)
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
            switch try implementation(parameters) {
            case .value(let value):
                let importCall = SuspendedImportCall(token: (), lowering: lowering)
                return .values(try importCall.coreResults(for: value))
            case .suspend(let token):
                return .suspend(token: SuspendedImportCall(token: token, lowering: lowering))
            }
        }
    }
}

/// What a lowered import knows between calls.
private struct LoweredImportCall: Sendable {
    let signature: CanonicalSignature
    let options: CanonicalOptions
    let instance: ComponentInstanceState

    /// Lifts the guest's core arguments and prepares the lowering of the result.
    func liftArguments(_ arguments: [Value]) throws(CanonicalABIError) -> ([ComponentValue], ImportResultLowering) {
        guard instance.mayLeave else { throw .cannotLeaveInstance }
        let context = CanonicalContext(options: options, instance: instance, lenders: LenderList())
        var slots = arguments.map(\.slots.0)
        let returnPointer = signature.resultSpills ? slots.popLast() : nil
        var reader: CanonicalReader
        if signature.parametersSpill, let tuple = signature.parameterTuple, let pointer = slots.first {
            let memory = try context.memory()
            try memory.checkPlacement(pointer, size: UInt64(tuple.size), alignment: tuple.alignment)
            reader = CanonicalReader(memory: memory, address: pointer, context: context)
        } else {
            reader = CanonicalReader(flat: slots, context: context)
        }
        var parameters: [ComponentValue] = []
        parameters.reserveCapacity(signature.parameters.count)
        do {
            for layout in signature.parameters { parameters.append(try reader.read(layout)) }
        } catch {
            context.lenders?.release()
            throw error
        }
        return (parameters, ImportResultLowering(signature: signature, context: context, returnPointer: returnPointer))
    }
}
