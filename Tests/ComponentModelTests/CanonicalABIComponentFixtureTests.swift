import Foundation
import Testing
@testable import ComponentModel
import WasmInterp

/// The canonical ABI against guests written independently of it: the core modules inside
/// the component fixtures `echo.wasm` and `strings-*.wasm` (hand-written against
/// CanonicalABI.md, and run under wasmtime by Fixtures/build.sh).
@Suite struct CanonicalABIComponentFixtureTests {
    /// The first core module embedded in a component fixture, instantiated.
    private static func coreInstance(_ name: String, imports: Imports = Imports()) throws -> ModuleInstance {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/components/\(name).wasm")
        let component = try Component(bytes: [UInt8](Data(contentsOf: url)))
        for case .coreModule(let module) in component.definitions {
            return try Store().instantiate(module, imports: imports)
        }
        throw CanonicalABIError.invalidCallState("\(name) has no core module")
    }

    private struct Echo {
        let instance: ModuleInstance
        let state: ComponentInstanceState
        let options: CanonicalOptions

        init() throws {
            instance = try coreInstance("echo")
            state = ComponentInstanceState(store: instance.store)
            options = CanonicalOptions(memory: instance.memories.first, realloc: instance.exportedFunction("cabi_realloc"))
        }

        func call(_ name: String, _ type: ComponentFunctionType, _ arguments: [ComponentValue]) throws -> ComponentValue? {
            guard let function = instance.exportedFunction("test:echo/echo#\(name)") else {
                throw CanonicalABIError.invalidCallState("no export \(name)")
            }
            var options = self.options
            options.postReturn = instance.exportedFunction("cabi_post_test:echo/echo#\(name)")
            return try GuestCall(
                function: function, signature: CanonicalSignature(type), options: options, instance: state,
                arguments: arguments
            ).complete()
        }

        func expectEcho(_ name: String, _ type: ComponentValueType, _ value: ComponentValue,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
            let result = try call(name, ComponentFunctionType(parameters: [("v", type)], result: type), [value])
            #expect(result == value, "\(name)", sourceLocation: sourceLocation)
        }
    }

    private static let point = ComponentValueType.record([.init(name: "x", type: .s32), .init(name: "y", type: .s32)])

    @Test func everyEchoFunctionReturnsItsArgument() throws {
        let echo = try Echo()
        try echo.expectEcho("echo-bool", .bool, .bool(true))
        try echo.expectEcho("echo-s8", .s8, .s8(-100))
        try echo.expectEcho("echo-u8", .u8, .u8(200))
        try echo.expectEcho("echo-s16", .s16, .s16(-30000))
        try echo.expectEcho("echo-u16", .u16, .u16(60000))
        try echo.expectEcho("echo-s32", .s32, .s32(-2_000_000_000))
        try echo.expectEcho("echo-u32", .u32, .u32(4_000_000_000))
        try echo.expectEcho("echo-s64", .s64, .s64(.min))
        try echo.expectEcho("echo-u64", .u64, .u64(.max))
        try echo.expectEcho("echo-f32", .f32, .f32(3.5))
        try echo.expectEcho("echo-f64", .f64, .f64(-2.25))
        try echo.expectEcho("echo-char", .char, .char("ß"))
        try echo.expectEcho("echo-string", .string, .string("héllo 😀"))
        try echo.expectEcho("echo-name", .string, .string("name"))
        try echo.expectEcho("echo-list-u8", .list(.u8), .bytes([1, 2, 3]))
        try echo.expectEcho("echo-list-u32", .list(.u32), .list([.u32(1), .u32(.max)]))
        try echo.expectEcho("echo-list-string", .list(.string), .list([.string("a"), .string(""), .string("ccc")]))
        try echo.expectEcho("echo-point", Self.point, .record([.s32(-1), .s32(2)]))
        let person = ComponentValueType.record([
            .init(name: "name", type: .string), .init(name: "age", type: .u8), .init(name: "tags", type: .list(.string)),
        ])
        try echo.expectEcho("echo-person", person, .record([.string("Ada"), .u8(36), .list([.string("math")])]))
        try echo.expectEcho(
            "echo-tuple", .tuple([.u8, .string, .f64]), .tuple([.u8(1), .string("two"), .f64(3.0)]))
        let shape = ComponentValueType.variant([
            .init(name: "circle", payload: .f32), .init(name: "rectangle", payload: Self.point),
            .init(name: "empty", payload: nil),
        ])
        try echo.expectEcho("echo-shape", shape, .variant(caseIndex: 0, payload: .f32(1.5)))
        try echo.expectEcho("echo-shape", shape, .variant(caseIndex: 1, payload: .record([.s32(3), .s32(4)])))
        try echo.expectEcho("echo-shape", shape, .variant(caseIndex: 2, payload: nil))
        try echo.expectEcho("echo-color", .enum(["red", "green", "blue"]), .enum(caseIndex: 1))
        try echo.expectEcho("echo-permissions", .flags(["read", "write", "execute"]), .flags([true, false, true]))
        try echo.expectEcho(
            "echo-wide-flags", .flags((0..<20).map { "f\($0)" }), .flags((0..<20).map { $0.isMultiple(of: 7) }))
        try echo.expectEcho("echo-option", .option(.u32), .option(.u32(5)))
        try echo.expectEcho("echo-option", .option(.u32), .option(nil))
        try echo.expectEcho("echo-option-string", .option(.string), .option(.string("some")))
        try echo.expectEcho("echo-result", .result(ok: .u32, error: .string), .ok(.u32(7)))
        try echo.expectEcho("echo-result", .result(ok: .u32, error: .string), .error(.string("bad")))
        try echo.expectEcho("echo-result-empty", .result(ok: nil, error: nil), .error(nil))
        try echo.expectEcho(
            "echo-nested", .list(.option(Self.point)), .list([.option(.record([.s32(1), .s32(2)])), .option(nil)]))
    }

