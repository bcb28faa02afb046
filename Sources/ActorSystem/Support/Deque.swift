/// A first-in first-out queue on a ring buffer: constant-time append and removal at the
/// front, and storage that shrinks back when the queue drains (a mailbox that once held a
/// burst does not keep the memory).
///
/// The capacity is a power of two, so positions wrap with a mask rather than a division,
/// and elements are moved, never copied, when the storage grows or they leave: this is
/// every message's path.
struct Deque<Element> {
    private var storage: [Element?] = []
    private var head = 0
    private(set) var count = 0

    /// Storage of at most this many slots is kept when the queue drains.
    private static var retainedCapacity: Int { 64 }

    init() {}

    var isEmpty: Bool { count == 0 }

    private var mask: Int { storage.count &- 1 }

    mutating func append(_ element: Element) {
        if count == storage.count { grow() }
        storage[(head &+ count) & mask] = element
        count &+= 1
    }

    /// Puts `element` in front of the others (it leaves first).
    mutating func prepend(_ element: Element) {
        if count == storage.count { grow() }
        head = (head &- 1) & mask
        storage[head] = element
        count &+= 1
    }

    mutating func popFirst() -> Element? {
        guard count > 0 else { return nil }
        let element = storage[head].take()
        head = (head &+ 1) & mask
        count &-= 1
        if count == 0 {
            head = 0
            if storage.count > Self.retainedCapacity { storage = [] }
        }
        return element
    }

    var first: Element? { count > 0 ? storage[head] : nil }

    /// Every element, oldest first (a copy).
    var elements: [Element] {
        (0..<count).compactMap { storage[(head &+ $0) & mask] }
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
        let (head, count, mask) = (head, count, mask)
        let newStorage = storage.withUnsafeMutableBufferPointer { old in
            [Element?](unsafeUninitializedCapacity: newCapacity) { new, initialized in
                guard let destination = new.baseAddress else { return }
                var moved = 0
                if let source = old.baseAddress {
                    while moved < count {
                        (destination + moved).initialize(to: (source + ((head &+ moved) & mask)).pointee.take())
                        moved &+= 1
                    }
                }
                (destination + moved).initialize(repeating: nil, count: newCapacity &- moved)
                initialized = newCapacity
            }
        }
        storage = newStorage
        self.head = 0
    }
}
extension Deque: Sendable where Element: Sendable {}
