import ComponentModel
import WasmInterp

/// Where an actor is in the scheduler.
enum ScheduleStatus: Sendable {
    /// No work: not in the run queue.
    case idle
    /// In the run queue.
    case queued
    /// On a worker (or being torn down).
    case running
    /// A guest call is suspended in a host call (a request, channel open or timer) and
    /// the actor is not in the run queue; the answer makes it queued again.
    case waiting
    /// A supervised actor without an instance, kept for its supervisor: messages queue
    /// up, nothing runs until `restart` (or `stop`).
    case awaitingRestart
    /// `init` waits for another actor's `init` to settle (`spawn(_:startingAfter:)`):
    /// messages queue up; that actor's `init` returning or failing makes this one queued.
    case awaitingPredecessor
}

/// What a suspended host call waits for: resuming with anything else is a stale answer
/// (e.g. for an actor that has since crashed) and is dropped.
enum WaitKey: Hashable, Sendable {
    case request(String)
    case channelOpen(String)
    case timer(UInt64)
}

/// The answer to a suspended host call: the value the host function returns to the guest.
struct Resumption: Sendable {
    var value: ComponentValue?
}

/// The part of an actor other threads touch, behind the actor's lock.
struct ActorSharedState: Sendable {
    var exitReason: ActorExitReason?
    var schedule = ScheduleStatus.idle
    var mailbox: Mailbox
    var waitKey: WaitKey?
    var resumption: Resumption?
    var stopRequested = false
    /// With `stopRequested`: keep the (supervised) actor for a restart instead of ending it.
    var holdRequested = false
    /// The state the last successful handler returned.
    var state: [UInt8]?
    var eventLog: ActorEventLog
    var logLines = Deque<String>()
    /// Start ordering (see `InitOrder.swift`): whose `init` this actor's waits for.
    var predecessor: InitPredecessor?
    /// Counts this actor's instances; a follower waits only for the one it was started after.
    var instanceGeneration: UInt64 = 0
    /// Whether the current instance's `init` has returned or failed.
    var initSettled = false
    /// Actors waiting for the current instance's `init` to settle.
    var initFollowers: [ActorCell] = []

    var isRunning: Bool { exitReason == nil }
}

/// One actor at run time: its component instance, mailbox, state, chain, and where it is
/// in the scheduler.
///
/// Two kinds of fields. Those behind `shared` may be touched from any thread, under the
/// actor's lock. The others ("runner-owned": the instance and the handler call in
/// progress) are touched only by the thread that has the actor in `.running`, which the
/// scheduler guarantees is one thread at a time; host functions run on that same thread.
final class ActorCell: @unchecked Sendable {
    let id: ActorID
    let name: String?
    let limits: RuntimeLimits
    let initialState: [UInt8]?
    /// What the actor was spawned from (for restarts).
    let definition: ActorDefinition
    /// False with `EventRetention.none`: no chain events are built at all.
    let recordsEvents: Bool
    /// Receives each Wasm instruction the actor executes (`instructionTracer`); nil: none.
    let instructionTraceSink: (@Sendable (TraceEvent) -> Void)?
    let shared: Locked<ActorSharedState>

    /// The handlers the actor exports: set at spawn, before other threads can see the
    /// actor (a restarted instance has the same component, so the same exports).
    private(set) var exports = HandlerSet()
    /// For a supervised actor, what a restart instantiates: set at spawn, like `exports`.
    private(set) var restartRecipe: RestartRecipe?

    // MARK: Runner-owned
    // One thread at a time, by the scheduler's guarantee, so no dynamic exclusivity
    // checks (`swift_beginAccess`, several per message otherwise).

