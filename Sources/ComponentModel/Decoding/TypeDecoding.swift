/// Reading the type section's entries: value, function, component, instance and resource
/// types, and the extern types of imports and exports.
extension ComponentByteReader {
    mutating func readTypeDefinition(depth: Int) throws(ComponentDecodingError) -> ComponentTypeDefinition {
        guard depth <= ComponentDecoder.maximumNestingDepth else { throw error("types nested too deeply") }
        let position = offset
        let form = try readByte()
        switch form {
        case 0x40, 0x43:
            return .function(try readFunctionTypeBody(isAsync: form == 0x43))
        case 0x41:
            let declarations = try readVector { (reader: inout ComponentByteReader) throws(ComponentDecodingError) in
                try reader.readComponentTypeDeclaration(depth: depth)
            }
            return .component(declarations)
        case 0x42:
            let declarations = try readVector { (reader: inout ComponentByteReader) throws(ComponentDecodingError) in
                try reader.readInstanceTypeDeclaration(depth: depth)
            }
            return .instance(declarations)
        case 0x3F:
            let representation = try readCoreValueType()
            guard representation == .i32 else {
                throw error("resource representation must be i32, found \(representation)", at: position &+ 1)
            }
            let destructor = try readOptional("resource destructor") {
                (reader: inout ComponentByteReader) throws(ComponentDecodingError) in try reader.readUnsigned32()
            }
            return .resource(representation: representation, destructor: destructor)
        default:
            return .value(try readValueTypeDefinition(form, at: position))
        }
    }

    /// A `defvaltype`.
    mutating func readValueTypeDefinition() throws(ComponentDecodingError) -> ValueTypeDefinition {
        let position = offset
        return try readValueTypeDefinition(try readByte(), at: position)
    }

    /// A `defvaltype` whose first byte, `form`, was read at `position`.
    private mutating func readValueTypeDefinition(
        _ form: UInt8, at position: Int
    ) throws(ComponentDecodingError) -> ValueTypeDefinition {
        if let primitive = PrimitiveValueType(rawValue: form) { return .primitive(primitive) }
        switch form {
        case 0x72:
            let fields = try readVector { (reader: inout ComponentByteReader) throws(ComponentDecodingError) in
                try reader.readLabeledValueType()
            }
            guard !fields.isEmpty else { throw error("record type must have at least one field", at: position) }
            return .record(fields)
        case 0x71:
            let cases = try readVector { (reader: inout ComponentByteReader) throws(ComponentDecodingError) in
                try reader.readVariantCase()
            }
            guard !cases.isEmpty else { throw error("variant type must have at least one case", at: position) }
            return .variant(cases)
        case 0x70:
            return .list(try readValueTypeReference())
        case 0x6F:
            let types = try readVector { (reader: inout ComponentByteReader) throws(ComponentDecodingError) in
                try reader.readValueTypeReference()
            }
            guard !types.isEmpty else { throw error("tuple type must have at least one element", at: position) }
            return .tuple(types)
        default:
            return try readLabelledValueTypeDefinition(form, at: position)
        }
    }

    /// The `defvaltype` forms after tuple (split off to keep each switch small).
    private mutating func readLabelledValueTypeDefinition(
        _ form: UInt8, at position: Int
    ) throws(ComponentDecodingError) -> ValueTypeDefinition {
        switch form {
        case 0x6E:
            let names = try readLabelList()
            guard !names.isEmpty, names.count <= 32 else {
                throw error("flags type must have 1 to 32 flags, found \(names.count)", at: position)
            }
            return .flags(names)
        case 0x6D:
            let names = try readLabelList()
            guard !names.isEmpty else { throw error("enum type must have at least one case", at: position) }
            return .enum(names)
        case 0x6B:
            return .option(try readValueTypeReference())
        case 0x6A:
            let ok = try readOptionalValueType("result ok type")
            return .result(ok: ok, error: try readOptionalValueType("result error type"))
        case 0x69:
            return .own(try readUnsigned32())
        case 0x68:
            return .borrow(try readUnsigned32())
        case 0x67, 0x66, 0x65, 0x64, 0x63:
            throw error("unsupported value type 0x\(hex(form)) (fixed-length lists, streams, futures, error contexts, maps)", at: position)
        default:
            throw error("invalid value type 0x\(hex(form))", at: position)
        }
    }

    /// A `valtype`: an `s33` whose nonnegative values are type indices and whose negative
    /// values are primitive type codes.
    mutating func readValueTypeReference() throws(ComponentDecodingError) -> ValueTypeReference {
        let position = offset
        let value = try readSigned33()
        if value >= 0 {
            guard value <= Int64(UInt32.max) else { throw error("type index too large", at: position) }
            return .index(UInt32(value))
        }
        // A negative single-byte s33 is the type code's byte with the top bit clear.
        let code = UInt8(truncatingIfNeeded: value & 0x7F)
        guard value >= -64, let primitive = PrimitiveValueType(rawValue: code) else {
            throw error("invalid value type 0x\(hex(code))", at: position)
        }
        return .primitive(primitive)
    }

