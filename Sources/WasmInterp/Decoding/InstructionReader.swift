// Placeholder until the decoder lands: the API the rest of the package relies on.
/// Decodes the instructions of a function body (or constant expression) one at a time.
public struct InstructionReader {
    public let bytes: [UInt8]
    /// Offset of the next instruction.
    public private(set) var offset: Int
    public let end: Int

    public init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.offset = range.lowerBound
        self.end = range.upperBound
    }

    public var isAtEnd: Bool { offset >= end }

    /// Decodes the next instruction and advances past it.
    public mutating func read() throws(DecodingError) -> Instruction {
        throw DecodingError("instruction reader not implemented", offset: offset)
    }
}
