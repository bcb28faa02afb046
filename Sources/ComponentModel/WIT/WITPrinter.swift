/// Prints a component's world in WIT syntax, the way `wasm-tools component wit` does: the
/// world `root` of package `root:component` with its imports and exports, then each
/// package of the interfaces it names, with their types and functions.
///
/// ```swift
/// let component = try Component(bytes: bytes)
/// print(try WITPrinter.print(component))
/// ```
public enum WITPrinter {
    /// The WIT text of `component`'s world.
    public static func print(_ component: Component) throws(ComponentTypeError) -> String {
        let (arena, resolved) = try TypeResolver.resolve(component)
        guard case .component(let type) = arena[resolved.typeID] else {
            throw ComponentTypeError("the component has no component type")
        }
        var writer = WITTextWriter(world: WITWorld(arena: arena, componentType: type), arena: arena)
        return writer.render()
    }
}

/// The printing itself: one pass over a `WITWorld`.
struct WITTextWriter {
    let world: WITWorld
    let arena: TypeArena
    var output = WITOutput()
    /// For each scope, every identity on the alias chain of each of its type exports, by
    /// the export's name: a type is printed by the name the scope knows it under.
    private var localNames: [WITWorld.Scope: [TypeID: String]] = [:]
    private let typeTextCache = TypeTextCache()

    init(world: WITWorld, arena: TypeArena) {
        self.world = world
        self.arena = arena
        localNames[.world] = Self.names(along: world.worldTypes, arena)
        for index in world.interfaces.indices {
            let interface = world.interfaces[index]
            localNames[.interface(index)] = Self.names(along: interface.types + interface.otherIdentities, arena)
        }
    }

    private static func names(along types: [(name: String, id: TypeID)], _ arena: TypeArena) -> [TypeID: String] {
        var names: [TypeID: String] = [:]
        for (name, id) in types {
            var current = id
            while true {
                if names[current] == nil { names[current] = name }
                guard case .alias(let target) = arena[current] else { break }
                current = target
            }
        }
        return names
    }

    mutating func render() -> String {
        output.line("package root:component;")
        output.blankLine()
        let outer = output.open("world root")
        writeWorldBody()
        output.close(restoring: outer)
        for (position, package) in packages().enumerated() {
            if position > 0 {
                output.blankLine()
                output.blankLine()
            }
            let enclosing = output.open("package " + package.name)
            for index in package.interfaces {
                let block = output.open("interface " + WITNames.escaped(world.interfaces[index].name))
                writeInterfaceBody(index)
                output.close(restoring: block)
            }
            output.close(restoring: enclosing)
        }
        return output.text
    }

    /// The packages of the named interfaces, in order of first appearance.
    private func packages() -> [(name: String, interfaces: [Int])] {
        var packages: [(key: String, name: String, interfaces: [Int])] = []
        for (index, interface) in world.interfaces.enumerated() {
            guard let qualifiedName = interface.qualifiedName else { continue }
            if let position = packages.firstIndex(where: { $0.key == qualifiedName.packageKey }) {
                packages[position].interfaces.append(index)
            } else {
                packages.append((qualifiedName.packageKey, qualifiedName.packageText, [index]))
            }
        }
        return packages.map { ($0.name, $0.interfaces) }
    }

    // MARK: World

    /// Interface imports, then the world's types, then function imports (the order WIT
    /// encodes a world in), then the exports after a blank line. Imports are not separated
    /// by blank lines, but what follows them is.
    private mutating func writeWorldBody() {
        var functionImports: [(name: String, item: WITWorld.Item)] = []
        for (name, item) in world.imports {
            if case .function = item {
                functionImports.append((name, item))
                continue
            }
            writeWorldItem("import", name, item)
            output.hasItems = true
        }
        writeTypes(of: .world, resourceFunctions: [:])
        for (name, item) in functionImports {
            writeWorldItem("import", name, item)
            output.hasItems = true
        }
        if !world.exports.isEmpty { output.startItem() }
        for (name, item) in world.exports {
            writeWorldItem("export", name, item)
        }
    }

