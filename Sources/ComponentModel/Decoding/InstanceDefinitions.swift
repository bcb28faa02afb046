/// How a core instance is made: by instantiating a core module, or by bundling items.
public enum CoreInstanceExpression: Sendable, Hashable {
    /// `(instantiate m (with name (instance i))*)`: each argument supplies the imports
    /// whose module name is `name`.
    case instantiate(module: UInt32, arguments: [CoreInstantiationArgument])
    /// A core instance whose exports are the listed items.
    case exports([CoreInlineExport])
}

/// `(with name (instance i))`: the core instance supplying imports from module `name`.
public struct CoreInstantiationArgument: Sendable, Hashable {
    public var name: String
    /// A core instance index (the only sort core instantiation accepts).
    public var instance: UInt32
    public init(name: String, instance: UInt32) {
        self.name = name
        self.instance = instance
    }
}

/// An export of a bundled core instance: a name for a core item.
public struct CoreInlineExport: Sendable, Hashable {
    public var name: String
    public var item: CoreSortIndex
    public init(name: String, item: CoreSortIndex) {
        self.name = name
        self.item = item
    }
}

/// How a component instance is made: by instantiating a component, or by bundling items.
public enum InstanceExpression: Sendable, Hashable {
    case instantiate(component: UInt32, arguments: [InstantiationArgument])
    case exports([InlineExport])
}

/// `(with name item)`: what satisfies the import `name` of an instantiated component.
public struct InstantiationArgument: Sendable, Hashable {
    /// The import name the argument satisfies.
    public var name: String
    public var item: ComponentSortIndex
    public init(name: String, item: ComponentSortIndex) {
        self.name = name
        self.item = item
    }
}

/// An export of a bundled component instance: a name for an item.
public struct InlineExport: Sendable, Hashable {
    public var name: ExternName
    public var item: ComponentSortIndex
    public init(name: ExternName, item: ComponentSortIndex) {
        self.name = name
        self.item = item
    }
}

/// An alias: a new index for an item defined elsewhere.
public struct Alias: Sendable, Hashable {
    public var sort: ComponentSort
    public var target: AliasTarget
    public init(sort: ComponentSort, target: AliasTarget) {
        self.sort = sort
        self.target = target
    }
}

/// What an alias refers to.
public enum AliasTarget: Sendable, Hashable {
    /// An export of a component instance.
    case export(instance: UInt32, name: String)
    /// An export of a core instance.
    case coreExport(instance: UInt32, name: String)
    /// Item `index` of an enclosing scope `count` levels out (0 is the current scope).
    case outer(count: UInt32, index: UInt32)
}