    @Test func spilledParametersAndResultsMatchTheGuestsLayout() throws {
        let echo = try Echo()
        let sumType = ComponentFunctionType(
            parameters: (1...16).map { ("a\($0)", ComponentValueType.u32) } + [("a17", .u64)], result: .u64)
        let sum = try echo.call("sum-many", sumType, (1...16).map { .u32(UInt32($0)) } + [.u64(1 << 40)])
        #expect(sum == .u64(136 + (1 << 40)))

        let types: [ComponentValueType] = [
            .u8, .s16, .u32, .u64, .f32, .f64, .string, .list(.u8), .option(.u32), Self.point, .char, .string,
        ]
        let values: [ComponentValue] = [
            .u8(1), .s16(-2), .u32(3), .u64(4), .f32(5.5), .f64(6.25), .string("seven"), .bytes([8]),
            .option(.u32(9)), .record([.s32(10), .s32(11)]), .char("🎉"), .string("twelve"),
        ]
        let manyType = ComponentFunctionType(
            parameters: types.enumerated().map { ("p\($0.offset)", $0.element) }, result: .tuple(types))
        #expect(try echo.call("echo-many", manyType, values) == .tuple(values))
    }

    @Test func postReturnFunctionsOfTheGuestRun() throws {
        let echo = try Echo()
        let countType = ComponentFunctionType(parameters: [], result: .u32)
        #expect(try echo.call("post-return-count", countType, []) == .u32(0))
        try echo.expectEcho("echo-string", .string, .string("one"))
        try echo.expectEcho("echo-list-string", .list(.string), .list([.string("two")]))
        #expect(try echo.call("post-return-count", countType, []) == .u32(2))
    }

