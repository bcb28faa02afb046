import Foundation
import Testing
import ComponentModel
@testable import WasmInterp

/// The theater:simple actor fixtures (Fixtures/actors, built and checked under wasmtime by
/// Fixtures/build.sh) run by this runtime: each behaves as its source file documents,
/// which the actor system's tests rely on.
@Suite struct ActorFixtureTests {
    // MARK: counter

    @Test func counterCountsSendsAndRepliesWithTheCountInDecimal() throws {
        let counter = try ActorFixture("counter")
        #expect(try counter.initialize(nil) == ActorFixture.ok(count(0)))
        var state = count(0)
        for _ in 0..<3 {
            state = try counter.nextState(counter.send(state, "anything"))
        }
        #expect(state == count(3))
        #expect(try counter.request(state, "?") == ActorFixture.ok(count(3), reply: Array("3".utf8)))
        #expect(try counter.request(count(12_345_678_901_234), "")
            == ActorFixture.ok(count(12_345_678_901_234), reply: Array("12345678901234".utf8)))
        #expect(try counter.initialize(count(.max)) == ActorFixture.ok(count(.max)))
    }

    @Test func counterAcceptsChannelsAndCountsTheirMessages() throws {
        let counter = try ActorFixture("counter")
        let accepted = ComponentValue.record([.bool(true), .option(nil)])
        #expect(try counter.channelOpen(count(4), channel: "channel-1", "hi")
            == .ok(.tuple([.option(.bytes(count(4))), .tuple([accepted])])))
        #expect(try counter.channelMessage(count(4), channel: "channel-1", "x") == ActorFixture.ok(count(5)))
        #expect(try counter.channelClose(count(5), channel: "channel-1") == ActorFixture.ok(count(5)))
    }

    @Test func counterRefusesAStateThatIsNotEightBytes() throws {
        let counter = try ActorFixture("counter")
        for result in [try counter.initialize(Array("short".utf8)), try counter.send(Array("short".utf8), "x")] {
            guard case .error(.string(let message))? = result else {
                Issue.record("accepted a malformed state: \(String(describing: result))")
                continue
            }
            #expect(message.contains("8 bytes"))
        }
    }

    @Test func theHeapIsReusedFromCallToCall() throws {
        let counter = try ActorFixture("counter")
        var state = count(0)
        let message = String(repeating: "x", count: 10_000)
        for _ in 0..<200 {
            state = try counter.nextState(counter.send(state, message))
        }
        #expect(state == count(200))
        // 200 messages of 10 kB would need 31 pages if the heap were never reused.
        #expect(counter.memoryPages == 1)
    }

    // MARK: echo

    @Test func echoRepliesWithTheMessageAndKeepsItsState() throws {
        let echo = try ActorFixture("echo")
        #expect(try echo.initialize(nil) == ActorFixture.ok(nil))
        #expect(try echo.initialize(Array("kept".utf8)) == ActorFixture.ok(Array("kept".utf8)))
        let binary: [UInt8] = [0, 1, 0xFF, 0x80]
        #expect(try echo.request(Array("s".utf8), binary) == ActorFixture.ok(Array("s".utf8), reply: binary))
        #expect(try echo.request(nil, []) == ActorFixture.ok(nil, reply: []))
    }

    @Test func echoLogsSentTextAndTheSizeOfBinaryMessages() throws {
        let echo = try ActorFixture("echo")
        #expect(try echo.send(Array("kept".utf8), "héllo ✓") == ActorFixture.ok(Array("kept".utf8)))
        #expect(try echo.send(nil, [0xFF, 0xFE]) == ActorFixture.ok(nil))
        #expect(try echo.send(nil, [0xED, 0xA0, 0x80]) == ActorFixture.ok(nil))  // a surrogate
        #expect(try echo.send(nil, [0xF0, 0x9F, 0x98]) == ActorFixture.ok(nil))  // truncated
        #expect(echo.host.logs == [
            "héllo ✓", "echo: 2 bytes of binary", "echo: 3 bytes of binary", "echo: 3 bytes of binary",
        ])
    }

    @Test func echoSendsChannelMessagesBackOnTheirChannel() throws {
        let echo = try ActorFixture("echo")
        echo.host.channelErrors["closed"] = "channel closed"
        let accepted = ComponentValue.record([.bool(true), .option(.bytes(Array("hello".utf8)))])
        #expect(try echo.channelOpen(nil, channel: "channel-1", "hello") == .ok(.tuple([.option(nil), .tuple([accepted])])))
        #expect(try echo.channelMessage(nil, channel: "channel-1", "back") == ActorFixture.ok(nil))
        #expect(echo.host.channelSends.map(\.channel) == ["channel-1"])
        #expect(echo.host.channelSends.map(\.message) == [Array("back".utf8)])
        #expect(try echo.channelMessage(nil, channel: "closed", "x") == .error(.string("channel closed")))
    }

    // MARK: ping-pong

    @Test func pingPongReturnsTheBallSignedWithItsOwnId() throws {
        let player = try ActorFixture("ping-pong")
        var state = try player.nextState(player.initialize(nil, id: "actor-a"))
        #expect(state == count(0) + Array("actor-a".utf8))
        state = try player.nextState(player.send(state, "ping 3 actor-b"))
        state = try player.nextState(player.send(state, "pong 1 actor-b"))
        state = try player.nextState(player.send(state, "ping 0 actor-b"))
        #expect(state == count(3) + Array("actor-a".utf8))
        #expect(player.host.sends.map(\.actor) == ["actor-b", "actor-b"])
        #expect(player.host.sends.map(\.message) == [Array("pong 2 actor-a".utf8), Array("ping 0 actor-a".utf8)])
        #expect(try player.request(state, "") == ActorFixture.ok(state, reply: Array("3".utf8)))
        // A restarted player keeps its count under its new id.
        #expect(try player.initialize(count(7) + Array("old".utf8), id: "new")
            == ActorFixture.ok(count(7) + Array("new".utf8)))
    }

    @Test func pingPongRefusesOtherMessagesAndReportsSendErrors() throws {
        let player = try ActorFixture("ping-pong")
        player.host.sendErrors["gone"] = "no actor gone"
        let state = count(0) + Array("actor-a".utf8)
        for message in ["ping x actor-b", "ping 3", "pang 3 actor-b", "ping 3 ", ""] {
            guard case .error(.string(let error))? = try player.send(state, message) else {
                Issue.record("accepted \"\(message)\"")
                continue
            }
            #expect(error.contains("ping N PEER"))
        }
        #expect(try player.send(state, "ping 5 gone") == .error(.string("no actor gone")))
    }

    @Test func twoPlayersExchangeBallsUntilTheCounterReachesZero() throws {
        let mailboxes = Mailboxes()
        let players = try ["a", "b"].map { _ in try ActorFixture("ping-pong", host: HostCalls(deliveringTo: mailboxes)) }
        var states = try zip(["a", "b"], players).map { try $1.nextState($1.initialize(nil, id: $0)) }
        mailboxes.messages.append((actor: "a", message: Array("ping 10 b".utf8)))
        var deliveries = 0
        while !mailboxes.messages.isEmpty, deliveries < 100 {
            let (actor, message) = mailboxes.messages.removeFirst()
            let index = actor == "a" ? 0 : 1
            states[index] = try players[index].nextState(players[index].send(states[index], message))
            deliveries += 1
        }
        #expect(deliveries == 11)
        #expect(states[0] == count(6) + Array("a".utf8))
        #expect(states[1] == count(5) + Array("b".utf8))
    }

    // MARK: requester

    @Test func requesterStoresTheReplyOrTheErrorOfItsRequest() throws {
        let requester = try ActorFixture("requester")
        requester.host.replies = ["actor-2": .ok(.bytes(Array("reply bytes".utf8))), "missing": .error(.string("no such actor"))]
        #expect(try requester.initialize(nil) == ActorFixture.ok(nil))
        #expect(try requester.request(nil, "") == ActorFixture.ok(nil, reply: nil))
        let state = try requester.nextState(requester.send(nil, "actor-2:payload:with colon"))
        #expect(state == Array("reply bytes".utf8))
        #expect(requester.host.requests.map(\.actor) == ["actor-2"])
        #expect(requester.host.requests.map(\.message) == [Array("payload:with colon".utf8)])
        #expect(try requester.request(state, "") == ActorFixture.ok(state, reply: state))
        #expect(try requester.send(state, "missing:x") == ActorFixture.ok(Array("error: no such actor".utf8)))
        guard case .error(.string(let error))? = try requester.send(state, "no colon") else {
            Issue.record("accepted a message without an actor id")
            return
        }
        #expect(error.contains("ACTOR-ID:PAYLOAD"))
    }

    /// As the actor system runs it: the request import suspends the requester until the
    /// reply arrives.
    @Test func requesterWaitsForASuspendedRequest() throws {
        var imports = ActorFixture.imports(HostCalls())
        imports.define(interface: ActorFixture.host, function: "request", suspending: { arguments in
            .suspend(token: arguments)
        })
        let requester = try ActorFixture("requester", imports: imports)
        let send = try requester.instance.function(interface: ActorFixture.client, name: "handle-send")
        let call = try send.makeCall([.option(nil), .tuple([.bytes(Array("actor-9:question".utf8))])])
        guard case .suspended(let importCall) = call.start(fuel: 1_000_000) else {
            Issue.record("the request did not suspend the requester")
            return
        }
        #expect(importCall.token as? [ComponentValue] == [.string("actor-9"), .bytes(Array("question".utf8))])
        guard case .returned(let result) = call.resume(returning: .ok(.bytes(Array("answer".utf8))), fuel: 1_000_000)
        else {
            Issue.record("the requester did not return after the reply")
            return
        }
        #expect(result == ActorFixture.ok(Array("answer".utf8)))
    }

    // MARK: spinner

    @Test func spinnerRunsOutOfFuelAndKeepsSpinning() throws {
        let spinner = try ActorFixture("spinner")
        #expect(try spinner.initialize(Array("s".utf8)) == ActorFixture.ok(Array("s".utf8)))
        #expect(try spinner.request(nil, "alive") == ActorFixture.ok(nil, reply: Array("alive".utf8)))
        let send = try spinner.instance.function(interface: ActorFixture.client, name: "handle-send")
        let call = try send.makeCall([.option(nil), .tuple([.bytes([])])])
        guard case .outOfFuel = call.start(fuel: 100_000) else {
            Issue.record("the spinner stopped")
            return
        }
        for _ in 0..<5 {
            guard case .outOfFuel = call.run(fuel: 100_000) else {
                Issue.record("the spinner stopped")
                return
            }
        }
        call.abandon()
    }

    @Test func spinnerSpinsInInitWhenAskedTo() throws {
        let spinner = try ActorFixture("spinner")
        let initialize = try spinner.instance.function(interface: ActorFixture.actor, name: "init")
        let call = try initialize.makeCall([.option(.bytes(Array("spin".utf8))), .tuple([.string("actor-1")])])
        guard case .outOfFuel = call.start(fuel: 100_000) else {
            Issue.record("init did not spin")
            return
        }
        call.abandon()
    }

    // MARK: greedy-allocator

    @Test func greedyAllocatorGrowsUpToTheMemoryLimitThenTraps() throws {
        var configuration = StoreConfiguration()
        configuration.maxMemoryPages = 8
        let allocator = try ActorFixture("greedy-allocator", configuration: configuration)
        #expect(try allocator.initialize(nil) == ActorFixture.ok(nil))
        #expect(try allocator.request(nil, "2") == ActorFixture.ok(nil, reply: Array("grew to 3".utf8)))
        #expect(try allocator.request(nil, "100") == ActorFixture.ok(nil, reply: Array("failed at 3".utf8)))
        guard case .error(.string(let error))? = try allocator.request(nil, "lots") else {
            Issue.record("accepted a page count that is not a number")
            return
        }
        #expect(error.contains("page count"))
        #expect(throwsTrap(.unreachable) { try allocator.send(nil, "x") })
        #expect(allocator.memoryPages == 8)
    }

    // MARK: trapper

    @Test func trapperCountsUntilItIsToldToTrap() throws {
        let trapper = try ActorFixture("trapper")
        let state = try trapper.nextState(trapper.send(trapper.nextState(trapper.initialize(nil)), "ok"))
        #expect(state == count(1))
        #expect(try trapper.request(state, "how many") == ActorFixture.ok(count(1), reply: Array("1".utf8)))
        #expect(try trapper.send(state, "fail") == .error(.string("trapper refused the message")))
        #expect(try trapper.request(state, "fail") == .error(.string("trapper refused the request")))
        #expect(throwsTrap(.unreachable) { try trapper.send(state, "trap") })
        // A trap leaves the instance unusable.
        #expect(throws: CanonicalABIError.self) { try trapper.send(state, "ok") }
    }

    @Test func trapperTrapsInEveryHandlerOnDemand() throws {
        let calls: [(ActorFixture) throws -> ComponentValue?] = [
            { try $0.send(nil, [0xFF, 1, 2]) },
            { try $0.request(nil, "trap") },
            { try $0.initialize(Array("trap".utf8)) },
            { try $0.channelMessage(nil, channel: "c", "trap") },
        ]
        for call in calls {
            let trapper = try ActorFixture("trapper")
            #expect(throwsTrap(.unreachable) { try call(trapper) })
        }
    }

    // MARK: minimal

    @Test func minimalInitReturnsItsStateUnchanged() throws {
        let minimal = try ActorFixture("minimal")
        #expect(minimal.instance.exportNames == [ActorFixture.actor])
        #expect(try minimal.initialize(nil) == ActorFixture.ok(nil))
        let big = [UInt8](repeating: 7, count: 100_000)
        for _ in 0..<3 {
            #expect(try minimal.initialize(big) == ActorFixture.ok(big))
        }
        #expect(minimal.memoryPages == 2)
    }

    // MARK: What each fixture imports and exports

    @Test func eachFixtureImportsOnlyWhatItUses() throws {
        let expected: [String: [String]] = [
            "counter": [], "trapper": [], "spinner": [], "greedy-allocator": [], "minimal": [],
            "echo": ["theater:simple/runtime#log", "theater:simple/message-server-host#send-on-channel"],
            "ping-pong": ["theater:simple/message-server-host#send"],
            "requester": ["theater:simple/message-server-host#request"],
        ]
        for (name, imports) in expected {
            let component = try LoadedComponent(bytes: ActorFixture.bytes(name))
            #expect(component.importedFunctions.map { "\($0.interface ?? "")#\($0.name)" }.sorted() == imports.sorted(), "\(name)")
            let exports = Set(component.exportedFunctions.map { "\($0.interface ?? "")#\($0.name)" })
            #expect(exports.contains("theater:simple/actor#init"), "\(name)")
            #expect(exports.count == (name == "minimal" ? 1 : 6), "\(name)")
        }
    }
}