    private mutating func readOptionalValueType(_ what: String) throws(ComponentDecodingError) -> ValueTypeReference? {
        try readOptional(what) { (reader: inout ComponentByteReader) throws(ComponentDecodingError) in
            try reader.readValueTypeReference()
        }
    }

    private mutating func readLabeledValueType() throws(ComponentDecodingError) -> LabeledValueType {
        let label = try readName()
        return LabeledValueType(label: label, type: try readValueTypeReference())
    }

    private mutating func readVariantCase() throws(ComponentDecodingError) -> VariantCaseDefinition {
        let label = try readName()
        let payload = try readOptionalValueType("variant case payload")
        let position = offset
        let refines = try readByte()
        guard refines == 0x00 else { throw error("variant case refinement is not supported", at: position) }
        return VariantCaseDefinition(label: label, payload: payload)
    }

    private mutating func readLabelList() throws(ComponentDecodingError) -> [String] {
        try readVector { (reader: inout ComponentByteReader) throws(ComponentDecodingError) in try reader.readName() }
    }

    /// A `functype` after its form byte (0x40, or 0x43 for async).
    private mutating func readFunctionTypeBody(isAsync: Bool) throws(ComponentDecodingError) -> FunctionTypeDefinition {
        let parameters = try readVector { (reader: inout ComponentByteReader) throws(ComponentDecodingError) in
            try reader.readLabeledValueType()
        }
        let position = offset
        let resultForm = try readByte()
        switch resultForm {
        case 0x00:
            return FunctionTypeDefinition(parameters: parameters, result: try readValueTypeReference(), isAsync: isAsync)
        case 0x01:
            let countPosition = offset
            guard try readByte() == 0x00 else {
                throw error("named function results are not supported", at: countPosition)
            }
            return FunctionTypeDefinition(parameters: parameters, result: nil, isAsync: isAsync)
        default:
            throw error("invalid function result list 0x\(hex(resultForm))", at: position)
        }
    }

    // MARK: Component and instance types

    private mutating func readComponentTypeDeclaration(depth: Int) throws(ComponentDecodingError) -> ComponentTypeDeclaration {
        if peekByte() == 0x03 {
            _ = try readByte()
            let name = try readExternName()
            return .import(name: name, type: try readExternDescriptor())
        }
        return .instanceDeclaration(try readInstanceTypeDeclaration(depth: depth))
    }

    private mutating func readInstanceTypeDeclaration(depth: Int) throws(ComponentDecodingError) -> InstanceTypeDeclaration {
        let position = offset
        let kind = try readByte()
        switch kind {
        case 0x00:
            return .coreType(try readCoreTypeDefinition())
        case 0x01:
            return .type(try readTypeDefinition(depth: depth &+ 1))
        case 0x02:
            return .alias(try readAlias())
        case 0x04:
            let name = try readExternName()
            return .export(name: name, type: try readExternDescriptor())
        default:
            throw error("invalid type declaration 0x\(hex(kind))", at: position)
        }
    }

    /// An `externtype`.
    mutating func readExternDescriptor() throws(ComponentDecodingError) -> ExternDescriptor {
        let position = offset
        let kind = try readByte()
        switch kind {
        case 0x00:
            let sortPosition = offset
            guard try readByte() == CoreSort.module.rawValue else {
                throw error("core extern type must be a module (0x11)", at: sortPosition)
            }
            return .module(coreTypeIndex: try readUnsigned32())
        case 0x01: return .function(typeIndex: try readUnsigned32())
        case 0x02: return .value(try readValueBound())
        case 0x03: return .type(try readTypeBound())
        case 0x04: return .component(typeIndex: try readUnsigned32())
        case 0x05: return .instance(typeIndex: try readUnsigned32())
        default: throw error("invalid extern type 0x\(hex(kind))", at: position)
        }
    }

    private mutating func readTypeBound() throws(ComponentDecodingError) -> TypeBound {
        let position = offset
        switch try readByte() {
        case 0x00: return .equal(try readUnsigned32())
        case 0x01: return .subResource
        case let other: throw error("invalid type bound 0x\(hex(other))", at: position)
        }
    }

    private mutating func readValueBound() throws(ComponentDecodingError) -> ValueBound {
        let position = offset
        switch try readByte() {
        case 0x00: return .equal(valueIndex: try readUnsigned32())
        case 0x01: return .type(try readValueTypeReference())
        case let other: throw error("invalid value bound 0x\(hex(other))", at: position)
        }
    }
}