    @Test func stringsRoundTripThroughGuestsOfEachEncoding() throws {
        let fixtures: [(String, CanonicalStringEncoding)] = [
            ("strings-utf8", .utf8), ("strings-utf16", .utf16), ("strings-latin1", .latin1UTF16),
        ]
        for (name, encoding) in fixtures {
            let binding = LateBoundFunction()
            var imports = Imports()
            imports.define(module: "host", name: "greeting", HostFunction(type: FunctionType(parameters: [.i32], results: [])) {
                caller, arguments in try binding.call(caller, arguments)
            })
            let instance = try Self.coreInstance(name, imports: imports)
            let state = ComponentInstanceState(store: instance.store)
            let options = CanonicalOptions(
                stringEncoding: encoding, memory: instance.memories.first, realloc: instance.exportedFunction("cabi_realloc"))
            binding.function = try HostFunction.lowered(
                signature: CanonicalSignature(ComponentFunctionType(parameters: [], result: .string)),
                options: options, instance: state
            ) { _ in .value(.string("grüße aus 🦀")) }
            func call(_ export: String, _ parameters: [ComponentValueType], _ result: ComponentValueType,
                      _ arguments: [ComponentValue]) throws -> ComponentValue? {
                guard let function = instance.exportedFunction("test:strings/text#\(export)") else {
                    throw CanonicalABIError.invalidCallState("no export \(export)")
                }
                let type = ComponentFunctionType(
                    parameters: parameters.enumerated().map { ("p\($0.offset)", $0.element) }, result: result)
                return try GuestCall(
                    function: function, signature: CanonicalSignature(type), options: options, instance: state,
                    arguments: arguments
                ).complete()
            }
            for text in ["", "plain", "café", "✓ ok", "😀"] {
                #expect(try call("echo", [.string], .string, [.string(text)]) == .string(text), "\(name): \(text)")
            }
            #expect(try call("greeting", [], .string, []) == .string("héllo wörld"), "\(name)")
            #expect(try call("check-mark", [], .string, []) == .string("✓ done"), "\(name)")
            #expect(try call("call-host", [], .string, []) == .string("grüße aus 🦀"), "\(name)")
            // The length the guest sees: UTF-8 bytes, UTF-16 units, or Latin-1 bytes / tagged units.
            let expectedUnits: UInt32 = switch encoding {
            case .utf8: 5
            case .utf16: 4
            case .latin1UTF16: 4
            }
            #expect(try call("code-units", [.string], .u32, [.string("café")]) == .u32(expectedUnits), "\(name)")
            if encoding == .latin1UTF16 {
                #expect(try call("code-units", [.string], .u32, [.string("a€")]) == .u32(2 | 0x8000_0000))
            }
        }
    }

    /// The host side of `test:resources/host-log`: loggers by representation.
    private final class HostLoggers: @unchecked Sendable {
        var prefixes: [UInt32: String] = [:]
        var lines: [String] = []
        var counts: [UInt32: UInt32] = [:]
        var nextRepresentation: UInt32 = 100
        var dropped: [UInt32] = []
    }

