/// SHA-256 (FIPS 180-4), streaming or one-shot.
///
/// ```swift
/// let digest = SHA256.hash([0x61, 0x62, 0x63])   // "abc": ba7816bf…
///
/// var hasher = SHA256()
/// hasher.update(part1)
/// hasher.update(part2)
/// let same = hasher.finalize()
/// ```
///
/// The hasher is a plain value (no heap storage): copying it forks the computation, which
/// is how `finalize()` can leave the original usable.
public struct SHA256: Sendable {
    /// Bytes in a digest.
    public static let digestByteCount = 32
    /// Bytes in one compression block.
    public static let blockByteCount = 64

    private var state = SHA256State.initial
    /// Bytes received but not yet compressed: always fewer than one block.
    private var pending = SHA256Block()
    private var pendingCount = 0
    /// Total message length so far, in bytes (the padding needs it in bits, mod 2^64).
    private var messageByteCount: UInt64 = 0

    /// A hasher over the empty message.
    public init() {}

    /// The digest of `bytes`.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// The digest of a string's UTF-8 bytes.
    public static func hash(utf8 string: String) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(utf8: string)
        return hasher.finalize()
    }

    /// Appends `bytes` to the message.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Appends a string's UTF-8 bytes to the message.
    public mutating func update(utf8 string: String) {
        var string = string
        string.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// Appends `bytes` to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var input = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        messageByteCount &+= UInt64(truncatingIfNeeded: remaining)

        if pendingCount > 0 {
            let taken = min(remaining, Self.blockByteCount - pendingCount)
            pending.copy(from: input, count: taken, at: pendingCount)
            pendingCount += taken
            input += taken
            remaining -= taken
            guard pendingCount == Self.blockByteCount else { return }
            compressPending()
        }

        let wholeBlocks = remaining / Self.blockByteCount
        if wholeBlocks > 0 {
            state.compress(blocks: input, count: wholeBlocks)
            input += wholeBlocks * Self.blockByteCount
            remaining -= wholeBlocks * Self.blockByteCount
        }

        if remaining > 0 {
            pending.copy(from: input, count: remaining, at: 0)
            pendingCount = remaining
        }
    }

    /// The digest of everything appended so far. The hasher itself is left as it was, so
    /// more can be appended and finalized again (a running digest).
    public func finalize() -> [UInt8] {
        var copy = self
        return copy.padAndDigest()
    }

    private mutating func compressPending() {
        var block = pending
        withUnsafeBytes(of: &block.words) { state.compress(blocks: $0.baseAddress, count: 1) }
        pendingCount = 0
    }

    /// Appends the FIPS 180-4 padding (0x80, zeros, 64-bit big-endian bit length) and
    /// returns the state as bytes.
    private mutating func padAndDigest() -> [UInt8] {
        let bitLength = messageByteCount &* 8
        pending.set(0x80, at: pendingCount)
        pendingCount += 1
        if pendingCount > Self.blockByteCount - 8 {
            pending.zero(from: pendingCount)
            compressPending()
        }
        pending.zero(from: pendingCount)
        pending.words.7 = bitLength.bigEndian
        pendingCount = Self.blockByteCount
        compressPending()
        return state.bytes
    }
}

/// The eight working hash words.
private struct SHA256State {
    var a, b, c, d, e, f, g, h: UInt32

    static let initial = SHA256State(
        a: 0x6a09_e667, b: 0xbb67_ae85, c: 0x3c6e_f372, d: 0xa54f_f53a,
        e: 0x510e_527f, f: 0x9b05_688c, g: 0x1f83_d9ab, h: 0x5be0_cd19)

    var bytes: [UInt8] {
        let words = (a.bigEndian, b.bigEndian, c.bigEndian, d.bigEndian, e.bigEndian, f.bigEndian, g.bigEndian, h.bigEndian)
        return withUnsafeBytes(of: words) { Array($0) }
    }

