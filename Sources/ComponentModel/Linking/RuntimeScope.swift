import WasmInterp

/// What every scope of one top-level instantiation shares.
struct InstantiationContext: Sendable {
    let store: Store
    let arena: TypeArena
    let imports: ComponentImports
    let destructors: ResourceDestructors
    let states: InstantiationStates
}

/// One component being instantiated: walks its definitions in order, building the run-time
/// index spaces (core modules, core instances and their items; components, instances and
/// functions), instantiating core modules in the shared store and nested components in
/// scopes of their own.
///
/// Types come from the resolver, whose index spaces were built by the same walk; the
/// counters `typeCount` and `importCount` keep the two in step.
final class RuntimeScope: @unchecked Sendable {
    let component: Component
    let resolved: ResolvedComponent
    /// What all instantiations of the component share (compiled core modules, signatures).
    let blueprint: ComponentBlueprint
    /// The scope the component was defined in: `alias outer 1` refers to it.
    weak var definingScope: RuntimeScope?
    let context: InstantiationContext
    let state: ComponentInstanceState
    /// The `with` arguments of a nested instantiation, in their order; nil for the top
    /// level, whose imports come from the host. (A few entries, found by a scan: a
    /// dictionary would hash every name for one lookup each.)
    let arguments: [(name: String, item: RuntimeItem)]?

    // The index spaces. Not checked for exclusive access at run time: a scope is used by
    // the one thread instantiating, no access to them overlaps another (each append
    // evaluates its argument first), and the checks cost about a seventh of an
    // instantiation.
    @exclusivity(unchecked) var coreModules: [CompiledModule] = []
    @exclusivity(unchecked) var coreInstances: [CoreInstanceValue] = []
    @exclusivity(unchecked) var coreFunctions: [Function] = []
    @exclusivity(unchecked) var coreTables: [Table] = []
    @exclusivity(unchecked) var coreMemories: [Memory] = []
    @exclusivity(unchecked) var coreGlobals: [GlobalVariable] = []
    @exclusivity(unchecked) var functions: [ComponentFunction] = []
    @exclusivity(unchecked) var instances: [RuntimeInstance] = []
    @exclusivity(unchecked) var components: [RuntimeComponent] = []
    @exclusivity(unchecked) var typeCount = 0
    @exclusivity(unchecked) var importCount = 0
    @exclusivity(unchecked) private(set) var exports: [(name: ExternName, item: RuntimeItem)] = []
    /// Where aliases found their exports in earlier instantiations; set by `run`.
    @exclusivity(unchecked) private var aliasTargets = AliasTargets(known: nil, definitionCount: 0)

    init(
        component: Component, resolved: ResolvedComponent, blueprint: ComponentBlueprint, definingScope: RuntimeScope?,
        context: InstantiationContext, state: ComponentInstanceState, arguments: [(name: String, item: RuntimeItem)]?
    ) {
        self.component = component
        self.resolved = resolved
        self.blueprint = blueprint
        self.definingScope = definingScope
        self.context = context
        self.state = state
        self.arguments = arguments
    }

    var arena: TypeArena { context.arena }

    func run() throws(ComponentLinkError) {
        let steps = blueprint.steps
        guard steps.count == component.definitions.count else { throw invalid("blueprint of another component") }
        let known = blueprint.knownLayout()
        aliasTargets = AliasTargets(known: known?.aliasTargets, definitionCount: steps.count)
        if let known { reserveIndexSpaces(known.indexSpaceSizes) }
        for position in steps.indices {
            switch steps[position] {
            case .countType:
                // As `defineType` does for a type that is not a resource.
                _ = try currentTypeID()
                typeCount += 1
            case .nothing:
                continue
            case .coreModule:
                try defineCoreModule(at: position)
            case .coreInstance(let expression):
                coreInstances.append(try coreInstance(expression))
            case .instance(let expression):
                instances.append(try instance(expression))
            case .alias(let alias):
                try resolveAlias(alias, at: position)
            case .canonical(let function):
                try defineCanonical(function, at: position)
            case .import(let componentImport):
                append(try importedItem(componentImport))
            case .export(let export):
                try defineExport(export)
            case .instantiate:
                try instantiate(component.definitions[position], at: position)
            }
        }
        if let learned = aliasTargets.learned {
            blueprint.recordLayout(.init(aliasTargets: learned, indexSpaceSizes: indexSpaceSizes))
        }
    }

