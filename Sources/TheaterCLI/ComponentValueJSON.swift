import ComponentModel

/// Component values as JSON, directed by their type (the spelling `theater component call`
/// documents): integers and floats as numbers (floats may also be strings such as "nan"
/// on input), chars and strings as strings, lists and tuples as arrays, records as
/// objects, a variant case as `{"NAME": payload-or-null}`, an enum case by name, an option
/// as `null` or `{"some": v}`, a result as `{"ok": v}` / `{"err": v}`, flags as the list
/// of names set, resources as `{"handle": k}` (see `SessionHandles`) or, for resources
/// the host implements, `{"host-resource": rep}` (always so in import arguments).
enum ComponentValueJSON {
    /// Where resources come from and go: a session's handles (export arguments and
    /// results), or the host's own representations (import arguments).
    enum Resources {
        case handles(SessionHandles)
        case hostRepresentations
    }

    static func text(_ value: ComponentValue, _ type: ComponentValueType, _ resources: Resources) throws(CommandLineError) -> String {
        if let scalar = scalarText(value, type) { return scalar }
        switch (type, value) {
        case (.list(let element), .list(let elements)):
            return JSONText.array(try elements.map { item throws(CommandLineError) in try text(item, element, resources) })
        case (.list(.u8), .bytes(let bytes)):
            return JSONText.array(bytes.map { String($0) })
        case (.record(let fields), .record(let values)) where fields.count == values.count:
            var members: [(String, String)] = []
            for (field, fieldValue) in zip(fields, values) { members.append((field.name, try text(fieldValue, field.type, resources))) }
            return JSONText.object(members)
        case (.tuple(let types), .tuple(let values)) where types.count == values.count:
            var elements: [String] = []
            for (elementType, element) in zip(types, values) { elements.append(try text(element, elementType, resources)) }
            return JSONText.array(elements)
        case (.variant(let cases), .variant(let index, let payload)) where Int(index) < cases.count:
            let variantCase = cases[Int(index)]
            return JSONText.object([(variantCase.name, try optionalText(payload, variantCase.payload, resources))])
        case (.enum(let names), .enum(let index)) where Int(index) < names.count:
            return JSONText.quoted(names[Int(index)])
        case (.option, .option(nil)):
            return "null"
        case (.option(let payloadType), .option(let payload?)):
            return JSONText.object([("some", try text(payload, payloadType, resources))])
        case (.result(let ok, _), .ok(let payload)):
            return JSONText.object([("ok", try optionalText(payload, ok, resources))])
        case (.result(_, let error), .error(let payload)):
            return JSONText.object([("err", try optionalText(payload, error, resources))])
        case (.flags(let names), .flags(let set)) where names.count == set.count:
            return JSONText.array(zip(names, set).filter(\.1).map { JSONText.quoted($0.0) })
        case (.own(let resource), .own(let representation)), (.borrow(let resource), .borrow(let representation)):
            return resourceText(resource, representation, resources)
        default:
            throw .failure("value \(value) does not have type \(type)")
        }
    }

    private static func scalarText(_ value: ComponentValue, _ type: ComponentValueType) -> String? {
        switch (type, value) {
        case (.bool, .bool(let value)): return value ? "true" : "false"
        case (.s8, .s8(let value)): return String(value)
        case (.u8, .u8(let value)): return String(value)
        case (.s16, .s16(let value)): return String(value)
        case (.u16, .u16(let value)): return String(value)
        case (.s32, .s32(let value)): return String(value)
        case (.u32, .u32(let value)): return String(value)
        case (.s64, .s64(let value)): return String(value)
        case (.u64, .u64(let value)): return String(value)
        case (.f32, .f32(let value)): return JSONText.number(Double(value))
        case (.f64, .f64(let value)): return JSONText.number(value)
        case (.char, .char(let value)): return JSONText.quoted(String(value))
        case (.string, .string(let value)): return JSONText.quoted(value)
        default: return nil
        }
    }

