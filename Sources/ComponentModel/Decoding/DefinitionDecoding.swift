/// Reading the entries of the instance, alias, canonical, start, import and export sections.
extension ComponentByteReader {
    // MARK: Sorts and names

    mutating func readCoreSort() throws(ComponentDecodingError) -> CoreSort {
        let position = offset
        let byte = try readByte()
        guard let sort = CoreSort(rawValue: byte) else {
            throw error("invalid core sort 0x\(hex(byte))", at: position)
        }
        return sort
    }

    mutating func readSort() throws(ComponentDecodingError) -> ComponentSort {
        let position = offset
        let byte = try readByte()
        switch byte {
        case 0x00: return .core(try readCoreSort())
        case 0x01: return .function
        case 0x02: return .value
        case 0x03: return .type
        case 0x04: return .component
        case 0x05: return .instance
        default: throw error("invalid sort 0x\(hex(byte))", at: position)
        }
    }

    mutating func readSortIndex() throws(ComponentDecodingError) -> ComponentSortIndex {
        let sort = try readSort()
        return ComponentSortIndex(sort: sort, index: try readUnsigned32())
    }

    mutating func readCoreSortIndex() throws(ComponentDecodingError) -> CoreSortIndex {
        let sort = try readCoreSort()
        return CoreSortIndex(sort: sort, index: try readUnsigned32())
    }

    /// `nameattributes`: an import or export name, with attributes in the 0x02 form.
    mutating func readExternName() throws(ComponentDecodingError) -> ExternName {
        let position = offset
        let form = try readByte()
        switch form {
        case 0x00, 0x01:
            return ExternName(try readName())
        case 0x02:
            var name = ExternName(try readName())
            let count = try readCount()
            for _ in 0..<count {
                try readNameAttribute(into: &name)
            }
            return name
        default:
            throw error("invalid name form 0x\(hex(form))", at: position)
        }
    }

    private mutating func readNameAttribute(into name: inout ExternName) throws(ComponentDecodingError) {
        let position = offset
        let kind = try readByte()
        switch kind {
        case 0x00: name.implements = try readName()
        case 0x01: name.versionSuffix = try readName()
        case 0x02: name.externalID = try readName()
        default: throw error("invalid name attribute 0x\(hex(kind))", at: position)
        }
    }

    // MARK: Instances and aliases

    mutating func readCoreInstanceExpression() throws(ComponentDecodingError) -> CoreInstanceExpression {
        let position = offset
        let form = try readByte()
        switch form {
        case 0x00:
            let module = try readUnsigned32()
            let arguments = try readVector { (reader: inout ComponentByteReader) throws(ComponentDecodingError) in
                try reader.readCoreInstantiationArgument()
            }
            return .instantiate(module: module, arguments: arguments)
        case 0x01:
            let exports = try readVector { (reader: inout ComponentByteReader) throws(ComponentDecodingError) in
                let name = try reader.readName()
                return CoreInlineExport(name: name, item: try reader.readCoreSortIndex())
            }
            return .exports(exports)
        default:
            throw error("invalid core instance form 0x\(hex(form))", at: position)
        }
    }

    private mutating func readCoreInstantiationArgument() throws(ComponentDecodingError) -> CoreInstantiationArgument {
        let name = try readName()
        let position = offset
        let sort = try readByte()
        guard sort == CoreSort.instance.rawValue else {
            throw error("core instantiation argument must be an instance (sort 0x12), found 0x\(hex(sort))", at: position)
        }
        return CoreInstantiationArgument(name: name, instance: try readUnsigned32())
    }

    mutating func readInstanceExpression() throws(ComponentDecodingError) -> InstanceExpression {
        let position = offset
        let form = try readByte()
        switch form {
        case 0x00:
            let component = try readUnsigned32()
            let arguments = try readVector { (reader: inout ComponentByteReader) throws(ComponentDecodingError) in
                let name = try reader.readName()
                return InstantiationArgument(name: name, item: try reader.readSortIndex())
            }
            return .instantiate(component: component, arguments: arguments)
        case 0x01:
            let exports = try readVector { (reader: inout ComponentByteReader) throws(ComponentDecodingError) in
                let name = try reader.readExternName()
                return InlineExport(name: name, item: try reader.readSortIndex())
            }
            return .exports(exports)
        default:
            throw error("invalid instance form 0x\(hex(form))", at: position)
        }
    }

