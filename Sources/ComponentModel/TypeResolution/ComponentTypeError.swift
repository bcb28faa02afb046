/// A component is well-formed but its types or indices do not fit together (an index out
/// of range, an alias of a missing export, a value where a function type was expected).
public struct ComponentTypeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "invalid component: \(message)" }
}
