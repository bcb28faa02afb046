import WasmInterp

/// A type definition as the binary states it (`deftype`): type indices not yet resolved.
public enum ComponentTypeDefinition: Sendable, Hashable {
    case value(ValueTypeDefinition)
    case function(FunctionTypeDefinition)
    /// A component type: what a component imports and exports.
    case component([ComponentTypeDeclaration])
    /// An instance type: what an instance exports.
    case instance([InstanceTypeDeclaration])
    /// A resource defined by this component: its core representation and destructor.
    case resource(representation: ValueType, destructor: UInt32?)
}

/// The primitive value types, by their binary opcode.
public enum PrimitiveValueType: UInt8, Sendable, Hashable, CaseIterable {
    case bool = 0x7F
    case s8 = 0x7E
    case u8 = 0x7D
    case s16 = 0x7C
    case u16 = 0x7B
    case s32 = 0x7A
    case u32 = 0x79
    case s64 = 0x78
    case u64 = 0x77
    case f32 = 0x76
    case f64 = 0x75
    case char = 0x74
    case string = 0x73

    /// The resolved value type.
    public var valueType: ComponentValueType {
        switch self {
        case .bool: return .bool
        case .s8: return .s8
        case .u8: return .u8
        case .s16: return .s16
        case .u16: return .u16
        case .s32: return .s32
        case .u32: return .u32
        case .s64: return .s64
        case .u64: return .u64
        case .f32: return .f32
        case .f64: return .f64
        case .char: return .char
        case .string: return .string
        }
    }

    /// The WIT spelling.
    public var witName: String { String(describing: self) }
}

/// A `valtype`: a primitive, or an index into the type index space.
public enum ValueTypeReference: Sendable, Hashable {
    case primitive(PrimitiveValueType)
    case index(UInt32)
}

/// A `defvaltype`.
public enum ValueTypeDefinition: Sendable, Hashable {
    case primitive(PrimitiveValueType)
    case record([LabeledValueType])
    case variant([VariantCaseDefinition])
    case list(ValueTypeReference)
    case tuple([ValueTypeReference])
    case flags([String])
    case `enum`([String])
    case option(ValueTypeReference)
    case result(ok: ValueTypeReference?, error: ValueTypeReference?)
    case own(UInt32)
    case borrow(UInt32)
}

/// A named value type: a record field or a function parameter.
public struct LabeledValueType: Sendable, Hashable {
    public var label: String
    public var type: ValueTypeReference
    public init(label: String, type: ValueTypeReference) {
        self.label = label
        self.type = type
    }
}

/// A case of a variant type: its label and optional payload type.
public struct VariantCaseDefinition: Sendable, Hashable {
    public var label: String
    public var payload: ValueTypeReference?
    public init(label: String, payload: ValueTypeReference?) {
        self.label = label
        self.payload = payload
    }
}

/// A `functype`: labeled parameters and at most one result.
public struct FunctionTypeDefinition: Sendable, Hashable {
    public var parameters: [LabeledValueType]
    public var result: ValueTypeReference?
    /// `func async` (🔀): decoded so it can be reported, not supported at run time.
    public var isAsync: Bool
    public init(parameters: [LabeledValueType], result: ValueTypeReference?, isAsync: Bool = false) {
        self.parameters = parameters
        self.result = result
        self.isAsync = isAsync
    }
}

/// A declarator of a component type.
public enum ComponentTypeDeclaration: Sendable, Hashable {
    case `import`(name: ExternName, type: ExternDescriptor)
    case instanceDeclaration(InstanceTypeDeclaration)
}

/// A declarator of an instance type (also valid inside component types).
public enum InstanceTypeDeclaration: Sendable, Hashable {
    case coreType(CoreTypeDefinition)
    case type(ComponentTypeDefinition)
    case alias(Alias)
    case export(name: ExternName, type: ExternDescriptor)
}

/// An `externtype`: the type of an import or export, by sort.
public enum ExternDescriptor: Sendable, Hashable {
    /// A core module of core module type `coreTypeIndex`.
    case module(coreTypeIndex: UInt32)
    case function(typeIndex: UInt32)
    case value(ValueBound)
    case type(TypeBound)
    case component(typeIndex: UInt32)
    case instance(typeIndex: UInt32)

    /// The index space an import of this type adds to.
    public var sort: ComponentSort {
        switch self {
        case .module: return .core(.module)
        case .function: return .function
        case .value: return .value
        case .type: return .type
        case .component: return .component
        case .instance: return .instance
        }
    }
}

/// What an imported or exported type is: equal to a known type, or a fresh resource.
public enum TypeBound: Sendable, Hashable {
    /// The same type as type index `i`.
    case equal(UInt32)
    /// A fresh abstract resource type.
    case subResource
}

/// What an imported or exported value is (🪙): a known value, or any value of a type.
public enum ValueBound: Sendable, Hashable {
    case equal(valueIndex: UInt32)
    case type(ValueTypeReference)
}

/// An import or export name with its optional attributes.
///
/// Interface names carry their version in the name itself (`wasi:cli/exit@0.2.1`);
/// `versionSuffix` is the extra attribute form some encoders add.
public struct ExternName: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    /// 🏷️ `(implements "ns:pkg/iface")`.
    public var implements: String?
    /// 🔗 `(versionsuffix "...")`.
    public var versionSuffix: String?
    /// 🏷️ `(external-id "...")`.
    public var externalID: String?

    public init(_ name: String, implements: String? = nil, versionSuffix: String? = nil, externalID: String? = nil) {
        self.name = name
        self.implements = implements
        self.versionSuffix = versionSuffix
        self.externalID = externalID
    }

    /// The name with its version suffix: an interface imported as `wasi:cli/exit@0.2`
    /// with suffix `.1` is `wasi:cli/exit@0.2.1`.
    public var fullName: String { name + (versionSuffix ?? "") }

    public var description: String { fullName }
}
