#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutex with condition variables, for threads that sleep until work arrives or a
/// deadline passes. (`Synchronization.Mutex` has no way to wait.)
///
/// The pthread objects live on the heap so their addresses never move.
final class ConditionLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let conditions: UnsafeMutablePointer<pthread_cond_t>
    private let conditionCount: Int

    /// A lock with `conditionCount` independent conditions, numbered from 0.
    init(conditionCount: Int = 1) {
        self.conditionCount = Swift.max(conditionCount, 1)
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        conditions = .allocate(capacity: self.conditionCount)
        for index in 0..<self.conditionCount { pthread_cond_init(conditions + index, nil) }
    }

    deinit {
        for index in 0..<conditionCount { pthread_cond_destroy(conditions + index) }
        conditions.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock()
        defer { unlock() }
        return try body()
    }

    /// Sleeps until condition `index` is signalled (the lock must be held).
    func wait(_ index: Int = 0) {
        pthread_cond_wait(conditions + clamp(index), mutex)
    }

    /// Sleeps until condition `index` is signalled or the wall clock reaches
    /// `deadlineMilliseconds` since the Unix epoch (the lock must be held).
    func wait(_ index: Int = 0, untilMilliseconds deadlineMilliseconds: UInt64) {
        var deadline = timespec()
        let seconds = deadlineMilliseconds / 1000
        deadline.tv_sec = seconds > UInt64(Int.max) ? Int.max : Int(seconds)
        deadline.tv_nsec = Int((deadlineMilliseconds % 1000) &* 1_000_000)
        pthread_cond_timedwait(conditions + clamp(index), mutex, &deadline)
    }

    func signal(_ index: Int = 0) { pthread_cond_signal(conditions + clamp(index)) }
    func broadcast(_ index: Int = 0) { pthread_cond_broadcast(conditions + clamp(index)) }

    private func clamp(_ index: Int) -> Int { index >= 0 && index < conditionCount ? index : 0 }
}
