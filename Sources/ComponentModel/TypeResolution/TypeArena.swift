import WasmInterp

/// The identity of a type in a `TypeArena`.
///
/// Identity matters for two things: resource types are generative (two definitions are
/// different types), and names: a type exported by an interface under a name is known by
/// that name wherever it is used, which the WIT printer relies on.
struct TypeID: Hashable, Sendable, Comparable {
    let index: Int
    static func < (lhs: TypeID, rhs: TypeID) -> Bool { lhs.index < rhs.index }
}

/// A value type as the arena stores it: a primitive, or a defined type by identity.
enum TypeReference: Hashable, Sendable {
    case primitive(PrimitiveValueType)
    case defined(TypeID)
}

/// One type in the arena. Children are referred to by identity, so the arena is a DAG:
/// an entry only refers to entries created before it.
enum TypeEntry: Sendable {
    case value(ValueTypeShape)
    case function(FunctionTypeShape)
    case instance(InstanceTypeShape)
    case component(ComponentTypeShape)
    case resource(ResourceOrigin)
    /// A distinct identity for the same type as `TypeID`: what an import or export of a
    /// type with an `eq` bound introduces, so the name it is known by stays attached.
    case alias(TypeID)
}

enum ValueTypeShape: Sendable {
    case primitive(PrimitiveValueType)
    case record([(name: String, type: TypeReference)])
    case variant([(name: String, payload: TypeReference?)])
    case list(TypeReference)
    case tuple([TypeReference])
    case flags([String])
    case `enum`([String])
    case option(TypeReference)
    case result(ok: TypeReference?, error: TypeReference?)
    case own(TypeID)
    case borrow(TypeID)
}

struct FunctionTypeShape: Sendable {
    var parameters: [(name: String, type: TypeReference)]
    var result: TypeReference?
}

/// What an instance exports, in declaration order.
struct InstanceTypeShape: Sendable {
    var exports: [(name: ExternName, type: ExternType)]

    func export(named name: String) -> ExternType? {
        exports.first { $0.name.name == name }?.type
    }
}

/// What a component imports and exports, in declaration order.
struct ComponentTypeShape: Sendable {
    var imports: [(name: ExternName, type: ExternType)]
    var exports: [(name: ExternName, type: ExternType)]
}

/// Where a resource type comes from.
enum ResourceOrigin: Sendable, Hashable {
    /// Defined by a component (`(type (resource (rep i32) (dtor f)?))`).
    case defined(destructor: UInt32?)
    /// Imported or exported abstractly (`(sub resource)`).
    case abstract
}

/// The type of an import or export, resolved.
enum ExternType: Sendable {
    case module(CoreModuleTypeShape)
    case function(TypeID)
    case value(TypeReference)
    /// The type's identity (an alias for `eq` bounds, a resource for `sub resource`).
    case type(TypeID)
    case instance(TypeID)
    case component(TypeID)

    var sort: ComponentSort {
        switch self {
        case .module: return .core(.module)
        case .function: return .function
        case .value: return .value
        case .type: return .type
        case .instance: return .instance
        case .component: return .component
        }
    }
}

/// A core module type: its imports and exports with their core types.
struct CoreModuleTypeShape: Sendable {
    var imports: [(module: String, name: String, type: CoreExternType)]
    var exports: [(name: String, type: CoreExternType)]
}

enum CoreExternType: Sendable, Hashable {
    case function(FunctionType)
    case table(TableType)
    case memory(MemoryType)
    case global(GlobalType)
}

/// Every type of one decoded component (with its nested components), by identity.
struct TypeArena: Sendable {
    private(set) var entries: [TypeEntry] = []
    /// The name a type was first imported or exported under (resources are named this way).
    private(set) var names: [TypeID: String] = [:]

    mutating func add(_ entry: TypeEntry) -> TypeID {
        entries.append(entry)
        return TypeID(index: entries.count - 1)
    }

    subscript(id: TypeID) -> TypeEntry { entries[id.index] }

    mutating func nameIfUnnamed(_ id: TypeID, _ name: String) {
        if names[id] == nil { names[id] = name }
    }

    func name(of id: TypeID) -> String? { names[id] }

    /// `id` with aliases followed to the type they stand for.
    func unaliased(_ id: TypeID) -> TypeID {
        var current = id
        while case .alias(let target) = self[current] { current = target }
        return current
    }
}
