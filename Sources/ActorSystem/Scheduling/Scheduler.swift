import Synchronization

/// Decides which actor runs next, on which thread: a run queue of actors with work, the
/// timers of sleeping actors, and either worker threads or a caller that drives steps.
///
/// Scheduling is cooperative and fuel-metered, like BEAM's reductions: a worker takes
/// the first actor of the queue and runs it for one slice (`ActorSystem.runSlice`),
/// which ends when the actor has no more work, waits for a reply or timer, or has used
/// its slice of fuel; in the last case the actor is appended to the queue again. An
/// actor is in the queue at most once (its `ScheduleStatus` says so), so it is on at most
/// one worker at a time.
///
/// Lock order: the scheduler's lock is never held while an actor's lock is taken, nor
/// the other way round; timers fire and actors run outside the lock.
final class Scheduler: @unchecked Sendable {
    private let lock = ConditionLock(conditionCount: 2)
    private static let workAvailable = 0
    private static let becameQuiescent = 1

    // Touched only under `lock`, which already makes accesses exclusive: no dynamic
    // exclusivity checks on every slice.
    @exclusivity(unchecked) private var runQueue = Deque<ActorCell>()
    @exclusivity(unchecked) private var timers = TimerQueue()
    /// Slices being run right now.
    @exclusivity(unchecked) private var runningSlices = 0
    @exclusivity(unchecked) private var isStopping = false
    /// Bumped (under `lock`) whenever an actor is queued: idle workers watch it without
    /// taking the lock, so their spinning does not contend with the threads that queue
    /// work (every contended lock costs a futex sleep and wake).
    private let workGeneration = Atomic<UInt64>(0)
    /// Idle workers looking for work without sleeping, and asleep.
    @exclusivity(unchecked) private var spinningWorkers = 0
    @exclusivity(unchecked) private var sleepingWorkers = 0
    private var workers: [WorkerThread] = []
    private var execute: (@Sendable (ActorCell) -> Void)?

    let isDeterministic: Bool
    /// The virtual clock of deterministic mode (milliseconds since the epoch).
    private var virtualNow: UInt64

    init(isDeterministic: Bool) {
        self.isDeterministic = isDeterministic
        virtualNow = ChainClock.millisecondsSinceEpoch()
    }

    /// Starts `workerCount` threads (none in deterministic mode) that run actors with
    /// `execute`.
    func start(workerCount: Int, execute: @escaping @Sendable (ActorCell) -> Void) {
        lock.withLock { self.execute = execute }
        guard !isDeterministic else { return }
        for _ in 0..<Swift.max(workerCount, 1) {
            if let worker = WorkerThread.start({ [self] in workerLoop(execute) }) {
                workers.append(worker)
            }
        }
    }

    /// The time actors see (`timing.now`): the wall clock, or the virtual clock in
    /// deterministic mode.
    func now() -> UInt64 {
        guard isDeterministic else { return ChainClock.millisecondsSinceEpoch() }
        return lock.withLock { virtualNow }
    }

    /// Appends `cell` to the run queue; the caller has just marked it queued.
    func enqueue(_ cell: ActorCell) {
        lock.withLock {
            runQueue.append(cell)
            workGeneration.add(1, ordering: .releasing)
            // A spinning worker will take it (and wake a sleeper if more is queued by
            // then): waking one here would put a futex wake on the sender's path.
            if spinningWorkers == 0 { lock.signal(Self.workAvailable) }
        }
    }

    /// Runs `fire` (outside any lock) once the clock reaches `deadline`. Returns the
    /// timer's id for `cancelTimer`.
    @discardableResult
    func addTimer(deadline: UInt64, fire: @escaping @Sendable () -> Void) -> UInt64 {
        lock.withLock {
            let earliestBefore = timers.earliestDeadline
            let id = timers.add(deadline: deadline, fire: fire)
            // A sleeping worker waits until the earliest deadline; only an earlier one
            // needs it awake (every request arms a timeout that is rarely the earliest).
            if earliestBefore.map({ deadline < $0 }) ?? true { lock.signal(Self.workAvailable) }
            return id
        }
    }

    /// Cancels timer `id` unless it has fired; a cancelled timer no longer keeps the
    /// system from being quiescent.
    func cancelTimer(_ id: UInt64) {
        lock.withLock {
            timers.cancel(id)
            if runQueue.isEmpty, runningSlices == 0, timers.isEmpty { lock.broadcast(Self.becameQuiescent) }
        }
    }

    // MARK: Deterministic mode

    /// Fires due timers, then runs one slice of the first runnable actor on the calling
    /// thread. False when no actor could run (timers may still be pending).
    func step() -> Bool {
        fireDueTimers()
        guard let (cell, execute) = lock.withLock({ () -> (ActorCell, @Sendable (ActorCell) -> Void)? in
            guard let execute, let cell = runQueue.popFirst() else { return nil }
            runningSlices &+= 1
            return (cell, execute)
        }) else { return false }
        execute(cell)
        lock.withLock { runningSlices &-= 1 }
        return true
    }

