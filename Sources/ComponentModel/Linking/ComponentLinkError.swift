import WasmInterp

/// Instantiating a component failed: an import is missing or has the wrong type, the
/// component uses something this runtime does not support, or instantiating one of its
/// core modules failed.
public struct ComponentLinkError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The host defines nothing for an import the component needs.
        case missingImport
        /// The host's definition has another type than the component's import.
        case typeMismatch
        /// A feature this runtime does not implement (values, async, core module imports).
        case unsupported
        /// The component is inconsistent (an index out of range, an alias of a missing export).
        case invalidComponent
        /// A core module failed to instantiate (a core link error, or its start function trapped).
        case coreInstantiation
        /// The instance has no export of that name (or not of that kind).
        case missingExport
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "component link error: \(message)" }

    static func missingImport(_ name: ImportName) -> ComponentLinkError {
        ComponentLinkError(.missingImport, "missing import \(name)")
    }
}

/// An import's name for messages: `interface#function` or a world-level name.
struct ImportName: CustomStringConvertible {
    var interface: String?
    var name: String
    var description: String { interface.map { "\($0)#\(name)" } ?? name }
}
