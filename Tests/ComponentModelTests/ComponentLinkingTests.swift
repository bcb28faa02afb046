import Testing
import WasmInterp
@testable import ComponentModel

/// Records what host functions receive, across the `@Sendable` closures they are.
final class HostLog: @unchecked Sendable {
    var entries: [String] = []
}

/// Instantiating the fixtures with host imports and calling their exports.
@Suite struct ComponentLinkingTests {
    private func load(_ name: String) throws -> LoadedComponent {
        try LoadedComponent(bytes: ComponentFixtures.bytes(name))
    }

    private func actorImports(_ log: HostLog) -> ComponentImports {
        var imports = ComponentImports()
        imports.define(interface: "theater:simple/runtime", function: "log") { arguments in
            if case .string(let message)? = arguments.first { log.entries.append(message) }
            return []
        }
        imports.define(interface: "theater:simple/message-server-host", function: "send") { arguments in
            guard arguments.count == 2, case .string(let actor) = arguments[0], case .bytes(let message) = arguments[1] else {
                return [.error(.string("bad arguments"))]
            }
            log.entries.append("send \(actor) \(message)")
            return [actor == "nobody" ? .error(.string("no such actor")) : .ok(nil)]
        }
        return imports
    }

    private func state(_ counter: UInt8) -> ComponentValue { .option(.bytes([counter, 0, 0, 0])) }

    @Test func theActorCountsMessagesAndLogs() throws {
        let log = HostLog()
        let instance = try load("actor-counter").instantiate(imports: actorImports(log))
        let initialize = try instance.function(interface: "theater:simple/actor", name: "init")
        #expect(try initialize.call([.option(nil), .tuple([.string("actor-1")])]) == .ok(.tuple([state(0)])))
        #expect(log.entries == ["init actor-1"])

        let client = "theater:simple/message-server-client"
        let send = try instance.function(interface: client, name: "handle-send")
        #expect(try send.call([state(0), .tuple([.bytes(Array("hello".utf8))])]) == .ok(.tuple([state(1)])))
        #expect(log.entries.last == "hello")
        #expect(try send.call([state(1), .tuple([.bytes(Array("fail".utf8))])])
            == .error(.string("handle-send refused the message")))

