import Testing
import WasmInterp
@testable import ComponentModel

/// Instances of one loaded component share its compiled core modules: the second
/// instance validates and translates nothing, and each instance keeps its own state.
@Suite struct ComponentBlueprintTests {
    private func translations(_ component: LoadedComponent) -> Int {
        component.blueprint.modules.values.reduce(0) { $0 + $1.translationCount }
    }

    private func imports(_ log: HostLog) -> ComponentImports {
        var imports = ComponentImports()
        imports.define(interface: "theater:simple/runtime", function: "log") { arguments in
            if case .string(let message)? = arguments.first { log.entries.append(message) }
            return []
        }
        imports.define(interface: "theater:simple/message-server-host", function: "send") { _ in [.ok(nil)] }
        return imports
    }

    private func state(_ counter: UInt8) -> ComponentValue { .option(.bytes([counter, 0, 0, 0])) }

    @Test func aSecondInstanceReusesTheTranslatedCode() throws {
        let component = try LoadedComponent(bytes: ComponentFixtures.bytes("actor-counter"))
        let client = "theater:simple/message-server-client"
        let firstLog = HostLog()
        let first = try component.instantiate(imports: imports(firstLog))
        #expect(try first.function(interface: "theater:simple/actor", name: "init").call(
            [.option(nil), .tuple([.string("actor-1")])]) == .ok(.tuple([state(0)])))
        #expect(try first.function(interface: client, name: "handle-send").call(
            [state(0), .tuple([.bytes(Array("one".utf8))])]) == .ok(.tuple([state(1)])))
        let translated = translations(component)
        #expect(translated > 0)

        let secondLog = HostLog()
        let second = try component.instantiate(imports: imports(secondLog))
        #expect(try second.function(interface: "theater:simple/actor", name: "init").call(
            [.option(nil), .tuple([.string("actor-2")])]) == .ok(.tuple([state(0)])))
        #expect(try second.function(interface: client, name: "handle-send").call(
            [state(5), .tuple([.bytes(Array("two".utf8))])]) == .ok(.tuple([state(6)])))
        #expect(translations(component) == translated)
        #expect(firstLog.entries == ["init actor-1", "one"])
        #expect(secondLog.entries == ["init actor-2", "two"])
        #expect(first.store !== second.store)
    }
}