    private mutating func writeWorldItem(_ direction: String, _ name: String, _ item: WITWorld.Item) {
        switch item {
        case .interface(let index):
            if let qualifiedName = world.interfaces[index].qualifiedName {
                output.line("\(direction) \(qualifiedName.pathText);")
            } else {
                let block = output.open("\(direction) \(WITNames.escaped(name)): interface")
                writeInterfaceBody(index)
                output.close(restoring: block)
            }
        case .function(let id):
            output.line("\(direction) \(WITNames.escaped(name)): \(functionText(id, .freestanding, in: .world));")
        case .unsupported(let sort):
            output.line("// \(direction) \(name): a \(sort), which WIT cannot express")
        }
    }

    // MARK: Interfaces

    private mutating func writeInterfaceBody(_ index: Int) {
        let interface = world.interfaces[index]
        let typeNames = Set(interface.types.map(\.name))
        var resourceFunctions: [String: [(kind: WITFunctionKind, id: TypeID)]] = [:]
        var freestanding: [(name: String, id: TypeID)] = []
        for (name, id) in interface.functions {
            let kind = WITFunctionKind(name)
            if let resource = kind.resource, typeNames.contains(resource) {
                resourceFunctions[resource, default: []].append((kind, id))
            } else {
                freestanding.append((name, id))
            }
        }
        writeTypes(of: .interface(index), resourceFunctions: resourceFunctions)
        for (name, id) in freestanding {
            output.startItem()
            output.line("\(WITNames.escaped(name)): \(functionText(id, .freestanding, in: .interface(index)));")
        }
    }

    /// A scope's types: first `use` statements for those defined by other interfaces
    /// (consecutive ones from one interface share a statement), then the definitions.
    private mutating func writeTypes(
        of scope: WITWorld.Scope, resourceFunctions: [String: [(kind: WITFunctionKind, id: TypeID)]]
    ) {
        var uses: [(owner: WITWorld.Scope, names: [(mine: String, theirs: String)])] = []
        var definitions: [(name: String, id: TypeID)] = []
        for (name, id) in world.types(of: scope) {
            guard let owner = foreignDefinition(of: id, in: scope) else {
                definitions.append((name, id))
                continue
            }
            if let last = uses.last, last.owner == owner.scope {
                uses[uses.count - 1].names.append((name, owner.name))
            } else {
                uses.append((owner.scope, [(name, owner.name)]))
            }
        }
        for use in uses {
            output.hasItems = true
            let names = use.names.map { pair in
                pair.mine == pair.theirs
                    ? WITNames.escaped(pair.mine)
                    : WITNames.escaped(pair.theirs) + " as " + WITNames.escaped(pair.mine)
            }
            output.line("use \(path(to: use.owner, from: scope)).{\(names.joined(separator: ", "))};")
        }
        for (name, id) in definitions {
            output.startItem()
            writeDefinition(name, id, in: scope, resourceFunctions: resourceFunctions[name] ?? [])
        }
    }

    /// The interface a type export stands for another's type of, if it is a plain alias
    /// of a type another scope exports (a `use`).
    private func foreignDefinition(of id: TypeID, in scope: WITWorld.Scope) -> (scope: WITWorld.Scope, name: String)? {
        guard case .alias(var current) = arena[id] else { return nil }
        while true {
            if let owner = world.owners[current] { return owner.scope == scope ? nil : owner }
            guard case .alias(let next) = arena[current] else { return nil }
            current = next
        }
    }

    /// How `scope` refers to interface `owner` in a `use`: by bare name within one package.
    private func path(to owner: WITWorld.Scope, from scope: WITWorld.Scope) -> String {
        guard case .interface(let ownerIndex) = owner else { return "world" }
        let ownerInterface = world.interfaces[ownerIndex]
        guard let ownerName = ownerInterface.qualifiedName else { return WITNames.escaped(ownerInterface.name) }
        if case .interface(let index) = scope, let name = world.interfaces[index].qualifiedName,
           name.packageKey == ownerName.packageKey {
            return WITNames.escaped(ownerName.interface)
        }
        return ownerName.pathText
    }

    // MARK: Type definitions

