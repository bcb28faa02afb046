import WasmInterp

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
