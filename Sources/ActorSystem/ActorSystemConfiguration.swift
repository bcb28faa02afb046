import WasmInterp

/// How an `ActorSystem` runs: threads, slice size, defaults for actors, and where logs
/// and events go.
///
/// ```swift
/// var configuration = ActorSystemConfiguration()
/// configuration.workerCount = 4
/// let system = ActorSystem(configuration: configuration)
///
/// let testSystem = ActorSystem(configuration: .deterministic)   // the caller drives steps
/// ```
public struct ActorSystemConfiguration: Sendable {
    /// Worker threads running actors. Default: one per processor.
    public var workerCount: Int = WorkerThread.processorCount
    /// Single-threaded mode: no workers; the caller drives the system with `step()` and
    /// `runUntilQuiescent()`, ids are `actor-1`, `actor-2`, … and time is virtual (timers
    /// fire when nothing else can run). Runs are reproducible.
    public var isDeterministic = false
    /// Fuel an actor may use before it yields its worker to the next runnable actor (it
    /// continues where it stopped on its next turn). WasmInterp charges a block's fuel
    /// before the block starts, so keep this well above the largest block's cost.
    public var sliceFuel: UInt64 = 20_000
    /// Limits of actors spawned without their own.
    public var defaultLimits = RuntimeLimits()
    /// Events kept per actor when its definition does not say.
    public var eventRetention = EventRetention.all
    /// Log lines kept per actor (`ActorSystem.logs(of:)`); older ones are dropped.
    public var logRetention = 1_000
    /// The content store behind the `store` interface. Default: in memory.
    public var contentStore = ContentStore()
    /// Receives every `runtime.log` line as it is logged (on the logging actor's worker).
    public var logSink: (@Sendable (ActorIdentity, String) -> Void)?
    /// Receives every chain event as it is recorded (on the actor's worker); nothing with
    /// `EventRetention.none`.
    public var eventSink: (@Sendable (ActorIdentity, ChainEvent) -> Void)?
    /// Asked once per actor at spawn: where that actor's executed Wasm instructions go
    /// (nil: not traced). A traced actor runs code translated one-to-one and reports
    /// every instruction, which is slow: for debugging.
    ///
    /// ```swift
    /// configuration.instructionTracer = { actor in
    ///     actor.name == "counter" ? { event in print("\(actor): \(event.instruction)") } : nil
    /// }
    /// ```
    public var instructionTracer: (@Sendable (ActorIdentity) -> (@Sendable (TraceEvent) -> Void)?)?
    /// Where chains of actors that save theirs (`ActorDefinition.savesChain`) are written;
    /// nil: each definition's `chainDirectory` (a manifest's directory). See `SavedChain`.
    public var chainDirectory: String?
    /// Interfaces implemented outside the actor system (e.g. `supervisor`), by name.
    public var hostInterfaceExtensions: [any HostInterfaceExtension] = []

    public init() {}

    /// The single-threaded, reproducible configuration for tests.
    public static var deterministic: ActorSystemConfiguration {
        var configuration = ActorSystemConfiguration()
        configuration.isDeterministic = true
        configuration.workerCount = 0
        return configuration
    }
}
