/// A first-in first-out queue on a ring buffer: constant-time append and removal at the
/// front, and storage that shrinks back when the queue drains (a mailbox that once held a
/// burst does not keep the memory).
struct Deque<Element> {
    private var storage: [Element?] = []
    private var head = 0
    private(set) var count = 0

    init() {}

    var isEmpty: Bool { count == 0 }

    mutating func append(_ element: Element) {
        if count == storage.count { grow() }
        storage[(head &+ count) % storage.count] = element
        count &+= 1
    }

    mutating func popFirst() -> Element? {
        guard count > 0 else { return nil }
        let element = storage[head]
        storage[head] = nil
        head = (head &+ 1) % storage.count
        count &-= 1
        if count == 0 {
            head = 0
            if storage.count > 64 { storage = [] }
        }
        return element
    }

    var first: Element? { count > 0 ? storage[head] : nil }

    /// Every element, oldest first (a copy).
    var elements: [Element] {
        (0..<count).compactMap { storage[(head &+ $0) % storage.count] }
    }

    /// Removes and returns every element, oldest first.
    mutating func removeAll() -> [Element] {
        var elements: [Element] = []
        elements.reserveCapacity(count)
        while let element = popFirst() { elements.append(element) }
        storage = []
        return elements
    }

    private mutating func grow() {
        let newCapacity = Swift.max(storage.count &* 2, 8)
        var newStorage = [Element?](repeating: nil, count: newCapacity)
        for index in 0..<count { newStorage[index] = storage[(head &+ index) % storage.count] }
        storage = newStorage
        head = 0
    }
}
extension Deque: Sendable where Element: Sendable {}
