extension Module {
    /// Decodes a binary module. Throws `DecodingError` (with the byte offset) when malformed.
    ///
    /// Decoding checks everything the binary format requires, including that every
    /// function body decodes to instructions ending in `end`; it does not validate
    /// (types, indices, block nesting): that is `ModuleValidator`'s job.
    public init(bytes: [UInt8]) throws(DecodingError) {
        var decoder = ModuleDecoder(bytes: bytes)
        self = try decoder.decode()
    }
}

/// The binary format's section ids.
enum SectionID: UInt8 {
    case custom = 0
    case type = 1
    case `import` = 2
    case function = 3
    case table = 4
    case memory = 5
    case global = 6
    case export = 7
    case start = 8
    case element = 9
    case code = 10
    case data = 11
    case dataCount = 12

    /// Position in the required section order. The data count section (id 12) sits
    /// between the element and code sections so that code can be checked against it.
    var order: Int {
        switch self {
        case .custom: return 0
        case .dataCount: return 10
        case .code: return 11
        case .data: return 12
        default: return Int(rawValue)
        }
    }
}

/// Reads a module's sections in order into a `Module`.
struct ModuleDecoder {
    private static let magic: [UInt8] = [0x00, 0x61, 0x73, 0x6D]
    private static let version: [UInt8] = [0x01, 0x00, 0x00, 0x00]

    private var input: ByteReader
    private var module = Module()
    /// Order of the last non-custom section read, to reject duplicates and misordering.
    private var lastSectionOrder = 0
    /// Offset of the first `memory.init` or `data.drop`, which needs a data count section.
    private var firstDataIndexUse: Int?
    /// The blocks open at the current instruction while checking a body; kept here so its
    /// storage is reused from body to body.
    private var openBlocks: [OpenBlock] = []

    private enum OpenBlock {
        case block
        case `if`
        case `else`
    }

    init(bytes: [UInt8]) {
        self.input = ByteReader(bytes: bytes)
    }

    mutating func decode() throws(DecodingError) -> Module {
        try readHeader()
        while !input.isAtEnd {
            try readSection()
        }
        try checkSectionsAgree()
        return module
    }

    private mutating func readHeader() throws(DecodingError) {
        let magicRange = input.offset..<(input.offset + 4)
        try input.skip(4)
        guard input.bytes[magicRange].elementsEqual(Self.magic) else {
            throw DecodingError("magic header not detected", offset: magicRange.lowerBound)
        }
        let versionRange = input.offset..<(input.offset + 4)
        try input.skip(4)
        guard input.bytes[versionRange].elementsEqual(Self.version) else {
            throw DecodingError("unknown binary version", offset: versionRange.lowerBound)
        }
    }

    private mutating func readSection() throws(DecodingError) {
        let sectionStart = input.offset
        guard let id = SectionID(rawValue: try input.readByte()) else {
            throw DecodingError("malformed section id", offset: sectionStart)
        }
        let sizeOffset = input.offset
        let size = Int(try input.readUnsigned32())
        guard size <= input.remainingCount else {
            throw DecodingError("length out of bounds", offset: sizeOffset)
        }
        if id != .custom {
            // A section out of place is read as content after the section where it belonged.
            guard id.order > lastSectionOrder else {
                throw DecodingError("unexpected content after last section", offset: sectionStart)
            }
            lastSectionOrder = id.order
        }
        var section = try input.subReader(count: size)
        try readSectionContent(id, from: &section)
        guard section.isAtEnd else {
            throw DecodingError("section size mismatch", offset: section.offset)
        }
        try input.skip(size)
    }

    private mutating func readSectionContent(_ id: SectionID, from section: inout ByteReader) throws(DecodingError) {
        switch id {
        case .custom: try readCustomSection(&section)
        case .type: module.types = try section.readVector { reader throws(DecodingError) in try reader.readFunctionType() }
        case .import: module.imports = try section.readVector(Self.readImport)
        case .function: module.functionTypeIndices = try section.readVector { reader throws(DecodingError) in try reader.readUnsigned32() }
        case .table: module.tables = try section.readVector { reader throws(DecodingError) in try reader.readTableType() }
        case .memory: module.memories = try section.readVector { reader throws(DecodingError) in try reader.readMemoryType() }
        case .global: module.globals = try section.readVector(Self.readGlobal)
        case .export: module.exports = try section.readVector(Self.readExport)
        case .start: module.start = try section.readUnsigned32()
        case .element: module.elements = try section.readVector(Self.readElementSegment)
        case .code: try readCodeSection(&section)
        case .data: try readDataSection(&section)
        case .dataCount: module.dataCount = try section.readUnsigned32()
        }
    }

