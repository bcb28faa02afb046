#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The wall clock chain events are stamped with.
public enum ChainClock {
    /// Milliseconds since the Unix epoch (UTC), the unit of `ChainEvent.timestamp`.
    /// A clock set before 1970 reads as 0.
    public static func millisecondsSinceEpoch() -> UInt64 {
        var now = timespec()
        guard clock_gettime(CLOCK_REALTIME, &now) == 0, now.tv_sec >= 0, now.tv_nsec >= 0 else { return 0 }
        let seconds = UInt64(truncatingIfNeeded: now.tv_sec)
        let milliseconds = UInt64(truncatingIfNeeded: now.tv_nsec) / 1_000_000
        return seconds &* 1000 &+ milliseconds
    }
}
