import WasmInterp

/// A component function type's canonical ABI shape (the synchronous `flatten_functype`),
/// computed once and shared by every call (a class, so that a call holds one reference
/// instead of copying the arrays inside).
///
/// Up to `maxFlatParameters` flat parameters are passed as core parameters; more are
/// stored as a tuple in memory and passed as one pointer. Up to `maxFlatResults` flat
/// results are returned as core results; more are stored in memory and returned as a
/// pointer (`canon lift`) or written through a pointer the caller passes as an extra last
/// parameter (`canon lower`).
public final class CanonicalSignature: Sendable {
    public static let maxFlatParameters = 16
    public static let maxFlatResults = 1

    /// Which side of the boundary the core function is on.
    public enum Context: Sendable {
        /// `canon lift`: the core function is a guest export the host (or another
        /// component) calls.
        case lift
        /// `canon lower`: the core function is an import the guest calls.
        case lower
    }

    public let type: ComponentFunctionType
    /// Each parameter's layout, in order.
    public let parameters: [CanonicalTypeLayout]
    /// The result's layout, nil when the function returns nothing.
    public let result: CanonicalTypeLayout?
    /// The parameters as one tuple, as they are laid out when they spill to memory.
    let parameterTuple: CanonicalTypeLayout?
    /// Every parameter flattened, before the `maxFlatParameters` limit applies.
    public let flatParameterTypes: [ValueType]
    /// The result flattened, before the `maxFlatResults` limit applies.
    public let flatResultTypes: [ValueType]

    /// Whether the parameters are passed through memory.
    public var parametersSpill: Bool { flatParameterTypes.count > Self.maxFlatParameters }
    /// Whether the result is passed through memory.
    public var resultSpills: Bool { flatResultTypes.count > Self.maxFlatResults }
    /// Whether lifting or lowering may need the `memory` option.
    public let needsMemory: Bool
    /// Whether lowering parameters (for `canon lift`) may call `realloc`.
    public let parametersNeedRealloc: Bool
    /// Whether lowering the result (for `canon lower`) may call `realloc`.
    public let resultNeedsRealloc: Bool
    /// Whether a parameter contains a `borrow` (calls then track the borrows they lend).
    public let parametersContainBorrow: Bool

    /// - Throws: `CanonicalABIError.invalidType` when a parameter or the result has no
    ///   canonical layout, or the result contains a `borrow` (borrows only go into calls).
    public init(_ type: ComponentFunctionType) throws(CanonicalABIError) {
        self.type = type
        var parameters: [CanonicalTypeLayout] = []
        for parameterType in type.parameterTypes { parameters.append(try CanonicalTypeLayout(parameterType)) }
        self.parameters = parameters
        result = try type.result.map { resultType throws(CanonicalABIError) in try CanonicalTypeLayout(resultType) }
        if result?.type.containsBorrow == true { throw .invalidType("a function result cannot contain a borrow") }
        flatParameterTypes = parameters.flatMap(\.flatTypes)
        flatResultTypes = result?.flatTypes ?? []
        parameterTuple = type.parameterTypes.isEmpty ? nil : try CanonicalTypeLayout(.tuple(type.parameterTypes))
        let parametersUseMemory = parameters.contains { $0.type.usesMemory }
        let resultUsesMemory = result?.type.usesMemory ?? false
        let spills = flatParameterTypes.count > Self.maxFlatParameters
        let resultSpills = flatResultTypes.count > Self.maxFlatResults
        needsMemory = parametersUseMemory || resultUsesMemory || spills || resultSpills
        parametersNeedRealloc = parametersUseMemory || spills
        resultNeedsRealloc = resultUsesMemory
        parametersContainBorrow = parameters.contains { $0.type.containsBorrow }
    }

    /// The core function type of the lifted (`.lift`) or lowered (`.lower`) function.
    public func coreType(_ context: Context) -> FunctionType {
        let parameters = parametersSpill ? [ValueType.i32] : flatParameterTypes
        guard resultSpills else { return FunctionType(parameters: parameters, results: flatResultTypes) }
        switch context {
        case .lift: return FunctionType(parameters: parameters, results: [.i32])
        case .lower: return FunctionType(parameters: parameters + [.i32], results: [])
        }
    }
}

extension ComponentValueType {
    /// Whether a `borrow` occurs anywhere in this type.
    var containsBorrow: Bool {
        switch self {
        case .borrow: return true
        case .list(let element): return element.containsBorrow
        case .record(let fields): return fields.contains { $0.type.containsBorrow }
        case .tuple(let elements): return elements.contains { $0.containsBorrow }
        case .variant(let cases): return cases.contains { $0.payload?.containsBorrow ?? false }
        case .option(let payload): return payload.containsBorrow
        case .result(let ok, let error): return (ok?.containsBorrow ?? false) || (error?.containsBorrow ?? false)
        default: return false
        }
    }

    /// Whether values of this type keep parts in linear memory (strings and lists).
    var usesMemory: Bool {
        switch self {
        case .string, .list: return true
        case .record(let fields): return fields.contains { $0.type.usesMemory }
        case .tuple(let elements): return elements.contains { $0.usesMemory }
        case .variant(let cases): return cases.contains { $0.payload?.usesMemory ?? false }
        case .option(let payload): return payload.usesMemory
        case .result(let ok, let error): return (ok?.usesMemory ?? false) || (error?.usesMemory ?? false)
        default: return false
        }
    }
}
