import WasmInterp

/// Resolving type definitions, the declarators of component and instance types, and
/// extern types.
extension TypeResolver {
    mutating func resolveTypeDefinition(_ definition: ComponentTypeDefinition) throws(ComponentTypeError) -> TypeID {
        switch definition {
        case .value(let value):
            return arena.add(.value(try resolveValueType(value)))
        case .function(let function):
            return arena.add(.function(try resolveFunctionType(function)))
        case .component(let declarations):
            scopes.append(TypeScope())
            for declaration in declarations {
                try resolveComponentDeclaration(declaration)
            }
            let scope = scopes.removeLast()
            return arena.add(.component(ComponentTypeShape(imports: scope.imports, exports: scope.exports)))
        case .instance(let declarations):
            scopes.append(TypeScope())
            for declaration in declarations {
                try resolveInstanceDeclaration(declaration)
            }
            let scope = scopes.removeLast()
            return arena.add(.instance(InstanceTypeShape(exports: scope.exports)))
        case .resource(_, let destructor):
            return arena.add(.resource(.defined(destructor: destructor)))
        }
    }

    private mutating func resolveFunctionType(_ function: FunctionTypeDefinition) throws(ComponentTypeError) -> FunctionTypeShape {
        guard !function.isAsync else { throw ComponentTypeError("async function types are not supported") }
        var parameters: [(name: String, type: TypeReference)] = []
        for parameter in function.parameters {
            parameters.append((parameter.label, try resolveReference(parameter.type)))
        }
        let result = try function.result.map { (reference) throws(ComponentTypeError) in try resolveReference(reference) }
        return FunctionTypeShape(parameters: parameters, result: result)
    }

    private func resolveValueType(_ definition: ValueTypeDefinition) throws(ComponentTypeError) -> ValueTypeShape {
        switch definition {
        case .primitive(let primitive):
            return .primitive(primitive)
        case .record(let fields):
            var resolved: [(name: String, type: TypeReference)] = []
            for field in fields { resolved.append((field.label, try resolveReference(field.type))) }
            return .record(resolved)
        case .variant(let cases):
            var resolved: [(name: String, payload: TypeReference?)] = []
            for variantCase in cases {
                resolved.append((variantCase.label, try resolveOptionalReference(variantCase.payload)))
            }
            return .variant(resolved)
        case .list(let element):
            return .list(try resolveReference(element))
        case .tuple(let elements):
            var resolved: [TypeReference] = []
            for element in elements { resolved.append(try resolveReference(element)) }
            return .tuple(resolved)
        case .flags(let names):
            return .flags(names)
        case .enum(let names):
            return .enum(names)
        case .option(let payload):
            return .option(try resolveReference(payload))
        case .result(let ok, let error):
            return .result(ok: try resolveOptionalReference(ok), error: try resolveOptionalReference(error))
        case .own(let index):
            // Keep the identity the index names (an export's alias), not the resource
            // behind it: that is the name the handle is printed with.
            _ = try resourceType(at: index)
            return .own(try typeIndexEntry(index))
        case .borrow(let index):
            _ = try resourceType(at: index)
            return .borrow(try typeIndexEntry(index))
        }
    }

    /// A `valtype`: a primitive, or an index that must name a value type.
    func resolveReference(_ reference: ValueTypeReference) throws(ComponentTypeError) -> TypeReference {
        switch reference {
        case .primitive(let primitive):
            return .primitive(primitive)
        case .index(let index):
            let id = try typeIndexEntry(index)
            guard case .value = arena[arena.unaliased(id)] else {
                throw ComponentTypeError("type \(index) is not a value type")
            }
            return .defined(id)
        }
    }

    private func resolveOptionalReference(_ reference: ValueTypeReference?) throws(ComponentTypeError) -> TypeReference? {
        guard let reference else { return nil }
        return try resolveReference(reference)
    }

    // MARK: Declarators

    private mutating func resolveComponentDeclaration(_ declaration: ComponentTypeDeclaration) throws(ComponentTypeError) {
        switch declaration {
        case .import(let name, let descriptor):
            let type = try resolveExternDescriptor(descriptor, name: name.name)
            current.append(type)
            current.imports.append((name, type))
        case .instanceDeclaration(let declaration):
            try resolveInstanceDeclaration(declaration)
        }
    }