    @exclusivity(unchecked) var instance: ComponentInstance?
    /// The current instance's exported functions.
    @exclusivity(unchecked) var handlers = HandlerTable()
    /// The state handlers receive: the last successful handler's (mirrored in `shared`).
    @exclusivity(unchecked) var state: [UInt8]?
    /// The handler call in progress, across slices and suspensions.
    @exclusivity(unchecked) var activeCall: ActiveHandlerCall?
    /// The last finished call's record, for the next call to reuse.
    @exclusivity(unchecked) var finishedCall: ActiveHandlerCall?
    /// Whether `init` still has to run (it runs before any message).
    @exclusivity(unchecked) var needsInitialization = true
    /// Set by `runtime.shutdown` during a handler: the actor exits when the handler returns.
    @exclusivity(unchecked) var shutdownRequest: ShutdownRequest?

    struct ShutdownRequest {
        var data: [UInt8]?
    }

    init(
        id: ActorID, definition: ActorDefinition, limits: RuntimeLimits, eventRetention: EventRetention,
        instructionTraceSink: (@Sendable (TraceEvent) -> Void)? = nil
    ) {
        self.id = id
        self.instructionTraceSink = instructionTraceSink
        self.definition = definition
        name = definition.name
        self.limits = limits
        initialState = definition.initialState
        state = definition.initialState
        if case .none = eventRetention { recordsEvents = false } else { recordsEvents = true }
        shared = Locked(
            ActorSharedState(
                mailbox: Mailbox(capacity: limits.mailboxCapacity), state: definition.initialState,
                eventLog: ActorEventLog(retention: eventRetention)))
    }

    /// Gives the actor its instance and exports (at spawn only), and to a supervised actor
    /// what it restarts from.
    func attach(_ instance: ComponentInstance, handlers: HandlerTable, restartRecipe: RestartRecipe?) {
        self.instance = instance
        self.handlers = handlers
        exports = handlers.exported
        self.restartRecipe = restartRecipe
    }

    /// Whether the actor exports the handler for `message`.
    func handles(_ message: MailboxMessage) -> Bool { exports.contains(message.handler) }

    /// Whether the actor is kept for its supervisor when its instance ends.
    var isSupervised: Bool { restartRecipe != nil }

    var identity: ActorIdentity { ActorIdentity(id: id, name: name) }

    /// The name if it has one, else the id: for messages.
    var displayName: String { name ?? id.rawValue }
}

/// What a supervised actor's restart instantiates: its component and the interfaces it
/// was granted.
struct RestartRecipe: Sendable {
    var component: LoadedComponent
    var hostInterfaces: Set<HostInterfaceName>
    /// Where the handlers are in every instance of `component`.
    var handlerPaths: HandlerPaths
}

/// A handler call in progress: the guest call, what it handles, and the fuel it used.
/// Runner-owned, like the cell's fields; a finished one is reused for the next message
/// (`ActorCell.finishedCall`) rather than allocating one per message.
final class ActiveHandlerCall {
    @exclusivity(unchecked) private(set) var handler: ActorHandler
    /// The message being handled (nil for `init`).
    @exclusivity(unchecked) private(set) var message: MailboxMessage?
    @exclusivity(unchecked) private(set) var call: GuestCall<HandlerResult>
    @exclusivity(unchecked) var fuelUsed: UInt64 = 0
    /// The host call the guest is suspended in, if it is.
    @exclusivity(unchecked) var suspendedHostCall: SuspendedHostCall?

    init(handler: ActorHandler, message: MailboxMessage?, call: GuestCall<HandlerResult>) {
        self.handler = handler
        self.message = message
        self.call = call
    }

    /// Makes a finished call's record that of a new call.
    func reuse(handler: ActorHandler, message: MailboxMessage?, call: GuestCall<HandlerResult>) {
        self.handler = handler
        self.message = message
        if self.call !== call { self.call = call }
        fuelUsed = 0
        suspendedHostCall = nil
    }

    /// Lets go of the finished call's message (its bytes may be large).
    func forgetMessage() { message = nil }
}

/// The token a suspending host function returns: what to record in the chain once the
/// answer comes.
struct SuspendedHostCall: Sendable {
    var interface: String
    var function: String
    var input: [UInt8]
}
