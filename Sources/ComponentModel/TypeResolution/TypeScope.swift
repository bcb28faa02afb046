import WasmInterp

/// The type-level index spaces of one scope (a component, component type or instance
/// type) as the resolver builds them, definition by definition.
///
/// Only the spaces types can be asked of are kept; core functions, tables, memories,
/// globals and core instances are the instantiator's business.
struct TypeScope: Sendable {
    var types: [TypeID] = []
    var coreTypes: [CoreTypeEntry] = []
    var functions: [TypeID] = []
    var instances: [TypeID] = []
    var components: [TypeID] = []
    /// Core module types, where known (nil for modules defined inline).
    var coreModules: [CoreModuleTypeShape?] = []
    var values: [TypeReference] = []
    var imports: [(name: ExternName, type: ExternType)] = []
    var exports: [(name: ExternName, type: ExternType)] = []

    mutating func append(_ type: ExternType) {
        switch type {
        case .module(let module): coreModules.append(module)
        case .function(let id): functions.append(id)
        case .value(let reference): values.append(reference)
        case .type(let id): types.append(id)
        case .instance(let id): instances.append(id)
        case .component(let id): components.append(id)
        }
    }
}

/// A resolved core type.
enum CoreTypeEntry: Sendable {
    case function(FunctionType)
    case module(CoreModuleTypeShape)
}

/// A component with every type resolved: its type, the index spaces its definitions
/// built, and the same for each component it defines inline.
struct ResolvedComponent: Sendable {
    /// The component's type (a `.component` entry: its imports and exports).
    var typeID: TypeID
    var scope: TypeScope
    /// Inline-defined components, by their index in the component index space.
    var nestedComponents: [Int: ResolvedComponent]
}