    /// Runs the compression function over `count` consecutive 64-byte blocks.
    mutating func compress(blocks: UnsafeRawPointer?, count: Int) {
        guard let blocks else { return }
        // The schedule lives on the stack; the constants are read through a pointer so the
        // round loop has no bounds checks.
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            guard let w = schedule.baseAddress else { return }
            sha256RoundConstants.withUnsafeBufferPointer { constants in
                guard let k = constants.baseAddress else { return }
                for blockIndex in 0..<count {
                    compressBlock(blocks + blockIndex &* SHA256.blockByteCount, schedule: w, constants: k)
                }
            }
        }
    }

    @inline(__always)
    private mutating func compressBlock(
        _ block: UnsafeRawPointer, schedule w: UnsafeMutablePointer<UInt32>, constants k: UnsafePointer<UInt32>
    ) {
        for t in 0..<16 {
            w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t &* 4, as: UInt32.self))
        }
        for t in 16..<64 {
            let w15 = w[t &- 15], w2 = w[t &- 2]
            let s0 = w15.rotatedRight(7) ^ w15.rotatedRight(18) ^ (w15 >> 3)
            let s1 = w2.rotatedRight(17) ^ w2.rotatedRight(19) ^ (w2 >> 10)
            w[t] = w[t &- 16] &+ s0 &+ w[t &- 7] &+ s1
        }

        // Unrolled by eight so the working variables rotate by renaming instead of moving.
        var a = a, b = b, c = c, d = d, e = e, f = f, g = g, h = h
        var t = 0
        while t < 64 {
            sha256Round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
            sha256Round(h, a, b, &c, d, e, f, &g, k[t &+ 1] &+ w[t &+ 1])
            sha256Round(g, h, a, &b, c, d, e, &f, k[t &+ 2] &+ w[t &+ 2])
            sha256Round(f, g, h, &a, b, c, d, &e, k[t &+ 3] &+ w[t &+ 3])
            sha256Round(e, f, g, &h, a, b, c, &d, k[t &+ 4] &+ w[t &+ 4])
            sha256Round(d, e, f, &g, h, a, b, &c, k[t &+ 5] &+ w[t &+ 5])
            sha256Round(c, d, e, &f, g, h, a, &b, k[t &+ 6] &+ w[t &+ 6])
            sha256Round(b, c, d, &e, f, g, h, &a, k[t &+ 7] &+ w[t &+ 7])
            t &+= 8
        }
        self.a &+= a
        self.b &+= b
        self.c &+= c
        self.d &+= d
        self.e &+= e
        self.f &+= f
        self.g &+= g
        self.h &+= h
    }
}

/// One 64-byte block held inline (no heap allocation), as eight 64-bit words.
private struct SHA256Block {
    var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)

    /// Copies `count` bytes to byte offset `offset`; callers keep `offset + count <= 64`.
    mutating func copy(from source: UnsafeRawPointer, count: Int, at offset: Int) {
        withUnsafeMutableBytes(of: &words) { block in
            guard let base = block.baseAddress, offset >= 0, count >= 0, offset &+ count <= block.count else { return }
            (base + offset).copyMemory(from: source, byteCount: count)
        }
    }

    mutating func set(_ byte: UInt8, at offset: Int) {
        withUnsafeMutableBytes(of: &words) { block in
            guard offset >= 0, offset < block.count else { return }
            block[offset] = byte
        }
    }

    /// Zeroes the bytes from `offset` to the end of the block.
    mutating func zero(from offset: Int) {
        withUnsafeMutableBytes(of: &words) { block in
            guard offset >= 0 else { return }
            for index in offset..<block.count { block[index] = 0 }
        }
    }
}

/// One round, written for rotating names: the caller passes the eight words shifted by one
/// position each round, so only `d` and `h` change.
@inline(__always)
private func sha256Round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ constantPlusWord: UInt32
) {
    let sum1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
    let choose = g ^ (e & (f ^ g))
    let temp1 = h &+ sum1 &+ choose &+ constantPlusWord
    let sum0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
    let majority = (a & b) | (c & (a | b))
    d &+= temp1
    h = temp1 &+ sum0 &+ majority
}

extension UInt32 {
    @inline(__always)
    fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
        (self >> count) | (self << (32 &- count))
    }
}

/// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
private let sha256RoundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
]