    private mutating func resolveInstanceDeclaration(_ declaration: InstanceTypeDeclaration) throws(ComponentTypeError) {
        switch declaration {
        case .coreType(let type):
            current.coreTypes.append(try resolveCoreType(type))
        case .type(let type):
            current.types.append(try resolveTypeDefinition(type))
        case .alias(let alias):
            try resolveAlias(alias)
        case .export(let name, let descriptor):
            let type = try resolveExternDescriptor(descriptor, name: name.name)
            current.append(type)
            current.exports.append((name, type))
        }
    }

    /// The type an import or export declared with `descriptor` has. Type imports and
    /// exports introduce a new identity named `name`.
    mutating func resolveExternDescriptor(_ descriptor: ExternDescriptor, name: String) throws(ComponentTypeError) -> ExternType {
        switch descriptor {
        case .module(let coreTypeIndex):
            guard case .module(let module) = try entry(current.coreTypes, Int(coreTypeIndex), "core type") else {
                throw ComponentTypeError("core type \(coreTypeIndex) is not a module type")
            }
            return .module(module)
        case .function(let typeIndex):
            return .function(try typeIndexEntry(typeIndex, is: "function", matching: { if case .function = $0 { true } else { false } }))
        case .value(.type(let reference)):
            return .value(try resolveReference(reference))
        case .value(.equal(let valueIndex)):
            return .value(try entry(current.values, Int(valueIndex), "value"))
        case .type(.equal(let typeIndex)):
            let target = try typeIndexEntry(typeIndex)
            let id = arena.add(.alias(target))
            arena.nameIfUnnamed(id, name)
            arena.nameIfUnnamed(arena.unaliased(target), name)
            return .type(id)
        case .type(.subResource):
            let id = arena.add(.resource(.abstract))
            arena.nameIfUnnamed(id, name)
            return .type(id)
        case .component(let typeIndex):
            return .component(try typeIndexEntry(typeIndex, is: "component", matching: { if case .component = $0 { true } else { false } }))
        case .instance(let typeIndex):
            return .instance(try typeIndexEntry(typeIndex, is: "instance", matching: { if case .instance = $0 { true } else { false } }))
        }
    }

    private func typeIndexEntry(
        _ index: UInt32, is kind: String, matching: (TypeEntry) -> Bool
    ) throws(ComponentTypeError) -> TypeID {
        let id = try typeIndexEntry(index)
        guard matching(arena[arena.unaliased(id)]) else { throw ComponentTypeError("type \(index) is not a \(kind) type") }
        return id
    }

    // MARK: Core types

    mutating func resolveCoreType(_ type: CoreTypeDefinition) throws(ComponentTypeError) -> CoreTypeEntry {
        switch type {
        case .function(let function):
            return .function(function)
        case .module(let declarations):
            return .module(try resolveCoreModuleType(declarations))
        }
    }

    /// A core module type, with its own (initially empty) core type index space.
    private func resolveCoreModuleType(_ declarations: [CoreModuleDeclaration]) throws(ComponentTypeError) -> CoreModuleTypeShape {
        var types: [CoreTypeEntry] = []
        var shape = CoreModuleTypeShape(imports: [], exports: [])
        for declaration in declarations {
            switch declaration {
            case .import(let moduleImport):
                let type = try coreExternType(moduleImport.descriptor, types: types)
                shape.imports.append((moduleImport.module, moduleImport.name, type))
            case .type(let definition):
                guard case .function(let function) = definition else {
                    throw ComponentTypeError("core module types cannot nest module types")
                }
                types.append(.function(function))
            case .outerTypeAlias(let count, let index):
                // Count 1 is the enclosing component-level scope (module types do not nest).
                guard count == 1 else { throw ComponentTypeError("core outer alias count \(count) must be 1") }
                types.append(try entry(current.coreTypes, Int(index), "outer core type"))
            case .export(let name, let descriptor):
                shape.exports.append((name, try coreExternType(descriptor, types: types)))
            }
        }
        return shape
    }

    private func coreExternType(_ descriptor: ImportDescriptor, types: [CoreTypeEntry]) throws(ComponentTypeError) -> CoreExternType {
        switch descriptor {
        case .function(let typeIndex):
            guard case .function(let function) = try entry(types, Int(typeIndex), "core type") else {
                throw ComponentTypeError("core type \(typeIndex) is not a function type")
            }
            return .function(function)
        case .table(let table): return .table(table)
        case .memory(let memory): return .memory(memory)
        case .global(let global): return .global(global)
        }
    }
}
