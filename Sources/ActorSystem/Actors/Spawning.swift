import ComponentModel
import WasmInterp

extension ActorSystem {
    /// Starts an actor: loads its component (once per distinct component), checks that it
    /// imports only granted interfaces, instantiates it with its limits, and queues its
    /// `init`, which runs before any message. Returns the new actor's id.
    ///
    /// An `init` that fails crashes the actor like any handler (see `onFailure`).
    ///
    /// - Parameter predecessor: an actor whose `init` must return or fail before this
    ///   one's runs, as OTP supervisors start children one after another (nil, an unknown
    ///   or ended actor, or one whose `init` has settled: no wait). The new actor exists
    ///   at once either way; messages sent to it wait behind its `init`.
    /// - Throws: `ActorSystemError` — `.invalidComponent`, `.interfaceNotGranted`,
    ///   `.unsupportedImport`, `.invalidExport`, `.instantiationFailed`, `.nameInUse`,
    ///   `.shuttingDown`.
    public func spawn(_ definition: ActorDefinition, startingAfter predecessor: ActorID? = nil) throws(ActorSystemError) -> ActorID {
        let cached = try components.component(for: definition.componentBytes)
        let component = cached.component
        // Only the interfaces the component imports are bound (the others would be unused).
        let imported = try checkImports(of: component, granted: definition.hostInterfaces)
        let limits = configuration.defaultLimits.overridden(by: definition.limits)
        let id = try directory.withLock { directory throws(ActorSystemError) -> ActorID in
            guard !directory.isShuttingDown else { throw .shuttingDown }
            if let name = definition.name, directory.isNameTaken(name) { throw .nameInUse(name) }
            return directory.idGenerator.make()
        }
        let cell = ActorCell(
            id: id, definition: definition, limits: limits,
            eventRetention: definition.eventRetention ?? configuration.eventRetention,
            instructionTraceSink: configuration.instructionTracer?(ActorIdentity(id: id, name: definition.name)))
        var storeConfiguration = StoreConfiguration()
        storeConfiguration.maxMemoryPages = limits.maxMemoryPages
        storeConfiguration.maxCallDepth = limits.maxCallDepth
        let instance: ComponentInstance
        do {
            instance = try component.instantiate(
                imports: hostImports(for: cell, granted: imported), configuration: storeConfiguration)
        } catch {
            throw .instantiationFailed(error.message)
        }
        let (handlers, paths) = try Self.handlers(of: instance, cachedIn: cached)
        let recipe = definition.isSupervised
            ? RestartRecipe(component: component, hostInterfaces: imported, handlerPaths: paths) : nil
        cell.attach(instance, handlers: handlers, restartRecipe: recipe)
        try directory.withLock { directory throws(ActorSystemError) in
            guard !directory.isShuttingDown else { throw .shuttingDown }
            if let name = definition.name, directory.isNameTaken(name) { throw .nameInUse(name) }
            directory.add(cell)
        }
        let awaited = initPredecessor(predecessor)
        cell.shared.withLock { shared in
            shared.predecessor = awaited
            shared.schedule = .queued
        }
        scheduler.enqueue(cell)
        return id
    }

    /// Every interface the component imports must be one a host provides and the actor
    /// was granted. Returns those interfaces.
    private func checkImports(
        of component: LoadedComponent, granted: Set<HostInterfaceName>
    ) throws(ActorSystemError) -> Set<HostInterfaceName> {
        // A component importing nothing (like the no-op actor) builds no sets at all.
        guard !component.importedFunctions.isEmpty else { return [] }
        let provided = HostInterfaceName.builtIn.union(configuration.hostInterfaceExtensions.map(\.name))
        var checked = Set<String>()
        var imported = Set<HostInterfaceName>()
        for function in component.importedFunctions {
            guard let interface = function.interface else { throw .unsupportedImport(function.name) }
            guard checked.insert(interface).inserted else { continue }
            let name = HostInterfaceName(importedInterface: interface)
            guard provided.contains(name) else { throw .unsupportedImport(interface) }
            guard granted.contains(name) else { throw .interfaceNotGranted(name) }
            imported.insert(name)
        }
        return imported
    }

    /// The actor exports the instance has: `init` is required, the message handlers are
    /// optional, and each present one must have its WIT type.
    static func handlers(of instance: ComponentInstance) throws(ActorSystemError) -> [ActorHandler: ComponentFunction] {
        var handlers: [ActorHandler: ComponentFunction] = [:]
        for handler in ActorHandler.allCases {
            guard let function = instance.exportedFunction(interface: handler.interface, name: handler.rawValue) else {
                if handler == .initialize { throw .invalidExport("no \(handler.interface)#init export") }
                continue
            }
            let expected = handler.expectedType
            guard function.type.parameterTypes == expected.parameterTypes, function.type.result == expected.result else {
                throw .invalidExport("\(handler.interface)#\(handler.rawValue) does not have the type the actor interfaces define")
            }
            handlers[handler] = function
        }
        return handlers
    }

    /// The handlers of a new instance of `cached`'s component: where an earlier instance
    /// had them, else found by name and type-checked (and their places remembered).
    private static func handlers(
        of instance: ComponentInstance, cachedIn cached: CachedComponent
    ) throws(ActorSystemError) -> (HandlerTable, HandlerPaths) {
        if let paths = cached.handlerPaths.withLock({ $0 }), let handlers = paths.handlers(of: instance) {
            return (handlers, paths)
        }
        let handlers = try handlers(of: instance)
        let paths = HandlerPaths(of: instance, handlers)
        cached.handlerPaths.withLock { $0 = paths }
        return (HandlerTable(handlers), paths)
    }

    /// The imports of an actor: the granted interfaces, bound to `cell`.
    func hostImports(for cell: ActorCell, granted: Set<HostInterfaceName>) -> ComponentImports {
        var imports = ComponentImports()
        guard !granted.isEmpty else { return imports }
        let host = ActorHost(system: self, cell: cell)
        if granted.contains(.runtime) { RuntimeHostInterface.define(in: &imports, host: host) }
        if granted.contains(.messageServerHost) { MessageServerHostInterface.define(in: &imports, host: host) }
        if granted.contains(.timing) { TimingHostInterface.define(in: &imports, host: host) }
        if granted.contains(.store) { StoreHostInterface.define(in: &imports, host: host) }
        let context = HostCallContext(actorID: cell.id, system: self)
        for provider in configuration.hostInterfaceExtensions where granted.contains(provider.name) {
            provider.define(in: &imports, context: context)
        }
        return imports
    }
}
