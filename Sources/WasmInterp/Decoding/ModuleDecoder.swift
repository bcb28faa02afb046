// Placeholder until the decoder lands: the API the rest of the package relies on.
extension Module {
    /// Decodes a binary module. Throws `DecodingError` (with the byte offset) when malformed.
    public init(bytes: [UInt8]) throws(DecodingError) {
        throw DecodingError("decoder not implemented", offset: 0)
    }
}
