/// The type-level effect of instantiating a component: every use of an imported type is
/// replaced by the type the instantiation supplies, so the instance's exports are stated
/// in terms of the instantiator's types (and keep their names and identities).
struct TypeSubstitution {
    /// Imported identity -> supplied identity; also memoizes rebuilt entries.
    private var replacements: [TypeID: TypeID] = [:]

    /// Records what instantiating with `argument` for an import of type `importType`
    /// supplies: the argument's type for a type import, and for an instance import the
    /// argument instance's types for the imported instance's type exports, by name.
    mutating func bind(
        _ importType: ExternType, to argument: ExternType, in arena: TypeArena, importName: String
    ) throws(ComponentTypeError) {
        guard importType.sort == argument.sort else {
            throw ComponentTypeError("import \"\(importName)\" is a \(importType.sort), but the argument is a \(argument.sort)")
        }
        switch (importType, argument) {
        case (.type(let imported), .type(let supplied)):
            replacements[imported] = supplied
        case (.instance(let imported), .instance(let supplied)):
            guard case .instance(let importedShape) = arena[arena.unaliased(imported)],
                  case .instance(let suppliedShape) = arena[arena.unaliased(supplied)]
            else { return }
            for (name, exportType) in importedShape.exports {
                guard let suppliedExport = suppliedShape.export(named: name.name) else {
                    throw ComponentTypeError("argument for import \"\(importName)\" has no export \"\(name)\"")
                }
                try bind(exportType, to: suppliedExport, in: arena, importName: "\(importName).\(name)")
            }
        default:
            break
        }
    }

    mutating func apply(_ type: ExternType, in arena: inout TypeArena) -> ExternType {
        switch type {
        case .module: return type
        case .function(let id): return .function(apply(id, in: &arena))
        case .value(let reference): return .value(apply(reference, in: &arena))
        case .type(let id): return .type(apply(id, in: &arena))
        case .instance(let id): return .instance(apply(id, in: &arena))
        case .component(let id): return .component(apply(id, in: &arena))
        }
    }

    mutating func apply(_ reference: TypeReference, in arena: inout TypeArena) -> TypeReference {
        guard case .defined(let id) = reference else { return reference }
        return .defined(apply(id, in: &arena))
    }

    /// `id` with the replacements applied: itself if nothing it refers to changed, else a
    /// new entry (keeping the name) built from the replaced children.
    mutating func apply(_ id: TypeID, in arena: inout TypeArena) -> TypeID {
        if let replaced = replacements[id] { return replaced }
        let rebuilt: TypeEntry?
        switch arena[id] {
        case .value(let shape): rebuilt = apply(shape, in: &arena).map { .value($0) }
        case .function(let shape): rebuilt = apply(shape, in: &arena).map { .function($0) }
        case .instance(let shape): rebuilt = apply(shape, in: &arena).map { .instance($0) }
        case .component(let shape): rebuilt = apply(shape, in: &arena).map { .component($0) }
        case .resource: rebuilt = nil
        case .alias(let target):
            let newTarget = apply(target, in: &arena)
            rebuilt = newTarget == target ? nil : .alias(newTarget)
        }
        var result = id
        if let rebuilt {
            result = arena.add(rebuilt)
            if let name = arena.name(of: id) { arena.nameIfUnnamed(result, name) }
        }
        replacements[id] = result
        return result
    }

    /// A shape with replaced children, or nil when none changed.
    private mutating func apply(_ shape: ValueTypeShape, in arena: inout TypeArena) -> ValueTypeShape? {
        var changed = false
        func map(_ reference: TypeReference) -> TypeReference {
            let mapped = apply(reference, in: &arena)
            if mapped != reference { changed = true }
            return mapped
        }
        let result: ValueTypeShape
        switch shape {
        case .primitive, .flags, .enum: return nil
        case .record(let fields): result = .record(fields.map { ($0.name, map($0.type)) })
        case .variant(let cases): result = .variant(cases.map { ($0.name, $0.payload.map(map)) })
        case .list(let element): result = .list(map(element))
        case .tuple(let elements): result = .tuple(elements.map(map))
        case .option(let payload): result = .option(map(payload))
        case .result(let ok, let error): result = .result(ok: ok.map(map), error: error.map(map))
        case .own(let resource): result = .own(mapID(resource, &changed, &arena))
        case .borrow(let resource): result = .borrow(mapID(resource, &changed, &arena))
        }
        return changed ? result : nil
    }

    private mutating func mapID(_ id: TypeID, _ changed: inout Bool, _ arena: inout TypeArena) -> TypeID {
        let mapped = apply(id, in: &arena)
        if mapped != id { changed = true }
        return mapped
    }

    private mutating func apply(_ shape: FunctionTypeShape, in arena: inout TypeArena) -> FunctionTypeShape? {
        var changed = false
        var parameters: [(name: String, type: TypeReference)] = []
        for parameter in shape.parameters {
            let mapped = apply(parameter.type, in: &arena)
            if mapped != parameter.type { changed = true }
            parameters.append((parameter.name, mapped))
        }
        var result = shape.result
        if let original = shape.result {
            result = apply(original, in: &arena)
            if result != original { changed = true }
        }
        return changed ? FunctionTypeShape(parameters: parameters, result: result) : nil
    }

    private mutating func apply(_ shape: InstanceTypeShape, in arena: inout TypeArena) -> InstanceTypeShape? {
        var changed = false
        let exports = applyAll(shape.exports, &changed, &arena)
        return changed ? InstanceTypeShape(exports: exports) : nil
    }

    private mutating func apply(_ shape: ComponentTypeShape, in arena: inout TypeArena) -> ComponentTypeShape? {
        var changed = false
        let imports = applyAll(shape.imports, &changed, &arena)
        let exports = applyAll(shape.exports, &changed, &arena)
        return changed ? ComponentTypeShape(imports: imports, exports: exports) : nil
    }

    private mutating func applyAll(
        _ items: [(name: ExternName, type: ExternType)], _ changed: inout Bool, _ arena: inout TypeArena
    ) -> [(name: ExternName, type: ExternType)] {
        items.map { item in
            let mapped = apply(item.type, in: &arena)
            if !mapped.hasSameIdentity(as: item.type) { changed = true }
            return (item.name, mapped)
        }
    }
}

extension ExternType {
    /// Whether both refer to the same type identities (module types compare as unchanged).
    func hasSameIdentity(as other: ExternType) -> Bool {
        switch (self, other) {
        case (.module, .module): return true
        case (.function(let a), .function(let b)), (.type(let a), .type(let b)),
             (.instance(let a), .instance(let b)), (.component(let a), .component(let b)):
            return a == b
        case (.value(let a), .value(let b)): return a == b
        default: return false
        }
    }
}
