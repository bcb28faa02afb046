import WasmInterp

/// A core type a component defines: a core function type, or a core module type.
public enum CoreTypeDefinition: Sendable, Hashable {
    case function(FunctionType)
    case module([CoreModuleDeclaration])
}

/// A declarator of a core module type.
public enum CoreModuleDeclaration: Sendable, Hashable {
    case `import`(Import)
    case type(CoreTypeDefinition)
    /// `(alias outer count index (type))`.
    case outerTypeAlias(count: UInt32, index: UInt32)
    case export(name: String, type: ImportDescriptor)
}