// MARK: - Helpers

/// A count state: 8 little-endian bytes.
private func count(_ value: UInt64) -> [UInt8] {
    (0..<8).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
}

/// Whether `body` throws a core trap for `reason`.
private func throwsTrap(_ reason: TrapReason, _ body: () throws -> ComponentValue?) -> Bool {
    do {
        _ = try body()
        return false
    } catch CanonicalABIError.coreTrap(let trap) {
        return trap.reason == reason
    } catch {
        return false
    }
}

/// What an actor fixture did through its imports, and what the stubs answer.
private final class HostCalls: @unchecked Sendable {
    var logs: [String] = []
    var sends: [(actor: String, message: [UInt8])] = []
    var requests: [(actor: String, message: [UInt8])] = []
    var channelSends: [(channel: String, message: [UInt8])] = []
    /// send's error by actor (ok for any other actor).
    var sendErrors: [String: String] = [:]
    /// send-on-channel's error by channel (ok for any other channel).
    var channelErrors: [String: String] = [:]
    /// request's result by actor.
    var replies: [String: ComponentValue] = [:]
    /// When set, send also queues the message there.
    let mailboxes: Mailboxes?

    init(deliveringTo mailboxes: Mailboxes? = nil) {
        self.mailboxes = mailboxes
    }
}

