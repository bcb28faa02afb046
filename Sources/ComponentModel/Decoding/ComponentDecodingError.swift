/// A component binary is malformed, or uses a feature this runtime does not decode.
///
/// `offset` is the byte offset in the outermost file, also for errors inside nested
/// components and embedded core modules.
public struct ComponentDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Byte offset in the component file where the problem was found.
    public var offset: Int

    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "malformed component at byte \(offset): \(message)" }
}
