/// A value of any component-model type: the dynamic value model lift and lower use.
///
/// Aggregates keep their type's order: a record's field values in field order, a variant's
/// case by index. `bytes` is the compact form of `list<u8>`; lifting a `list<u8>` yields
/// it, and lowering accepts either form.
public indirect enum ComponentValue: Sendable, Hashable {
    case bool(Bool)
    case s8(Int8), u8(UInt8), s16(Int16), u16(UInt16), s32(Int32), u32(UInt32), s64(Int64), u64(UInt64)
    case f32(Float), f64(Double)
    case char(Unicode.Scalar)
    case string(String)
    case list([ComponentValue])
    /// A `list<u8>`.
    case bytes([UInt8])
    case record([ComponentValue])
    case tuple([ComponentValue])
    case variant(caseIndex: UInt32, payload: ComponentValue?)
    case `enum`(caseIndex: UInt32)
    case option(ComponentValue?)
    case ok(ComponentValue?)
    case error(ComponentValue?)
    /// Flags by position: `flags[i]` is whether the type's i-th flag is set.
    case flags([Bool])
    /// An owned resource, by its representation (the spec's lifted `rep`, what the
    /// implementing instance gave `resource.new`, or the host's own number for a host
    /// resource). Lowering it into an instance creates a handle in that instance's table;
    /// lifting it from one removes the handle.
    case own(UInt32)
    /// A borrowed resource, by its representation; see `own`.
    case borrow(UInt32)
}
