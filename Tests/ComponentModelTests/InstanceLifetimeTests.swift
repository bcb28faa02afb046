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

    /// A reusable call outlives the instance and function it came from, like a kept
    /// function: the instances its guest calls into through lowered imports stay alive.
    @Test func aReusableCallKeptByTheHostStillCallsOtherInstances() throws {
        weak var store: Store?
        var call: GuestCall<UInt32>?
        do {
            let instance = try LoadedComponent(bytes: ComponentFixtures.bytes("component-calls")).instantiate()
            store = instance.store
            call = try instance.function(named: "quadruple").makeReusableCall {
                (reader: inout CanonicalReader) throws(CanonicalABIError) -> UInt32 in try reader.read(UInt32.self)
            }
        }
        for argument: UInt32 in [5, 6] {
            let outcome = call?.start { (writer: inout CanonicalWriter) throws(CanonicalABIError) in try writer.write(argument) }
            guard case .returned(let result)? = outcome else {
                Issue.record("quadruple(\(argument)): \(String(describing: outcome))")
                return
            }
            #expect(result == argument * 4)
        }
        call = nil
        #expect(store == nil)
    }

    @Test func aDynamicCallKeptByTheHostStillCallsOtherInstances() throws {
        var call: GuestCall<ComponentValue?>?
        do {
            let instance = try LoadedComponent(bytes: ComponentFixtures.bytes("component-calls")).instantiate()
            call = try instance.function(named: "quadruple").makeCall([.u32(5)])
        }
        let outcome = call?.start()
        guard case .returned(let result)? = outcome else {
            Issue.record("quadruple(5): \(String(describing: outcome))")
            return
        }
        #expect(result == .u32(20))
    }

    // MARK: Without the linker

    /// `cabi-echo.wasm` with a lowered import (`host.i32`, `(u32) -> u32`, adding one) and
    /// the resource built-ins given straight to the core module, every other import a
    /// stub; the state is the only thing that refers to the store apart from the instance.
    private static func echoWithLoweredImports() throws -> (ModuleInstance, ComponentInstanceState) {
        let module = try Module(bytes: ComponentFixtures.bytes("cabi-echo"))
        let store = Store()
        let state = ComponentInstanceState(store: store)
        let file = ResourceType(id: 1, name: "file")
        var imports = Imports()
        for entry in module.imports {
            guard case .function(let typeIndex) = entry.descriptor, Int(typeIndex) < module.types.count else { continue }
            let type = module.types[Int(typeIndex)]
            let stub = HostFunction(type: type) { _, _ throws -> HostResult in
                throw CanonicalABIError.invalidCallState("stub \(entry.name) called")
            }
            imports.define(module: entry.module, name: entry.name, stub)
        }
        imports.define(module: "host", name: "i32", try HostFunction.lowered(
            signature: CanonicalSignature(functionType([.u32], .u32)), options: CanonicalOptions(), instance: state
        ) { arguments in
            guard case .u32(let value)? = arguments.first else { return .value(nil) }
            return .value(.u32(value &+ 1))
        })
        imports.define(module: "canon", name: "resource-new", ResourceBuiltins.new(file, instance: state))
        imports.define(module: "canon", name: "resource-rep", ResourceBuiltins.rep(file, instance: state))
        imports.define(module: "canon", name: "resource-drop", ResourceBuiltins.drop(file, instance: state, destructor: nil))
        return (try store.instantiate(module, imports: imports), state)
    }

    @Test func aStoreBuiltWithLoweredFunctionsIsFreedWhenReleased() throws {
        weak var store: Store?
        weak var state: ComponentInstanceState?
        do {
            let (instance, instanceState) = try Self.echoWithLoweredImports()
            store = instance.store
            state = instanceState
            guard let forward = instance.exportedFunction("forward_i32") else {
                Issue.record("no forward_i32"); return
            }
            let call = try GuestCall(
                function: forward, signature: CanonicalSignature(functionType([.u32], .u32)), options: CanonicalOptions(),
                instance: instanceState, arguments: [.u32(41)])
            #expect(try call.complete() == .u32(42))
            #expect(try instance.invoke("new_resource", [.i32(7)]) == [.i32(1)])
        }
        #expect(store == nil)
        #expect(state == nil)
    }

    @Test func aLoweredImportCalledAfterItsStateIsFreedTraps() throws {
        let instance: ModuleInstance
        weak var state: ComponentInstanceState?
        do {
            let (echo, echoState) = try Self.echoWithLoweredImports()
            instance = echo
            state = echoState
        }
        #expect(state == nil)
        for (export, argument) in [("forward_i32", 1), ("new_resource", 7), ("rep_of", 1)] {
            do {
                _ = try instance.invoke(export, [.i32(UInt32(argument))])
                Issue.record("\(export) returned after its instance state was freed")
            } catch let trap as Trap {
                #expect(trap.reason == .hostError(CanonicalABIError.instanceReleased.description))
            }
        }
    }
}
