#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain OS thread running one closure: the scheduler's workers. Actors run on these,
/// never on Swift concurrency's cooperative pool, so a long guest slice cannot starve
/// unrelated async code.
final class WorkerThread: @unchecked Sendable {
    #if canImport(Darwin)
    private var thread: pthread_t?
    #else
    private var thread = pthread_t()
    #endif
    private var started = false

    /// Starts a thread running `body`; nil if the system refused to create one.
    static func start(_ body: @escaping @Sendable () -> Void) -> WorkerThread? {
        let worker = WorkerThread()
        let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        let status = pthread_create(&worker.thread, nil, { argument in
            #if canImport(Darwin)
            let pointer = argument
            #else
            guard let pointer = argument else { return nil }
            #endif
            let body = Unmanaged<ThreadBody>.fromOpaque(pointer).takeRetainedValue()
            body.run()
            return nil
        }, box)
        guard status == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(box).release()
            return nil
        }
        worker.started = true
        return worker
    }

    /// Waits for the thread to finish. (Not when called on the thread itself, e.g. when
    /// the last reference to the system is dropped by a worker: the thread ends on its own.)
    func join() {
        guard started else { return }
        started = false
        #if canImport(Darwin)
        guard let thread, pthread_equal(thread, pthread_self()) == 0 else { return }
        pthread_join(thread, nil)
        #else
        guard pthread_equal(thread, pthread_self()) == 0 else { return }
        pthread_join(thread, nil)
        #endif
    }

    /// A monotonic clock in nanoseconds (for short waits, not for timestamps).
    static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// Lets another thread run on this core.
    static func yield() { sched_yield() }

    /// Processors online: the default number of workers.
    static var processorCount: Int {
        let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return count > 0 ? Int(count) : 1
    }
}

private final class ThreadBody {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) { self.run = run }
}
