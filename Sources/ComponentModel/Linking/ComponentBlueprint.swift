#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import WasmInterp

/// What every instantiation of a loaded component (or of a component defined inside it)
/// shares, made once: its core modules, compiled (each validated on first use and each
/// function translated on its first call, whichever instance makes it), and the canonical
/// signatures of its lifts and lowers, computed by the first instantiation that needs them.
final class ComponentBlueprint: @unchecked Sendable {
    /// By position in the component's `definitions`.
    let modules: [Int: CompiledModule]
    /// The nested components' own, by position in the component's `definitions`.
    let nested: [Int: ComponentBlueprint]
    /// Per definition, what instantiating it takes: most are types, which only advance
    /// the type index space, and need not be copied out of the component to find that out.
    let steps: [DefinitionStep]
    /// Set when the component only passes its imports on: instantiating it is then
    /// building a list (see `ForwardingPlan`).
    let forwarding: ForwardingPlan?

    /// The common definitions carry what instantiating them reads, so that the walk need
    /// not copy the definition itself (copying a `ComponentDefinition`, whose cases include
    /// whole modules and components, goes through its value witness).
    enum DefinitionStep {
        /// A type that is not a resource: the next type index, nothing else.
        case countType
        /// A core type: nothing at run time.
        case nothing
        /// A core module: compiled in `modules`.
        case coreModule
        case coreInstance(CoreInstanceExpression)
        case instance(InstanceExpression)
        case alias(Alias)
        case canonical(CanonicalFunction)
        case `import`(ComponentImport)
        case export(ComponentExport)
        /// Anything else: see `RuntimeScope.instantiate(_:at:)`.
        case instantiate
    }
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    // Guarded by `mutex`, so not also checked for exclusive access at run time.
    /// Guarded by `mutex`: by position of the `canon` definition.
    @exclusivity(unchecked) private var signatures: [Int: (type: ComponentFunctionType, signature: CanonicalSignature)] = [:]
    /// Guarded by `mutex`: what the first instantiation to complete found.
    @exclusivity(unchecked) private var layout: Layout?

    /// What an instantiation finds that is the same in the next ones.
    struct Layout: Sendable {
        /// Per definition position, where its alias found the export it names among its
        /// instance's exports (-1: not an alias). Later ones look there first (see
        /// `AliasTargets`).
        var aliasTargets: [Int]
        /// How many items each index space ended with: later instantiations reserve that
        /// much at once instead of growing each array append by append.
        var indexSpaceSizes: [Int]
    }

    init(_ component: Component) {
        var modules: [Int: CompiledModule] = [:]
        var nested: [Int: ComponentBlueprint] = [:]
        var steps: [DefinitionStep] = []
        for (position, definition) in component.definitions.enumerated() {
            switch definition {
            case .coreModule(let module): modules[position] = CompiledModule(module)
            case .component(let inner): nested[position] = ComponentBlueprint(inner)
            default: break
            }
            steps.append(Self.step(for: definition))
        }
        self.modules = modules
        self.nested = nested
        self.steps = steps
        forwarding = ForwardingPlan(component)
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    private static func step(for definition: ComponentDefinition) -> DefinitionStep {
        switch definition {
        case .type(.resource): return .instantiate
        case .type: return .countType
        case .coreType: return .nothing
        case .coreModule: return .coreModule
        case .coreInstance(let expression): return .coreInstance(expression)
        case .instance(let expression): return .instance(expression)
        case .alias(let alias): return .alias(alias)
        case .canonical(let function): return .canonical(function)
        case .import(let componentImport): return .import(componentImport)
        case .export(let export): return .export(export)
        case .component, .start: return .instantiate
        }
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// The type and signature of the `canon lift` at `position`, made by `make` the first
    /// time (a lift's type is fixed by the component's types, the same in every instance).
    func liftSignature<Failure: Error>(
        at position: Int, make: () throws(Failure) -> (ComponentFunctionType, CanonicalSignature)
    ) throws(Failure) -> (type: ComponentFunctionType, signature: CanonicalSignature) {
        if let cached = cachedSignature(at: position) { return cached }
        let made = try make()
        store(made, at: position)
        return made
    }

    /// The signature of the `canon lower` at `position` for `type`, made by `make` unless an
    /// earlier instantiation lowered a function of the same type there.
    func lowerSignature<Failure: Error>(
        at position: Int, type: ComponentFunctionType, make: () throws(Failure) -> CanonicalSignature
    ) throws(Failure) -> CanonicalSignature {
        if let cached = cachedSignature(at: position), cached.type == type { return cached.signature }
        let made = try make()
        store((type, made), at: position)
        return made
    }

    /// What an earlier instantiation found; nil before one completed.
    func knownLayout() -> Layout? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return layout
    }

    /// Keeps what a completed instantiation found (the first one recorded stays).
    func recordLayout(_ found: Layout) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if layout == nil { layout = found }
    }

    private func cachedSignature(at position: Int) -> (type: ComponentFunctionType, signature: CanonicalSignature)? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return signatures[position]
    }

    private func store(_ entry: (ComponentFunctionType, CanonicalSignature), at position: Int) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        signatures[position] = entry
    }
}
