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
/// A returned reservation reads as zeros again, like a fresh mapping: its first
/// `keptResidentBytes` used bytes are zeroed in place (so its next user takes no page
/// faults there: an actor's stack, statics and first heap pages), the rest are given
/// back to the kernel (`MADV_DONTNEED`, which also costs a TLB flush on every core the
/// process runs on).
final class MemoryReservations: @unchecked Sendable {
    static let shared = MemoryReservations()

    /// Most address space kept idle (unused and fresh reservations together), whatever
    /// their sizes: modules declaring many different large maximums must not fill the
    /// address space with reservations nobody uses.
    let keptBytesLimit: Int
    /// Guarded by `lock`: address space kept idle now.
    private var keptBytes = 0

    init(keptBytesLimit: Int = 1 << 42) {
        self.keptBytesLimit = keptBytesLimit
    }

    /// Address space kept idle now (at most `keptBytesLimit`).
    var keptAddressSpace: Int { lock.withLock { keptBytes } }

    /// Most reservations kept per size.
    private static let keptPerSize = 32
    /// Used bytes zeroed in place rather than returned to the kernel.
    private static let keptResidentBytes = 65536
    private let lock = CodeCacheLock()
    /// Guarded by `lock`: unused reservations by size in bytes.
    private var unused: [Int: [UnsafeMutableRawPointer]] = [:]

    /// Guarded by `lock`: by size, the rest of a run of fresh reservations mapped at once.
    private var fresh: [Int: (next: UnsafeMutableRawPointer, count: Int)] = [:]
    /// Fresh reservations are mapped in runs of up to this many (one system call, one
    /// kernel mapping for many spawns), as long as a run stays within `freshRunBytes`.
    private static let freshRunLength = 64
    private static let freshRunBytes = 1 << 36

    /// A readable, writable, zeroed reservation of `bytes`, committed lazily, or nil when
    /// the address space cannot hold it.
    func reserve(bytes: Int) -> UnsafeMutableRawPointer? {
        let taken = lock.withLock { () -> UnsafeMutableRawPointer? in
            if let kept = unused[bytes]?.popLast() {
                keptBytes &-= bytes
                return kept
            }
            guard let run = fresh[bytes] else { return nil }
            fresh[bytes] = run.count > 1 ? (run.next + bytes, run.count - 1) : nil
            keptBytes &-= bytes
            return run.next
        }
        if let taken { return taken }
        var runLength = Swift.max(1, Swift.min(Self.freshRunLength, Self.freshRunBytes / Swift.max(bytes, 1)))
        let room = lock.withLock { keptBytesLimit &- keptBytes }
        if bytes * (runLength - 1) > room { runLength = 1 }
        if runLength > 1, let run = map(bytes * runLength) {
            // Each reservation of the run is later released (or unmapped) on its own.
            let stored = lock.withLock { () -> Bool in
                guard fresh[bytes] == nil, keptBytes &+ bytes * (runLength - 1) <= keptBytesLimit else { return false }
                fresh[bytes] = (run + bytes, runLength - 1)
                keptBytes &+= bytes * (runLength - 1)
                return true
            }
            // Another thread mapped a run meanwhile: keep the first of this one only.
            if !stored { munmap(run + bytes, bytes * (runLength - 1)) }
            return run
        }
        return map(bytes)
    }

    private func map(_ bytes: Int) -> UnsafeMutableRawPointer? {
        guard let mapped = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
              mapped != MAP_FAILED
        else { return nil }
        return mapped
    }

    /// Takes back a reservation of `bytes` whose first `usedBytes` may have been written.
    func release(_ base: UnsafeMutableRawPointer, bytes: Int, usedBytes: Int) {
        let roomToKeep = lock.withLock { hasRoom(forKeeping: bytes) }
        let resident = Swift.min(usedBytes, Self.keptResidentBytes)
        guard roomToKeep,
              usedBytes <= resident || madvise(base + resident, usedBytes - resident, MADV_DONTNEED) == 0
        else {
            munmap(base, bytes)
            return
        }
        base.initializeMemory(as: UInt8.self, repeating: 0, count: resident)
        let kept = lock.withLock { () -> Bool in
            guard hasRoom(forKeeping: bytes) else { return false }
            unused[bytes, default: []].append(base)
            keptBytes &+= bytes
            return true
        }
        if !kept { munmap(base, bytes) }
    }

    /// Called with `lock` held.
    private func hasRoom(forKeeping bytes: Int) -> Bool {
        unused[bytes, default: []].count < Self.keptPerSize && keptBytes &+ bytes <= keptBytesLimit
    }
}