    /// The sizes of the index spaces (and exports), in the order `reserveIndexSpaces` reads.
    private var indexSpaceSizes: [Int] {
        [coreModules.count, coreInstances.count, coreFunctions.count, coreTables.count, coreMemories.count,
         coreGlobals.count, functions.count, instances.count, components.count, exports.count]
    }

    private func reserveIndexSpaces(_ sizes: [Int]) {
        guard sizes.count == 10 else { return }
        coreModules.reserveCapacity(sizes[0])
        coreInstances.reserveCapacity(sizes[1])
        coreFunctions.reserveCapacity(sizes[2])
        coreTables.reserveCapacity(sizes[3])
        coreMemories.reserveCapacity(sizes[4])
        coreGlobals.reserveCapacity(sizes[5])
        functions.reserveCapacity(sizes[6])
        instances.reserveCapacity(sizes[7])
        components.reserveCapacity(sizes[8])
        exports.reserveCapacity(sizes[9])
    }

    private func instantiate(_ definition: ComponentDefinition, at position: Int) throws(ComponentLinkError) {
        switch definition {
        case .coreModule:
            try defineCoreModule(at: position)
        case .coreType:
            break
        case .coreInstance(let expression):
            coreInstances.append(try coreInstance(expression))
        case .component(let component):
            guard let resolved = resolved.nestedComponents[components.count] else {
                throw invalid("nested component \(components.count) was not resolved")
            }
            components.append(RuntimeComponent(
                component: component, resolved: resolved,
                blueprint: blueprint.nested[position] ?? ComponentBlueprint(component), definingScope: self))
        case .instance(let expression):
            instances.append(try instance(expression))
        case .alias(let alias):
            try resolveAlias(alias, at: position)
        case .type(let type):
            try defineType(type)
        case .canonical(let function):
            try defineCanonical(function, at: position)
        case .start:
            throw ComponentLinkError(.unsupported, "start functions (component values) are not supported")
        case .import(let componentImport):
            append(try importedItem(componentImport))
        case .export(let export):
            try defineExport(export)
        }
    }

    private func defineCoreModule(at position: Int) throws(ComponentLinkError) {
        guard let module = blueprint.modules[position] else { throw invalid("core module \(position) was not compiled") }
        coreModules.append(module)
    }

    private func defineExport(_ export: ComponentExport) throws(ComponentLinkError) {
        let item = try self.item(export.item)
        exports.append((export.name, item))
        append(item)
    }

    // MARK: Index spaces

    func append(_ item: RuntimeItem) {
        switch item {
        case .function(let function): functions.append(function)
        case .instance(let instance): instances.append(instance)
        case .component(let component): components.append(component)
        case .coreModule(let module): coreModules.append(module)
        case .type: typeCount += 1
        }
    }

    func item(_ index: ComponentSortIndex) throws(ComponentLinkError) -> RuntimeItem {
        let position = Int(index.index)
        switch index.sort {
        case .function: return .function(try entry(functions, position, "func"))
        case .instance: return .instance(try entry(instances, position, "instance"))
        case .component: return .component(try entry(components, position, "component"))
        case .core(.module): return .coreModule(try entry(coreModules, position, "core module"))
        case .type: return .type
        case .value: throw ComponentLinkError(.unsupported, "component values are not supported")
        case .core(let sort): throw invalid("core \(sort) \(position) is not a component-level item")
        }
    }

    func entry<Element>(_ space: [Element], _ index: Int, _ what: String) throws(ComponentLinkError) -> Element {
        guard index >= 0, index < space.count else {
            throw invalid("\(what) index \(index) out of range (\(space.count) defined)")
        }
        return space[index]
    }

    func invalid(_ message: String) -> ComponentLinkError {
        ComponentLinkError(.invalidComponent, message)
    }

    func currentTypeID() throws(ComponentLinkError) -> TypeID {
        try entry(resolved.scope.types, typeCount, "type")
    }

    func typeID(_ index: UInt32) throws(ComponentLinkError) -> TypeID {
        try entry(resolved.scope.types, Int(index), "type")
    }

    // MARK: Core instances

