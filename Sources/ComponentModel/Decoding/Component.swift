import WasmInterp

/// A decoded (not yet type-checked) component: its definitions in binary order.
///
/// Each definition appends to one index space (see `ComponentDefinition.sort`); index
/// spaces are therefore positions among the definitions of one sort, which
/// `ComponentIndexSpaces` computes. Produced by `Component(bytes:)`.
public struct Component: Sendable {
    /// The definitions, in the order the sections list them.
    public var definitions: [ComponentDefinition] = []
    /// Every custom section, in order of appearance.
    public var customSections: [ComponentCustomSection] = []

    public init() {}
}

/// One definition of a component: what each section entry adds to an index space.
public enum ComponentDefinition: Sendable {
    /// An embedded core module (adds a core module).
    case coreModule(Module)
    case coreInstance(CoreInstanceExpression)
    case coreType(CoreTypeDefinition)
    /// A nested component (adds a component).
    case component(Component)
    case instance(InstanceExpression)
    /// Adds an item of the alias's sort.
    case alias(Alias)
    case type(ComponentTypeDefinition)
    /// `canon lift` adds a function; the other canonical built-ins add a core function.
    case canonical(CanonicalFunction)
    /// Adds nothing this runtime tracks (value results are not supported).
    case start(ComponentStart)
    /// Adds an item of the imported sort.
    case `import`(ComponentImport)
    /// Adds an item of the exported sort (exports alias what they export).
    case export(ComponentExport)

    /// The index space this definition appends to, or nil if it appends to none.
    public var sort: ComponentSort? {
        switch self {
        case .coreModule: return .core(.module)
        case .coreInstance: return .core(.instance)
        case .coreType: return .core(.type)
        case .component: return .component
        case .instance: return .instance
        case .alias(let alias): return alias.sort
        case .type: return .type
        case .canonical(let function): return function.definedSort
        case .start: return nil
        case .import(let componentImport): return componentImport.type.sort
        case .export(let export): return export.item.sort
        }
    }
}

/// A custom section: its name and where its payload lies in the file.
public struct ComponentCustomSection: Sendable, Hashable {
    public var name: String
    /// Byte range of the payload (after the name) in the decoded file.
    public var payload: Range<Int>
    public init(name: String, payload: Range<Int>) {
        self.name = name
        self.payload = payload
    }
}

/// `start`: calls a component function at instantiation (a 🪙 value feature).
public struct ComponentStart: Sendable, Hashable {
    public var function: UInt32
    public var arguments: [UInt32]
    public var resultCount: UInt32
    public init(function: UInt32, arguments: [UInt32], resultCount: UInt32) {
        self.function = function
        self.arguments = arguments
        self.resultCount = resultCount
    }
}
