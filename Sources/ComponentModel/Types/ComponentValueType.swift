/// A component-model value type (a WIT type), fully resolved: no type indices remain.
public indirect enum ComponentValueType: Sendable, Hashable {
    case bool
    case s8, u8, s16, u16, s32, u32, s64, u64
    case f32, f64
    case char
    case string
    case list(ComponentValueType)
    case record([Field])
    case tuple([ComponentValueType])
    case variant([Case])
    case `enum`([String])
    case option(ComponentValueType)
    case result(ok: ComponentValueType?, error: ComponentValueType?)
    case flags([String])
    /// An owned handle to a resource.
    case own(ResourceType)
    /// A borrowed handle to a resource.
    case borrow(ResourceType)

    /// A named field of a record.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var type: ComponentValueType
        public init(name: String, type: ComponentValueType) {
            self.name = name
            self.type = type
        }
    }

    /// A named case of a variant, with an optional payload.
    public struct Case: Sendable, Hashable {
        public var name: String
        public var payload: ComponentValueType?
        public init(name: String, payload: ComponentValueType?) {
            self.name = name
            self.payload = payload
        }
    }
}

/// A resource type. Resource types are generative: two `resource` definitions are
/// different types even with the same name, so identity is the `id` the defining
/// component instance (or the host) assigned.
public struct ResourceType: Sendable, Hashable {
    public var id: Int
    /// The name it was defined or imported under (for messages and WIT printing).
    public var name: String
    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}

/// A component function's signature: named parameters, and a result (or none).
public struct ComponentFunctionType: Sendable, Hashable {
    public var parameters: [(name: String, type: ComponentValueType)] {
        get { zip(parameterNames, parameterTypes).map { ($0, $1) } }
        set {
            parameterNames = newValue.map(\.name)
            parameterTypes = newValue.map(\.type)
        }
    }
    public var parameterNames: [String]
    public var parameterTypes: [ComponentValueType]
    public var result: ComponentValueType?

    public init(parameters: [(name: String, type: ComponentValueType)], result: ComponentValueType?) {
        parameterNames = parameters.map(\.name)
        parameterTypes = parameters.map(\.type)
        self.result = result
    }
}
