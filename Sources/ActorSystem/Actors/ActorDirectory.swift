/// Every actor by id, and the running ones by name.
struct ActorDirectory: Sendable {
    private(set) var cells: [ActorID: ActorCell] = [:]
    private var names: [String: ActorID] = [:]
    var idGenerator: ActorIDGenerator
    var isShuttingDown = false

    init(idStyle: ActorIDGenerator.Style) {
        idGenerator = ActorIDGenerator(style: idStyle)
    }

    /// The actor with this id, else the running actor with this name.
    func cell(for address: String) -> ActorCell? {
        if let cell = cells[ActorID(address)] { return cell }
        guard let id = names[address] else { return nil }
        return cells[id]
    }

    func cell(_ id: ActorID) -> ActorCell? { cells[id] }

    func isNameTaken(_ name: String) -> Bool { names[name] != nil }

    mutating func add(_ cell: ActorCell) {
        cells[cell.id] = cell
        if let name = cell.name { names[name] = cell.id }
    }

    /// Frees the name of a stopped actor, so a new actor may take it.
    mutating func releaseName(of cell: ActorCell) {
        if let name = cell.name, names[name] == cell.id { names.removeValue(forKey: name) }
    }

    func id(named name: String) -> ActorID? { names[name] }
}
