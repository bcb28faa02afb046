import WasmInterp

/// The `spectest` module that spec scripts import from: print functions that print nothing,
/// four constant globals, a table and a memory. Each script gets fresh ones, so state never
/// leaks between scripts.
public enum SpectestModule {
    /// Fresh `spectest` imports whose table and memory respect `store`'s limits.
    public static func imports(for store: Store) throws -> Imports {
        var imports = Imports()
        let printFunctions: [(String, [ValueType])] = [
            ("print", []),
            ("print_i32", [.i32]),
            ("print_i64", [.i64]),
            ("print_f32", [.f32]),
            ("print_f64", [.f64]),
            ("print_i32_f32", [.i32, .f32]),
            ("print_f64_f64", [.f64, .f64]),
        ]
        for (name, parameters) in printFunctions {
            let type = FunctionType(parameters: parameters, results: [])
            imports.define(module: "spectest", name: name, HostFunction(type: type, returning: { _, _ in [] }))
        }

        let globals: [(String, Value)] = [
            ("global_i32", .i32(666)),
            ("global_i64", .i64(666)),
            ("global_f32", .f32(Float(666.6).bitPattern)),
            ("global_f64", .f64(Double(666.6).bitPattern)),
        ]
        for (name, value) in globals {
            let type = GlobalType(valueType: value.type, isMutable: false)
            imports.define(module: "spectest", name: name, .global(GlobalVariable(type: type, value: value)))
        }

        let tableType = TableType(elementType: .funcref, limits: Limits(min: 10, max: 20))
        let table = try Table(type: tableType, elementLimit: store.configuration.maxTableElements)
        imports.define(module: "spectest", name: "table", .table(table))

        let memoryType = MemoryType(limits: Limits(min: 1, max: 2))
        let memory = try Memory(type: memoryType, pageLimit: store.configuration.maxMemoryPages)
        imports.define(module: "spectest", name: "memory", .memory(memory))
        return imports
    }
}
