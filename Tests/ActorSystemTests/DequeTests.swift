import Testing
@testable import ActorSystem

/// The ring buffer under mailboxes and the run queue: FIFO across growth and wrap-around.
@Suite struct DequeTests {
    @Test func elementsLeaveInTheOrderTheyCameAcrossGrowthAndWrapAround() {
        var queue = Deque<Int>()
        var expected: [Int] = []
        var next = 0
        // Interleave appends and removals so the head wraps while the storage grows.
        for round in 0..<200 {
            for _ in 0..<(round % 7 + 1) {
                queue.append(next)
                expected.append(next)
                next += 1
            }
            for _ in 0..<(round % 5) {
                #expect(queue.popFirst() == (expected.isEmpty ? nil : expected.removeFirst()))
            }
            #expect(queue.count == expected.count)
        }
        #expect(queue.elements == expected)
        #expect(queue.removeAll() == expected)
        #expect(queue.isEmpty)
        #expect(queue.popFirst() == nil)
    }

    @Test func prependedElementsLeaveFirst() {
        var queue = Deque<String>()
        for index in 0..<10 { queue.append("m\(index)") }
        _ = queue.popFirst()
        _ = queue.popFirst()
        queue.prepend("b")
        queue.prepend("a")
        #expect(queue.elements == ["a", "b"] + (2..<10).map { "m\($0)" })
        var empty = Deque<String>()
        empty.prepend("only")
        #expect(empty.popFirst() == "only")
    }
}
