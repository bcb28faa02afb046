/// Import resolution: finding each import's definition and checking that its type
/// matches the declaration (the spec's "import matching", Wasm 2.0 rules).
///
/// Tables and memories are matched by their *current* size, so a memory that has grown
/// since it was created satisfies a larger declared minimum.
extension Store {
    /// The definitions of `module`'s imports, in import order.
    ///
    /// Throws `LinkError` with the message "unknown import" when `imports` has no definition,
    /// or one starting with "incompatible import type" when it has one of the wrong kind or type.
    func resolveImports(of module: Module, from imports: Imports) throws(LinkError) -> [ExternalValue] {
        var resolved: [ExternalValue] = []
        resolved.reserveCapacity(module.imports.count)
        for declaration in module.imports {
            guard let definition = imports.lookup(module: declaration.module, name: declaration.name) else {
                throw LinkError(module: declaration.module, name: declaration.name, message: "unknown import")
            }
            if let mismatch = importMismatch(definition, declaration.descriptor, types: module.types) {
                throw LinkError(
                    module: declaration.module, name: declaration.name,
                    message: "incompatible import type: " + mismatch)
            }
            resolved.append(linkable(definition))
        }
        return resolved
    }

    /// Why `definition` cannot satisfy an import declared as `descriptor`, or nil if it can.
    private func importMismatch(
        _ definition: ExternalValue, _ descriptor: ImportDescriptor, types: [FunctionType]
    ) -> String? {
        switch (descriptor, definition) {
        case (.function(let typeIndex), .function(let function)):
            return functionMismatch(function, typeIndex: typeIndex, types: types)
        case (.table(let declared), .table(let table)):
            return tableMismatch(table, declared: declared)
        case (.memory(let declared), .memory(let memory)):
            return memoryMismatch(memory, declared: declared)
        case (.global(let declared), .global(let global)):
            return globalMismatch(global, declared: declared)
        default:
            return "expected \(descriptor.kindName), found \(definition.kindName)"
        }
    }

    private func functionMismatch(_ function: Function, typeIndex: UInt32, types: [FunctionType]) -> String? {
        guard Int(typeIndex) < types.count else { return "type index \(typeIndex) out of range" }
        let declared = types[Int(typeIndex)]
        if function.type != declared { return "expected func \(declared), found func \(function.type)" }
        if belongsToAnotherStore(function), case .wasm = function.kind {
            return "function belongs to another store"
        }
        return nil
    }

    /// Whether `function` has an address, but in another store (where it means something else).
    private func belongsToAnotherStore(_ function: Function) -> Bool {
        guard function.address >= 0 else { return false }
        let isOurs = function.address < functions.count && functions[function.address] === function
        return !isOurs
    }

    /// The function to link for an imported `definition` that matched: itself, or for a host
    /// function already registered in another store, a copy this store can give an address,
    /// so one `Imports` value can serve many stores.
    private func linkable(_ definition: ExternalValue) -> ExternalValue {
        guard case .function(let function) = definition, belongsToAnotherStore(function),
              case .host(let host) = function.kind
        else { return definition }
        return .function(Function(host))
    }

    private func tableMismatch(_ table: Table, declared: TableType) -> String? {
        let actual = Limits(min: UInt64(table.count), max: table.type.limits.max)
        guard table.type.elementType == declared.elementType, actual.matches(declared.limits) else {
            return "expected table \(declared.limits) \(declared.elementType), "
                + "found table \(actual) \(table.type.elementType)"
        }
        return nil
    }

    private func memoryMismatch(_ memory: Memory, declared: MemoryType) -> String? {
        let actual = Limits(min: UInt64(memory.pageCount), max: memory.type.limits.max)
        guard actual.matches(declared.limits) else {
            return "expected memory \(declared.limits), found memory \(actual)"
        }
        return nil
    }

    private func globalMismatch(_ global: GlobalVariable, declared: GlobalType) -> String? {
        guard global.type == declared else {
            return "expected global \(declared.typeName), found global \(global.type.typeName)"
        }
        return nil
    }
}

extension Limits {
    /// Whether something with these limits can stand in for something declared with
    /// `declared`: at least its minimum and, if it has a maximum, a maximum no larger.
    func matches(_ declared: Limits) -> Bool {
        guard min >= declared.min else { return false }
        guard let declaredMax = declared.max else { return true }
        guard let max else { return false }
        return max <= declaredMax
    }
}

extension GlobalType {
    /// The text-format spelling, e.g. `(mut i32)`.
    var typeName: String { isMutable ? "(mut \(valueType))" : valueType.description }
}

extension ImportDescriptor {
    var kindName: String {
        switch self {
        case .function: return "func"
        case .table: return "table"
        case .memory: return "memory"
        case .global: return "global"
        }
    }
}

extension ExternalValue {
    var kindName: String {
        switch self {
        case .function: return "func"
        case .table: return "table"
        case .memory: return "memory"
        case .global: return "global"
        }
    }
}