    private mutating func writeDefinition(
        _ name: String, _ id: TypeID, in scope: WITWorld.Scope, resourceFunctions: [(kind: WITFunctionKind, id: TypeID)]
    ) {
        var current = id
        if case .alias(let target) = arena[id] { current = target }
        while true {
            if current != id, let owner = world.owners[current] {
                output.line("type \(WITNames.escaped(name)) = \(WITNames.escaped(owner.name));")
                return
            }
            switch arena[current] {
            case .alias(let next):
                current = next
            case .resource:
                writeResource(name, resourceFunctions, in: scope)
                return
            case .value(let shape):
                writeValueDefinition(name, shape, in: scope)
                return
            default:
                output.line("// type \(name): not a value type")
                return
            }
        }
    }

    private mutating func writeValueDefinition(_ name: String, _ shape: ValueTypeShape, in scope: WITWorld.Scope) {
        let escapedName = WITNames.escaped(name)
        switch shape {
        case .record(let fields):
            writeBlock("record \(escapedName)", fields.map { "\(WITNames.escaped($0.name)): \(typeText($0.type, in: scope))," })
        case .variant(let cases):
            writeBlock("variant \(escapedName)", cases.map { variantCase in
                WITNames.escaped(variantCase.name) + (variantCase.payload.map { "(\(typeText($0, in: scope)))" } ?? "") + ","
            })
        case .enum(let names):
            writeBlock("enum \(escapedName)", names.map { WITNames.escaped($0) + "," })
        case .flags(let names):
            writeBlock("flags \(escapedName)", names.map { WITNames.escaped($0) + "," })
        case .own(let resource):
            // `own<…>` spelled out: a bare resource name would define an alias of the resource.
            output.line("type \(escapedName) = own<\(typeText(.defined(resource), in: scope))>;")
        default:
            output.line("type \(escapedName) = \(structuralText(shape, in: scope));")
        }
    }

    private mutating func writeBlock(_ header: String, _ lines: [String]) {
        let block = output.open(header)
        for line in lines { output.line(line) }
        output.close(restoring: block)
    }

    private mutating func writeResource(
        _ name: String, _ functions: [(kind: WITFunctionKind, id: TypeID)], in scope: WITWorld.Scope
    ) {
        guard !functions.isEmpty else {
            output.line("resource \(WITNames.escaped(name));")
            return
        }
        writeBlock("resource \(WITNames.escaped(name))", functions.map { function in
            switch function.kind {
            case .constructor:
                return functionText(function.id, function.kind, in: scope) + ";"
            case .method(_, let method):
                return "\(WITNames.escaped(method)): \(functionText(function.id, function.kind, in: scope));"
            case .static(_, let method):
                return "\(WITNames.escaped(method)): static \(functionText(function.id, function.kind, in: scope));"
            case .freestanding:
                return functionText(function.id, function.kind, in: scope) + ";"
            }
        })
    }

    // MARK: Type and function text

    /// `func(a: T) -> R`, or `constructor(a: T)`; methods leave out their `self`.
    func functionText(_ id: TypeID, _ kind: WITFunctionKind, in scope: WITWorld.Scope) -> String {
        guard case .function(let shape) = arena[arena.unaliased(id)] else { return "func()" }
        var parameters = shape.parameters
        if case .method = kind, !parameters.isEmpty { parameters.removeFirst() }
        let list = parameters.map { "\(WITNames.escaped($0.name)): \(typeText($0.type, in: scope))" }
        var text = "func(\(list.joined(separator: ", ")))"
        if case .constructor(let resource) = kind {
            text = "constructor(\(list.joined(separator: ", ")))"
            // The shorthand: a constructor returning its own resource states no result.
            if case .defined(let id)? = shape.result, case .value(.own(let handle)) = arena[arena.unaliased(id)],
               typeText(.defined(handle), in: scope) == WITNames.escaped(resource) {
                return text
            }
        }
        return text + (shape.result.map { " -> " + typeText($0, in: scope) } ?? "")
    }

