/// A table of references. Entries use the value-stack encoding of references
/// (see `Reference.bits`): 0 is null.
public final class Table: @unchecked Sendable {
    public let type: TableType
    public internal(set) var elements: [UInt64]
    /// Most elements this table may grow to: its declared maximum capped by the store's limit.
    public let maxElements: UInt64

    public init(type: TableType, elementLimit: UInt64, initialValue: UInt64 = 0) throws(TableError) {
        self.type = type
        maxElements = Swift.min(type.limits.max ?? UInt64(UInt32.max), elementLimit)
        guard type.limits.min <= maxElements else { throw TableError.exceedsLimit(elements: type.limits.min) }
        elements = Array(repeating: initialValue, count: Int(type.limits.min))
    }

    public var count: Int { elements.count }

    /// `table.grow`: returns the old size, or -1 if the table would exceed its maximum.
    public func grow(by delta: UInt64, initialValue: UInt64) -> Int64 {
        let old = UInt64(elements.count)
        guard delta <= maxElements - old else { return -1 }
        elements.append(contentsOf: repeatElement(initialValue, count: Int(delta)))
        return Int64(old)
    }
}

public enum TableError: Error, Sendable, CustomStringConvertible {
    case exceedsLimit(elements: UInt64)
    public var description: String {
        switch self {
        case .exceedsLimit(let elements): return "table of \(elements) elements exceeds the limit"
        }
    }
}

/// A global variable. Values use the value-stack encoding; a v128 uses both words.
/// The value lives at a stable address so the interpreter can read and write it directly.
public final class GlobalVariable: @unchecked Sendable {
    public let type: GlobalType
    /// Two words: the value (low half of a v128) and the high half of a v128.
    let storage: UnsafeMutablePointer<UInt64>

    public init(type: GlobalType, low: UInt64, high: UInt64 = 0) {
        self.type = type
        storage = UnsafeMutablePointer<UInt64>.allocate(capacity: 2)
        storage.initialize(to: low)
        (storage + 1).initialize(to: high)
    }

    public convenience init(type: GlobalType, value: Value) {
        let (low, high) = value.slots
        self.init(type: type, low: low, high: high)
    }

    deinit { storage.deallocate() }

    public var low: UInt64 {
        get { storage[0] }
        set { storage[0] = newValue }
    }

    /// Upper half of a v128 global; 0 for other types.
    public var high: UInt64 {
        get { storage[1] }
        set { storage[1] = newValue }
    }

    public var value: Value {
        get { Value(low: low, high: high, type: type.valueType) }
        set { (low, high) = newValue.slots }
    }
}
