import ComponentModel

/// What a host function of one actor needs: the actor and its system, held weakly (the
/// functions live in the actor's instance, which must not keep either alive).
struct ActorHost: Sendable {
    private let systemReference: WeakActorSystem
    private let cellReference: WeakActorCell

    init(system: ActorSystem, cell: ActorCell) {
        systemReference = WeakActorSystem(system)
        cellReference = WeakActorCell(cell)
    }

    /// Runs `body` with the system and actor; `fallback` if either is gone.
    func with(
        _ fallback: @autoclosure () -> HostCallResult,
        _ body: (ActorSystem, ActorCell) -> HostCallResult
    ) -> HostCallResult {
        guard let system = systemReference.system, let cell = cellReference.cell else { return fallback() }
        return body(system, cell)
    }
}

final class WeakActorCell: Sendable {
    weak let cell: ActorCell?
    init(_ cell: ActorCell) { self.cell = cell }
}

/// Reading host call arguments by position and type. The host functions are defined
/// with their WIT types, so a component with other types fails to link; these checks
/// only guard against that invariant breaking.
struct HostArguments {
    let values: [ComponentValue]

    init(_ values: [ComponentValue]) { self.values = values }

    /// Reads one argument of each of `types` from a typed host call: strings and byte lists
    /// straight from guest memory, anything else as a dynamic value.
    init(reading arguments: inout HostCallArguments, _ types: [ComponentValueType]) throws(CanonicalABIError) {
        var values: [ComponentValue] = []
        values.reserveCapacity(types.count)
        for type in types {
            switch type {
            case .string: values.append(.string(try arguments.next(String.self)))
            case .list(.u8): values.append(.bytes(try arguments.next([UInt8].self)))
            default: values.append(try arguments.next())
            }
        }
        self.values = values
    }

    func string(_ index: Int) -> String? {
        guard index < values.count, case .string(let text) = values[index] else { return nil }
        return text
    }

    func bytes(_ index: Int) -> [UInt8]? {
        guard index < values.count else { return nil }
        return ComponentValue.byteList(values[index])
    }

    func optionalBytes(_ index: Int) -> [UInt8]?? {
        guard index < values.count, case .option(let payload) = values[index] else { return nil }
        guard let payload else { return .some(nil) }
        return ComponentValue.byteList(payload).map { .some($0) }
    }

    func u64(_ index: Int) -> UInt64? {
        guard index < values.count, case .u64(let number) = values[index] else { return nil }
        return number
    }
}

extension HostCallResult {
    static func ok(_ payload: ComponentValue? = nil) -> HostCallResult { .value(.ok(payload)) }
    static func error(_ message: String) -> HostCallResult { .value(.error(.string(message))) }
    static let badArguments = HostCallResult.error("the host function received arguments of the wrong types")
}

/// Shorthands for the WIT types of host function signatures.
enum WITType {
    static let bytes = ComponentValueType.list(.u8)
    static let unitResult = ComponentValueType.result(ok: nil, error: .string)
    static func result(_ ok: ComponentValueType) -> ComponentValueType { .result(ok: ok, error: .string) }

    static func function(_ parameters: [(String, ComponentValueType)], _ result: ComponentValueType?) -> ComponentFunctionType {
        ComponentFunctionType(parameters: parameters.map { (name: $0.0, type: $0.1) }, result: result)
    }
}

extension ComponentValue {
    /// The bytes of a `list<u8>` value in either form.
    static func byteList(_ value: ComponentValue) -> [UInt8]? {
        switch value {
        case .bytes(let bytes):
            return bytes
        case .list(let elements):
            var bytes: [UInt8] = []
            bytes.reserveCapacity(elements.count)
            for element in elements {
                guard case .u8(let byte) = element else { return nil }
                bytes.append(byte)
            }
            return bytes
        default:
            return nil
        }
    }
}