/// Messages between actors, in the order they were sent.
private final class Mailboxes: @unchecked Sendable {
    var messages: [(actor: String, message: [UInt8])] = []
}

/// One instance of an actor fixture with stub host imports, and its exports as calls.
private struct ActorFixture {
    static let actor = "theater:simple/actor"
    static let client = "theater:simple/message-server-client"
    static let host = "theater:simple/message-server-host"
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/actors")

    let instance: ComponentInstance
    let host: HostCalls

    static func bytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: directory.appendingPathComponent("\(name).wasm")))
    }

    init(_ name: String, host: HostCalls = HostCalls(), configuration: StoreConfiguration = StoreConfiguration()) throws {
        try self.init(name, imports: Self.imports(host), host: host, configuration: configuration)
    }

    init(
        _ name: String, imports: ComponentImports, host: HostCalls = HostCalls(),
        configuration: StoreConfiguration = StoreConfiguration()
    ) throws {
        instance = try LoadedComponent(bytes: Self.bytes(name)).instantiate(imports: imports, configuration: configuration)
        self.host = host
    }

    /// Every import an actor fixture may use, recording calls in `host`.
    static func imports(_ host: HostCalls) -> ComponentImports {
        var imports = ComponentImports()
        imports.define(interface: "theater:simple/runtime", function: "log") { arguments in
            if case .string(let message)? = arguments.first { host.logs.append(message) }
            return []
        }
        imports.define(interface: Self.host, function: "send") { arguments in
            let (actor, message) = try textAndBytes(arguments)
            host.sends.append((actor, message))
            host.mailboxes?.messages.append((actor, message))
            return [host.sendErrors[actor].map { .error(.string($0)) } ?? .ok(nil)]
        }
        imports.define(interface: Self.host, function: "request") { arguments in
            let (actor, message) = try textAndBytes(arguments)
            host.requests.append((actor, message))
            return [host.replies[actor] ?? .error(.string("no reply from \(actor)"))]
        }
        imports.define(interface: Self.host, function: "send-on-channel") { arguments in
            let (channel, message) = try textAndBytes(arguments)
            host.channelSends.append((channel, message))
            return [host.channelErrors[channel].map { .error(.string($0)) } ?? .ok(nil)]
        }
        return imports
    }

    private static func textAndBytes(_ arguments: [ComponentValue]) throws -> (String, [UInt8]) {
        guard arguments.count == 2, case .string(let text) = arguments[0], case .bytes(let bytes) = arguments[1] else {
            throw CanonicalABIError.hostFailure("expected a string and a list<u8>, got \(arguments)")
        }
        return (text, bytes)
    }

    // MARK: Calls

    private static func state(_ bytes: [UInt8]?) -> ComponentValue {
        .option(bytes.map { .bytes($0) })
    }

    /// ok((state)): what init, handle-send and the channel message and close handlers return.
    static func ok(_ state: [UInt8]?) -> ComponentValue {
        .ok(.tuple([Self.state(state)]))
    }

    /// ok((state, (reply))): what handle-request returns.
    static func ok(_ state: [UInt8]?, reply: [UInt8]?) -> ComponentValue {
        .ok(.tuple([Self.state(state), .tuple([Self.state(reply)])]))
    }

    /// The state of an ok((state)) result; throws for anything else.
    func nextState(_ result: ComponentValue?) throws -> [UInt8] {
        guard case .ok(.tuple(let elements)?)? = result, case .option(.bytes(let state)?)? = elements.first else {
            throw CanonicalABIError.hostFailure("expected ok with a state, got \(String(describing: result))")
        }
        return state
    }

    private func call(_ interface: String, _ name: String, _ arguments: [ComponentValue]) throws -> ComponentValue? {
        try instance.function(interface: interface, name: name).call(arguments)
    }

    func initialize(_ state: [UInt8]?, id: String = "actor-1") throws -> ComponentValue? {
        try call(Self.actor, "init", [Self.state(state), .tuple([.string(id)])])
    }

    func send(_ state: [UInt8]?, _ message: [UInt8]) throws -> ComponentValue? {
        try call(Self.client, "handle-send", [Self.state(state), .tuple([.bytes(message)])])
    }

    func send(_ state: [UInt8]?, _ message: String) throws -> ComponentValue? {
        try send(state, Array(message.utf8))
    }

    func request(_ state: [UInt8]?, _ message: [UInt8]) throws -> ComponentValue? {
        try call(Self.client, "handle-request", [Self.state(state), .tuple([.string("request-1"), .bytes(message)])])
    }

    func request(_ state: [UInt8]?, _ message: String) throws -> ComponentValue? {
        try request(state, Array(message.utf8))
    }

    func channelOpen(_ state: [UInt8]?, channel: String, _ message: String) throws -> ComponentValue? {
        try call(Self.client, "handle-channel-open", [Self.state(state), .tuple([.string(channel), .bytes(Array(message.utf8))])])
    }

    func channelMessage(_ state: [UInt8]?, channel: String, _ message: String) throws -> ComponentValue? {
        try call(
            Self.client, "handle-channel-message", [Self.state(state), .tuple([.string(channel), .bytes(Array(message.utf8))])])
    }

    func channelClose(_ state: [UInt8]?, channel: String) throws -> ComponentValue? {
        try call(Self.client, "handle-channel-close", [Self.state(state), .tuple([.string(channel)])])
    }

    /// The size of the fixture's memory (its core module's only one), in 64 KiB pages.
    var memoryPages: Int? {
        instance.store.instances.lazy.flatMap(\.memories).first?.pageCount
    }
}
