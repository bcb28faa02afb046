/// Timers ordered by deadline (a binary min-heap); timers with equal deadlines fire in
/// the order they were set. A timer can be cancelled before it fires (a request answered
/// before its timeout): it is only marked, and dropped when it reaches the top or when
/// cancelled timers make up half the heap, so cancelling costs no search.
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
    /// Sequences of timers in the heap that will fire unless cancelled.
    private var pending = Set<UInt64>()
    /// Sequences of cancelled timers still in the heap (never its first).
    private var cancelled = Set<UInt64>()

    /// Whether no timer is waiting to fire (cancelled ones do not count).
    var isEmpty: Bool { pending.isEmpty }
    var count: Int { pending.count }
    var earliestDeadline: UInt64? { heap.first?.deadline }

    /// Adds a timer; returns its id for `cancel`.
    @discardableResult
    mutating func add(deadline: UInt64, fire: @escaping @Sendable () -> Void) -> UInt64 {
        let sequence = nextSequence
        heap.append(Timer(deadline: deadline, sequence: sequence, fire: fire))
        pending.insert(sequence)
        nextSequence &+= 1
        var child = heap.count &- 1
        while child > 0 {
            let parent = (child &- 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
        return sequence
    }

    /// Cancels the timer `id` if it has not fired; does nothing otherwise.
    mutating func cancel(_ id: UInt64) {
        guard pending.remove(id) != nil else { return }
        cancelled.insert(id)
        dropCancelledFirst()
        if cancelled.count > 32, cancelled.count &* 2 > heap.count { compact() }
    }

    /// Removes and returns the timers due at `now`, earliest first.
    mutating func removeDue(now: UInt64) -> [Timer] {
        var due: [Timer] = []
        while let first = heap.first, first.deadline <= now {
            let timer = removeFirst()
            pending.remove(timer.sequence)
            due.append(timer)
            dropCancelledFirst()
        }
        return due
    }

    mutating func removeAll() {
        heap = []
        pending = []
        cancelled = []
    }

    /// Keeps the first timer a live one, so `earliestDeadline` is a real deadline.
    private mutating func dropCancelledFirst() {
        while let first = heap.first, cancelled.contains(first.sequence) {
            cancelled.remove(first.sequence)
            _ = removeFirst()
        }
    }

    /// Drops every cancelled timer; a sorted array is a valid heap.
    private mutating func compact() {
        heap = heap.filter { !cancelled.contains($0.sequence) }.sorted { $0.precedes($1) }
        cancelled = []
    }

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
