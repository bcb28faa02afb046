import ComponentModel
import Testing

@testable import ActorSystem

@Suite struct EventChainTests {
    /// A chain of the runtime's event kinds with fixed timestamps.
    private func sampleChain() -> EventChain {
        var chain = EventChain()
        chain.append(.initialize(actorID: "counter", state: nil), timestamp: 1_000)
        chain.append(.handlerCall(function: "handle-send", input: [1, 2, 3]), timestamp: 1_001)
        chain.append(.hostCall(interface: "theater:simple/runtime", function: "log", input: Array("hi".utf8), output: []), timestamp: 1_002)
        chain.append(.handlerResult(function: "handle-send", outcome: .success(output: [7])), timestamp: 1_003)
        chain.append(.stateChange(state: [7]), timestamp: 1_004)
        chain.append(type: "custom-event", data: [0xff, 0x00], timestamp: 1_005)
        chain.append(.crash(cause: "unreachable", backtrace: ["func 3", "func 1"]), timestamp: 1_006)
        chain.append(.restart(stateSource: "last-good", state: [7]), timestamp: 1_007)
        chain.append(.shutdown(data: nil), timestamp: 1_008)
        return chain
    }

    private func failure(_ events: [ChainEvent]) -> ChainVerificationFailure? {
        if case .failure(let failure) = ChainVerifier.verify(events) { return failure }
        return nil
    }

