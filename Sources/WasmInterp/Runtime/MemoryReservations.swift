#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Address-space reservations for linear memories, with a few of the discarded ones kept
/// for reuse: an actor restarted (or spawned after another stopped) gets a reservation
/// whose page tables exist and whose mapping needs no system call to create.
///
/// A returned reservation's used pages are given back to the kernel first
/// (`MADV_DONTNEED`), so it reads as zeros again, like a fresh mapping.
final class MemoryReservations: @unchecked Sendable {
    static let shared = MemoryReservations()

    /// Most reservations kept per size.
    private static let keptPerSize = 32
    private let lock = CodeCacheLock()
    /// Guarded by `lock`: unused reservations by size in bytes.
    private var unused: [Int: [UnsafeMutableRawPointer]] = [:]

    /// A readable, writable, zeroed reservation of `bytes`, committed lazily, or nil when
    /// the address space cannot hold it.
    func reserve(bytes: Int) -> UnsafeMutableRawPointer? {
        if let kept = lock.withLock({ unused[bytes]?.popLast() }) { return kept }
        guard let mapped = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
              mapped != MAP_FAILED
        else { return nil }
        return mapped
    }

    /// Takes back a reservation of `bytes` whose first `usedBytes` may have been written.
    func release(_ base: UnsafeMutableRawPointer, bytes: Int, usedBytes: Int) {
        guard usedBytes == 0 || madvise(base, usedBytes, MADV_DONTNEED) == 0 else {
            munmap(base, bytes)
            return
        }
        let kept = lock.withLock { () -> Bool in
            guard unused[bytes, default: []].count < Self.keptPerSize else { return false }
            unused[bytes, default: []].append(base)
            return true
        }
        if !kept { munmap(base, bytes) }
    }
}
