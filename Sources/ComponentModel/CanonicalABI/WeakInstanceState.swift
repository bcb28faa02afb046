/// A reference to a component instance state that does not keep it alive.
///
/// Functions put into a store (lowered imports, resource built-ins, guest destructors)
/// refer to their instance this way: the instance holds its store and the store holds its
/// functions, so a strong reference would keep all three alive forever. Whoever calls into
/// the store keeps the instance alive (the `ComponentInstance`, or the host that built the
/// store); a call after it is gone fails with `instanceReleased` instead of crashing.
struct WeakInstanceState: Sendable {
    private weak let state: ComponentInstanceState?

    init(_ state: ComponentInstanceState) {
        self.state = state
    }

    /// The instance state.
    /// - Throws: `instanceReleased` when it was freed.
    func get() throws(CanonicalABIError) -> ComponentInstanceState {
        guard let state else { throw .instanceReleased }
        return state
    }
}
