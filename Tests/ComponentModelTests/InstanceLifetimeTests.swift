import Testing
import WasmInterp
@testable import ComponentModel

/// A component instance and its store are freed once the host lets go of them.
@Suite struct InstanceLifetimeTests {
    @Test(arguments: ["actor-counter", "resources", "multi-instance", "echo", "component-calls"])
    func releasingTheInstanceFreesItsStore(_ fixture: String) throws {
        let component = try LoadedComponent(bytes: ComponentFixtures.bytes(fixture))
        var imports = ComponentImports()
        for function in component.importedFunctions {
            imports.define(interface: function.interface, function: function.name) { _ in [] }
        }
        weak var store: Store?
        weak var state: ComponentInstanceState?
        do {
            let instance = try component.instantiate(imports: imports)
            store = instance.store
            state = instance.state
            #expect(store != nil)
        }
        #expect(store == nil)
        #expect(state == nil)
    }

    @Test func aFunctionKeptByTheHostStillCallsItsImports() throws {
        let log = HostLog()
        var imports = ComponentImports()
        imports.define(interface: nil, function: "log") { arguments in
            if case .string(let message)? = arguments.first { log.entries.append(message) }
            return []
        }
        weak var store: Store?
        var greet: ComponentFunction?
        do {
            let instance = try LoadedComponent(bytes: ComponentFixtures.bytes("multi-instance")).instantiate(imports: imports)
            store = instance.store
            greet = try instance.function(interface: "test:multi/api", name: "greet")
        }
        #expect(try greet?.call([.string("you")]) == .string("hello, you"))
        #expect(log.entries == ["you"])
        greet = nil
        #expect(store == nil)
    }
}
