/// A function result in an engine-neutral form, so the two engines' results can be compared.
struct ResultValue: Equatable, CustomStringConvertible {
    enum Kind: String { case i32, i64, f32, f64, other }

    var kind: Kind
    /// The raw bits (an f32/f64 by its bit pattern, so NaN payloads compare too).
    var bits: UInt64

    var description: String {
        switch kind {
        case .i32: return "i32 \(Int32(bitPattern: UInt32(truncatingIfNeeded: bits)))"
        case .i64: return "i64 \(Int64(bitPattern: bits))"
        case .f32: return "f32 \(Float(bitPattern: UInt32(truncatingIfNeeded: bits)))"
        case .f64: return "f64 \(Double(bitPattern: bits))"
        case .other: return "(reference or vector)"
        }
    }
}

/// What one call of a benchmark's entry function gave.
struct CallOutcome {
    var results: [ResultValue]
    /// Fuel the call consumed, when the engine meters it.
    var fuelConsumed: UInt64?
}

/// A benchmark run failed: a trap, a missing export, or engines that disagree.
struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
