/// How to instantiate a component that only passes its imports on: its definitions are
/// imports, exports and types that are not resources (the shims wasm-tools wraps around
/// each exported interface, giving the core functions their interface's names and types).
/// Such an instance creates nothing: each export is one of the instantiation's arguments.
/// So it needs no scope walking its definitions and no instance state (nothing in it can
/// be entered), only a list built from the arguments.
struct ForwardingPlan: Sendable {
    /// The component's imports in order: what to find among the arguments.
    let imports: [(name: String, sort: ComponentSort)]
    /// The component's exports in order: their names, and the import each passes on (nil
    /// for a type, which has no run-time value).
    let exports: [(name: String, importPosition: Int?)]

    /// The plan for `component`, or nil if it defines anything but imports, exports and
    /// plain types, or exports something that is not an import.
    init?(_ component: Component) {
        var imports: [(name: String, sort: ComponentSort)] = []
        var exports: [(name: String, importPosition: Int?)] = []
        // Per sort with run-time items, its index space: the import each entry is.
        var spaces: [ComponentSort: [Int]] = [:]
        for definition in component.definitions {
            switch definition {
            case .type(.resource):
                return nil
            case .type, .coreType:
                continue
            case .import(let componentImport):
                let sort = componentImport.type.sort
                guard Self.hasRunTimeItems(sort) else { return nil }
                if sort != .type { spaces[sort, default: []].append(imports.count) }
                imports.append((componentImport.name.name, sort))
            case .export(let export):
                guard export.item.sort != .type else {
                    exports.append((export.name.name, nil))
                    continue
                }
                guard Self.hasRunTimeItems(export.item.sort) else { return nil }
                let position = Int(export.item.index)
                guard let space = spaces[export.item.sort], position < space.count else { return nil }
                // An export is also the next item of its sort's index space.
                spaces[export.item.sort, default: []].append(space[position])
                exports.append((export.name.name, space[position]))
            default:
                return nil
            }
        }
        self.imports = imports
        self.exports = exports
    }

    /// By index, from the end, comparing in place (a closure would copy every entry).
    private static func lastArgument(named name: String, in arguments: [(name: String, item: RuntimeItem)]) -> RuntimeItem? {
        var index = arguments.count
        while index > 0 {
            index -= 1
            if arguments[index].name == name { return arguments[index].item }
        }
        return nil
    }

    /// The sorts whose items instantiation passes around (values and core items other
    /// than modules are errors there, left to it).
    private static func hasRunTimeItems(_ sort: ComponentSort) -> Bool {
        switch sort {
        case .function, .instance, .component, .type, .core(.module): return true
        default: return false
        }
    }

    /// The instance's exports, made of `arguments` (the last one of each name counts).
    /// - Throws: `ComponentLinkError` when an import has no argument or one of another sort,
    ///   with the messages instantiating it definition by definition gives.
    func instantiate(with arguments: [(name: String, item: RuntimeItem)]) throws(ComponentLinkError) -> RuntimeInstance {
        var items: [RuntimeItem] = []
        items.reserveCapacity(imports.count)
        for (name, sort) in imports {
            guard let item = Self.lastArgument(named: name, in: arguments) else {
                throw ComponentLinkError(.invalidComponent, "instantiation has no argument for import \"\(name)\"")
            }
            guard item.matches(sort) else {
                throw ComponentLinkError(
                    .invalidComponent, "argument for import \"\(name)\" is a \(item.sortName), not a \(sort)")
            }
            items.append(item)
        }
        var exported: [(name: String, item: RuntimeItem)] = []
        exported.reserveCapacity(exports.count)
        for (name, importPosition) in exports {
            exported.append((name, importPosition.map { items[$0] } ?? .type))
        }
        return RuntimeInstance(exports: exported)
    }
}
