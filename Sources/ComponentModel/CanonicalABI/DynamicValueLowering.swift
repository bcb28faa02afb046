/// Lowering from the dynamic value model, following a type's layout. A value whose shape
/// does not match the type is `valueDoesNotMatchType`, never a crash.
extension CanonicalWriter {
    /// What lowers `arguments` as the parameters of `signature` (a `GuestCall`'s
    /// `lowerArguments`); the caller has checked the count.
    public static func lowering(
        _ arguments: [ComponentValue], as signature: CanonicalSignature
    ) -> (inout CanonicalWriter) throws(CanonicalABIError) -> Void {
        let parameters = signature.parameters
        return { (writer: inout CanonicalWriter) throws(CanonicalABIError) in
            for (argument, layout) in zip(arguments, parameters) { try writer.write(argument, as: layout) }
        }
    }

    /// Lowers `value` as the type `layout` describes.
    mutating func write(_ value: ComponentValue, as layout: CanonicalTypeLayout) throws(CanonicalABIError) {
        try extent(size: layout.size, alignment: layout.alignment, flatCount: layout.flatTypes.count) {
            (writer: inout CanonicalWriter) throws(CanonicalABIError) in
            try writer.writeContents(value, layout)
        }
    }

    private mutating func writeContents(_ value: ComponentValue, _ layout: CanonicalTypeLayout) throws(CanonicalABIError) {
        switch (layout.shape, value) {
        case (.bool, .bool(let v)): try writeBool(v)
        case (.s8, .s8(let v)): try writeInteger(v)
        case (.u8, .u8(let v)): try writeInteger(v)
        case (.s16, .s16(let v)): try writeInteger(v)
        case (.u16, .u16(let v)): try writeInteger(v)
        case (.s32, .s32(let v)): try writeInteger(v)
        case (.u32, .u32(let v)): try writeInteger(v)
        case (.s64, .s64(let v)): try writeInteger(v)
        case (.u64, .u64(let v)): try writeInteger(v)
        case (.f32, .f32(let v)): try writeFloat32(v)
        case (.f64, .f64(let v)): try writeFloat64(v)
        case (.char, .char(let v)): try writeInteger(v.value)
        case (.string, .string(let v)): try writeString(v)
        case (.list(let element), _): try writeList(value, of: element, type: layout.type)
        case (.record(let fields, false), .record(let values)): try writeFields(values, fields, type: layout.type)
        case (.record(let fields, true), .tuple(let values)): try writeFields(values, fields, type: layout.type)
        case (.variant(let variant), _): try writeVariant(value, variant, type: layout.type)
        case (.flags(let count), .flags(let flags)):
            guard flags.count == count else { throw mismatch(value, layout.type) }
            var bits: UInt32 = 0
            for (index, isSet) in flags.enumerated() where isSet { bits |= 1 << UInt32(index) }
            try writeFlagBits(bits, count: count)
        case (.own(let resource), .own(let representation)): try writeOwn(representation, resource)
        case (.borrow(let resource), .borrow(let representation)): try writeBorrow(representation, resource)
        default: throw mismatch(value, layout.type)
        }
    }

    private mutating func writeList(_ value: ComponentValue, of element: CanonicalTypeLayout, type: ComponentValueType) throws(CanonicalABIError) {
        switch value {
        case .bytes(let bytes):
            guard case .u8 = element.shape else { throw mismatch(value, type) }
            try writeBytes(bytes)
        case .list(let values):
            let begin = try writeListRange(count: values.count, elementSize: element.size, alignment: element.alignment)
            try CanonicalWriter.writeElements(values, begin: begin, elementSize: element.size, context: context) {
                (writer: inout CanonicalWriter, value: ComponentValue) throws(CanonicalABIError) in
                try writer.write(value, as: element)
            }
        default:
            throw mismatch(value, type)
        }
    }

    private mutating func writeFields(
        _ values: [ComponentValue], _ fields: [CanonicalTypeLayout], type: ComponentValueType
    ) throws(CanonicalABIError) {
        guard values.count == fields.count else {
            throw .valueDoesNotMatchType("\(values.count) values for the \(fields.count) fields of \(type)")
        }
        for (value, field) in zip(values, fields) { try write(value, as: field) }
    }

    private mutating func writeVariant(
        _ value: ComponentValue, _ variant: CanonicalTypeLayout.VariantLayout, type: ComponentValueType
    ) throws(CanonicalABIError) {
        let index: Int
        let payload: ComponentValue?
        switch (variant.form, value) {
        case (.variant, .variant(let caseIndex, let casePayload)): (index, payload) = (Int(caseIndex), casePayload)
        case (.enumeration, .enum(let caseIndex)): (index, payload) = (Int(caseIndex), nil)
        case (.option, .option(let some)): (index, payload) = (some == nil ? 0 : 1, some)
        case (.result, .ok(let ok)): (index, payload) = (0, ok)
        case (.result, .error(let error)): (index, payload) = (1, error)
        default: throw mismatch(value, type)
        }
        guard index < variant.cases.count else { throw mismatch(value, type) }
        try writeDiscriminant(index, caseCount: variant.cases.count, payloadOffset: variant.payloadOffset)
        switch (variant.cases[index], payload) {
        case (let layout?, let payload?): try write(payload, as: layout)
        case (nil, nil): break
        default: throw mismatch(value, type)
        }
    }

    private func mismatch(_ value: ComponentValue, _ type: ComponentValueType) -> CanonicalABIError {
        .valueDoesNotMatchType("a \(value.caseName) value is not a \(type)")
    }
}

extension ComponentValue {
    /// The value's case, for messages (without its possibly large contents).
    var caseName: String {
        switch self {
        case .bool: return "bool"
        case .s8: return "s8"
        case .u8: return "u8"
        case .s16: return "s16"
        case .u16: return "u16"
        case .s32: return "s32"
        case .u32: return "u32"
        case .s64: return "s64"
        case .u64: return "u64"
        case .f32: return "f32"
        case .f64: return "f64"
        case .char: return "char"
        case .string: return "string"
        case .list: return "list"
        case .bytes: return "bytes"
        case .record: return "record"
        case .tuple: return "tuple"
        case .variant(let index, _): return "variant case \(index)"
        case .enum(let index): return "enum case \(index)"
        case .option: return "option"
        case .ok: return "ok"
        case .error: return "error"
        case .flags(let flags): return "flags(\(flags.count))"
        case .own: return "own"
        case .borrow: return "borrow"
        }
    }
}
