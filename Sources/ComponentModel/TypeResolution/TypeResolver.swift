/// Resolves a decoded component's types: walks its definitions in order, building each
/// scope's index spaces, and records every type in a `TypeArena`.
///
/// Checks what resolution needs (indices in range, aliases naming real exports, the right
/// kind of type in each place); it is not a full component validator.
struct TypeResolver {
    var arena = TypeArena()
    /// The enclosing scopes, innermost last; `alias outer` counts outward from the end.
    var scopes: [TypeScope] = []

    /// Resolves `component` (and the components it nests) as the outermost scope.
    static func resolve(_ component: Component) throws(ComponentTypeError) -> (TypeArena, ResolvedComponent) {
        var resolver = TypeResolver()
        let resolved = try resolver.resolveComponent(component)
        return (resolver.arena, resolved)
    }

    var current: TypeScope {
        get { scopes[scopes.count - 1] }
        _modify { yield &scopes[scopes.count - 1] }
    }

    mutating func resolveComponent(_ component: Component) throws(ComponentTypeError) -> ResolvedComponent {
        scopes.append(TypeScope())
        var nested: [Int: ResolvedComponent] = [:]
        for (position, definition) in component.definitions.enumerated() {
            do {
                try resolveDefinition(definition, nested: &nested)
            } catch {
                throw ComponentTypeError("definition \(position) (\(definition.kindName)): \(error.message)")
            }
        }
        let scope = scopes.removeLast()
        let typeID = arena.add(.component(ComponentTypeShape(imports: scope.imports, exports: scope.exports)))
        return ResolvedComponent(typeID: typeID, scope: scope, nestedComponents: nested)
    }

    private mutating func resolveDefinition(
        _ definition: ComponentDefinition, nested: inout [Int: ResolvedComponent]
    ) throws(ComponentTypeError) {
        switch definition {
        case .coreModule:
            current.coreModules.append(nil)
        case .coreInstance, .start:
            break
        case .coreType(let type):
            current.coreTypes.append(try resolveCoreType(type))
        case .component(let component):
            let resolved = try resolveComponent(component)
            nested[current.components.count] = resolved
            current.components.append(resolved.typeID)
        case .instance(let expression):
            current.instances.append(try resolveInstance(expression))
        case .alias(let alias):
            try resolveAlias(alias)
        case .type(let type):
            current.types.append(try resolveTypeDefinition(type))
        case .canonical(let function):
            try resolveCanonical(function)
        case .import(let componentImport):
            let type = try resolveExternDescriptor(componentImport.type, name: componentImport.name.name)
            current.append(type)
            current.imports.append((componentImport.name, type))
        case .export(let export):
            try resolveExport(export)
        }
    }

    private mutating func resolveCanonical(_ function: CanonicalFunction) throws(ComponentTypeError) {
        switch function {
        case .lift(_, _, let typeIndex):
            let id = try typeIndexEntry(typeIndex)
            guard case .function = arena[arena.unaliased(id)] else {
                throw ComponentTypeError("canon lift: type \(typeIndex) is not a function type")
            }
            current.functions.append(id)
        case .resourceNew(let typeIndex), .resourceDrop(let typeIndex), .resourceRep(let typeIndex):
            _ = try resourceType(at: typeIndex)
        case .lower:
            break
        }
    }

    private mutating func resolveExport(_ export: ComponentExport) throws(ComponentTypeError) {
        var type = try externType(of: export.item)
        if let ascribed = export.ascribedType, case .function = type {
            // The ascribed function type is the one the export is known by (with the
            // exporting scope's parameter types); it must be the same type structurally.
            let ascribedType = try resolveExternDescriptor(ascribed, name: export.name.name)
            guard case .function = ascribedType else {
                throw ComponentTypeError("export \(export.name): ascribed type is not a function type")
            }
            type = ascribedType
        }
        if case .type(let id) = type {
            // An exported type is a new index: an identity that carries the export's name.
            let alias = arena.add(.alias(id))
            arena.nameIfUnnamed(alias, export.name.name)
            arena.nameIfUnnamed(arena.unaliased(id), export.name.name)
            type = .type(alias)
        }
        current.append(type)
        current.exports.append((export.name, type))
    }

    // MARK: Items and index spaces

    /// The type of item `index` of `sort` in the current scope.
    mutating func externType(of item: ComponentSortIndex) throws(ComponentTypeError) -> ExternType {
        let index = Int(item.index)
        let scope = current
        switch item.sort {
        case .function: return .function(try entry(scope.functions, index, "func"))
        case .value: return .value(try entry(scope.values, index, "value"))
        case .type: return .type(try entry(scope.types, index, "type"))
        case .instance: return .instance(try entry(scope.instances, index, "instance"))
        case .component: return .component(try entry(scope.components, index, "component"))
        case .core(.module):
            guard let module = try entry(scope.coreModules, index, "core module") else {
                throw ComponentTypeError("core module \(index) is defined inline; its type is not tracked")
            }
            return .module(module)
        case .core(let sort):
            throw ComponentTypeError("core \(sort) \(index) cannot be used as a component item")
        }
    }