    mutating func readAlias() throws(ComponentDecodingError) -> Alias {
        let sort = try readSort()
        let position = offset
        let kind = try readByte()
        switch kind {
        case 0x00:
            let instance = try readUnsigned32()
            return Alias(sort: sort, target: .export(instance: instance, name: try readName()))
        case 0x01:
            let instance = try readUnsigned32()
            return Alias(sort: sort, target: .coreExport(instance: instance, name: try readName()))
        case 0x02:
            let count = try readUnsigned32()
            return Alias(sort: sort, target: .outer(count: count, index: try readUnsigned32()))
        default:
            throw error("invalid alias target 0x\(hex(kind))", at: position)
        }
    }

    // MARK: Canonical definitions

    mutating func readCanonicalFunction() throws(ComponentDecodingError) -> CanonicalFunction {
        let position = offset
        let kind = try readByte()
        switch kind {
        case 0x00:
            try expectFunctionSort()
            let coreFunction = try readUnsigned32()
            let options = try readCanonicalOptions()
            return .lift(coreFunction: coreFunction, options: options, typeIndex: try readUnsigned32())
        case 0x01:
            try expectFunctionSort()
            let function = try readUnsigned32()
            return .lower(function: function, options: try readCanonicalOptions())
        case 0x02: return .resourceNew(typeIndex: try readUnsigned32())
        case 0x03: return .resourceDrop(typeIndex: try readUnsigned32())
        case 0x04: return .resourceRep(typeIndex: try readUnsigned32())
        case 0x05...0x2D, 0x40...0x42:
            throw error("unsupported canonical built-in 0x\(hex(kind)) (async, threads or error contexts)", at: position)
        default:
            throw error("invalid canonical function 0x\(hex(kind))", at: position)
        }
    }

    /// The `0x00` after `lift`/`lower`: the `func` sort of the function operand.
    private mutating func expectFunctionSort() throws(ComponentDecodingError) {
        let position = offset
        let byte = try readByte()
        guard byte == 0x00 else { throw error("expected 0x00 (func) in canon lift/lower, found 0x\(hex(byte))", at: position) }
    }

    private mutating func readCanonicalOptions() throws(ComponentDecodingError) -> [CanonicalFunction.Option] {
        try readVector { (reader: inout ComponentByteReader) throws(ComponentDecodingError) in
            try reader.readCanonicalOption()
        }
    }

    private mutating func readCanonicalOption() throws(ComponentDecodingError) -> CanonicalFunction.Option {
        let position = offset
        let kind = try readByte()
        switch kind {
        case 0x00: return .stringEncoding(.utf8)
        case 0x01: return .stringEncoding(.utf16)
        case 0x02: return .stringEncoding(.latin1UTF16)
        case 0x03: return .memory(try readUnsigned32())
        case 0x04: return .realloc(try readUnsigned32())
        case 0x05: return .postReturn(try readUnsigned32())
        case 0x06: return .async
        case 0x07: return .callback(try readUnsigned32())
        default: throw error("invalid canonical option 0x\(hex(kind))", at: position)
        }
    }

    // MARK: Start, imports and exports

    mutating func readStart() throws(ComponentDecodingError) -> ComponentStart {
        let function = try readUnsigned32()
        let arguments = try readVector { (reader: inout ComponentByteReader) throws(ComponentDecodingError) in
            try reader.readUnsigned32()
        }
        return ComponentStart(function: function, arguments: arguments, resultCount: try readUnsigned32())
    }

    mutating func readImport() throws(ComponentDecodingError) -> ComponentImport {
        let name = try readExternName()
        return ComponentImport(name: name, type: try readExternDescriptor())
    }

    mutating func readExport() throws(ComponentDecodingError) -> ComponentExport {
        let name = try readExternName()
        let item = try readSortIndex()
        let ascribed = try readOptional("export type ascription") {
            (reader: inout ComponentByteReader) throws(ComponentDecodingError) in try reader.readExternDescriptor()
        }
        return ComponentExport(name: name, item: item, ascribedType: ascribed)
    }
}
