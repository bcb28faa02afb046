import WasmInterp

/// The core modules of a component and of the components defined inside it, compiled
/// once when the component is loaded: every instantiation shares their validation and
/// translated code (each is validated on first use and each function translated on its
/// first call, whichever instance makes it).
final class CompiledCoreModules: Sendable {
    /// By position in the component's `definitions`.
    let modules: [Int: CompiledModule]
    /// The nested components' own, by position in the component's `definitions`.
    let nested: [Int: CompiledCoreModules]

    init(_ component: Component) {
        var modules: [Int: CompiledModule] = [:]
        var nested: [Int: CompiledCoreModules] = [:]
        for (position, definition) in component.definitions.enumerated() {
            switch definition {
            case .coreModule(let module): modules[position] = CompiledModule(module)
            case .component(let inner): nested[position] = CompiledCoreModules(inner)
            default: continue
            }
        }
        self.modules = modules
        self.nested = nested
    }
}
