/// Imports: a nested component's come from its instantiation's `with` arguments, the
/// top level's from the host's `ComponentImports`, checked against the declared types.
extension RuntimeScope {
    func importedItem(_ componentImport: ComponentImport) throws(ComponentLinkError) -> RuntimeItem {
        let (resolvedName, type) = try entry(resolved.scope.imports, importCount, "import")
        importCount += 1
        let name = componentImport.name.name
        if let arguments {
            // The last argument of that name, as a dictionary built in order would keep.
            guard let item = arguments.last(where: { $0.name == name })?.item else {
                throw invalid("instantiation has no argument for import \"\(name)\"")
            }
            guard item.matches(componentImport.type.sort) else {
                throw invalid("argument for import \"\(name)\" is a \(item.sortName), not a \(componentImport.type.sort)")
            }
            return item
        }
        return try hostItem(resolvedName.fullName, type)
    }

    /// A top-level import, from the host's definitions.
    private func hostItem(_ name: String, _ type: ExternType) throws(ComponentLinkError) -> RuntimeItem {
        switch type {
        case .instance(let id):
            guard case .instance(let shape) = arena[arena.unaliased(id)] else { throw invalid("import \(name) is not an instance") }
            var exports: [(name: String, item: RuntimeItem)] = []
            exports.reserveCapacity(shape.exports.count)
            for (exportName, exportType) in shape.exports {
                exports.append((exportName.name, try hostMember(interface: name, exportName.name, exportType)))
            }
            return .instance(RuntimeInstance(exports: exports))
        case .function, .type:
            return try hostMember(interface: nil, name, type)
        default:
            throw ComponentLinkError(.unsupported, "import \(name): importing a \(type.sort) is not supported")
        }
    }

    private func hostMember(interface: String?, _ name: String, _ type: ExternType) throws(ComponentLinkError) -> RuntimeItem {
        let importName = ImportName(interface: interface, name: name)
        switch type {
        case .function(let id):
            guard let definition = context.imports.function(interface: interface, name: name) else {
                throw .missingImport(importName)
            }
            let functionType: ComponentFunctionType
            do {
                functionType = try arena.functionType(id)
            } catch {
                throw invalid("import \(importName): \(error)")
            }
            if let declared = definition.type, !declared.matchesIgnoringResourceIdentity(functionType) {
                throw ComponentLinkError(
                    .typeMismatch,
                    "import \(importName): the component imports \(functionType.witText), the host defines \(declared.witText)")
            }
            return .function(ComponentFunction(type: functionType, implementation: .host(definition)))
        case .type(let id):
            if case .resource = arena[arena.unaliased(id)],
               let destructor = context.imports.resourceDestructor(interface: interface, name: name) {
                context.destructors.register(arena.resourceType(id)) { representation, _ in try destructor(representation) }
            }
            return .type
        default:
            throw ComponentLinkError(.unsupported, "import \(importName): importing a \(type.sort) is not supported")
        }
    }
}
