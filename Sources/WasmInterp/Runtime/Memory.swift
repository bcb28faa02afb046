/// A linear memory. Its whole possible size is reserved as address space up front, so
/// growing never copies and `base` never moves.
///
/// The reservation (see `MemoryReservations`) is one readable and writable mapping whose
/// pages the kernel provides on first touch (`MAP_NORESERVE`): an idle instance costs only the pages it has used, and
/// one mapping per memory (not an accessible part plus a `PROT_NONE` rest) keeps 100,000
/// memories within the kernel's limit on mappings. Accesses are bounds-checked against
/// `byteCount`, so the pages past it are never reached. The reservation is the memory's
/// declared maximum capped by the store's limit; if the address space cannot hold that
/// much, a smaller one is taken and the memory may grow only as far as it reaches.
public final class Memory: @unchecked Sendable {
    public static let pageSize = 65536

    public let type: MemoryType
    /// Start of the memory's bytes. Stable for the memory's lifetime.
    public let base: UnsafeMutableRawPointer
    /// Current size in bytes (a multiple of `pageSize`).
    public var byteCount: Int { Int(truncatingIfNeeded: view.pointee.byteCount) }
    /// The base and size where the interpreter reads them (owned by this memory).
    let view: UnsafeMutablePointer<MemoryView>
    /// Most pages this memory may grow to: its declared maximum capped by the store's
    /// limit and by the address space it could reserve.
    public let maxPages: Int
    private let reservedBytes: Int

    public var pageCount: Int { byteCount / Memory.pageSize }

    /// Creates a memory of `type.limits.min` pages, or fails if that exceeds `pageLimit`
    /// or the address space cannot hold it.
    public init(type: MemoryType, pageLimit: UInt64) throws(MemoryError) {
        self.type = type
        let declaredMax = type.limits.max ?? 65536
        let limit = Int(Swift.min(declaredMax, pageLimit, 65536))
        guard type.limits.min <= UInt64(limit) else { throw MemoryError.exceedsLimit(pages: type.limits.min) }
        let minimum = Int(type.limits.min)
        // At least one page, so `base` is a valid pointer even for an empty memory.
        var pages = Swift.max(limit, 1)
        while true {
            let bytes = pages * Memory.pageSize
            if let mapped = MemoryReservations.shared.reserve(bytes: bytes) {
                base = mapped
                reservedBytes = bytes
                maxPages = Swift.min(limit, pages)
                view = .allocate(capacity: 1)
                view.initialize(to: MemoryView(base: mapped, byteCount: UInt64(minimum * Memory.pageSize)))
                return
            }
            guard pages > Swift.max(minimum, 1) else { throw MemoryError.reservationFailed(bytes: bytes) }
            pages = Swift.max(pages / 2, minimum, 1)
        }
    }

    deinit {
        MemoryReservations.shared.release(base, bytes: reservedBytes, usedBytes: byteCount)
        view.deallocate()
    }

    /// `memory.grow`: adds `pages` zeroed pages; returns the old page count, or -1 if the
    /// memory would exceed its maximum.
    public func grow(by pages: UInt64) -> Int64 {
        let old = pageCount
        guard pages <= UInt64(maxPages - old) else { return -1 }
        // The pages are reserved, accessible and untouched (so zero) already.
        view.pointee.byteCount += pages * UInt64(Memory.pageSize)
        return Int64(old)
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

/// A memory's base and current size, behind a pointer: the interpreter reads them with no
/// object access (no reference counting, no exclusivity check).
struct MemoryView {
    var base: UnsafeMutableRawPointer
    var byteCount: UInt64

    /// What an instance without a memory sees: size 0, so every access is out of bounds
    /// and `base` is never dereferenced. Read only when code is bound to an instance.
    nonisolated(unsafe) static let none: UnsafeMutablePointer<MemoryView> = {
        let view = UnsafeMutablePointer<MemoryView>.allocate(capacity: 1)
        view.initialize(to: MemoryView(base: UnsafeMutableRawPointer.allocate(byteCount: 16, alignment: 16), byteCount: 0))
        return view
    }()
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
