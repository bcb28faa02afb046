import ComponentModel

/// Stand-in implementations of every function a component imports, which record what the
/// guest asked (for `theater component call`, to compare runs with another runtime).
///
/// An import returns its first argument when that has the result's type; otherwise a
/// fixed stub value of the result type: `true`, 42, 0.5, '✓', "stub ✓ 😀", a list of one
/// stub element, the first variant or enum case, `some`, `ok`, every flag set, and for an
/// `own` resource a new host resource (representations 1, 2, ... per session). Dropping a
/// host resource is recorded too.
final class StubHostImports: @unchecked Sendable {
    /// What the guest did since the last `takeEvents()`, as JSON objects.
    private var events: [String] = []
    private var lastRepresentation: UInt32 = 0

    /// Import definitions for `component` that report to this recorder.
    func imports(for component: LoadedComponent) -> ComponentImports {
        var imports = ComponentImports()
        for function in component.importedFunctions {
            let name = function.interface.map { "\($0)#\(function.name)" } ?? function.name
            imports.define(interface: function.interface, function: function.name) { [self] arguments in
                try record(call: name, type: function.type, arguments)
                if let result = function.type.result {
                    if let first = function.type.parameterTypes.first, first == result, let argument = arguments.first {
                        return [argument]
                    }
                    return [try stubValue(result)]
                }
                return []
            }
            guard let interface = function.interface else { continue }
            // Resources the import's signature mentions; defining a destructor for a
            // name that is not a resource of the interface does nothing.
            for resource in resources(in: function.type) {
                imports.defineResource(interface: interface, name: resource.name) { [self] representation in
                    // By name alone: an interface that `use`s another's resource names it too.
                    events.append(JSONText.object([("drop", JSONText.quoted(resource.name)), ("rep", String(representation))]))
                }
            }
        }
        return imports
    }

    func takeEvents() -> [String] {
        defer { events = [] }
        return events
    }

    private func record(call name: String, type: ComponentFunctionType, _ arguments: [ComponentValue]) throws {
        var texts: [String] = []
        for (argument, parameterType) in zip(arguments, type.parameterTypes) {
            texts.append(try ComponentValueJSON.text(argument, parameterType, .hostRepresentations))
        }
        events.append(JSONText.object([("import", JSONText.quoted(name)), ("arguments", JSONText.array(texts))]))
    }

    private func stubValue(_ type: ComponentValueType) throws(CommandLineError) -> ComponentValue {
        switch type {
        case .bool: return .bool(true)
        case .s8: return .s8(42)
        case .u8: return .u8(42)
        case .s16: return .s16(42)
        case .u16: return .u16(42)
        case .s32: return .s32(42)
        case .u32: return .u32(42)
        case .s64: return .s64(42)
        case .u64: return .u64(42)
        case .f32: return .f32(0.5)
        case .f64: return .f64(0.5)
        case .char: return .char("✓")
        case .string: return .string("stub ✓ 😀")
        case .list(let element): return .list([try stubValue(element)])
        case .record(let fields): return .record(try fields.map { field throws(CommandLineError) in try stubValue(field.type) })
        case .tuple(let types): return .tuple(try types.map { element throws(CommandLineError) in try stubValue(element) })
        case .variant(let cases): return .variant(caseIndex: 0, payload: try cases.first?.payload.map(stubValue))
        case .enum: return .enum(caseIndex: 0)
        case .option(let payload): return .option(try stubValue(payload))
        case .result(let ok, _): return .ok(try ok.map(stubValue))
        case .flags(let names): return .flags(names.map { _ in true })
        case .own:
            lastRepresentation &+= 1
            return .own(lastRepresentation)
        case .borrow: throw .failure("an import cannot return a borrowed handle")
        }
    }

    private func resources(in type: ComponentFunctionType) -> [ResourceType] {
        var found: [ResourceType] = []
        for valueType in type.parameterTypes + (type.result.map { [$0] } ?? []) { collectResources(valueType, into: &found) }
        return found
    }

    private func collectResources(_ type: ComponentValueType, into found: inout [ResourceType]) {
        switch type {
        case .own(let resource), .borrow(let resource):
            if !found.contains(resource) { found.append(resource) }
        case .list(let element), .option(let element):
            collectResources(element, into: &found)
        case .record(let fields):
            for field in fields { collectResources(field.type, into: &found) }
        case .tuple(let elements):
            for element in elements { collectResources(element, into: &found) }
        case .variant(let cases):
            for payload in cases.compactMap(\.payload) { collectResources(payload, into: &found) }
        case .result(let ok, let error):
            for payload in [ok, error].compactMap({ $0 }) { collectResources(payload, into: &found) }
        default:
            break
        }
    }
}
