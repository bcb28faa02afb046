/// Timers ordered by deadline (a binary min-heap); timers with equal deadlines fire in
/// the order they were set.
struct TimerQueue: Sendable {
    struct Timer: Sendable {
        /// Milliseconds since the Unix epoch (on the scheduler's clock).
        var deadline: UInt64
        var sequence: UInt64
        var fire: @Sendable () -> Void

        func precedes(_ other: Timer) -> Bool {
            deadline != other.deadline ? deadline < other.deadline : sequence < other.sequence
        }
    }

    private var heap: [Timer] = []
    private var nextSequence: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }
    var earliestDeadline: UInt64? { heap.first?.deadline }

    mutating func add(deadline: UInt64, fire: @escaping @Sendable () -> Void) {
        heap.append(Timer(deadline: deadline, sequence: nextSequence, fire: fire))
        nextSequence &+= 1
        var child = heap.count &- 1
        while child > 0 {
            let parent = (child &- 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the timers due at `now`, earliest first.
    mutating func removeDue(now: UInt64) -> [Timer] {
        var due: [Timer] = []
        while let first = heap.first, first.deadline <= now {
            due.append(removeFirst())
        }
        return due
    }

    mutating func removeAll() { heap = [] }

    private mutating func removeFirst() -> Timer {
        let first = heap[0]
        let last = heap.removeLast()
        guard !heap.isEmpty else { return first }
        heap[0] = last
        var parent = 0
        while true {
            let left = parent &* 2 &+ 1
            let right = left &+ 1
            var smallest = parent
            if left < heap.count, heap[left].precedes(heap[smallest]) { smallest = left }
            if right < heap.count, heap[right].precedes(heap[smallest]) { smallest = right }
            guard smallest != parent else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }
}
