import Foundation
import Testing
import ComponentModel
@testable import WasmInterp

/// One `GuestCall` started again for each call (`makeReusableCall` and
/// `start(fuel:lowering:)`), with typed lowering and lifting: the actor system's path for
/// every message.
@Suite struct ReusableGuestCallTests {
    private static let client = "theater:simple/message-server-client"

    private static func noop() throws -> ComponentInstance {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/actors/noop.wasm")
        return try LoadedComponent(bytes: [UInt8](Data(contentsOf: url))).instantiate(imports: ComponentImports())
    }

    private typealias SendResult = ComponentResult<ComponentTuple<[UInt8]?>, String>
    private typealias RequestResult = ComponentResult<ComponentTuple<[UInt8]?, ComponentTuple<[UInt8]?>>, String>

    @Test func oneCallServesManyCallsWithTheirOwnArguments() throws {
        let instance = try Self.noop()
        let send = try instance.function(interface: Self.client, name: "handle-send")
        let call = try send.makeReusableCall { (reader: inout CanonicalReader) throws(CanonicalABIError) in
            try reader.read(SendResult.self)
        }
        for index in 0..<200 {
            let state: [UInt8]? = index % 3 == 0 ? nil : Array("state \(index)".utf8)
            let message = Array(repeating: UInt8(truncatingIfNeeded: index), count: index)
            let outcome = call.start(fuel: 1_000_000) { (writer: inout CanonicalWriter) throws(CanonicalABIError) in
                try writer.write(state)
                try writer.write(message)
            }
            guard case .returned(.ok(let tuple)) = outcome else {
                Issue.record("call \(index): \(outcome)")
                return
            }
            #expect(tuple.elements == state)
        }
        // Arguments written by hand give what the dynamic path gives.
        let dynamic = try send.call([.option(.bytes([1, 2])), .tuple([.bytes([3])])])
        #expect(dynamic == .ok(.tuple([.option(.bytes([1, 2]))])))
    }

    @Test func aReusableCallLiftsNestedTuplesAndKeepsMemoryFlat() throws {
        let instance = try Self.noop()
        let request = try instance.function(interface: Self.client, name: "handle-request")
        let call = try request.makeReusableCall { (reader: inout CanonicalReader) throws(CanonicalABIError) in
            try reader.read(RequestResult.self)
        }
        let message = [UInt8](repeating: 7, count: 10_000)
        for _ in 0..<100 {
            let outcome = call.start { (writer: inout CanonicalWriter) throws(CanonicalABIError) in
                try writer.write([UInt8]?.some([9]))
                try writer.write("request-1")
                try writer.write(message)
            }
            guard case .returned(.ok(let tuple)) = outcome else {
                Issue.record("\(outcome)")
                return
            }
            let (state, reply) = tuple.elements
            #expect(state == [9])
            #expect(reply.elements == .some(message))
        }
        // 100 messages of 10 kB would take 16 pages if the guest's heap were not reused.
        #expect((instance.store.instances.lazy.flatMap(\.memories).first?.pageCount ?? 0) <= 2)
    }

    @Test func aReusableCallCannotStartWithoutArgumentsOrWhileRunning() throws {
        let instance = try Self.noop()
        let send = try instance.function(interface: Self.client, name: "handle-send")
        let call = try send.makeReusableCall { (reader: inout CanonicalReader) throws(CanonicalABIError) in
            try reader.read(SendResult.self)
        }
        guard case .trapped(.invalidCallState) = call.start() else {
            Issue.record("a reusable call started without arguments")
            return
        }
        let lowering = { (writer: inout CanonicalWriter) throws(CanonicalABIError) in
            try writer.write([UInt8]?.none)
            try writer.write([UInt8]())
        }
        guard case .outOfFuel = call.start(fuel: 1, lowering: lowering) else {
            Issue.record("expected to run out of fuel")
            return
        }
        guard case .trapped(.invalidCallState) = call.start(fuel: 1_000, lowering: lowering) else {
            Issue.record("started again before the previous call finished")
            return
        }
        guard case .returned(.ok) = call.run(fuel: 1_000_000) else {
            Issue.record("the first call did not finish")
            return
        }
        guard case .returned(.ok) = call.start(fuel: 1_000_000, lowering: lowering) else {
            Issue.record("did not start again after finishing")
            return
        }
    }
}
