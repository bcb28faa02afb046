import WasmInterp

/// What the canonical ABI tracks per component instance: whether it may be entered
/// (no reentrance while a call into it is in progress) or left (no import calls from
/// `realloc` or `post-return`), and its resource handle table.
///
/// A trap inside a call leaves the instance entered for good, as the canonical ABI
/// requires: its state may be inconsistent, so later calls fail with
/// `cannotEnterInstance`.
///
/// Not thread-safe: use an instance (like its `Store`) from one thread at a time.
public final class ComponentInstanceState: @unchecked Sendable {
    /// The store the instance's core instances live in.
    public let store: Store
    /// The component instance that instantiated this one, if any (for donut wrapping: a
    /// child may call back into its parent while the parent is running).
    public let parent: ComponentInstanceState?
    /// The handles the instance's core code holds, by the `i32` index it sees.
    public let handles = ResourceTable()
    // The `@exclusivity(unchecked)` fields are touched several times per call, and the
    // instance is used from one thread at a time: a dynamic exclusivity check
    // (`swift_beginAccess`) on each access cost more than a `realloc` call's Wasm code.
    /// Fuel for each `realloc`, `post-return` and destructor call (nil: unlimited).
    @exclusivity(unchecked) public var helperCallFuel: UInt64?
    /// False while a call into the instance is in progress (suspended calls included).
    @exclusivity(unchecked) public internal(set) var mayEnter = true
    /// False while `realloc` or `post-return` runs: the guest may not call imports then.
    @exclusivity(unchecked) public internal(set) var mayLeave = true
    /// Set when a call into the instance trapped.
    @exclusivity(unchecked) public internal(set) var hasTrapped = false
    /// Resource types this instance defines (`resource.new` / `resource.rep` are its own).
    private var definedResources: Set<Int> = []
    /// Finished executions kept for the next call, so that a call does not allocate one
    /// (with its stacks): one for calls into the instance, one for helper calls. A call
    /// takes one out while it runs, so nested or overlapping calls get fresh ones.
    @exclusivity(unchecked) private var spareCallExecution: Execution?
    @exclusivity(unchecked) private var spareHelperExecution: Execution?

    public init(store: Store, parent: ComponentInstanceState? = nil) {
        self.store = store
        self.parent = parent
    }

    /// Records that this instance defines (implements) `resource`.
    public func defineResource(_ resource: ResourceType) {
        definedResources.insert(resource.id)
    }

    /// Whether this instance defines (implements) `resource`.
    public func defines(_ resource: ResourceType) -> Bool { definedResources.contains(resource.id) }

    /// Whether a call from `caller` (nil: the host) may enter this instance now.
    public func mayEnter(from caller: ComponentInstanceState?) -> Bool {
        enteringSet(from: caller).allSatisfy(\.mayEnter)
    }

    /// Checks and records entry from `caller`.
    /// - Throws: `cannotEnterInstance` on reentrance or after a trap.
    func enter(from caller: ComponentInstanceState?) throws(CanonicalABIError) {
        if parent == nil, caller == nil {
            // The common case (a top-level instance), without building the entering set.
            if hasTrapped { throw .cannotEnterInstance(reason: "a call into it trapped earlier") }
            guard mayEnter else { throw .cannotEnterInstance(reason: "it is already running (reentrance)") }
            mayEnter = false
            return
        }
        let entering = enteringSet(from: caller)
        if entering.contains(where: \.hasTrapped) {
            throw .cannotEnterInstance(reason: "a call into it trapped earlier")
        }
        guard entering.allSatisfy(\.mayEnter) else {
            throw .cannotEnterInstance(reason: "it is already running (reentrance)")
        }
        for instance in entering { instance.mayEnter = false }
    }

    func leave(to caller: ComponentInstanceState?) {
        if parent == nil, caller == nil {
            mayEnter = true
            return
        }
        for instance in enteringSet(from: caller) { instance.mayEnter = true }
    }

    /// Records a trap: the instance stays entered.
    func markTrapped() { hasTrapped = true }

    /// This instance and its ancestors, minus those `caller` is already inside.
    private func enteringSet(from caller: ComponentInstanceState?) -> [ComponentInstanceState] {
        let callerChain = caller?.selfAndAncestors ?? []
        return selfAndAncestors.filter { instance in !callerChain.contains { $0 === instance } }
    }

    private var selfAndAncestors: [ComponentInstanceState] {
        var chain = [self]
        var next = parent
        while let instance = next {
            chain.append(instance)
            next = instance.parent
        }
        return chain
    }

    /// Runs `body` with `mayLeave` cleared (for `realloc` and `post-return`).
    func withoutLeaving<T>(_ body: () throws(CanonicalABIError) -> T) throws(CanonicalABIError) -> T {
        let previous = mayLeave
        mayLeave = false
        defer { mayLeave = previous }
        return try body()
    }
}

extension ComponentInstanceState {
    /// An execution of `function` (numbers only) with raw argument bits, in the instance's
    /// store: the spare one if there is one (see `Execution.reset(function:slotArguments:)`).
    func makeCallExecution(_ function: Function, slotArguments: UnsafeBufferPointer<UInt64>) throws(Trap) -> Execution {
        guard let spare = spareCallExecution.take() else {
            return try Execution(store: store, function: function, slotArguments: slotArguments)
        }
        try spare.reset(function: function, slotArguments: slotArguments)
        return spare
    }

    /// Keeps a finished call execution for the next call.
    func recycleCallExecution(_ execution: Execution) {
        if execution.traceSink == nil { spareCallExecution = execution }
    }

    /// Runs a helper core function (`realloc`, `post-return`, a destructor) to completion
    /// with `helperCallFuel`; a trap in it is a `coreTrap`.
    func callHelper(_ function: Function, _ arguments: [Value]) throws(CanonicalABIError) -> [Value] {
        let spare = spareHelperExecution
        spareHelperExecution = nil
        do {
            let execution = try Self.execution(reusing: spare, store: store, function, arguments)
            let results = try execution.complete(fuel: helperCallFuel)
            spareHelperExecution = execution
            return results
        } catch {
            throw .coreTrap(error)
        }
    }

    /// `callHelper` for a function of numbers only, with the arguments' raw bits (see
    /// `Execution.reset(function:slotArguments:)`): allocates nothing. Returns the first
    /// result's bits (nil: the function has no result).
    func callHelper(_ function: Function, slotArguments: UnsafeBufferPointer<UInt64>) throws(CanonicalABIError) -> UInt64? {
        let execution: Execution
        do {
            // Taken out (moved, not copied) while it runs, as in `callHelper(_:_:)`.
            if let spare = spareHelperExecution.take() {
                try spare.reset(function: function, slotArguments: slotArguments)
                execution = spare
            } else {
                execution = try Execution(store: store, function: function, slotArguments: slotArguments)
            }
            _ = try execution.complete(fuel: helperCallFuel)
        } catch {
            throw .coreTrap(error)
        }
        let result = execution.returnedSlot(0)
        spareHelperExecution = execution
        return result
    }

    private static func execution(
        reusing spare: Execution?, store: Store, _ function: Function, _ arguments: [Value]
    ) throws(Trap) -> Execution {
        guard let spare else { return try Execution(store: store, function: function, arguments: arguments) }
        try spare.reset(function: function, arguments: arguments)
        return spare
    }
}
