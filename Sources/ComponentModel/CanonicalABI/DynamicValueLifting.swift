/// Lifting into the dynamic value model, following a type's layout.
extension CanonicalReader {
    /// Lifts one value of the type `layout` describes.
    mutating func read(_ layout: CanonicalTypeLayout) throws(CanonicalABIError) -> ComponentValue {
        try extent(size: layout.size, alignment: layout.alignment, flatCount: layout.flatTypes.count) {
            (reader: inout CanonicalReader) throws(CanonicalABIError) -> ComponentValue in
            try reader.readContents(layout)
        }
    }

    private mutating func readContents(_ layout: CanonicalTypeLayout) throws(CanonicalABIError) -> ComponentValue {
        switch layout.shape {
        case .bool: return .bool(try readBool())
        case .s8: return .s8(try readInteger(Int8.self))
        case .u8: return .u8(try readInteger(UInt8.self))
        case .s16: return .s16(try readInteger(Int16.self))
        case .u16: return .u16(try readInteger(UInt16.self))
        case .s32: return .s32(try readInteger(Int32.self))
        case .u32: return .u32(try readInteger(UInt32.self))
        case .s64: return .s64(try readInteger(Int64.self))
        case .u64: return .u64(try readInteger(UInt64.self))
        case .f32: return .f32(try readFloat32())
        case .f64: return .f64(try readFloat64())
        case .char: return .char(try readChar())
        case .string: return .string(try readString())
        case .list(let element): return try readList(of: element)
        case .record(let fields, let isTuple):
            var values: [ComponentValue] = []
            values.reserveCapacity(fields.count)
            for field in fields { values.append(try read(field)) }
            return isTuple ? .tuple(values) : .record(values)
        case .variant(let variant): return try readVariant(variant)
        case .flags(let count):
            let bits = try readFlagBits(count: count)
            return .flags((0..<count).map { bits & (1 << UInt32($0)) != 0 })
        case .own(let resource): return .own(try readOwn(resource))
        case .borrow(let resource): return .borrow(try readBorrow(resource))
        }
    }

    private mutating func readList(of element: CanonicalTypeLayout) throws(CanonicalABIError) -> ComponentValue {
        if case .u8 = element.shape { return .bytes(try readBytes()) }
        let (memory, begin, count) = try readListRange(elementSize: element.size, alignment: element.alignment)
        let values = try CanonicalReader.readElements(
            memory: memory, begin: begin, count: count, elementSize: element.size, context: context
        ) { (reader: inout CanonicalReader) throws(CanonicalABIError) -> ComponentValue in
            try reader.read(element)
        }
        return .list(values)
    }

    private mutating func readVariant(_ variant: CanonicalTypeLayout.VariantLayout) throws(CanonicalABIError) -> ComponentValue {
        let index = try readDiscriminant(caseCount: variant.cases.count, payloadOffset: variant.payloadOffset)
        let payload: ComponentValue?
        if let payloadLayout = variant.cases[index] {
            payload = try read(payloadLayout)
        } else {
            payload = nil
        }
        switch variant.form {
        case .variant: return .variant(caseIndex: UInt32(index), payload: payload)
        case .enumeration: return .enum(caseIndex: UInt32(index))
        case .option: return .option(payload)
        case .result: return index == 0 ? .ok(payload) : .error(payload)
        }
    }
}
