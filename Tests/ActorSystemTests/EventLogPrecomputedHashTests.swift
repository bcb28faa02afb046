import Testing
@testable import ActorSystem

/// `ActorEventLog.append(_:timestamp:precomputed:)`: a hash computed outside the actor's
/// lock is used only while its parent is still the chain's last hash.
@Suite struct EventLogPrecomputedHashTests {
    private static func hash(_ content: ChainEventContent, parent: [UInt8]?, timestamp: UInt64) -> [UInt8] {
        ChainEventHashing.hash(
            parentHash: parent, eventType: content.type.rawValue, data: content.data, timestamp: timestamp,
            description: content.description)
    }

    @Test func aStalePrecomputedHashIsReplacedAndTheChainStillVerifies() throws {
        var log = ActorEventLog(retention: .all)
        let first = ChainEventContent.handlerCall(function: "handle-send", input: [1])
        let second = ChainEventContent.handlerCall(function: "handle-send", input: [2])
        // Hashed against the empty chain...
        let parent = log.parentHashOfNextEvent
        let staleHash = Self.hash(second, parent: parent, timestamp: 7)
        // ...but another event comes first.
        log.append(first, timestamp: 5, precomputed: (parent, Self.hash(first, parent: parent, timestamp: 5)))
        let appended = log.append(second, timestamp: 7, precomputed: (parent, staleHash))
        let event = try #require(appended)
        #expect(event.hash != staleHash)
        #expect(event.parentHash == log.events.first?.hash)
        #expect(event.hash == Self.hash(second, parent: event.parentHash, timestamp: 7))
        guard case .success = log.verify() else { Issue.record("the chain does not verify"); return }
    }

    @Test func aCurrentPrecomputedHashIsTheEventsHash() throws {
        var log = ActorEventLog(retention: .all)
        log.append(.handlerCall(function: "handle-send", input: [1]), timestamp: 1)
        let content = ChainEventContent.handlerCall(function: "handle-send", input: [9, 9])
        let parent = log.parentHashOfNextEvent
        let hash = Self.hash(content, parent: parent, timestamp: 3)
        let appended = log.append(content, timestamp: 3, precomputed: (parent, hash))
        let event = try #require(appended)
        #expect(event.hash == hash)
        guard case .success = log.verify() else { Issue.record("the chain does not verify"); return }
    }
}
