/// A decoded (not yet validated) WebAssembly module: the contents of its sections.
///
/// Produced by `Module(bytes:)` (see `ModuleDecoder.swift`); checked by `ModuleValidator`.
public struct Module: Sendable {
    public var types: [FunctionType] = []
    public var imports: [Import] = []
    /// Type index of each function *defined* by the module (function section).
    public var functionTypeIndices: [UInt32] = []
    public var tables: [TableType] = []
    public var memories: [MemoryType] = []
    public var globals: [Global] = []
    public var exports: [Export] = []
    public var start: UInt32?
    public var elements: [ElementSegment] = []
    /// The data count section's value, if the section is present.
    public var dataCount: UInt32?
    /// Bodies of the defined functions, in order (code section).
    public var functionBodies: [FunctionBody] = []
    public var data: [DataSegment] = []
    /// Names from the `name` custom section (empty when absent or malformed).
    public var names = NameSection()
    /// Every custom section, in order of appearance.
    public var customSections: [CustomSection] = []

    public init() {}
}

public struct Import: Sendable, Hashable {
    public var module: String
    public var name: String
    public var descriptor: ImportDescriptor
    public init(module: String, name: String, descriptor: ImportDescriptor) {
        self.module = module
        self.name = name
        self.descriptor = descriptor
    }
}

public enum ImportDescriptor: Sendable, Hashable {
    case function(typeIndex: UInt32)
    case table(TableType)
    case memory(MemoryType)
    case global(GlobalType)
}

public struct Export: Sendable, Hashable {
    public var name: String
    public var descriptor: ExportDescriptor
    public init(name: String, descriptor: ExportDescriptor) {
        self.name = name
        self.descriptor = descriptor
    }
}

public enum ExportDescriptor: Sendable, Hashable {
    case function(UInt32)
    case table(UInt32)
    case memory(UInt32)
    case global(UInt32)
}

public struct Global: Sendable {
    public var type: GlobalType
    public var initializer: ConstantExpression
    public init(type: GlobalType, initializer: ConstantExpression) {
        self.type = type
        self.initializer = initializer
    }
}

/// A constant expression (global initializers, segment offsets, element items), as the
/// decoder read it: the instructions before its final `end`. The validator checks that
/// only constant instructions occur and that the result type is right.
public struct ConstantExpression: Sendable {
    public var instructions: [Instruction]
    public init(instructions: [Instruction]) { self.instructions = instructions }
}

public struct ElementSegment: Sendable {
    public enum Mode: Sendable {
        case passive
        case declarative
        case active(table: UInt32, offset: ConstantExpression)
    }
    public var type: ReferenceType
    public var mode: Mode
    /// One constant expression per element. Segments written with function indices are
    /// decoded into `ref.func` expressions so later stages handle a single form.
    public var items: [ConstantExpression]
    public init(type: ReferenceType, mode: Mode, items: [ConstantExpression]) {
        self.type = type
        self.mode = mode
        self.items = items
    }
}

public struct DataSegment: Sendable {
    public enum Mode: Sendable {
        case passive
        case active(memory: UInt32, offset: ConstantExpression)
    }
    public var mode: Mode
    public var bytes: [UInt8]
    public init(mode: DataSegment.Mode, bytes: [UInt8]) {
        self.mode = mode
        self.bytes = bytes
    }
}

/// One function body from the code section: its declared locals and its instruction
/// bytes, which an `InstructionReader` decodes on demand.
public struct FunctionBody: Sendable {
    /// Locals declared by the body (not the parameters), expanded one entry per local.
    public var locals: [ValueType]
    /// The whole module's bytes; the body's instructions are `bytes[codeRange]`.
    public var bytes: [UInt8]
    /// Range of the instruction bytes (after the locals, up to and including the final `end`).
    public var codeRange: Range<Int>
    public init(locals: [ValueType], bytes: [UInt8], codeRange: Range<Int>) {
        self.locals = locals
        self.bytes = bytes
        self.codeRange = codeRange
    }
}

public struct CustomSection: Sendable {
    public var name: String
    public var bytes: [UInt8]
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// Contents of the `name` custom section that backtraces and traces use.
public struct NameSection: Sendable {
    public var moduleName: String?
    /// Function index (in the function index space, imports first) to name.
    public var functionNames: [UInt32: String] = [:]
    /// Function index to (local index to name).
    public var localNames: [UInt32: [UInt32: String]] = [:]
    public init() {}
}
