#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Random bytes from the system's source, drawn a block at a time: a random actor id
/// takes 16 bytes, and one system call per 256 ids costs a spawn much less than two per id
/// (`SystemRandomNumberGenerator` makes one `getrandom` call per 64-bit draw).
///
/// The bytes are the kernel's cryptographically secure ones, only handed out later; each
/// byte is handed out once. Not thread-safe: its owner guards it (the actor directory's
/// lock). A process that forks must not use the pool in both processes (both would hand
/// out the same bytes); the runtime does not fork.
struct RandomBytePool: Sendable {
    /// Bytes drawn per refill.
    static let blockSize = 4096
    private var block: [UInt8] = []
    /// Position of the next unused byte in `block`.
    private var next = 0

    init() {}

    /// 16 fresh random bytes, as two words.
    mutating func nextWords() -> (UInt64, UInt64) {
        if next &+ 16 > block.count { refill() }
        let words = block.withUnsafeBytes { bytes in
            (bytes.loadUnaligned(fromByteOffset: next, as: UInt64.self),
             bytes.loadUnaligned(fromByteOffset: next &+ 8, as: UInt64.self))
        }
        next &+= 16
        return words
    }

    private mutating func refill() {
        if block.count != Self.blockSize { block = Array(repeating: 0, count: Self.blockSize) }
        block.withUnsafeMutableBytes { bytes in
            #if canImport(Glibc) || canImport(Darwin)
            // `arc4random_buf`: one `getrandom` system call for the whole block on Linux.
            if let base = bytes.baseAddress { arc4random_buf(base, bytes.count) }
            #else
            var generator = SystemRandomNumberGenerator()
            for offset in stride(from: 0, to: bytes.count, by: 8) {
                bytes.storeBytes(of: generator.next() as UInt64, toByteOffset: offset, as: UInt64.self)
            }
            #endif
        }
        next = 0
    }
}
