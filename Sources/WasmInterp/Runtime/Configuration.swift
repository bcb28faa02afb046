/// Limits and options that apply to every instance in a `Store`.
public struct StoreConfiguration: Sendable {
    /// Most 64 KiB pages any memory may have (also caps `memory.grow`). Spec maximum: 65536.
    public var maxMemoryPages: UInt64 = 65536
    /// Most elements any table may have.
    public var maxTableElements: UInt64 = 10_000_000
    /// Deepest Wasm call nesting before the `call stack exhausted` trap.
    public var maxCallDepth: Int = 10_000
    /// Most 64-bit value-stack slots (locals and operands of all frames together).
    public var maxValueStackSlots: Int = 1 << 20
    /// Whether fuel is charged. With metering off, fuel budgets are ignored.
    public var fuelMetering: Bool = true

    public init() {}
}
