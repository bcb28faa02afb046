/// A component's world as WIT sees it: the interfaces it imports and exports (with their
/// types and functions), its world-level functions and types, and which interface owns
/// each named type. Built from the component's resolved type; printed by `WITPrinter`.
struct WITWorld {
    /// An interface: named by package and interface, or inline (`import host: interface {…}`).
    struct Interface {
        var qualifiedName: QualifiedInterfaceName?
        /// The interface name, or the plain import/export name of an inline interface.
        var name: String
        var types: [(name: String, id: TypeID)] = []
        var functions: [(name: String, id: TypeID)] = []
        /// Other identities of `types` (from a second use of the interface), by name: they
        /// are printed by that name too.
        var otherIdentities: [(name: String, id: TypeID)] = []
    }

    /// Where a named type is defined: an interface (by index), or the world itself.
    enum Scope: Hashable {
        case interface(Int)
        case world
    }

    enum Item {
        case interface(Int)
        case function(TypeID)
        /// Something WIT cannot state (a core module, a component, a value).
        case unsupported(ComponentSort)
    }

    var interfaces: [Interface] = []
    var imports: [(name: String, item: Item)] = []
    var exports: [(name: String, item: Item)] = []
    /// Types imported into the world itself, in order.
    var worldTypes: [(name: String, id: TypeID)] = []
    /// The scope and name of every type an interface (or the world) exports.
    var owners: [TypeID: (scope: Scope, name: String)] = [:]

    init(arena: TypeArena, componentType: ComponentTypeShape) {
        for (name, type) in componentType.imports {
            if case .type(let id) = type {
                worldTypes.append((name.name, id))
                owners[id] = owners[id] ?? (.world, name.name)
                continue
            }
            imports.append((name.fullName, item(named: name.fullName, type, arena: arena)))
        }
        for (name, type) in componentType.exports {
            // Types cannot be exported from a world; they only name things used elsewhere.
            if case .type = type { continue }
            exports.append((name.fullName, item(named: name.fullName, type, arena: arena)))
        }
    }

    private mutating func item(named name: String, _ type: ExternType, arena: TypeArena) -> Item {
        switch type {
        case .function(let id):
            return .function(id)
        case .instance(let id):
            guard case .instance(let shape) = arena[arena.unaliased(id)] else { return .unsupported(.instance) }
            return .interface(interfaceIndex(named: name, shape))
        default:
            return .unsupported(type.sort)
        }
    }

    /// The interface an instance import or export stands for. An interface imported and
    /// exported under one qualified name is one interface: each use lists only the types it
    /// needs, so the interface has the types and functions of both, the first use's first.
    private mutating func interfaceIndex(named name: String, _ shape: InstanceTypeShape) -> Int {
        let qualifiedName = QualifiedInterfaceName(name)
        var index = interfaces.count
        if let qualifiedName, let existing = interfaces.firstIndex(where: { $0.qualifiedName == qualifiedName }) {
            index = existing
        } else {
            interfaces.append(Interface(qualifiedName: qualifiedName, name: qualifiedName?.interface ?? name))
        }
        for (exportName, type) in shape.exports {
            add(exportName.name, type, to: index)
        }
        return index
    }

    private mutating func add(_ name: String, _ type: ExternType, to index: Int) {
        switch type {
        case .type(let id):
            if interfaces[index].types.contains(where: { $0.name == name }) {
                interfaces[index].otherIdentities.append((name, id))
                return
            }
            interfaces[index].types.append((name, id))
            if owners[id] == nil { owners[id] = (.interface(index), name) }
        case .function(let id):
            if !interfaces[index].functions.contains(where: { $0.name == name }) {
                interfaces[index].functions.append((name, id))
            }
        default:
            break
        }
    }

    /// The named types a scope defines or uses, in order.
    func types(of scope: Scope) -> [(name: String, id: TypeID)] {
        switch scope {
        case .interface(let index): return interfaces[index].types
        case .world: return worldTypes
        }
    }
}