    func entry<Element>(_ space: [Element], _ index: Int, _ what: String) throws(ComponentTypeError) -> Element {
        guard index >= 0, index < space.count else {
            throw ComponentTypeError("\(what) index \(index) out of range (\(space.count) defined)")
        }
        return space[index]
    }

    func typeIndexEntry(_ index: UInt32) throws(ComponentTypeError) -> TypeID {
        try entry(current.types, Int(index), "type")
    }

    func resourceType(at index: UInt32) throws(ComponentTypeError) -> TypeID {
        let id = arena.unaliased(try typeIndexEntry(index))
        guard case .resource = arena[id] else { throw ComponentTypeError("type \(index) is not a resource type") }
        return id
    }

    // MARK: Instances

    private mutating func resolveInstance(_ expression: InstanceExpression) throws(ComponentTypeError) -> TypeID {
        switch expression {
        case .exports(let exports):
            var shape = InstanceTypeShape(exports: [])
            for export in exports {
                var type = try externType(of: export.item)
                if case .type(let id) = type {
                    let alias = arena.add(.alias(id))
                    arena.nameIfUnnamed(alias, export.name.name)
                    type = .type(alias)
                }
                shape.exports.append((export.name, type))
            }
            return arena.add(.instance(shape))
        case .instantiate(let componentIndex, let arguments):
            let componentID = try entry(current.components, Int(componentIndex), "component")
            guard case .component(let componentType) = arena[arena.unaliased(componentID)] else {
                throw ComponentTypeError("component \(componentIndex) does not have a component type")
            }
            var substitution = TypeSubstitution()
            for (name, importType) in componentType.imports {
                guard let argument = arguments.first(where: { $0.name == name.name }) else {
                    throw ComponentTypeError("instantiating component \(componentIndex): no argument for import \"\(name)\"")
                }
                let argumentType = try externType(of: argument.item)
                try substitution.bind(importType, to: argumentType, in: arena, importName: name.name)
            }
            var exports: [(name: ExternName, type: ExternType)] = []
            for (name, type) in componentType.exports {
                exports.append((name, substitution.apply(type, in: &arena)))
            }
            return arena.add(.instance(InstanceTypeShape(exports: exports)))
        }
    }

    // MARK: Aliases

    mutating func resolveAlias(_ alias: Alias) throws(ComponentTypeError) {
        switch alias.target {
        case .export(let instanceIndex, let name):
            let instanceID = try entry(current.instances, Int(instanceIndex), "instance")
            guard case .instance(let shape) = arena[arena.unaliased(instanceID)] else {
                throw ComponentTypeError("instance \(instanceIndex) does not have an instance type")
            }
            guard let type = shape.export(named: name) else {
                throw ComponentTypeError("instance \(instanceIndex) has no export \"\(name)\"")
            }
            guard type.sort == alias.sort else {
                throw ComponentTypeError("export \"\(name)\" of instance \(instanceIndex) is a \(type.sort), not a \(alias.sort)")
            }
            current.append(type)
        case .coreExport:
            guard case .core = alias.sort else {
                throw ComponentTypeError("core export alias of non-core sort \(alias.sort)")
            }
            // Core items are tracked by the instantiator, not here.
        case .outer(let count, let index):
            try resolveOuterAlias(sort: alias.sort, count: Int(count), index: Int(index))
        }
    }

    private mutating func resolveOuterAlias(sort: ComponentSort, count: Int, index: Int) throws(ComponentTypeError) {
        guard count < scopes.count else {
            throw ComponentTypeError("outer alias count \(count) exceeds the \(scopes.count - 1) enclosing scopes")
        }
        let target = scopes[scopes.count - 1 - count]
        switch sort {
        case .type: current.types.append(try entry(target.types, index, "outer type"))
        case .component: current.components.append(try entry(target.components, index, "outer component"))
        case .core(.type): current.coreTypes.append(try entry(target.coreTypes, index, "outer core type"))
        case .core(.module): current.coreModules.append(try entry(target.coreModules, index, "outer core module"))
        default: throw ComponentTypeError("outer alias of sort \(sort) is not allowed")
        }
    }
}

extension ComponentDefinition {
    /// A short name of the definition's kind, for messages.
    var kindName: String {
        switch self {
        case .coreModule: return "core module"
        case .coreInstance: return "core instance"
        case .coreType: return "core type"
        case .component: return "component"
        case .instance: return "instance"
        case .alias: return "alias"
        case .type: return "type"
        case .canonical: return "canon"
        case .start: return "start"
        case .import(let componentImport): return "import \"\(componentImport.name)\""
        case .export(let export): return "export \"\(export.name)\""
        }
    }
}