        let request = try instance.function(interface: client, name: "handle-request")
        #expect(try request.call([state(1), .tuple([.string("request-1"), .bytes([1, 2, 3])])])
            == .ok(.tuple([state(2), .tuple([.option(.bytes([1, 2, 3]))])])))

        let open = try instance.function(interface: client, name: "handle-channel-open")
        let accept = ComponentValue.record([.bool(true), .option(nil)])
        #expect(try open.call([state(2), .tuple([.string("channel"), .bytes([])])]) == .ok(.tuple([state(2), .tuple([accept])])))

        let message = try instance.function(interface: client, name: "handle-channel-message")
        #expect(try message.call([state(2), .tuple([.string("actor-2"), .bytes([9])])]) == .ok(.tuple([state(2)])))
        #expect(log.entries.last == "send actor-2 [9]")
        #expect(try message.call([state(2), .tuple([.string("nobody"), .bytes([9])])]) == .error(.string("no such actor")))

        let close = try instance.function(interface: client, name: "handle-channel-close")
        #expect(try close.call([state(2), .tuple([.string("channel")])]) == .ok(.tuple([state(2)])))
    }

    @Test func aMissingImportIsNamed() throws {
        var imports = ComponentImports()
        imports.define(interface: "theater:simple/runtime", function: "log") { _ in [] }
        let component = try load("actor-counter")
        do {
            _ = try component.instantiate(imports: imports)
            Issue.record("instantiated without message-server-host.send")
        } catch {
            #expect(error.kind == .missingImport)
            #expect(error.message.contains("theater:simple/message-server-host#send"))
        }
    }

    @Test func aMistypedImportIsNamed() throws {
        var imports = actorImports(HostLog())
        imports.define(
            interface: "theater:simple/runtime", function: "log",
            type: ComponentFunctionType(parameters: [("msg", .u32)], result: nil)
        ) { _ in [] }
        let component = try load("actor-counter")
        do {
            _ = try component.instantiate(imports: imports)
            Issue.record("instantiated with a log of the wrong type")
        } catch {
            #expect(error.kind == .typeMismatch)
            #expect(error.message.contains("theater:simple/runtime#log"))
            #expect(error.message.contains("func(msg: string)"))
        }
    }

    @Test func aCorrectlyTypedImportLinks() throws {
        var imports = actorImports(HostLog())
        imports.define(
            interface: "theater:simple/runtime", function: "log",
            type: ComponentFunctionType(parameters: [("msg", .string)], result: nil)
        ) { _ in [] }
        _ = try load("actor-counter").instantiate(imports: imports)
    }

    @Test func missingExportsAreNamed() throws {
        let instance = try load("actor-counter").instantiate(imports: actorImports(HostLog()))
        #expect(throws: ComponentLinkError.self) { try instance.function(interface: "theater:simple/actor", name: "nope") }
        #expect(throws: ComponentLinkError.self) { try instance.function(interface: "theater:simple/nope", name: "init") }
        #expect(instance.exportNames == ["theater:simple/actor", "theater:simple/message-server-client"])
    }

    @Test func aSuspendedImportResumesWithItsResult() throws {
        var imports = actorImports(HostLog())
        imports.define(interface: "theater:simple/message-server-host", function: "send", suspending: { arguments in
            .suspend(token: arguments)
        })
        let instance = try load("actor-counter").instantiate(imports: imports)
        let message = try instance.function(interface: "theater:simple/message-server-client", name: "handle-channel-message")

        let call = try message.makeCall([state(3), .tuple([.string("actor-2"), .bytes([7])])])
        guard case .suspended(let importCall) = call.start(fuel: 1_000_000) else {
            Issue.record("the call did not suspend")
            return
        }
        #expect(importCall.token as? [ComponentValue] == [.string("actor-2"), .bytes([7])])
        guard case .returned(let result) = call.resume(returning: .error(.string("later: refused"))) else {
            Issue.record("the call did not return")
            return
        }
        #expect(result == .error(.string("later: refused")))

        // The instance can be entered again once the call finished.
        let again = try message.makeCall([state(3), .tuple([.string("actor-2"), .bytes([7])])])
        guard case .suspended = again.start() else { Issue.record("no suspension"); return }
        guard case .returned(let accepted) = again.resume(returning: .ok(nil)) else { Issue.record("no return"); return }
        #expect(accepted == .ok(.tuple([state(3)])))
    }

    @Test func aCallRunsOnFuelAndContinuesWhereItStopped() throws {
        let instance = try load("echo").instantiate()
        let sum = try instance.function(interface: "test:echo/echo", name: "sum-many")
        let call = try sum.makeCall((1...16).map { .u32(UInt32($0)) } + [.u64(0)])
        // Fuel is charged per block before the block starts, so a slice must cover the
        // costliest block (the loop body here) for the call to make progress.
        var outcome = call.start(fuel: 100)
        var slices = 1
        while case .outOfFuel = outcome, slices < 1000 {
            outcome = call.run(fuel: 100)
            slices += 1
        }
        guard case .returned(let result) = outcome else {
            Issue.record("the call did not return: \(outcome)")
            return
        }
        #expect(result == .u64(136))
        #expect(slices > 2)
    }

    @Test func aTrapEndsTheInstance() throws {
        let instance = try load("resources").instantiate(imports: resourceImports(HostLog(), HostLog()))
        let get = try instance.function(interface: "test:resources/counters", name: "[method]counter.get")
        // A borrowed counter is passed as its cell's address; this one is outside memory.
        #expect {
            try get.call([.borrow(0xFFFF_FFF0)])
        } throws: { error in
            guard case CanonicalABIError.coreTrap(let trap) = error else { return false }
            return trap.reason == .outOfBoundsMemoryAccess
        }
        let liveCount = try instance.function(interface: "test:resources/counters", name: "live-count")
        #expect {
            try liveCount.call([])
        } throws: { error in
            guard case CanonicalABIError.cannotEnterInstance = error else { return false }
            return true
        }
    }

    // MARK: Every value type

    private static let point = ComponentValue.record([.s32(3), .s32(-4)])
    private static let echoCases: [(String, [ComponentValue])] = [
        ("echo-bool", [.bool(true)]), ("echo-s8", [.s8(-5)]), ("echo-u8", [.u8(250)]), ("echo-s16", [.s16(-30000)]),
        ("echo-u16", [.u16(65000)]), ("echo-s32", [.s32(-7)]), ("echo-u32", [.u32(4_000_000_000)]),
        ("echo-s64", [.s64(-1 << 62)]), ("echo-u64", [.u64(.max)]), ("echo-f32", [.f32(1.5)]), ("echo-f64", [.f64(-2.25)]),
        ("echo-char", [.char("✓")]), ("echo-string", [.string("héllo ✓ 😀")]), ("echo-name", [.string("")]),
        ("echo-list-u8", [.bytes([1, 2, 255])]), ("echo-list-u32", [.list([.u32(1), .u32(2), .u32(3)])]),
        ("echo-list-string", [.list([.string("a"), .string("bc"), .string("")])]),
        ("echo-point", [point]),
        ("echo-person", [.record([.string("ann"), .u8(33), .list([.string("x"), .string("yz")])])]),
        ("echo-tuple", [.tuple([.u8(7), .string("tup"), .f64(2.5)])]),
        ("echo-shape", [.variant(caseIndex: 0, payload: .f32(2.5))]),
        ("echo-shape", [.variant(caseIndex: 1, payload: point)]),
        ("echo-shape", [.variant(caseIndex: 2, payload: nil)]),
        ("echo-color", [.enum(caseIndex: 2)]),
        ("echo-permissions", [.flags([true, false, true])]),
        ("echo-wide-flags", [.flags((0..<20).map { $0 % 3 == 0 })]),
        ("echo-option", [.option(nil)]), ("echo-option", [.option(.u32(9))]),
        ("echo-option-string", [.option(.string("s"))]),
        ("echo-result", [.ok(.u32(5))]), ("echo-result", [.error(.string("bad"))]),
        ("echo-result-empty", [.ok(nil)]), ("echo-result-empty", [.error(nil)]),
        ("echo-nested", [.list([.option(nil), .option(point)])]),
    ]

    @Test func everyValueTypeRoundTripsThroughAnExport() throws {
        let instance = try load("echo").instantiate()
        for (name, arguments) in Self.echoCases {
            let function = try instance.function(interface: "test:echo/echo", name: name)
            #expect(try function.call(arguments) == arguments[0], "\(name)")
        }
    }

    private static let manyArguments: [ComponentValue] = [
        .u8(1), .s16(-2), .u32(3), .u64(4), .f32(5.5), .f64(6.5), .string("g"), .bytes([8]), .option(.u32(9)),
        point, .char("k"), .string("last"),
    ]

    @Test func parametersAndResultsSpillToMemory() throws {
        let instance = try load("echo").instantiate()
        let sum = try instance.function(interface: "test:echo/echo", name: "sum-many")
        #expect(try sum.call((1...16).map { .u32(UInt32($0)) } + [.u64(1 << 40)]) == .u64(136 + (1 << 40)))
        let many = try instance.function(interface: "test:echo/echo", name: "echo-many")
        #expect(try many.call(Self.manyArguments) == .tuple(Self.manyArguments))
    }

    @Test func postReturnRunsAfterTheResultIsRead() throws {
        let instance = try load("echo").instantiate()
        let echo = "test:echo/echo"
        let count = try instance.function(interface: echo, name: "post-return-count")
        #expect(try count.call([]) == .u32(0))
        _ = try instance.function(interface: echo, name: "echo-string").call([.string("x")])
        _ = try instance.function(interface: echo, name: "echo-u32").call([.u32(1)])
        _ = try instance.function(interface: echo, name: "echo-list-string").call([.list([])])
        #expect(try count.call([]) == .u32(2))
    }

    @Test func everyValueTypeRoundTripsThroughAnImport() throws {
        var imports = ComponentImports()
        let calls = HostLog()
        for name in Set(Self.echoCases.map(\.0)).union(["echo-many"]) {
            imports.define(interface: "test:echo/echo", function: name) { arguments in
                calls.entries.append(name)
                return [name == "echo-many" ? .tuple(arguments) : arguments[0]]
            }
        }
        imports.define(interface: "test:echo/echo", function: "sum-many") { arguments in
            [.u64(arguments.reduce(0) { total, value in
                switch value {
                case .u32(let number): return total + UInt64(number)
                case .u64(let number): return total + number
                default: return total
                }
            })]
        }
        imports.define(interface: "test:echo/echo", function: "post-return-count") { _ in [.u32(42)] }
        let instance = try load("echo-forward").instantiate(imports: imports)
        for (name, arguments) in Self.echoCases {
            let function = try instance.function(interface: "test:echo/echo", name: name)
            #expect(try function.call(arguments) == arguments[0], "\(name)")
        }
        #expect(calls.entries.count == Self.echoCases.count)
        let many = try instance.function(interface: "test:echo/echo", name: "echo-many")
        #expect(try many.call(Self.manyArguments) == .tuple(Self.manyArguments))
        let sum = try instance.function(interface: "test:echo/echo", name: "sum-many")
        #expect(try sum.call((1...16).map { .u32(UInt32($0)) } + [.u64(1 << 40)]) == .u64(136 + (1 << 40)))
        #expect(try instance.function(interface: "test:echo/echo", name: "post-return-count").call([]) == .u32(42))
    }

    // MARK: Strings

    @Test(arguments: [("strings-utf8", 7), ("strings-utf16", 3), ("strings-latin1", 3 | 1 << 31)] as [(String, UInt32)])
    func stringsCrossInEveryEncoding(_ fixture: String, _ codeUnits: UInt32) throws {
        var imports = ComponentImports()
        imports.define(interface: "host", function: "greeting") { _ in [.string("host says ✓ hé")] }
        let instance = try load(fixture).instantiate(imports: imports)
        func call(_ name: String, _ arguments: [ComponentValue] = []) throws -> ComponentValue? {
            try instance.function(interface: "test:strings/text", name: name).call(arguments)
        }
        #expect(try call("echo", [.string("héllo ✓ 😀")]) == .string("héllo ✓ 😀"))
        #expect(try call("echo", [.string("plain")]) == .string("plain"))
        #expect(try call("greeting") == .string("héllo wörld"))
        #expect(try call("check-mark") == .string("✓ done"))
        #expect(try call("call-host") == .string("host says ✓ hé"))
        #expect(try call("code-units", [.string("✓😀")]) == .u32(codeUnits))
    }

    // MARK: Resources

    private func resourceImports(_ loggers: HostLog, _ dropped: HostLog) -> ComponentImports {
        var imports = ComponentImports()
        imports.define(interface: "test:resources/host-log", function: "[constructor]logger") { arguments in
            if case .string(let prefix)? = arguments.first { loggers.entries.append(prefix) }
            return [.own(UInt32(100 + loggers.entries.count))]
        }
        imports.define(interface: "test:resources/host-log", function: "[method]logger.log") { arguments in
            if case .borrow(let logger)? = arguments.first, case .string(let message) = arguments[1] {
                loggers.entries.append("\(logger): \(message)")
            }
            return []
        }
        imports.define(interface: "test:resources/host-log", function: "[method]logger.count") { _ in [.u32(1)] }
        imports.defineResource(interface: "test:resources/host-log", name: "logger") { representation in
            dropped.entries.append("logger \(representation)")
        }
        return imports
    }

    @Test func exportedResourcesLiveAndDie() throws {
        let dropped = HostLog()
        let loggers = HostLog()
        let instance = try load("resources").instantiate(imports: resourceImports(loggers, dropped))
        func function(_ name: String) throws -> ComponentFunction {
            try instance.function(interface: "test:resources/counters", name: name)
        }
        let constructor = try function("[constructor]counter")
        guard case .own(let counterType)? = constructor.type.result else {
            Issue.record("constructor type \(constructor.type)")
            return
        }
        guard case .own(let first)? = try constructor.call([.u32(5)]),
              case .own(let second)? = try constructor.call([.u32(10)])
        else {
            Issue.record("constructor did not return owned handles")
            return
        }
        _ = try function("[method]counter.increment").call([.borrow(first), .u32(3)])
        #expect(try function("[method]counter.get").call([.borrow(first)]) == .u32(8))
        guard case .own(let merged)? = try function("[static]counter.merge").call([.borrow(first), .borrow(second)]) else {
            Issue.record("merge did not return an owned handle")
            return
        }
        #expect(try function("[method]counter.get").call([.borrow(merged)]) == .u32(18))
        #expect(try function("live-count").call([]) == .u32(3))
        try instance.drop(counterType, representation: first)
        #expect(try function("live-count").call([]) == .u32(2))

        #expect(try function("use-logger").call([.string("prefix"), .string("hello")]) == .u32(1))
        #expect(loggers.entries == ["prefix", "101: hello"])
        #expect(dropped.entries == ["logger 101"])
        #expect(instance.state.handles.count == 0)
    }

    // MARK: Hand-written components

    @Test func aComponentWithSeveralCoreInstancesAndANestedComponentLinks() throws {
        let log = HostLog()
        var imports = ComponentImports()
        imports.define(interface: nil, function: "log") { arguments in
            if case .string(let message)? = arguments.first { log.entries.append(message) }
            return []
        }
        let instance = try load("multi-instance").instantiate(imports: imports)
        #expect(try instance.function(interface: "test:multi/api", name: "greet").call([.string("wörld")])
            == .string("hello, wörld"))
        #expect(log.entries == ["wörld"])
        #expect(try instance.function(interface: "test:multi/api", name: "add").call([.u32(2), .u32(3)]) == .u32(5))
        #expect(try instance.function(interface: "wrapped", name: "sum").call([.u32(20), .u32(22)]) == .u32(42))
        #expect(try instance.function(named: "add").call([.u32(1), .u32(1)]) == .u32(2))
    }

    @Test func nestedComponentsInstantiatedAgainWithOtherArgumentsExportWhatEachWasGiven() throws {
        let component = try load("nested-reuse")
        // The second instantiation takes the paths the first one recorded (where aliases
        // found their exports); the instance each nested component is given differs.
        for _ in 0..<3 {
            let instance = try component.instantiate()
            #expect(try instance.function(named: "straight-first").call([]) == .u32(1))
            #expect(try instance.function(named: "swapped-first").call([]) == .u32(2))
            #expect(try instance.function(named: "swapped-second").call([]) == .u32(1))
            #expect(try instance.function(named: "picked-from-wide").call([]) == .u32(2))
            #expect(try instance.function(named: "picked-from-narrow").call([]) == .u32(1))
        }
    }

    @Test func oneComponentCallsAnotherThroughLiftAndLower() throws {
        let instance = try load("component-calls").instantiate()
        #expect(try instance.function(named: "quadruple").call([.u32(5)]) == .u32(20))
        #expect(try instance.function(named: "describe").call([.string("hey ✓")]) == .string("hey ✓!"))
    }

    @Test func interfaceNamesMatchWithOrWithoutTheirVersion() throws {
        var imports = ComponentImports()
        imports.define(interface: "test:versioned/host", function: "get") { _ in [.u32(21)] }
        let instance = try load("versioned-names").instantiate(imports: imports)
        #expect(try instance.function(interface: "test:versioned/api", name: "twice").call([]) == .u32(42))
        #expect(try instance.function(interface: "test:versioned/api@1.2.3", name: "twice").call([]) == .u32(42))

        // An exact definition wins over an unversioned one.
        imports.define(interface: "test:versioned/host@1.2.3", function: "get") { _ in [.u32(5)] }
        let exact = try load("versioned-names").instantiate(imports: imports)
        #expect(try exact.function(interface: "test:versioned/api", name: "twice").call([]) == .u32(10))
    }

    @Test func describesImportsAndExportsForHosts() throws {
        let component = try load("actor-counter")
        let imported = component.importedFunctions.map { "\($0.interface ?? "")#\($0.name)" }
        #expect(imported == ["theater:simple/runtime#log", "theater:simple/message-server-host#send"])
        let exported = component.exportedFunctions.map(\.name)
        #expect(exported == ["init", "handle-send", "handle-request", "handle-channel-open",
                             "handle-channel-message", "handle-channel-close"])
    }
}