    private func coreInstance(_ expression: CoreInstanceExpression) throws(ComponentLinkError) -> CoreInstanceValue {
        switch expression {
        case .instantiate(let moduleIndex, let arguments):
            let module = try entry(coreModules, Int(moduleIndex), "core module")
            var imports = Imports()
            for argument in arguments {
                let instance = try entry(coreInstances, Int(argument.instance), "core instance")
                for (name, value) in instance.exports {
                    imports.define(module: argument.name, name: name, value)
                }
            }
            do {
                return .module(try context.store.instantiate(module, imports: imports))
            } catch {
                throw ComponentLinkError(
                    .coreInstantiation, "core instance \(coreInstances.count) (module \(moduleIndex)): \(error)")
            }
        case .exports(let exports):
            var values: [(name: String, value: ExternalValue)] = []
            values.reserveCapacity(exports.count)
            for export in exports {
                values.append((export.name, try coreItem(export.item)))
            }
            return .bundle(values)
        }
    }

    private func coreItem(_ index: CoreSortIndex) throws(ComponentLinkError) -> ExternalValue {
        let position = Int(index.index)
        switch index.sort {
        case .function: return .function(try entry(coreFunctions, position, "core func"))
        case .table: return .table(try entry(coreTables, position, "core table"))
        case .memory: return .memory(try entry(coreMemories, position, "core memory"))
        case .global: return .global(try entry(coreGlobals, position, "core global"))
        default: throw ComponentLinkError(.unsupported, "core \(index.sort) items in core instances are not supported")
        }
    }

    // MARK: Component instances

    private func instance(_ expression: InstanceExpression) throws(ComponentLinkError) -> RuntimeInstance {
        switch expression {
        case .instantiate(let componentIndex, let arguments):
            let component = try entry(components, Int(componentIndex), "component")
            var items: [(name: String, item: RuntimeItem)] = []
            items.reserveCapacity(arguments.count)
            for argument in arguments {
                items.append((argument.name, try item(argument.item)))
            }
            if let plan = component.blueprint.forwarding { return try plan.instantiate(with: items) }
            let child = RuntimeScope(
                component: component.component, resolved: component.resolved, blueprint: component.blueprint,
                definingScope: component.definingScope,
                context: context, state: context.states.makeState(store: context.store, parent: state), arguments: items)
            try child.run()
            return RuntimeInstance(exports: child.exports.map { ($0.name.name, $0.item) })
        case .exports(let exports):
            var items: [(name: String, item: RuntimeItem)] = []
            items.reserveCapacity(exports.count)
            for export in exports {
                items.append((export.name.name, try item(export.item)))
            }
            return RuntimeInstance(exports: items)
        }
    }

    // MARK: Aliases

    private func resolveAlias(_ alias: Alias, at position: Int) throws(ComponentLinkError) {
        switch alias.target {
        case .export(let instanceIndex, let name):
            let instance = try entry(instances, Int(instanceIndex), "instance")
            guard let index = instance.exportIndex(name, expectedAt: aliasTargets.hint(at: position)) else {
                throw invalid("instance \(instanceIndex) has no export \"\(name)\"")
            }
            aliasTargets.record(index, at: position)
            let item = instance.exports[index].item
            guard item.matches(alias.sort) else {
                throw invalid("export \"\(name)\" of instance \(instanceIndex) is a \(item.sortName), not a \(alias.sort)")
            }
            append(item)
        case .coreExport(let instanceIndex, let name):
            let instance = try entry(coreInstances, Int(instanceIndex), "core instance")
            guard let index = instance.exportIndex(name, expectedAt: aliasTargets.hint(at: position)),
                  let value = instance.export(at: index)
            else {
                throw invalid("core instance \(instanceIndex) has no export \"\(name)\"")
            }
            aliasTargets.record(index, at: position)
            try appendCore(value, as: alias.sort, name: name)
        case .outer(let count, let index):
            var scope: RuntimeScope = self
            for _ in 0..<count {
                guard let enclosing = scope.definingScope else { throw invalid("outer alias count \(count) too large") }
                scope = enclosing
            }
            switch alias.sort {
            case .component: components.append(try entry(scope.components, Int(index), "outer component"))
            case .core(.module): coreModules.append(try entry(scope.coreModules, Int(index), "outer core module"))
            case .type: typeCount += 1
            case .core(.type): break
            default: throw invalid("outer alias of sort \(alias.sort)")
            }
        }
    }

    private func appendCore(_ value: ExternalValue, as sort: ComponentSort, name: String) throws(ComponentLinkError) {
        switch (sort, value) {
        case (.core(.function), .function(let function)): coreFunctions.append(function)
        case (.core(.table), .table(let table)): coreTables.append(table)
        case (.core(.memory), .memory(let memory)): coreMemories.append(memory)
        case (.core(.global), .global(let global)): coreGlobals.append(global)
        default: throw invalid("core export \"\(name)\" is not a \(sort)")
        }
    }
}