    private static func optionalText(
        _ payload: ComponentValue?, _ type: ComponentValueType?, _ resources: Resources
    ) throws(CommandLineError) -> String {
        guard let payload, let type else { return "null" }
        return try text(payload, type, resources)
    }

    private static func resourceText(_ resource: ResourceType, _ representation: UInt32, _ resources: Resources) -> String {
        switch resources {
        case .handles(let handles):
            return JSONText.object([("handle", String(handles.add(resource, representation: representation)))])
        case .hostRepresentations:
            return JSONText.object([("host-resource", String(representation))])
        }
    }

    // MARK: Reading

    static func value(_ json: JSONValue, _ type: ComponentValueType, _ handles: SessionHandles) throws(CommandLineError) -> ComponentValue {
        if let scalar = try scalarValue(json, type) { return scalar }
        switch (type, json) {
        case (.list(.u8), .array(let elements)):
            return .bytes(try elements.map { element throws(CommandLineError) in try integer(element, UInt8.self) })
        case (.list(let elementType), .array(let elements)):
            return .list(try elements.map { element throws(CommandLineError) in try value(element, elementType, handles) })
        case (.record(let fields), .object(let members)):
            return .record(try fields.map { field throws(CommandLineError) in
                guard let member = members[field.name] else { throw .failure("record has no field \(field.name)") }
                return try value(member, field.type, handles)
            })
        case (.tuple(let types), .array(let elements)) where types.count == elements.count:
            var values: [ComponentValue] = []
            for (elementType, element) in zip(types, elements) { values.append(try value(element, elementType, handles)) }
            return .tuple(values)
        case (.variant(let cases), .object(let members)) where members.count == 1:
            guard let (name, payload) = members.first, let index = cases.firstIndex(where: { $0.name == name }) else {
                throw .failure("no variant case \(members.keys.first ?? "")")
            }
            return .variant(caseIndex: UInt32(index), payload: try optionalValue(payload, cases[index].payload, handles))
        case (.enum(let names), .string(let name)):
            guard let index = names.firstIndex(of: name) else { throw .failure("no enum case \(name)") }
            return .enum(caseIndex: UInt32(index))
        case (.option, .null):
            return .option(nil)
        case (.option(let payloadType), .object(let members)):
            guard let payload = members["some"] else { throw .failure("an option is null or {\"some\": value}") }
            return .option(try value(payload, payloadType, handles))
        case (.result(let ok, let error), .object(let members)):
            if let payload = members["ok"] { return .ok(try optionalValue(payload, ok, handles)) }
            guard let payload = members["err"] else { throw .failure("a result is {\"ok\": v} or {\"err\": v}") }
            return .error(try optionalValue(payload, error, handles))
        case (.flags(let names), .array(let set)):
            let setNames = try set.map { name throws(CommandLineError) -> String in
                guard case .string(let name) = name, names.contains(name) else { throw .failure("no flag \(name)") }
                return name
            }
            return .flags(names.map { setNames.contains($0) })
        case (.own, .object(let members)) where members["host-resource"] != nil:
            return .own(try hostRepresentation(members))
        case (.borrow, .object(let members)) where members["host-resource"] != nil:
            return .borrow(try hostRepresentation(members))
        case (.own(let resource), .object(let members)):
            return .own(try handles.take(try handleNumber(members), of: resource))
        case (.borrow(let resource), .object(let members)):
            return .borrow(try handles.representation(try handleNumber(members), of: resource))
        default:
            throw .failure("\(json) is not a value of type \(type)")
        }
    }

