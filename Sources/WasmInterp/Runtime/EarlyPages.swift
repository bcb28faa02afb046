#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Which of the first 4 KiB pages of a module's memory its instances touch early (stack,
/// statics, first heap pages), learned from an earlier instance, so that each new
/// instance's memory gets them with one system call (`MADV_POPULATE_WRITE`) instead of a
/// page fault per page, or two when the first access reads (the kernel maps its shared
/// zero page, then copies it on the first write).
///
/// Learning: the first instance's memory is the sample; a later instantiation asks the
/// kernel which of the sample's first `pageCount` pages are resident (`mincore`), once it
/// finds any (the sample's code may not have run yet when the next instance is made; a few
/// tries, then it gives up). Only pages the sample used are populated, so an idle instance
/// holds what it would have touched anyway; a memory smaller than a page range gets only
/// what it has. Elsewhere than Linux nothing is done.
final class EarlyPages: @unchecked Sendable {
    static let pageSize = 4096
    /// Pages considered: the first 64 KiB.
    static let pageCount = 16
    /// Instantiations that look at the sample before giving up.
    private static let attemptLimit = 16

    private let lock = CodeCacheLock()
    /// Guarded by `lock`: the memory learned from.
    private weak var sample: Memory?
    private var attempts = 0
    /// Guarded by `lock`: bit i set if page i is populated in new memories; nil while
    /// still learning.
    private var learned: UInt16?

    /// Populates the learned pages of `memory` (a new instance's memory 0), or learns them.
    func prepare(_ memory: Memory) {
        #if os(Linux)
        switch nextStep(for: memory) {
        case .populate(let pages):
            populate(pages, of: memory)
        case .learn(let sample):
            let pages = Self.residentPages(of: sample)
            guard pages != 0 else { return }
            lock.withLock { if learned == nil { learned = pages } }
            populate(pages, of: memory)
        case .nothing:
            return
        }
        #endif
    }

    private enum Step {
        case populate(UInt16)
        case learn(from: Memory)
        case nothing
    }

    private func nextStep(for memory: Memory) -> Step {
        lock.withLock {
            if let learned { return learned == 0 ? .nothing : .populate(learned) }
            guard let sample else {
                self.sample = memory
                return .nothing
            }
            attempts += 1
            if attempts >= Self.attemptLimit { learned = 0 }
            return .learn(from: sample)
        }
    }

    #if os(Linux)
    /// How many of the considered pages `memory` has from its creation on (its initial
    /// size: read from its type, not its current size, which the thread running the
    /// sample may be changing).
    private static func initialPages(of memory: Memory) -> Int {
        let initialBytes = Swift.min(memory.type.limits.min, UInt64(pageCount)) &* UInt64(Memory.pageSize)
        return Swift.min(pageCount, Int(initialBytes) / pageSize)
    }

    /// Bit i set if page i of `memory` (within its initial size) is resident.
    private static func residentPages(of memory: Memory) -> UInt16 {
        let pages = initialPages(of: memory)
        guard pages > 0 else { return 0 }
        var vector = [UInt8](repeating: 0, count: pages)
        let result = vector.withUnsafeMutableBufferPointer { vector in
            mincore(memory.base, pages * pageSize, vector.baseAddress)
        }
        guard result == 0 else { return 0 }
        var bits: UInt16 = 0
        for (page, flags) in vector.enumerated() where flags & 1 != 0 { bits |= 1 << UInt16(page) }
        return bits
    }

    /// One `madvise` per run of consecutive pages, within the memory's initial size. A
    /// kernel without `MADV_POPULATE_WRITE` (before 5.14) refuses it: then the pages
    /// fault in as before, and later memories are not asked again.
    private func populate(_ pages: UInt16, of memory: Memory) {
        let available = Self.initialPages(of: memory)
        var page = 0
        while page < available {
            guard pages & (1 << UInt16(page)) != 0 else {
                page += 1
                continue
            }
            var end = page + 1
            while end < available, pages & (1 << UInt16(end)) != 0 { end += 1 }
            if madvise(memory.base + page * Self.pageSize, (end - page) * Self.pageSize, MADV_POPULATE_WRITE) != 0 {
                lock.withLock { learned = 0 }
                return
            }
            page = end
        }
    }
    #endif
}
