import Testing
@testable import ComponentModel

/// Resolution of the fixtures' types into `ComponentValueType` and `ComponentFunctionType`.
@Suite struct TypeResolutionTests {
    /// The function types an instance the component imports or exports has, by name.
    private func functionTypes(
        _ fixture: String, _ interface: String, exported: Bool = true
    ) throws -> [String: ComponentFunctionType] {
        let (arena, resolved) = try TypeResolver.resolve(ComponentFixtures.decode(fixture))
        guard case .component(let component) = arena[resolved.typeID] else { throw ComponentTypeError("no type") }
        let items = exported ? component.exports : component.imports
        guard case .instance(let id)? = items.first(where: { $0.name.name == interface })?.type,
              case .instance(let instance) = arena[arena.unaliased(id)]
        else { throw ComponentTypeError("no instance \(interface)") }
        var types: [String: ComponentFunctionType] = [:]
        for (name, type) in instance.exports {
            if case .function(let function) = type { types[name.name] = try arena.functionType(function) }
        }
        return types
    }

    private let point = ComponentValueType.record([.init(name: "x", type: .s32), .init(name: "y", type: .s32)])

    @Test func everyValueTypeOfTheEchoInterfaceResolves() throws {
        let types = try functionTypes("echo", "test:echo/echo")
        let expected: [String: ComponentValueType] = [
            "echo-bool": .bool, "echo-s8": .s8, "echo-u8": .u8, "echo-s16": .s16, "echo-u16": .u16,
            "echo-s32": .s32, "echo-u32": .u32, "echo-s64": .s64, "echo-u64": .u64, "echo-f32": .f32,
            "echo-f64": .f64, "echo-char": .char, "echo-string": .string, "echo-name": .string,
            "echo-list-u8": .list(.u8), "echo-list-u32": .list(.u32), "echo-list-string": .list(.string),
            "echo-point": point,
            "echo-person": .record([
                .init(name: "name", type: .string), .init(name: "age", type: .u8),
                .init(name: "tags", type: .list(.string)),
            ]),
            "echo-tuple": .tuple([.u8, .string, .f64]),
            "echo-shape": .variant([
                .init(name: "circle", payload: .f32), .init(name: "rectangle", payload: point),
                .init(name: "empty", payload: nil),
            ]),
            "echo-color": .enum(["red", "green", "blue"]),
            "echo-permissions": .flags(["read", "write", "execute"]),
            "echo-wide-flags": .flags((0..<20).map { "f\($0)" }),
            "echo-option": .option(.u32),
            "echo-option-string": .option(.string),
            "echo-result": .result(ok: .u32, error: .string),
            "echo-result-empty": .result(ok: nil, error: nil),
            "echo-nested": .list(.option(point)),
        ]
        for (name, type) in expected {
            let function = try #require(types[name], "missing \(name)")
            #expect(function.parameterNames == ["v"], "\(name)")
            #expect(function.parameterTypes == [type], "\(name)")
            #expect(function.result == type, "\(name)")
        }
    }

    @Test func manyParametersAndTupleResultsResolveInOrder() throws {
        let types = try functionTypes("echo", "test:echo/echo")
        let sum = try #require(types["sum-many"])
        #expect(sum.parameterNames == (1...17).map { "a\($0)" })
        #expect(sum.parameterTypes == Array(repeating: .u32, count: 16) + [.u64])
        #expect(sum.result == .u64)
        let many = try #require(types["echo-many"])
        let manyTypes: [ComponentValueType] = [.u8, .s16, .u32, .u64, .f32, .f64, .string, .list(.u8), .option(.u32), point, .char, .string]
        #expect(many.parameterTypes == manyTypes)
        #expect(many.result == .tuple(manyTypes))
        #expect(types["post-return-count"]?.parameterTypes.isEmpty == true)
    }

    @Test func importedAndExportedInterfacesOfTheForwarderAgree() throws {
        let imported = try functionTypes("echo-forward", "test:echo/echo", exported: false)
        let exported = try functionTypes("echo-forward", "test:echo/echo")
        #expect(imported.count == 32)
        #expect(imported == exported)
    }

