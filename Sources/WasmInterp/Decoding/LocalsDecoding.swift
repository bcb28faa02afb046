extension ByteReader {
    /// Most locals a function may declare. The format allows up to 2^32-1, but each one
    /// costs memory when the locals are expanded, so we impose the same implementation
    /// limit as the major engines (V8 and wasmparser use 50,000).
    static let maximumLocalCount: UInt64 = 50_000

    /// A function body's local declarations, runs of `(count, type)`, expanded to one
    /// entry per local.
    mutating func readLocals() throws(DecodingError) -> [ValueType] {
        let start = offset
        let runCount = try readCount()
        var runs: [(count: UInt32, type: ValueType)] = []
        runs.reserveCapacity(reservableCapacity(runCount))
        var total: UInt64 = 0
        for _ in 0..<runCount {
            let count = try readUnsigned32()
            let type = try readValueType()
            total &+= UInt64(count)
            runs.append((count, type))
        }
        guard total <= UInt64(UInt32.max) else { throw DecodingError("too many locals", offset: start) }
        guard total <= Self.maximumLocalCount else {
            throw DecodingError("too many locals (implementation limit is \(Self.maximumLocalCount))", offset: start)
        }
        var locals: [ValueType] = []
        locals.reserveCapacity(Int(total))
        for run in runs {
            locals.append(contentsOf: repeatElement(run.type, count: Int(run.count)))
        }
        return locals
    }
}
