/// Comparing types a host states with the types a component declares, and spelling them
/// in messages.
extension ComponentFunctionType {
    /// Equal, except that resource types compare by name: the host cannot know the
    /// identities an instantiation gives its resources.
    func matchesIgnoringResourceIdentity(_ other: ComponentFunctionType) -> Bool {
        parameterNames == other.parameterNames
            && parameterTypes.map(\.erasingResourceIdentity) == other.parameterTypes.map(\.erasingResourceIdentity)
            && result?.erasingResourceIdentity == other.result?.erasingResourceIdentity
    }

    /// `func(name: type, …) -> type`, in WIT syntax.
    var witText: String {
        let parameters = zip(parameterNames, parameterTypes).map { "\($0): \($1.witText)" }
        return "func(\(parameters.joined(separator: ", ")))" + (result.map { " -> \($0.witText)" } ?? "")
    }
}

extension ComponentValueType {
    var erasingResourceIdentity: ComponentValueType {
        switch self {
        case .own(let resource): return .own(ResourceType(id: 0, name: resource.name))
        case .borrow(let resource): return .borrow(ResourceType(id: 0, name: resource.name))
        case .list(let element): return .list(element.erasingResourceIdentity)
        case .option(let payload): return .option(payload.erasingResourceIdentity)
        case .tuple(let elements): return .tuple(elements.map(\.erasingResourceIdentity))
        case .record(let fields):
            return .record(fields.map { .init(name: $0.name, type: $0.type.erasingResourceIdentity) })
        case .variant(let cases):
            return .variant(cases.map { .init(name: $0.name, payload: $0.payload?.erasingResourceIdentity) })
        case .result(let ok, let error):
            return .result(ok: ok?.erasingResourceIdentity, error: error?.erasingResourceIdentity)
        default: return self
        }
    }

    /// The type in WIT syntax, structurally (records, variants and the like are spelled
    /// out, as WIT itself would only name them).
    var witText: String {
        switch self {
        case .bool: return "bool"
        case .s8: return "s8"
        case .u8: return "u8"
        case .s16: return "s16"
        case .u16: return "u16"
        case .s32: return "s32"
        case .u32: return "u32"
        case .s64: return "s64"
        case .u64: return "u64"
        case .f32: return "f32"
        case .f64: return "f64"
        case .char: return "char"
        case .string: return "string"
        default: return compoundWITText
        }
    }

    private var compoundWITText: String {
        switch self {
        case .list(let element): return "list<\(element.witText)>"
        case .option(let payload): return "option<\(payload.witText)>"
        case .tuple(let elements): return "tuple<\(elements.map(\.witText).joined(separator: ", "))>"
        case .result(let ok, let error): return "result<\(ok?.witText ?? "_"), \(error?.witText ?? "_")>"
        case .record(let fields): return "record { \(fields.map { "\($0.name): \($0.type.witText)" }.joined(separator: ", ")) }"
        case .variant(let cases):
            return "variant { \(cases.map { $0.name + ($0.payload.map { "(\($0.witText))" } ?? "") }.joined(separator: ", ")) }"
        case .enum(let names): return "enum { \(names.joined(separator: ", ")) }"
        case .flags(let names): return "flags { \(names.joined(separator: ", ")) }"
        case .own(let resource): return resource.name
        case .borrow(let resource): return "borrow<\(resource.name)>"
        default: return "?"
        }
    }
}
