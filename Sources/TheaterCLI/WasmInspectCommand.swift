import ComponentModel
import WasmInterp

/// `theater wasm inspect FILE.wasm`: what a module imports, exports, defines and contains.
/// The module is described as decoded; if it is not valid, that is reported last and the
/// exit status is 2. A component (told apart by its preamble) is described by its world,
/// in WIT (see `ComponentInspection`).
enum WasmInspectCommand {
    static func parsePath(_ cursor: inout ArgumentCursor) throws(CommandLineError) -> String {
        var path: String?
        while let token = cursor.next() {
            switch token {
            case "--help": throw .helpRequested
            case _ where token.isOption: throw .usage("unknown option \(token) for wasm inspect")
            case _ where path == nil: path = token
            default: throw .usage("unexpected argument \"\(token)\"")
            }
        }
        guard let path else { throw .usage("wasm inspect needs a FILE.wasm") }
        return path
    }

    static func run(path: String, output: CommandOutput) throws(CommandLineError) -> Int32 {
        let bytes = try ModuleFile.read(path)
        if Component.isComponent(bytes) {
            return try ComponentInspection.run(bytes, path: path, output: output)
        }
        let module = try ModuleFile.decode(bytes, path: path)
        for line in describe(module) { output.printLine(line) }
        do {
            try ModuleValidator.validate(module)
        } catch {
            output.printError("error: \(path): \(error)")
            return ExitStatus.error
        }
        return ExitStatus.success
    }

    static func describe(_ module: Module) -> [String] {
        let index = ModuleIndexSpaces(module)
        var lines = ["module: " + (module.names.moduleName ?? "(no name)")]

        lines.append("imports: \(module.imports.count)")
        for moduleImport in module.imports {
            lines.append("  \(moduleImport.module).\(moduleImport.name): " + index.describe(moduleImport.descriptor))
        }

        lines.append("exports: \(module.exports.count)")
        for export in module.exports {
            lines.append("  \(export.name): " + index.describe(export.descriptor))
        }

        lines.append("functions: \(module.functionTypeIndices.count) defined, \(index.importedFunctionCount) imported")
        lines.append("memories: \(module.memories.count) defined")
        for (offset, memory) in module.memories.enumerated() {
            lines.append("  memory \(index.importedMemoryCount + offset): \(describe(memory))")
        }
        lines.append("tables: \(module.tables.count) defined")
        for (offset, table) in module.tables.enumerated() {
            lines.append("  table \(index.importedTableCount + offset): \(describe(table))")
        }
        lines.append("globals: \(module.globals.count) defined")
        for (offset, global) in module.globals.enumerated() {
            lines.append("  global \(index.importedGlobalCount + offset): \(describe(global.type))")
        }
        lines.append("data segments: \(module.data.count)")
        lines.append("element segments: \(module.elements.count)")
        if let start = module.start {
            lines.append("start: " + index.functionLabel(start))
        }
        if !module.customSections.isEmpty {
            lines.append("custom sections: " + module.customSections.map(\.name).joined(separator: ", "))
        }
        return lines
    }

    static func describe(_ memory: MemoryType) -> String { "memory \(memory.limits) pages" }

    static func describe(_ table: TableType) -> String { "table \(table.elementType) \(table.limits)" }

    static func describe(_ global: GlobalType) -> String {
        "global " + (global.isMutable ? "mut " : "") + global.valueType.description
    }
}

/// The module's index spaces (imports first), to name what exports and `start` refer to.
/// Nothing here trusts the module to be valid: indices out of range are reported as such.
struct ModuleIndexSpaces {
    let module: Module
    private(set) var importedFunctionTypes: [UInt32] = []
    private(set) var importedMemories: [MemoryType] = []
    private(set) var importedTables: [TableType] = []
    private(set) var importedGlobals: [GlobalType] = []

    init(_ module: Module) {
        self.module = module
        for moduleImport in module.imports {
            switch moduleImport.descriptor {
            case .function(let typeIndex): importedFunctionTypes.append(typeIndex)
            case .memory(let memory): importedMemories.append(memory)
            case .table(let table): importedTables.append(table)
            case .global(let global): importedGlobals.append(global)
            }
        }
    }

    var importedFunctionCount: Int { importedFunctionTypes.count }
    var importedMemoryCount: Int { importedMemories.count }
    var importedTableCount: Int { importedTables.count }
    var importedGlobalCount: Int { importedGlobals.count }

    func describe(_ descriptor: ImportDescriptor) -> String {
        switch descriptor {
        case .function(let typeIndex): return "func " + signature(ofType: typeIndex)
        case .memory(let memory): return WasmInspectCommand.describe(memory)
        case .table(let table): return WasmInspectCommand.describe(table)
        case .global(let global): return WasmInspectCommand.describe(global)
        }
    }

    func describe(_ descriptor: ExportDescriptor) -> String {
        switch descriptor {
        case .function(let functionIndex): return functionLabel(functionIndex)
        case .memory(let memoryIndex): return describeMemory(memoryIndex)
        case .table(let tableIndex): return describeTable(tableIndex)
        case .global(let globalIndex): return describeGlobal(globalIndex)
        }
    }

    /// `func 3 NAME (i32) -> (i32)`.
    func functionLabel(_ functionIndex: UInt32) -> String {
        var label = "func \(functionIndex)"
        if let name = module.names.functionNames[functionIndex] { label += " \(name)" }
        return label + " " + signature(ofFunction: functionIndex)
    }

    private func signature(ofFunction functionIndex: UInt32) -> String {
        let index = Int(functionIndex)
        if index < importedFunctionTypes.count { return signature(ofType: importedFunctionTypes[index]) }
        let definedIndex = index - importedFunctionTypes.count
        guard definedIndex < module.functionTypeIndices.count else { return "(no such function)" }
        return signature(ofType: module.functionTypeIndices[definedIndex])
    }

    private func signature(ofType typeIndex: UInt32) -> String {
        guard Int(typeIndex) < module.types.count else { return "(no such type \(typeIndex))" }
        return module.types[Int(typeIndex)].description
    }

    private func describeMemory(_ memoryIndex: UInt32) -> String {
        let index = Int(memoryIndex)
        if index < importedMemories.count { return WasmInspectCommand.describe(importedMemories[index]) + " (imported)" }
        let definedIndex = index - importedMemories.count
        guard definedIndex < module.memories.count else { return "memory \(memoryIndex) (no such memory)" }
        return WasmInspectCommand.describe(module.memories[definedIndex])
    }

    private func describeTable(_ tableIndex: UInt32) -> String {
        let index = Int(tableIndex)
        if index < importedTables.count { return WasmInspectCommand.describe(importedTables[index]) + " (imported)" }
        let definedIndex = index - importedTables.count
        guard definedIndex < module.tables.count else { return "table \(tableIndex) (no such table)" }
        return WasmInspectCommand.describe(module.tables[definedIndex])
    }

    private func describeGlobal(_ globalIndex: UInt32) -> String {
        let index = Int(globalIndex)
        if index < importedGlobals.count { return WasmInspectCommand.describe(importedGlobals[index]) + " (imported)" }
        let definedIndex = index - importedGlobals.count
        guard definedIndex < module.globals.count else { return "global \(globalIndex) (no such global)" }
        return WasmInspectCommand.describe(module.globals[definedIndex].type)
    }
}