    // MARK: Custom sections

    private mutating func readCustomSection(_ section: inout ByteReader) throws(DecodingError) {
        let name = try section.readName()
        let payload = section.offset..<section.end
        try section.skip(section.remainingCount)
        module.customSections.append(CustomSection(name: name, bytes: Array(section.bytes[payload])))
        if name == "name" {
            // Engines ignore a broken name section rather than reject the module.
            module.names = NameSectionDecoder.decode(section.bytes, payload) ?? NameSection()
        }
    }

    // MARK: Imports, globals, exports

    private static func readImport(_ reader: inout ByteReader) throws(DecodingError) -> Import {
        let moduleName = try reader.readName()
        let name = try reader.readName()
        let kindOffset = reader.offset
        let descriptor: ImportDescriptor
        switch try reader.readByte() {
        case 0x00: descriptor = .function(typeIndex: try reader.readUnsigned32())
        case 0x01: descriptor = .table(try reader.readTableType())
        case 0x02: descriptor = .memory(try reader.readMemoryType())
        case 0x03: descriptor = .global(try reader.readGlobalType())
        default: throw DecodingError("malformed import kind", offset: kindOffset)
        }
        return Import(module: moduleName, name: name, descriptor: descriptor)
    }

    private static func readGlobal(_ reader: inout ByteReader) throws(DecodingError) -> Global {
        let type = try reader.readGlobalType()
        return Global(type: type, initializer: try readConstantExpression(&reader))
    }

    private static func readExport(_ reader: inout ByteReader) throws(DecodingError) -> Export {
        let name = try reader.readName()
        let kindOffset = reader.offset
        let kind = try reader.readByte()
        let index = try reader.readUnsigned32()
        switch kind {
        case 0x00: return Export(name: name, descriptor: .function(index))
        case 0x01: return Export(name: name, descriptor: .table(index))
        case 0x02: return Export(name: name, descriptor: .memory(index))
        case 0x03: return Export(name: name, descriptor: .global(index))
        default: throw DecodingError("malformed export kind", offset: kindOffset)
        }
    }

    /// Instructions up to the `end` that closes the expression. Nested blocks are
    /// followed so that their `end`s do not close it early; whether the instructions are
    /// constant is for the validator to judge.
    private static func readConstantExpression(_ reader: inout ByteReader) throws(DecodingError) -> ConstantExpression {
        var instructions: [Instruction] = []
        var depth = 0
        while true {
            let instruction = try reader.readInstruction()
            switch instruction {
            case .block, .loop, .if:
                depth += 1
            case .end:
                if depth == 0 { return ConstantExpression(instructions: instructions) }
                depth -= 1
            default:
                break
            }
            instructions.append(instruction)
        }
    }

    // MARK: Element segments

    /// Element segment forms 0–7: bit 0 passive/declarative, bit 1 explicit table index
    /// (active) or declarative (otherwise), bit 2 items as expressions instead of indices.
    private static func readElementSegment(_ reader: inout ByteReader) throws(DecodingError) -> ElementSegment {
        let flagsOffset = reader.offset
        let flags = try reader.readUnsigned32()
        guard flags <= 7 else { throw DecodingError("malformed elements segment kind", offset: flagsOffset) }
        let mode: ElementSegment.Mode
        switch flags & 0b011 {
        case 0b000: mode = .active(table: 0, offset: try readConstantExpression(&reader))
        case 0b010: mode = try readActiveElementMode(&reader)
        case 0b001: mode = .passive
        default: mode = .declarative
        }
        let usesExpressions = flags & 0b100 != 0
        let hasExplicitType = flags & 0b011 != 0
        if usesExpressions {
            let type = hasExplicitType ? try reader.readReferenceType() : .funcref
            let items = try reader.readVector(Self.readConstantExpression)
            return ElementSegment(type: type, mode: mode, items: items)
        }
        if hasExplicitType { try readElementKind(&reader) }
        let items = try reader.readVector { reader throws(DecodingError) in
            ConstantExpression(instructions: [.refFunc(try reader.readUnsigned32())])
        }
        return ElementSegment(type: .funcref, mode: mode, items: items)
    }

    private static func readActiveElementMode(_ reader: inout ByteReader) throws(DecodingError) -> ElementSegment.Mode {
        let table = try reader.readUnsigned32()
        return .active(table: table, offset: try readConstantExpression(&reader))
    }

