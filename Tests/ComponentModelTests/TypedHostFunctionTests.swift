import Testing
import WasmInterp
@testable import ComponentModel

/// Host functions defined with typed arguments (`ComponentImports.define(…, typed:)`),
/// read straight from the calling guest.
@Suite struct TypedHostFunctionTests {
    private static let sendType = ComponentFunctionType(
        parameters: [("actor-id", .string), ("msg", .list(.u8))], result: .result(ok: nil, error: .string))

    private func imports(_ log: HostLog, send: ComponentFunctionType = sendType) -> ComponentImports {
        var imports = ComponentImports()
        imports.define(
            interface: "theater:simple/runtime", function: "log",
            type: ComponentFunctionType(parameters: [("msg", .string)], result: nil)
        ) { arguments in
            log.entries.append("log \(try arguments.next(String.self))")
            return .value(nil)
        }
        imports.define(interface: "theater:simple/message-server-host", function: "send", type: send) { arguments in
            let actor = try arguments.next(String.self)
            let message = try arguments.next([UInt8].self)
            log.entries.append("send \(actor) \(message)")
            if actor == "nobody" { return .value(.error(.string("no such actor"))) }
            return .typed(ComponentResult<CanonicalUnit, String>.ok(CanonicalUnit()))
        }
        return imports
    }

    private func state(_ counter: UInt8) -> ComponentValue { .option(.bytes([counter, 0, 0, 0])) }

    @Test func aGuestCallsTypedImports() throws {
        let log = HostLog()
        let instance = try LoadedComponent(bytes: ComponentFixtures.bytes("actor-counter")).instantiate(imports: imports(log))
        let initialize = try instance.function(interface: "theater:simple/actor", name: "init")
        _ = try initialize.call([.option(nil), .tuple([.string("actor-1")])])
        #expect(log.entries == ["log init actor-1"])

        let message = try instance.function(interface: "theater:simple/message-server-client", name: "handle-channel-message")
        #expect(try message.call([state(2), .tuple([.string("actor-2"), .bytes([9, 8])])]) == .ok(.tuple([state(2)])))
        #expect(log.entries.last == "send actor-2 [9, 8]")
        #expect(try message.call([state(2), .tuple([.string("nobody"), .bytes([])])]) == .error(.string("no such actor")))
        #expect(log.entries.last == "send nobody []")
    }

    @Test func aTypedImportMustMatchTheComponentsType() throws {
        let mistyped = ComponentFunctionType(parameters: [("actor-id", .u32)], result: .result(ok: nil, error: .string))
        let component = try LoadedComponent(bytes: ComponentFixtures.bytes("actor-counter"))
        do {
            _ = try component.instantiate(imports: imports(HostLog(), send: mistyped))
            Issue.record("instantiated with a send of the wrong type")
        } catch {
            #expect(error.kind == .typeMismatch)
        }
    }

    @Test func readingAnArgumentAsTheWrongTypeTraps() throws {
        var imports = imports(HostLog())
        imports.define(interface: "theater:simple/message-server-host", function: "send", type: Self.sendType) { arguments in
            _ = try arguments.next(UInt32.self)
            return .value(.ok(nil))
        }
        let instance = try LoadedComponent(bytes: ComponentFixtures.bytes("actor-counter")).instantiate(imports: imports)
        let message = try instance.function(interface: "theater:simple/message-server-client", name: "handle-channel-message")
        #expect(throws: (any Error).self) { try message.call([state(2), .tuple([.string("actor-2"), .bytes([9])])]) }
    }

    @Test func theHostCannotCallATypedImportDirectly() throws {
        var imports = ComponentImports()
        imports.define(interface: nil, function: "f", type: ComponentFunctionType(parameters: [], result: nil)) { _ in .value(nil) }
        let definition = try #require(imports.function(interface: nil, name: "f"))
        let function = ComponentFunction(type: ComponentFunctionType(parameters: [], result: nil), implementation: .host(definition))
        #expect(throws: ComponentCallError.typedArgumentsWithoutGuest) { try function.call([]) }
    }
}
