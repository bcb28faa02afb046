/// An import of a component or component type.
public struct ComponentImport: Sendable, Hashable {
    public var name: ExternName
    public var type: ExternDescriptor
    public init(name: ExternName, type: ExternDescriptor) {
        self.name = name
        self.type = type
    }
}

/// An export of a component: an item, and optionally the type it is ascribed.
public struct ComponentExport: Sendable, Hashable {
    public var name: ExternName
    public var item: ComponentSortIndex
    public var ascribedType: ExternDescriptor?
    public init(name: ExternName, item: ComponentSortIndex, ascribedType: ExternDescriptor? = nil) {
        self.name = name
        self.item = item
        self.ascribedType = ascribedType
    }
}