    /// `elemkind`: only 0x00 (function references) exists in Wasm 2.0.
    private static func readElementKind(_ reader: inout ByteReader) throws(DecodingError) {
        let position = reader.offset
        guard try reader.readByte() == 0x00 else {
            throw DecodingError("malformed element kind", offset: position)
        }
    }

    // MARK: Code

    private mutating func readCodeSection(_ section: inout ByteReader) throws(DecodingError) {
        let count = try section.readCount()
        var bodies: [FunctionBody] = []
        bodies.reserveCapacity(section.reservableCapacity(count))
        for _ in 0..<count {
            bodies.append(try readFunctionBody(&section))
        }
        module.functionBodies = bodies
    }

    private mutating func readFunctionBody(_ section: inout ByteReader) throws(DecodingError) -> FunctionBody {
        let size = try section.readCount()
        var body = try section.subReader(count: size)
        try section.skip(size)
        let locals = try body.readLocals()
        let codeRange = body.offset..<body.end
        try checkInstructions(in: codeRange)
        return FunctionBody(locals: locals, bytes: input.bytes, codeRange: codeRange)
    }

    /// Decodes every instruction of a body once, so that malformed code is reported when
    /// the module is decoded rather than when the function is first validated or run.
    ///
    /// The binary format nests instructions (`block ... end`, `if ... else ... end`), so
    /// the structure is checked too: the body's own final `end` must be its last byte and
    /// an `else` must belong to an `if`. Everything about types is left to the validator.
    private mutating func checkInstructions(in codeRange: Range<Int>) throws(DecodingError) {
        var reader = ByteReader(bytes: input.bytes, range: codeRange)
        openBlocks.removeAll(keepingCapacity: true)
        while !reader.isAtEnd {
            let position = reader.offset
            let instruction = try reader.readInstruction()
            switch instruction {
            case .block, .loop:
                openBlocks.append(.block)
            case .if:
                openBlocks.append(.if)
            case .else:
                guard openBlocks.last == .if else {
                    throw DecodingError("misplaced ELSE opcode", offset: position)
                }
                openBlocks[openBlocks.count - 1] = .else
            case .end:
                guard openBlocks.popLast() != nil else {
                    guard reader.isAtEnd else { throw DecodingError("section size mismatch", offset: reader.offset) }
                    return
                }
            case .memoryInit, .dataDrop:
                if firstDataIndexUse == nil { firstDataIndexUse = position }
            default:
                break
            }
        }
        throw reader.unexpectedEnd(at: reader.offset)
    }

    // MARK: Data

    private mutating func readDataSection(_ section: inout ByteReader) throws(DecodingError) {
        let count = try section.readCount()
        var segments: [DataSegment] = []
        segments.reserveCapacity(section.reservableCapacity(count))
        for _ in 0..<count {
            segments.append(try Self.readDataSegment(&section))
        }
        module.data = segments
    }

    /// Data segment forms 0 (active in memory 0), 1 (passive), 2 (active, memory index).
    private static func readDataSegment(_ reader: inout ByteReader) throws(DecodingError) -> DataSegment {
        let flagsOffset = reader.offset
        let mode: DataSegment.Mode
        switch try reader.readUnsigned32() {
        case 0: mode = .active(memory: 0, offset: try readConstantExpression(&reader))
        case 1: mode = .passive
        case 2: mode = try readActiveDataMode(&reader)
        default: throw DecodingError("malformed data segment kind", offset: flagsOffset)
        }
        let range = try reader.readByteStringRange()
        return DataSegment(mode: mode, bytes: Array(reader.bytes[range]))
    }

    private static func readActiveDataMode(_ reader: inout ByteReader) throws(DecodingError) -> DataSegment.Mode {
        let memory = try reader.readUnsigned32()
        return .active(memory: memory, offset: try readConstantExpression(&reader))
    }

    // MARK: Whole-module checks

    /// Checks between sections, made once all are read (as the spec does, so that a
    /// misplaced section is reported as such rather than as a count mismatch).
    private func checkSectionsAgree() throws(DecodingError) {
        let end = input.bytes.count
        if module.functionBodies.count != module.functionTypeIndices.count {
            throw DecodingError("function and code section have inconsistent lengths", offset: end)
        }
        if let dataCount = module.dataCount, dataCount != module.data.count {
            throw DecodingError("data count and data section have inconsistent lengths", offset: end)
        }
        if module.dataCount == nil, let firstDataIndexUse {
            throw DecodingError("data count section required", offset: firstDataIndexUse)
        }
    }
}
