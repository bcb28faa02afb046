#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A linear memory. Its whole possible size is reserved as address space up front and
/// pages become accessible as it grows, so growing never copies and `base` never moves.
public final class Memory: @unchecked Sendable {
    public static let pageSize = 65536

    public let type: MemoryType
    /// Start of the memory's bytes. Stable for the memory's lifetime.
    public let base: UnsafeMutableRawPointer
    /// Current size in bytes (a multiple of `pageSize`).
    public private(set) var byteCount: Int
    /// Most pages this memory may grow to: its declared maximum capped by the store's limit.
    public let maxPages: Int
    private let reservedBytes: Int

    public var pageCount: Int { byteCount / Memory.pageSize }

    /// Creates a memory of `type.limits.min` pages, or fails if that exceeds `pageLimit`.
    public init(type: MemoryType, pageLimit: UInt64) throws(MemoryError) {
        self.type = type
        let declaredMax = type.limits.max ?? 65536
        let maxPages = Int(Swift.min(declaredMax, pageLimit, 65536))
        guard type.limits.min <= UInt64(maxPages) else { throw MemoryError.exceedsLimit(pages: type.limits.min) }
        self.maxPages = maxPages
        // Reserve at least one page so `base` is a valid pointer even for empty memories.
        reservedBytes = Swift.max(maxPages, 1) * Memory.pageSize
        guard let mapped = mmap(nil, reservedBytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
              mapped != MAP_FAILED
        else { throw MemoryError.reservationFailed(bytes: reservedBytes) }
        base = mapped
        byteCount = 0
        guard commit(pages: Int(type.limits.min)) else {
            munmap(base, reservedBytes)
            throw MemoryError.reservationFailed(bytes: Int(type.limits.min) * Memory.pageSize)
        }
    }

    deinit { munmap(base, reservedBytes) }

    /// `memory.grow`: adds `pages` zeroed pages; returns the old page count, or -1 if the
    /// memory would exceed its maximum or the host cannot provide the pages.
    public func grow(by pages: UInt64) -> Int64 {
        let old = pageCount
        guard pages <= UInt64(maxPages - old) else { return -1 }
        if pages == 0 { return Int64(old) }
        return commit(pages: Int(pages)) ? Int64(old) : -1
    }

    private func commit(pages: Int) -> Bool {
        if pages == 0 { return true }
        let bytes = pages * Memory.pageSize
        guard mprotect(base + byteCount, bytes, PROT_READ | PROT_WRITE) == 0 else { return false }
        byteCount += bytes
        return true
    }

    /// The memory's current bytes (for host functions).
    public var buffer: UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(start: base, count: byteCount)
    }

    /// Whether `[address, address + length)` lies inside the memory.
    @inline(__always)
    public func contains(address: UInt64, length: UInt64) -> Bool {
        let (end, overflow) = address.addingReportingOverflow(length)
        return !overflow && end <= UInt64(byteCount)
    }
}

public enum MemoryError: Error, Sendable, CustomStringConvertible {
    case exceedsLimit(pages: UInt64)
    case reservationFailed(bytes: Int)

    public var description: String {
        switch self {
        case .exceedsLimit(let pages): return "memory of \(pages) pages exceeds the limit"
        case .reservationFailed(let bytes): return "could not reserve \(bytes) bytes of address space"
        }
    }
}