    /// Steps until no actor can run and no timer is pending, moving the virtual clock to
    /// the next timer whenever only timers remain. Returns false if `maxSteps` slices ran
    /// first.
    func runUntilQuiescent(maxSteps: Int) -> Bool {
        var steps = 0
        while true {
            if step() {
                steps &+= 1
                if steps >= maxSteps { return false }
                continue
            }
            let advanced = lock.withLock { () -> Bool in
                guard let deadline = timers.earliestDeadline else { return false }
                virtualNow = Swift.max(virtualNow, deadline)
                return true
            }
            if !advanced { return true }
        }
    }

    private func fireDueTimers() {
        let due = lock.withLock { timers.removeDue(now: isDeterministic ? virtualNow : ChainClock.millisecondsSinceEpoch()) }
        for timer in due { timer.fire() }
    }

    // MARK: Worker threads

    private func workerLoop(_ execute: @Sendable (ActorCell) -> Void) {
        while let cell = nextCell() {
            execute(cell)
            lock.withLock {
                runningSlices &-= 1
                if runQueue.isEmpty, runningSlices == 0, timers.isEmpty { lock.broadcast(Self.becameQuiescent) }
            }
        }
    }

    /// How long an idle worker keeps looking for work (yielding its core between looks)
    /// before it sleeps: waking a sleeping thread costs several microseconds, which a
    /// request's round trip would pay twice.
    static let idleSpinNanoseconds: UInt64 = 20_000

    /// Waits for a runnable actor (firing timers as they come due); nil when stopping.
    private func nextCell() -> ActorCell? {
        lock.lock()
        defer { lock.unlock() }
        var idleSince: UInt64?
        while !isStopping {
            let due = timers.removeDue(now: ChainClock.millisecondsSinceEpoch())
            if !due.isEmpty {
                // Firing counts as running work, so quiescence waits for what the timers
                // start (a supervisor's delayed restart enqueues an actor).
                runningSlices &+= 1
                lock.unlock()
                for timer in due { timer.fire() }
                lock.lock()
                runningSlices &-= 1
                continue
            }
            if let cell = runQueue.popFirst() {
                runningSlices &+= 1
                if !runQueue.isEmpty, spinningWorkers == 0, sleepingWorkers > 0 { lock.signal(Self.workAvailable) }
                return cell
            }
            if runningSlices == 0, timers.isEmpty { lock.broadcast(Self.becameQuiescent) }
            let now = WorkerThread.monotonicNanoseconds()
            let spinStart = idleSince ?? now
            idleSince = spinStart
            if now &- spinStart < Self.idleSpinNanoseconds {
                let seen = workGeneration.load(ordering: .acquiring)
                spinningWorkers &+= 1
                lock.unlock()
                spinUntilWorkArrives(after: seen, spinningSince: spinStart)
                lock.lock()
                spinningWorkers &-= 1
                continue
            }
            idleSince = nil
            sleepingWorkers &+= 1
            if let deadline = timers.earliestDeadline {
                lock.wait(Self.workAvailable, untilMilliseconds: deadline)
            } else {
                lock.wait(Self.workAvailable)
            }
            sleepingWorkers &-= 1
        }
        return nil
    }

    /// Yields the core until `workGeneration` moves past `seen` or the idle spin is over,
    /// without the lock. (A due timer is noticed when the spin ends, at most
    /// `idleSpinNanoseconds` late: timers have millisecond resolution.)
    private func spinUntilWorkArrives(after seen: UInt64, spinningSince spinStart: UInt64) {
        while workGeneration.load(ordering: .acquiring) == seen {
            if WorkerThread.monotonicNanoseconds() &- spinStart >= Self.idleSpinNanoseconds { return }
            WorkerThread.yield()
        }
    }

    /// Blocks until no actor is runnable or running and no timer is pending, or until
    /// `timeoutMilliseconds` pass. True when quiescent.
    func waitUntilQuiescent(timeoutMilliseconds: UInt64?) -> Bool {
        let deadline = timeoutMilliseconds.map { ChainClock.millisecondsSinceEpoch() &+ $0 }
        return lock.withLock {
            while !(runQueue.isEmpty && runningSlices == 0 && timers.isEmpty) {
                if isStopping { return false }
                if let deadline {
                    if ChainClock.millisecondsSinceEpoch() >= deadline { return false }
                    lock.wait(Self.becameQuiescent, untilMilliseconds: deadline)
                } else {
                    lock.wait(Self.becameQuiescent)
                }
            }
            return true
        }
    }

    /// Whether nothing is runnable, running or pending.
    var isQuiescent: Bool {
        lock.withLock { runQueue.isEmpty && runningSlices == 0 && timers.isEmpty }
    }

    /// Stops the workers after their current slices, waits for them, and forgets queued
    /// actors and timers.
    func stop() {
        let threads = lock.withLock { () -> [WorkerThread] in
            isStopping = true
            workGeneration.add(1, ordering: .releasing)
            lock.broadcast(Self.workAvailable)
            lock.broadcast(Self.becameQuiescent)
            defer { workers = [] }
            return workers
        }
        for thread in threads { thread.join() }
        lock.withLock {
            _ = runQueue.removeAll()
            timers.removeAll()
        }
    }
}
