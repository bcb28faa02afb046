import WasmInterp

/// Reading the core WebAssembly types a component states directly: core function types,
/// core module types and their import/export descriptors.
extension ComponentByteReader {
    mutating func readCoreValueType() throws(ComponentDecodingError) -> ValueType {
        let position = offset
        let byte = try readByte()
        guard let type = ValueType(rawValue: byte) else {
            throw error("invalid core value type 0x\(hex(byte))", at: position)
        }
        return type
    }

    mutating func readCoreFunctionTypeBody() throws(ComponentDecodingError) -> FunctionType {
        let parameters = try readVector { (reader: inout ComponentByteReader) throws(ComponentDecodingError) in
            try reader.readCoreValueType()
        }
        let results = try readVector { (reader: inout ComponentByteReader) throws(ComponentDecodingError) in
            try reader.readCoreValueType()
        }
        return FunctionType(parameters: parameters, results: results)
    }

    /// A `core:type`: a core function type or a core module type. GC types are not supported.
    mutating func readCoreTypeDefinition() throws(ComponentDecodingError) -> CoreTypeDefinition {
        let position = offset
        let form = try readByte()
        switch form {
        case 0x60:
            return .function(try readCoreFunctionTypeBody())
        case 0x50:
            let declarations = try readVector { (reader: inout ComponentByteReader) throws(ComponentDecodingError) in
                try reader.readCoreModuleDeclaration()
            }
            return .module(declarations)
        case 0x00, 0x4E, 0x4F:
            throw error("unsupported core type form 0x\(hex(form)) (garbage collection types)", at: position)
        default:
            throw error("invalid core type form 0x\(hex(form))", at: position)
        }
    }

    mutating func readCoreModuleDeclaration() throws(ComponentDecodingError) -> CoreModuleDeclaration {
        let position = offset
        let kind = try readByte()
        switch kind {
        case 0x00:
            let module = try readName()
            let name = try readName()
            return .import(Import(module: module, name: name, descriptor: try readCoreImportDescriptor()))
        case 0x01:
            return .type(try readCoreTypeDefinition())
        case 0x02:
            return try readCoreOuterTypeAlias()
        case 0x03:
            let name = try readName()
            return .export(name: name, type: try readCoreImportDescriptor())
        default:
            throw error("invalid core module declaration 0x\(hex(kind))", at: position)
        }
    }

    private mutating func readCoreOuterTypeAlias() throws(ComponentDecodingError) -> CoreModuleDeclaration {
        let position = offset
        let sort = try readByte()
        let target = try readByte()
        guard sort == CoreSort.type.rawValue, target == 0x01 else {
            throw error("invalid core alias: only outer type aliases are allowed in module types", at: position)
        }
        let count = try readUnsigned32()
        let index = try readUnsigned32()
        return .outerTypeAlias(count: count, index: index)
    }

    mutating func readCoreImportDescriptor() throws(ComponentDecodingError) -> ImportDescriptor {
        let position = offset
        let kind = try readByte()
        switch kind {
        case 0x00: return .function(typeIndex: try readUnsigned32())
        case 0x01: return .table(try readTableType())
        case 0x02: return .memory(MemoryType(limits: try readLimits()))
        case 0x03: return .global(try readGlobalType())
        case 0x04: throw error("unsupported core import kind: tag (exception handling)", at: position)
        default: throw error("invalid core import kind 0x\(hex(kind))", at: position)
        }
    }

    private mutating func readTableType() throws(ComponentDecodingError) -> TableType {
        let position = offset
        let byte = try readByte()
        guard let elementType = ReferenceType(rawValue: byte) else {
            throw error("invalid table element type 0x\(hex(byte))", at: position)
        }
        return TableType(elementType: elementType, limits: try readLimits())
    }

    private mutating func readLimits() throws(ComponentDecodingError) -> Limits {
        let position = offset
        let flags = try readByte()
        guard flags <= 0x01 else {
            throw error("unsupported limits flags 0x\(hex(flags)) (shared or 64-bit)", at: position)
        }
        let minimum = UInt64(try readUnsigned32())
        let maximumValue: UInt64? = flags == 0x01 ? UInt64(try readUnsigned32()) : nil
        return Limits(min: minimum, max: maximumValue)
    }

    private mutating func readGlobalType() throws(ComponentDecodingError) -> GlobalType {
        let valueType = try readCoreValueType()
        return GlobalType(valueType: valueType, isMutable: try readFlag("global mutability"))
    }
}
