import WasmInterp

/// A component decoded and type-checked, ready to be instantiated any number of times.
///
/// ```swift
/// let component = try LoadedComponent(bytes: bytes)
/// var imports = ComponentImports()
/// imports.define(interface: "theater:simple/runtime", function: "log") { _ in [] }
/// let instance = try component.instantiate(imports: imports)
/// let initialize = try instance.function(interface: "theater:simple/actor", name: "init")
/// ```
public struct LoadedComponent: Sendable {
    public let component: Component
    let arena: TypeArena
    let resolved: ResolvedComponent
    /// What all its instantiations share: compiled core modules, canonical signatures.
    let blueprint: ComponentBlueprint

    public init(_ component: Component) throws(ComponentTypeError) {
        self.component = component
        (arena, resolved) = try TypeResolver.resolve(component)
        blueprint = ComponentBlueprint(component)
        importedFunctions = Self.functionDescriptions(Self.resolvedType(resolved, in: arena)?.imports ?? [], in: arena)
    }

    /// Decodes and type-checks a component binary.
    /// - Throws: `ComponentDecodingError` or `ComponentTypeError`.
    public init(bytes: [UInt8]) throws {
        try self.init(Component(bytes: bytes))
    }

    /// Instantiates the component: one new `Store` holds all its core instances.
    ///
    /// - Throws: `ComponentLinkError` naming a missing or mistyped import, an unsupported
    ///   feature, or a core module that failed to instantiate.
    public func instantiate(
        imports: ComponentImports = ComponentImports(), configuration: StoreConfiguration = StoreConfiguration()
    ) throws(ComponentLinkError) -> ComponentInstance {
        let store = Store(configuration: configuration)
        let context = InstantiationContext(
            store: store, arena: arena, imports: imports, destructors: ResourceDestructors(),
            states: InstantiationStates())
        let state = context.states.makeState(store: store, parent: nil)
        let scope = RuntimeScope(
            component: component, resolved: resolved, blueprint: blueprint, definingScope: nil, context: context, state: state,
            arguments: nil)
        try scope.run()
        return ComponentInstance(
            store: store, state: state, exports: scope.exports.map { ($0.name.fullName, $0.item) },
            destructors: context.destructors, states: context.states)
    }

    /// The functions the component imports: by interface (nil for world-level functions)
    /// and name, with their types.
    /// (Computed once, when the component is loaded: hosts check them on every instantiation.)
    public let importedFunctions: [ComponentFunctionDescription]

    /// The functions the component exports, as `importedFunctions` lists imports.
    public var exportedFunctions: [ComponentFunctionDescription] {
        Self.functionDescriptions(Self.resolvedType(resolved, in: arena)?.exports ?? [], in: arena)
    }

    private static func resolvedType(_ resolved: ResolvedComponent, in arena: TypeArena) -> ComponentTypeShape? {
        guard case .component(let shape) = arena[resolved.typeID] else { return nil }
        return shape
    }

    private static func functionDescriptions(
        _ items: [(name: ExternName, type: ExternType)], in arena: TypeArena
    ) -> [ComponentFunctionDescription] {
        var descriptions: [ComponentFunctionDescription] = []
        for (name, type) in items {
            switch type {
            case .function(let id):
                if let function = try? arena.functionType(id) {
                    descriptions.append(.init(interface: nil, name: name.name, type: function))
                }
            case .instance(let id):
                guard case .instance(let shape) = arena[arena.unaliased(id)] else { continue }
                for (member, memberType) in shape.exports {
                    guard case .function(let functionID) = memberType, let function = try? arena.functionType(functionID) else { continue }
                    descriptions.append(.init(interface: name.name, name: member.name, type: function))
                }
            default:
                continue
            }
        }
        return descriptions
    }
}

/// A function a component imports or exports.
public struct ComponentFunctionDescription: Sendable, Hashable {
    /// The interface (`theater:simple/runtime`), or nil for a world-level function.
    public var interface: String?
    public var name: String
    public var type: ComponentFunctionType
}

/// An instantiated component: its exports, and the store its core instances live in.
public final class ComponentInstance: Sendable {
    /// The store of the component's core instances (its memories, fuel and limits).
    public let store: Store
    /// The canonical ABI state: entered/left flags and the resource handle table.
    public let state: ComponentInstanceState
    let exports: [(name: String, item: RuntimeItem)]

    let destructors: ResourceDestructors
    /// Every instance state of the instantiation, nested components' included: the
    /// store's lowered imports and resource built-ins refer to them weakly.
    private let states: InstantiationStates
    /// Who drops resources the host owns: an instance of no component, so a destructor
    /// call enters the implementing instance like any call from outside.
    private let host: ComponentInstanceState

    init(
        store: Store, state: ComponentInstanceState, exports: [(name: String, item: RuntimeItem)],
        destructors: ResourceDestructors, states: InstantiationStates
    ) {
        self.store = store
        self.state = state
        self.exports = exports
        self.destructors = destructors
        self.states = states
        host = ComponentInstanceState(store: store)
    }

    /// Drops a resource the host owns (an `own` value an export returned): runs the
    /// destructor of the component that defines `resource`, if it has one.
    ///
    /// - Throws: `CanonicalABIError` when the destructor traps or the defining instance
    ///   is running.
    public func drop(_ resource: ResourceType, representation: UInt32) throws {
        try destructors.destructor(for: resource)?(representation, host)
    }

    /// The names of the component's exports.
    public var exportNames: [String] { exports.map(\.name) }

    /// Function `name` of the exported interface `interface` (matched with or without its
    /// `@version`, as `ComponentImports` matches imports).
    /// - Throws: `ComponentLinkError` (`.missingExport`) naming what is missing.
    public func function(interface: String, name: String) throws(ComponentLinkError) -> ComponentFunction {
        guard case .instance(let instance)? = export(interface) else {
            throw ComponentLinkError(.missingExport, "no exported interface \(interface)")
        }
        guard case .function(let function)? = instance.export(name) else {
            throw ComponentLinkError(.missingExport, "interface \(interface) exports no function \(name)")
        }
        return function
    }

    /// Function `name` of the exported interface `interface`, or nil when there is none
    /// (`function(interface:name:)` without the error, for probing optional exports).
    public func exportedFunction(interface: String, name: String) -> ComponentFunction? {
        exportPath(interface: interface, name: name).flatMap(exportedFunction(at:))
    }

    /// The world-level exported function `name`.
    public func function(named name: String) throws(ComponentLinkError) -> ComponentFunction {
        guard case .function(let function)? = export(name) else {
            throw ComponentLinkError(.missingExport, "no exported function \(name)")
        }
        return function
    }

    /// An export by exact name, else by name without version.
    private func export(_ name: String) -> RuntimeItem? {
        exportIndex(name).map { exports[$0].item }
    }

    /// The position of an export by exact name, else by name without version (compared as
    /// UTF-8: names are ASCII, and scanning characters would cost an instantiation more than its
    /// lookups need).
    func exportIndex(_ name: String) -> Int? {
        // By index, comparing names in place: the closures of `firstIndex(where:)` would
        // copy every (name, item) entry they look at.
        for index in exports.indices where exports[index].name == name { return index }
        for index in exports.indices {
            let utf8 = exports[index].name.utf8
            if let at = utf8.lastIndex(of: UInt8(ascii: "@")), utf8[..<at].elementsEqual(name.utf8) { return index }
        }
        return nil
    }
}
