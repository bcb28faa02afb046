import WasmInterp

extension Component {
    /// The preamble of a component binary: magic, version 0x0d, layer 1.
    static let preamble: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00]

    /// Decodes a component binary. Malformed input (or a feature this runtime does not
    /// support, such as async or GC types) throws `ComponentDecodingError` with the offset.
    public init(bytes: [UInt8]) throws(ComponentDecodingError) {
        var reader = ComponentByteReader(bytes: bytes)
        self = try ComponentDecoder.decodeComponent(&reader, depth: 0)
    }

    /// Whether `bytes` start like a component (rather than a core module): the layer field
    /// of the preamble is 1.
    public static func isComponent(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 8 && bytes[0..<4].elementsEqual(preamble[0..<4]) && bytes[6] == 0x01 && bytes[7] == 0x00
    }
}

/// The component binary format's section ids.
enum ComponentSectionID: UInt8 {
    case custom = 0
    case coreModule = 1
    case coreInstance = 2
    case coreType = 3
    case component = 4
    case instance = 5
    case alias = 6
    case type = 7
    case canonical = 8
    case start = 9
    case `import` = 10
    case export = 11
    case value = 12
}

/// Reads a component's sections into its definitions. Sections may repeat and appear in
/// any order; each entry appends to an index space in order.
enum ComponentDecoder {
    /// Nested components and types deeper than this are rejected, so hostile input
    /// cannot exhaust the stack.
    static let maximumNestingDepth = 64

    static func decodeComponent(_ reader: inout ComponentByteReader, depth: Int) throws(ComponentDecodingError) -> Component {
        guard depth <= maximumNestingDepth else { throw reader.error("components nested too deeply") }
        try readPreamble(&reader)
        var component = Component()
        while !reader.isAtEnd {
            try readSection(&reader, into: &component, depth: depth)
        }
        return component
    }

    private static func readPreamble(_ reader: inout ComponentByteReader) throws(ComponentDecodingError) {
        let start = reader.offset
        var header: [UInt8] = []
        for _ in 0..<8 {
            header.append(try reader.readByte())
        }
        guard header[0..<4].elementsEqual(Component.preamble[0..<4]) else {
            throw reader.error("magic header not detected", at: start)
        }
        guard header[6] == 0x01, header[7] == 0x00 else {
            throw reader.error("not a component (layer \(header[6])); a core module?", at: start &+ 6)
        }
        guard header[4] == 0x0D, header[5] == 0x00 else {
            throw reader.error("unsupported component binary version 0x\(hex(header[4]))", at: start &+ 4)
        }
    }

    private static func readSection(
        _ reader: inout ComponentByteReader, into component: inout Component, depth: Int
    ) throws(ComponentDecodingError) {
        let idOffset = reader.offset
        let idByte = try reader.readByte()
        guard let id = ComponentSectionID(rawValue: idByte) else {
            throw reader.error("invalid section id \(idByte)", at: idOffset)
        }
        let sizeOffset = reader.offset
        let size = Int(try reader.readUnsigned32())
        guard size <= reader.remainingCount else {
            throw reader.error("section size \(size) runs past the end", at: sizeOffset)
        }
        var section = try reader.takeSubReader(count: size)
        try readSectionContents(id, &section, into: &component, depth: depth)
        guard section.isAtEnd else {
            throw section.error("section size mismatch: \(section.remainingCount) bytes left over")
        }
    }

    private static func readSectionContents(
        _ id: ComponentSectionID, _ section: inout ComponentByteReader, into component: inout Component, depth: Int
    ) throws(ComponentDecodingError) {
        switch id {
        case .custom:
            let name = try section.readName()
            component.customSections.append(ComponentCustomSection(name: name, payload: section.offset..<section.end))
            _ = try section.takeSubReader(count: section.remainingCount)
        case .coreModule:
            component.definitions.append(.coreModule(try readCoreModule(&section)))
        case .component:
            component.definitions.append(.component(try decodeComponent(&section, depth: depth &+ 1)))
        case .start:
            component.definitions.append(.start(try section.readStart()))
        case .value:
            throw section.error("unsupported value section (component values are not supported)")
        default:
            try readVectorSection(id, &section, into: &component, depth: depth)
        }
    }

    /// The sections that hold a vector of definitions.
    private static func readVectorSection(
        _ id: ComponentSectionID, _ section: inout ComponentByteReader, into component: inout Component, depth: Int
    ) throws(ComponentDecodingError) {
        let count = try section.readCount()
        component.definitions.reserveCapacity(component.definitions.count &+ count)
        for _ in 0..<count {
            component.definitions.append(try readVectorEntry(id, &section, depth: depth))
        }
    }

    private static func readVectorEntry(
        _ id: ComponentSectionID, _ section: inout ComponentByteReader, depth: Int
    ) throws(ComponentDecodingError) -> ComponentDefinition {
        switch id {
        case .coreInstance: return .coreInstance(try section.readCoreInstanceExpression())
        case .coreType: return .coreType(try section.readCoreTypeDefinition())
        case .instance: return .instance(try section.readInstanceExpression())
        case .alias: return .alias(try section.readAlias())
        case .type: return .type(try section.readTypeDefinition(depth: depth))
        case .canonical: return .canonical(try section.readCanonicalFunction())
        case .import: return .import(try section.readImport())
        case .export: return .export(try section.readExport())
        case .custom, .coreModule, .component, .start, .value:
            throw section.error("section \(id.rawValue) is not a vector section")
        }
    }

    /// An embedded core module, decoded by WasmInterp; its errors are moved to file offsets.
    private static func readCoreModule(_ section: inout ComponentByteReader) throws(ComponentDecodingError) -> Module {
        let range = section.offset..<section.end
        _ = try section.takeSubReader(count: section.remainingCount)
        do {
            return try Module(bytes: Array(section.bytes[range]))
        } catch {
            throw ComponentDecodingError("in core module: \(error.message)", offset: range.lowerBound &+ error.offset)
        }
    }
}
