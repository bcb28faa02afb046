import Testing

@testable import ActorSystem

/// The scheduler's timers: order, and cancellation (marked, dropped lazily).
@Suite struct TimerQueueTests {
    @Test func cancelledTimersNeitherFireNorCount() {
        var queue = TimerQueue()
        let first = queue.add(deadline: 10) {}
        let second = queue.add(deadline: 20) {}
        let third = queue.add(deadline: 20) {}
        let fourth = queue.add(deadline: 30) {}
        queue.cancel(second)
        #expect(queue.count == 3)
        queue.cancel(first)
        #expect(queue.earliestDeadline == 20)
        queue.cancel(first)   // twice: nothing more happens
        #expect(queue.count == 2)
        let due = queue.removeDue(now: 25)
        #expect(due.map(\.sequence) == [third])
        #expect(queue.earliestDeadline == 30)
        queue.cancel(fourth)
        #expect(queue.isEmpty)
        #expect(queue.earliestDeadline == nil)
        queue.cancel(third)   // already fired
        #expect(queue.isEmpty)
    }

    @Test func theTimersLeftAfterManyCancellationsFireInOrder() {
        var queue = TimerQueue()
        var kept: [UInt64] = []
        for index in 0..<1_000 {
            let id = queue.add(deadline: UInt64(1_000 - index)) {}
            if index % 10 == 0 { kept.append(id) } else { queue.cancel(id) }
        }
        #expect(queue.count == 100)
        let due = queue.removeDue(now: .max)
        #expect(due.map(\.sequence) == kept.reversed())
        #expect(queue.isEmpty)
    }
}