    private static func scalarValue(_ json: JSONValue, _ type: ComponentValueType) throws(CommandLineError) -> ComponentValue? {
        switch (type, json) {
        case (.bool, .bool(let value)): return .bool(value)
        case (.s8, _): return .s8(try integer(json, Int8.self))
        case (.u8, _): return .u8(try integer(json, UInt8.self))
        case (.s16, _): return .s16(try integer(json, Int16.self))
        case (.u16, _): return .u16(try integer(json, UInt16.self))
        case (.s32, _): return .s32(try integer(json, Int32.self))
        case (.u32, _): return .u32(try integer(json, UInt32.self))
        case (.s64, _): return .s64(try integer(json, Int64.self))
        case (.u64, _): return .u64(try integer(json, UInt64.self))
        case (.f32, .string(let text)): return .f32(Float(try number(.string(text))))
        case (.f64, .string(let text)): return .f64(try number(.string(text)))
        case (.f32, _): return .f32(Float(try number(json)))
        case (.f64, _): return .f64(try number(json))
        case (.char, .string(let text)):
            guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first else { throw .failure("char \(text)") }
            return .char(scalar)
        case (.string, .string(let text)): return .string(text)
        default: return nil
        }
    }

    private static func optionalValue(
        _ json: JSONValue, _ type: ComponentValueType?, _ handles: SessionHandles
    ) throws(CommandLineError) -> ComponentValue? {
        guard let type else { return nil }
        return try value(json, type, handles)
    }

    /// An integer from a JSON number or a decimal string (64-bit values are strings, as
    /// not every JSON reader keeps them exact).
    private static func integer<Integer: FixedWidthInteger>(_ json: JSONValue, _ type: Integer.Type) throws(CommandLineError) -> Integer {
        let result: Integer?
        switch json {
        case .integer(let value): result = Integer(exactly: value)
        case .unsigned(let value): result = Integer(exactly: value)
        case .string(let text): result = Integer(text)
        default: result = nil
        }
        guard let result else { throw .failure("\(json) is not a \(Integer.self)") }
        return result
    }

    private static func number(_ json: JSONValue) throws(CommandLineError) -> Double {
        switch json {
        case .number(let value): return value
        case .string(let text):
            guard let value = Double(text) else { throw .failure("\"\(text)\" is not a number") }
            return value
        case .integer(let value): return Double(value)
        case .unsigned(let value): return Double(value)
        default: throw .failure("\(json) is not a number")
        }
    }

    private static func hostRepresentation(_ members: [String: JSONValue]) throws(CommandLineError) -> UInt32 {
        guard case .integer(let number)? = members["host-resource"], let representation = UInt32(exactly: number) else {
            throw .failure("a host resource is {\"host-resource\": rep}")
        }
        return representation
    }

    private static func handleNumber(_ members: [String: JSONValue]) throws(CommandLineError) -> Int {
        guard case .integer(let number)? = members["handle"], let handle = Int(exactly: number) else {
            throw .failure("a resource argument is {\"handle\": k}")
        }
        return handle
    }
}

/// The resources exports returned to the host in one session, numbered from 1 in the
/// order they appeared, so calls and drops can refer to them.
final class SessionHandles {
    private(set) var entries: [(resource: ResourceType, representation: UInt32, isLive: Bool)] = []

    /// Records a returned resource; its number.
    func add(_ resource: ResourceType, representation: UInt32) -> Int {
        entries.append((resource, representation, true))
        return entries.count
    }

    /// The representation of live handle `number`.
    func representation(_ number: Int, of resource: ResourceType) throws(CommandLineError) -> UInt32 {
        let index = number &- 1
        guard index >= 0, index < entries.count, entries[index].isLive else { throw .failure("no live handle \(number)") }
        guard entries[index].resource == resource else {
            throw .failure("handle \(number) is a \(entries[index].resource.name), not a \(resource.name)")
        }
        return entries[index].representation
    }

    /// The representation of live handle `number`, which is given away (moved or dropped).
    func take(_ number: Int, of resource: ResourceType) throws(CommandLineError) -> UInt32 {
        let representation = try representation(number, of: resource)
        entries[number - 1].isLive = false
        return representation
    }

    /// The resource type of live handle `number`.
    func resource(_ number: Int) throws(CommandLineError) -> ResourceType {
        let index = number &- 1
        guard index >= 0, index < entries.count, entries[index].isLive else { throw .failure("no live handle \(number)") }
        return entries[index].resource
    }
}