    /// How a type is written where it is used: by name if it has one, else by structure.
    func typeText(_ reference: TypeReference, in scope: WITWorld.Scope) -> String {
        switch reference {
        case .primitive(let primitive):
            return primitive.witName
        case .defined(let id):
            return typeText(id, in: scope)
        }
    }

    /// Type text is memoized and capped: types can share subterms exponentially (a tuple
    /// of a tuple of … each used twice), and a hostile component must not make the printer
    /// build an exponentially long string.
    private func typeText(_ id: TypeID, in scope: WITWorld.Scope) -> String {
        if let cached = typeTextCache.texts[TypeTextKey(id: id, scope: scope)] { return cached }
        var text = uncachedTypeText(id, in: scope)
        if text.utf8.count > Self.typeTextLimit { text = "…" }
        typeTextCache.texts[TypeTextKey(id: id, scope: scope)] = text
        return text
    }

    static let typeTextLimit = 4096

    private func uncachedTypeText(_ id: TypeID, in scope: WITWorld.Scope) -> String {
        var current = id
        while true {
            if let name = localNames[scope]?[current] ?? world.owners[current]?.name {
                return WITNames.escaped(name)
            }
            switch arena[current] {
            case .alias(let target):
                current = target
            case .value(let shape):
                return structuralText(shape, in: scope)
            default:
                return WITNames.escaped(arena.name(of: current) ?? "resource")
            }
        }
    }

    private func structuralText(_ shape: ValueTypeShape, in scope: WITWorld.Scope) -> String {
        switch shape {
        case .primitive(let primitive): return primitive.witName
        case .list(let element): return "list<\(typeText(element, in: scope))>"
        case .option(let payload): return "option<\(typeText(payload, in: scope))>"
        case .tuple(let elements): return "tuple<\(elements.map { typeText($0, in: scope) }.joined(separator: ", "))>"
        case .result(let ok, let error): return resultText(ok: ok, error: error, in: scope)
        case .own(let resource): return typeText(resource, in: scope)
        case .borrow(let resource): return "borrow<\(typeText(resource, in: scope))>"
        // Records, variants, enums and flags always have names in WIT; without one, say what it is.
        case .record: return "record"
        case .variant: return "variant"
        case .enum: return "enum"
        case .flags: return "flags"
        }
    }

    private func resultText(ok: TypeReference?, error: TypeReference?, in scope: WITWorld.Scope) -> String {
        switch (ok, error) {
        case (let ok?, let error?): return "result<\(typeText(ok, in: scope)), \(typeText(error, in: scope))>"
        case (nil, let error?): return "result<_, \(typeText(error, in: scope))>"
        case (let ok?, nil): return "result<\(typeText(ok, in: scope))>"
        case (nil, nil): return "result"
        }
    }
}

struct TypeTextKey: Hashable {
    var id: TypeID
    var scope: WITWorld.Scope
}

/// The memo of `WITTextWriter.typeText` (a class, so the non-mutating lookups can fill it).
final class TypeTextCache {
    var texts: [TypeTextKey: String] = [:]
}

/// What a function's name says it is: resource functions are named
/// `[constructor]r`, `[method]r.name` and `[static]r.name`.
enum WITFunctionKind {
    case freestanding
    case constructor(resource: String)
    case method(resource: String, name: String)
    case `static`(resource: String, name: String)

    init(_ name: String) {
        if name.hasPrefix("[constructor]") {
            self = .constructor(resource: String(name.dropFirst("[constructor]".count)))
        } else if name.hasPrefix("[method]"), let (resource, method) = Self.split(name.dropFirst("[method]".count)) {
            self = .method(resource: resource, name: method)
        } else if name.hasPrefix("[static]"), let (resource, method) = Self.split(name.dropFirst("[static]".count)) {
            self = .static(resource: resource, name: method)
        } else {
            self = .freestanding
        }
    }

    private static func split(_ text: Substring) -> (String, String)? {
        guard let dot = text.firstIndex(of: ".") else { return nil }
        return (String(text[..<dot]), String(text[text.index(after: dot)...]))
    }

    var resource: String? {
        switch self {
        case .freestanding: return nil
        case .constructor(let resource), .method(let resource, _), .static(let resource, _): return resource
        }
    }
}