    @Test func appendedEventsLinkToTheirParentsAndVerify() {
        let chain = sampleChain()
        #expect(chain.count == 9)
        #expect(chain.events.first?.parentHash == nil)
        for (index, event) in chain.events.enumerated() {
            #expect(event.sequence == UInt64(index))
            #expect(event.hash.count == 32)
            if index > 0 { #expect(event.parentHash == chain.events[index - 1].hash) }
        }
        #expect(chain.lastHash == chain.events.last?.hash)
        #expect(failure(chain.events) == nil)
    }

    @Test func emptyChainVerifiesAndHasNoLastHash() {
        #expect(EventChain().lastHash == nil)
        #expect(failure([]) == nil)
    }

    @Test func canonicalEncodingIsLengthPrefixedAsDocumented() {
        let encoding = ChainEventHashing.encoding(
            parentHash: nil, eventType: "init", data: [0xff], timestamp: 1, description: nil)
        #expect(
            HexEncoding.string(from: encoding)
                == "00" + "0000000000000004" + "696e6974" + "0000000000000001" + "ff" + "0000000000000001" + "00")
        let withParent = ChainEventHashing.encoding(
            parentHash: [0xaa, 0xbb], eventType: "", data: [], timestamp: 0x0102, description: "é")
        #expect(
            HexEncoding.string(from: withParent)
                == "01" + "0000000000000002" + "aabb" + "0000000000000000" + "0000000000000000" + "0000000000000102"
                + "01" + "0000000000000002" + "c3a9")
        #expect(
            ChainEventHashing.hash(parentHash: nil, eventType: "init", data: [0xff], timestamp: 1, description: nil)
                == SHA256.hash(encoding))
    }

    @Test func movingBytesBetweenFieldsChangesTheHash() {
        // Without length prefixes these two would encode alike.
        let first = ChainEventHashing.hash(parentHash: nil, eventType: "ab", data: [0x63], timestamp: 0, description: nil)
        let second = ChainEventHashing.hash(parentHash: nil, eventType: "a", data: Array("bc".utf8), timestamp: 0, description: nil)
        #expect(first != second)
        let noDescription = ChainEventHashing.hash(parentHash: nil, eventType: "a", data: [], timestamp: 0, description: nil)
        let emptyDescription = ChainEventHashing.hash(parentHash: nil, eventType: "a", data: [], timestamp: 0, description: "")
        #expect(noDescription != emptyDescription)
    }

    /// Every way of altering one field of one event, applied to each event in turn.
    private static let tamperings: [(name: String, apply: @Sendable (inout ChainEvent) -> Void)] = [
        ("flip a data byte", { $0.data = $0.data.isEmpty ? [0] : [$0.data[0] ^ 0x01] + $0.data.dropFirst() }),
        ("append a data byte", { $0.data.append(0) }),
        ("change the type", { $0.eventType += "x" }),
        ("change the timestamp", { $0.timestamp &+= 1 }),
        ("add or change the description", { $0.description = ($0.description ?? "") + "!" }),
        ("remove the description", { $0.description = $0.description == nil ? "" : nil }),
        ("flip a hash bit", { $0.hash[31] ^= 0x80 }),
        ("flip a parent hash bit", { $0.parentHash = $0.parentHash.map { [$0[0] ^ 1] + $0.dropFirst() } ?? [0] }),
        ("change the sequence", { $0.sequence &+= 1 }),
    ]

    @Test func tamperingWithAnyFieldOfAnyEventIsReportedAtThatEvent() {
        let events = sampleChain().events
        for (name, apply) in Self.tamperings {
            for index in events.indices {
                var tampered = events
                apply(&tampered[index])
                let found = failure(tampered)
                #expect(found?.index == index, "\(name) at \(index): \(String(describing: found))")
            }
        }
    }

    @Test func tamperingThatRecomputesTheHashIsCaughtAtTheNextEvent() {
        let events = sampleChain().events
        var tampered = events
        tampered[3].data = [9, 9, 9]
        tampered[3].hash = tampered[3].computedHash
        let found = failure(tampered)
        #expect(found?.index == 4)
        #expect(found?.reason == .parentMismatch(expected: tampered[3].hash, found: events[3].hash))
    }

    @Test func flippingAnyBitOfAnEventsBytesIsDetected() {
        let events = sampleChain().events
        let index = 2
        for byteIndex in events[index].data.indices {
            for bit in 0..<8 {
                var tampered = events
                tampered[index].data[byteIndex] ^= UInt8(1) << UInt8(bit)
                #expect(failure(tampered)?.index == index)
            }
        }
    }

    @Test func removingReorderingOrInsertingEventsIsDetected() {
        let events = sampleChain().events
        var removed = events
        removed.remove(at: 4)
        #expect(failure(removed)?.index == 4)
        #expect(failure(removed)?.reason == .sequenceMismatch(expected: 4, found: 5))

        var swapped = events
        swapped.swapAt(2, 3)
        #expect(failure(swapped)?.index == 2)

        #expect(failure(Array(events.dropFirst()))?.index == 0)
    }

    @Test func hashMismatchNamesBothHashes() {
        var events = sampleChain().events
        events[5].data = [1]
        let found = failure(events)
        #expect(found?.reason == .hashMismatch(computed: events[5].computedHash, stored: events[5].hash))
        #expect(found?.description.hasPrefix("event 5 (sequence 5): stored hash") == true)
    }

    @Test func aSegmentVerifiesAsTheContinuationOfItsPredecessor() {
        let events = sampleChain().events
        let segment = Array(events[4...])
        #expect((try? ChainVerifier.verify(segment, continuing: events[3]).get()) != nil)
        #expect(failure(segment)?.index == 0)
        if case .failure(let found) = ChainVerifier.verify(segment, continuing: events[2]) {
            #expect(found.index == 0)
        } else {
            Issue.record("a segment continuing the wrong event verified")
        }
    }

    @Test func restoringAChainRequiresItToVerify() throws {
        let original = sampleChain()
        var restored = try EventChain(verifying: original.events)
        restored.append(type: .stop, data: [], timestamp: 2_000)
        #expect(failure(restored.events) == nil)
        #expect(restored.events.last?.parentHash == original.lastHash)

        var broken = original.events
        broken[1].timestamp = 0
        #expect(throws: ChainVerificationFailure.self) { try EventChain(verifying: broken) }
    }

    @Test func eventsAfterASequenceNumberAreTheUnseenOnes() {
        let chain = sampleChain()
        #expect(chain.events(after: nil).count == 9)
        #expect(chain.events(after: 6).map(\.sequence) == [7, 8])
        #expect(chain.events(after: 8).isEmpty)
        #expect(chain.events(after: .max).isEmpty)
    }

    @Test func defaultTimestampIsMillisecondsSinceTheEpoch() {
        var chain = EventChain()
        let event = chain.append(type: .initialize, data: [])
        // After 2020-01-01 and before 2100-01-01, in milliseconds.
        #expect(event.timestamp > 1_577_836_800_000)
        #expect(event.timestamp < 4_102_444_800_000)
    }

    // MARK: Payloads

    @Test func runtimeEventPayloadsAreJSONWithHexBytes() {
        let call = ChainEventContent.handlerCall(function: "handle-send", input: [1, 2])
        #expect(call.type == .handlerCall)
        #expect(String(decoding: call.data, as: UTF8.self) == #"{"function":"handle-send","input":"0102"}"#)

        let failed = ChainEventContent.handlerResult(function: "init", outcome: .failure(message: "bad \"state\""))
        #expect(String(decoding: failed.data, as: UTF8.self) == #"{"function":"init","outcome":"failure","message":"bad \"state\""}"#)

        let crash = ChainEventContent.crash(cause: "trap", backtrace: ["a", "b"])
        #expect(String(decoding: crash.data, as: UTF8.self) == #"{"cause":"trap","backtrace":["a","b"]}"#)
        #expect(crash.type.rawValue == "crash")

        let restart = ChainEventContent.restart(stateSource: "initial", state: nil)
        #expect(String(decoding: restart.data, as: UTF8.self) == #"{"state-source":"initial","state":null}"#)
    }

    @Test func eventTypeNamesAreStable() {
        let names: [ChainEventType] = [
            .initialize, .handlerCall, .handlerResult, .hostCall, .error, .stateChange, .shutdown,
            .crash, .restart, .stop, .exit, .escalation,
        ]
        #expect(
            names.map(\.rawValue) == [
                "init", "handler-call", "handler-result", "host-call", "error", "state-change", "shutdown",
                "crash", "restart", "stop", "exit", "escalation",
            ])
    }

    // MARK: JSON lines

    @Test func jsonLineRendersTextDataAsAStringAndParentAsNullFirst() {
        var chain = EventChain()
        let event = chain.append(type: "note", data: Array("say \"hi\"\n\u{1}é".utf8), timestamp: 5)
        let hash = HexEncoding.string(from: event.hash)
        #expect(
            event.jsonLine(actor: "a\"b")
                == #"{"actor":"a\"b","seq":0,"type":"note","hash":"\#(hash)","parent":null,"timestamp":5,"#
                + #""data":"say \"hi\"\n\u0001é","data_encoding":"utf8","description":null}"#)
    }

    @Test func jsonLineRendersBinaryDataAsHex() {
        var chain = EventChain()
        chain.append(type: "a", data: [], timestamp: 1)
        let event = chain.append(type: "b", data: [0xff, 0xfe, 0x00], description: "tab\there", timestamp: 2)
        let line = event.jsonLine(actor: "x")
        #expect(line.contains(#""parent":"\#(HexEncoding.string(from: chain.events[0].hash))""#))
        #expect(line.contains(#""data":"fffe00","data_encoding":"hex","description":"tab\there"}"#))
    }

    // MARK: WIT values

    @Test func chainEventComponentValueHasTheWITFieldOrder() {
        let chain = sampleChain()
        let event = chain.events[1]
        #expect(
            event.componentValue()
                == .record([
                    .bytes(event.hash), .option(.bytes(chain.events[0].hash)), .string("handler-call"),
                    .bytes(event.data), .u64(1_001), .option(.string("call handle-send with 3 bytes")),
                ]))
        #expect(chain.events[0].componentValue() == .record([
            .bytes(chain.events[0].hash), .option(nil), .string("init"), .bytes(chain.events[0].data), .u64(1_000),
            .option(.string("actor counter initialized")),
        ]))
        guard case .record(let fields) = ChainEvent.componentType else {
            Issue.record("chain-event type is not a record")
            return
        }
        #expect(fields.map(\.name) == ["hash", "parent-hash", "event-type", "data", "timestamp", "description"])
    }

    @Test func metaEventsUseTheFirstEightHashBytesBigEndian() {
        #expect(ChainEvent.shortHash(of: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) == 0x0102_0304_0506_0708)
        #expect(ChainEvent.shortHash(of: [0xff]) == 0xff00_0000_0000_0000)
        let chain = sampleChain()
        let value = chain.componentValue()
        let expected: [ComponentValue] = chain.events.map { event in
            .record([
                .u64(event.shortHash),
                .record([
                    .string(event.eventType),
                    .option(event.parentHash.map { .u64(ChainEvent.shortHash(of: $0)) }),
                    .bytes(event.data),
                ]),
            ])
        }
        #expect(value == .record([.list(expected)]))
        if case .record(let fields) = value, case .list(let metas) = fields.first,
            case .record(let second) = metas[1], case .record(let inner) = second[1]
        {
            #expect(inner[1] == .option(.u64(chain.events[0].shortHash)))
        } else {
            Issue.record("unexpected chain shape")
        }
        #expect(chain.chainEventListComponentValue() == .list(chain.events.map { $0.componentValue() }))
    }
}