    @Test func actorFunctionsResolveToTheTheaterSignatures() throws {
        let state = ComponentValueType.option(.list(.u8))
        let init_ = try #require(try functionTypes("actor-counter", "theater:simple/actor")["init"])
        #expect(init_.parameterNames == ["state", "params"])
        #expect(init_.parameterTypes == [state, .tuple([.string])])
        #expect(init_.result == .result(ok: .tuple([state]), error: .string))
        let client = try functionTypes("actor-counter", "theater:simple/message-server-client")
        let accept = ComponentValueType.record([.init(name: "accepted", type: .bool), .init(name: "message", type: state)])
        #expect(client["handle-channel-open"]?.result == .result(ok: .tuple([state, .tuple([accept])]), error: .string))
        let send = try #require(try functionTypes("actor-counter", "theater:simple/message-server-host", exported: false)["send"])
        #expect(send.parameterTypes == [.string, .list(.u8)])
        #expect(send.result == .result(ok: nil, error: .string))
    }

    @Test func resourceHandlesResolveToOneResourceTypePerDefinition() throws {
        let counters = try functionTypes("resources", "test:resources/counters")
        let constructor = try #require(counters["[constructor]counter"])
        guard case .own(let counter)? = constructor.result else {
            Issue.record("constructor result \(String(describing: constructor.result))")
            return
        }
        #expect(counter.name == "counter")
        #expect(counters["[method]counter.get"]?.parameterTypes == [.borrow(counter)])
        #expect(counters["[static]counter.merge"]?.parameterTypes == [.borrow(counter), .borrow(counter)])
        #expect(counters["[static]counter.merge"]?.result == .own(counter))

        let log = try functionTypes("resources", "test:resources/host-log", exported: false)
        guard case .own(let logger)? = log["[constructor]logger"]?.result else {
            Issue.record("no logger constructor")
            return
        }
        #expect(logger.name == "logger")
        #expect(logger != counter)
        #expect(log["[method]logger.log"]?.parameterTypes == [.borrow(logger), .string])
    }

    @Test func outOfRangeIndicesAreTypeErrors() throws {
        // A type section with `(list 5)` where type 5 does not exist.
        let bytes: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00, 7, 3, 1, 0x70, 0x05]
        #expect(throws: ComponentTypeError.self) { try TypeResolver.resolve(Component(bytes: bytes)) }
    }

    @Test func exponentialTypesAreRefusedWhenExpanded() throws {
        // type 0 = tuple<u8, u8>, type i = tuple<i-1, i-1>: 2^40 nodes when expanded.
        var types: [UInt8] = [0x6F, 2, 0x7D, 0x7D]
        for index in 0..<40 { types += [0x6F, 2, UInt8(index), UInt8(index)] }
        let section: [UInt8] = [41] + types
        let bytes: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00, 7, UInt8(section.count & 0x7F) | 0x80, UInt8(section.count >> 7)] + section
        let (arena, resolved) = try TypeResolver.resolve(Component(bytes: bytes))
        let last = try #require(resolved.scope.types.last)
        #expect(throws: ComponentTypeError.self) { try arena.valueType(.defined(last)) }
    }

    @Test func exponentialTypesPrintInBoundedTime() throws {
        // As above, then `(import "f" (func (param "p" 40)))`: the printer must not expand it.
        var types: [UInt8] = [0x6F, 2, 0x7D, 0x7D]
        for index in 0..<40 { types += [0x6F, 2, UInt8(index), UInt8(index)] }
        types += [0x40, 1, 1, 0x70, 40, 0x01, 0x00]
        let section: [UInt8] = [42] + types
        let importSection: [UInt8] = [1, 0x00, 1, 0x66, 0x01, 41]
        let bytes: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00,
                              7, UInt8(section.count & 0x7F) | 0x80, UInt8(section.count >> 7)] + section
            + [10, UInt8(importSection.count)] + importSection
        let text = try WITPrinter.print(Component(bytes: bytes))
        #expect(text.contains("import f: func(p: tuple<"))
        #expect(text.contains("…"))
        #expect(text.utf8.count < 3 * WITTextWriter.typeTextLimit)
    }
}