    @Test func guestAndHostResourcesFollowTheirOwnershipRules() throws {
        let logger = ResourceType(id: 1, name: "logger")
        let counter = ResourceType(id: 2, name: "counter")
        let bindings: [String: LateBoundFunction] = [
            "[constructor]logger": LateBoundFunction(), "[method]logger.log": LateBoundFunction(),
            "[method]logger.count": LateBoundFunction(), "[resource-drop]logger": LateBoundFunction(),
            "[resource-new]counter": LateBoundFunction(), "[resource-rep]counter": LateBoundFunction(),
            "[resource-drop]counter": LateBoundFunction(),
        ]
        let coreTypes: [String: FunctionType] = [
            "[constructor]logger": FunctionType(parameters: [.i32, .i32], results: [.i32]),
            "[method]logger.log": FunctionType(parameters: [.i32, .i32, .i32], results: []),
            "[method]logger.count": FunctionType(parameters: [.i32], results: [.i32]),
            "[resource-drop]logger": FunctionType(parameters: [.i32], results: []),
            "[resource-new]counter": FunctionType(parameters: [.i32], results: [.i32]),
            "[resource-rep]counter": FunctionType(parameters: [.i32], results: [.i32]),
            "[resource-drop]counter": FunctionType(parameters: [.i32], results: []),
        ]
        var imports = Imports()
        for (name, binding) in bindings {
            let module = name.hasSuffix("counter") ? "[export]test:resources/counters" : "test:resources/host-log"
            guard let type = coreTypes[name] else { continue }
            imports.define(module: module, name: name, HostFunction(type: type) { caller, arguments in
                try binding.call(caller, arguments)
            })
        }
        let instance = try Self.coreInstance("resources", imports: imports)
        let state = ComponentInstanceState(store: instance.store)
        state.defineResource(counter)
        let options = CanonicalOptions(memory: instance.memories.first, realloc: instance.exportedFunction("cabi_realloc"))
        let loggers = HostLoggers()
        func lower(_ name: String, _ parameters: [ComponentValueType], _ result: ComponentValueType?,
                   _ implementation: @escaping @Sendable ([ComponentValue]) throws -> HostCallResult) throws {
            let type = ComponentFunctionType(
                parameters: parameters.enumerated().map { ("p\($0.offset)", $0.element) }, result: result)
            bindings[name]?.function = try HostFunction.lowered(
                signature: CanonicalSignature(type), options: options, instance: state, implementation: implementation)
        }
        try lower("[constructor]logger", [.string], .own(logger)) { arguments in
            guard case .string(let prefix)? = arguments.first else { return .value(nil) }
            let representation = loggers.nextRepresentation
            loggers.nextRepresentation += 1
            loggers.prefixes[representation] = prefix
            return .value(.own(representation))
        }
        try lower("[method]logger.log", [.borrow(logger), .string], nil) { arguments in
            guard case .borrow(let representation) = arguments[0], case .string(let message) = arguments[1] else {
                return .value(nil)
            }
            loggers.lines.append("\(loggers.prefixes[representation] ?? "?"): \(message)")
            loggers.counts[representation, default: 0] += 1
            return .value(nil)
        }
        try lower("[method]logger.count", [.borrow(logger)], .u32) { arguments in
            guard case .borrow(let representation)? = arguments.first else { return .value(nil) }
            return .value(.u32(loggers.counts[representation] ?? 0))
        }
        bindings["[resource-drop]logger"]?.function = ResourceBuiltins.drop(logger, instance: state) { representation, _ in
            loggers.dropped.append(representation)
        }
        guard let counterDestructor = instance.exportedFunction("test:resources/counters#[dtor]counter") else {
            Issue.record("no destructor"); return
        }
        let destroyCounter = ResourceBuiltins.guestDestructor(counterDestructor, implementedBy: state)
        bindings["[resource-new]counter"]?.function = ResourceBuiltins.new(counter, instance: state)
        bindings["[resource-rep]counter"]?.function = ResourceBuiltins.rep(counter, instance: state)
        bindings["[resource-drop]counter"]?.function = ResourceBuiltins.drop(counter, instance: state, destructor: destroyCounter)

        func call(_ export: String, _ parameters: [ComponentValueType], _ result: ComponentValueType?,
                  _ arguments: [ComponentValue]) throws -> ComponentValue? {
            guard let function = instance.exportedFunction("test:resources/counters#\(export)") else {
                throw CanonicalABIError.invalidCallState("no export \(export)")
            }
            let type = ComponentFunctionType(
                parameters: parameters.enumerated().map { ("p\($0.offset)", $0.element) }, result: result)
            return try GuestCall(
                function: function, signature: CanonicalSignature(type), options: options, instance: state,
                arguments: arguments
            ).complete()
        }

        guard case .own(let first)? = try call("[constructor]counter", [.u32], .own(counter), [.u32(5)]),
              case .own(let second)? = try call("[constructor]counter", [.u32], .own(counter), [.u32(10)])
        else { Issue.record("constructors did not return owned counters"); return }
        // The owned handles moved out to the host: the guest's table is empty again.
        #expect(state.handles.count == 0)
        _ = try call("[method]counter.increment", [.borrow(counter), .u32], nil, [.borrow(first), .u32(2)])
        #expect(try call("[method]counter.get", [.borrow(counter)], .u32, [.borrow(first)]) == .u32(7))
        guard case .own(let merged)? = try call(
            "[static]counter.merge", [.borrow(counter), .borrow(counter)], .own(counter), [.borrow(first), .borrow(second)])
        else { Issue.record("merge did not return a counter"); return }
        #expect(try call("[method]counter.get", [.borrow(counter)], .u32, [.borrow(merged)]) == .u32(17))
        #expect(try call("live-count", [], .u32, []) == .u32(3))
        // The host drops a counter it owns: the guest's destructor runs.
        try destroyCounter(merged, nil)
        #expect(try call("live-count", [], .u32, []) == .u32(2))

        #expect(try call("use-logger", [.string, .string], .u32, [.string("app"), .string("started")]) == .u32(1))
        #expect(loggers.lines == ["app: started"])
        #expect(loggers.dropped == [100])
        #expect(state.handles.count == 0)
    }

    private final class LateBoundFunction: @unchecked Sendable {
        var function: HostFunction?

        func call(_ caller: Caller, _ arguments: [Value]) throws -> HostResult {
            guard let function else { throw CanonicalABIError.invalidCallState("not bound yet") }
            return try function.body(caller, arguments)
        }
    }
}
