import WasmInterp

/// What a component-level index space holds at run time.
enum RuntimeItem: Sendable {
    case function(ComponentFunction)
    case instance(RuntimeInstance)
    case component(RuntimeComponent)
    case coreModule(CompiledModule)
    /// Types need no run-time value; the item only keeps index spaces in step.
    case type

    var sortName: String {
        switch self {
        case .function: return "func"
        case .instance: return "instance"
        case .component: return "component"
        case .coreModule: return "core module"
        case .type: return "type"
        }
    }
}

extension RuntimeItem {
    func matches(_ sort: ComponentSort) -> Bool {
        switch (self, sort) {
        case (.function, .function), (.instance, .instance), (.component, .component),
             (.coreModule, .core(.module)), (.type, .type):
            return true
        default:
            return false
        }
    }
}

/// A component instance's exports (an instantiated component, or a bundle of items).
final class RuntimeInstance: Sendable {
    let exports: [(name: String, item: RuntimeItem)]

    init(exports: [(name: String, item: RuntimeItem)]) {
        self.exports = exports
    }

    func export(_ name: String) -> RuntimeItem? {
        exportIndex(name, expectedAt: nil).map { exports[$0].item }
    }

    /// The position of export `name`, checking `expected` first.
    func exportIndex(_ name: String, expectedAt expected: Int?) -> Int? {
        if let expected, expected >= 0, expected < exports.count, exports[expected].name == name { return expected }
        // By index: the closure of `firstIndex(where:)` would copy every entry it looks at.
        for index in exports.indices where exports[index].name == name { return index }
        return nil
    }
}

/// A component that can be instantiated: its definitions, resolved types, and the scope
/// it was defined in (for its outer aliases).
///
/// The scope is held weakly: scopes hold the components they define, and components are
/// only instantiated while their defining scope is being walked.
///
/// A class: index spaces copy their items, and this one's fields hold many arrays.
final class RuntimeComponent: Sendable {
    let component: Component
    let resolved: ResolvedComponent
    let blueprint: ComponentBlueprint
    weak let definingScope: RuntimeScope?

    init(component: Component, resolved: ResolvedComponent, blueprint: ComponentBlueprint, definingScope: RuntimeScope?) {
        self.component = component
        self.resolved = resolved
        self.blueprint = blueprint
        self.definingScope = definingScope
    }
}

/// A core instance: an instantiated module, or a bundle of core items.
enum CoreInstanceValue: Sendable {
    case module(ModuleInstance)
    case bundle([(name: String, value: ExternalValue)])

    func export(_ name: String) -> ExternalValue? {
        exportIndex(name, expectedAt: nil).flatMap(export(at:))
    }

    /// The position of export `name` among `exports`, checking `expected` first.
    func exportIndex(_ name: String, expectedAt expected: Int?) -> Int? {
        switch self {
        case .module(let instance):
            return instance.exportIndex(name, expectedAt: expected)
        case .bundle(let exports):
            if let expected, expected >= 0, expected < exports.count, exports[expected].name == name { return expected }
            for index in exports.indices where exports[index].name == name { return index }
            return nil
        }
    }

    /// The export at `index` of `exports`.
    func export(at index: Int) -> ExternalValue? {
        switch self {
        case .module(let instance):
            let exports = instance.exports
            return index >= 0 && index < exports.count ? exports[index].value : nil
        case .bundle(let exports):
            return index >= 0 && index < exports.count ? exports[index].value : nil
        }
    }

    var exports: [(name: String, value: ExternalValue)] {
        switch self {
        case .module(let instance): return instance.exports
        case .bundle(let exports): return exports
        }
    }
}

/// The component instance states of one instantiation (the top level's and its nested
/// components'), kept alive by whoever can call into it: the `ComponentInstance` and each
/// `ComponentFunction` it exported.
///
/// The store's functions (lowered imports, resource built-ins) refer to the states only
/// weakly, since a state holds the store; this is what owns them.
final class InstantiationStates: @unchecked Sendable {
    private var states: [ComponentInstanceState] = []

    /// A new state for an instance in `store`, owned by this list.
    func makeState(store: Store, parent: ComponentInstanceState?) -> ComponentInstanceState {
        let state = ComponentInstanceState(store: store, parent: parent)
        states.append(state)
        return state
    }
}

/// Destructors of the resource types of one top-level instantiation, by resource id: a
/// guest's `dtor` for resources components define, the host's for imported ones.
final class ResourceDestructors: @unchecked Sendable {
    private var destructors: [Int: ResourceDestructor] = [:]

    func register(_ resource: ResourceType, _ destructor: @escaping ResourceDestructor) {
        destructors[resource.id] = destructor
    }

    func destructor(for resource: ResourceType) -> ResourceDestructor? {
        destructors[resource.id]
    }
}
