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
public final class GlobalVariable: @unchecked Sendable {
    public let type: GlobalType
    public var low: UInt64
    /// Upper half of a v128 global; 0 for other types.
    public var high: UInt64

    public init(type: GlobalType, low: UInt64, high: UInt64 = 0) {
        self.type = type
        self.low = low
        self.high = high
    }

    public convenience init(type: GlobalType, value: Value) {
        let (low, high) = value.slots
        self.init(type: type, low: low, high: high)
    }

    public var value: Value {
        get { Value(low: low, high: high, type: type.valueType) }
        set { (low, high) = newValue.slots }
    }
}
