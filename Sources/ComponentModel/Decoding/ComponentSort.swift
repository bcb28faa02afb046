/// A core index space that component definitions can refer to.
public enum CoreSort: UInt8, Sendable, Hashable, CustomStringConvertible {
    case function = 0x00
    case table = 0x01
    case memory = 0x02
    case global = 0x03
    case tag = 0x04
    case type = 0x10
    case module = 0x11
    case instance = 0x12

    public var description: String {
        switch self {
        case .function: return "func"
        case .table: return "table"
        case .memory: return "memory"
        case .global: return "global"
        case .tag: return "tag"
        case .type: return "type"
        case .module: return "module"
        case .instance: return "instance"
        }
    }
}

/// A component index space: one of the core sorts, or a component-level one.
public enum ComponentSort: Sendable, Hashable, CustomStringConvertible {
    case core(CoreSort)
    case function
    case value
    case type
    case component
    case instance

    public var description: String {
        switch self {
        case .core(let sort): return "core \(sort)"
        case .function: return "func"
        case .value: return "value"
        case .type: return "type"
        case .component: return "component"
        case .instance: return "instance"
        }
    }
}

/// An item of a core index space: `(sort index)`.
public struct CoreSortIndex: Sendable, Hashable {
    public var sort: CoreSort
    public var index: UInt32
    public init(sort: CoreSort, index: UInt32) {
        self.sort = sort
        self.index = index
    }
}

/// An item of a component index space: `(sort index)`.
public struct ComponentSortIndex: Sendable, Hashable {
    public var sort: ComponentSort
    public var index: UInt32
    public init(sort: ComponentSort, index: UInt32) {
        self.sort = sort
        self.index = index
    }
}
