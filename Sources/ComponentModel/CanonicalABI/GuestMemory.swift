import WasmInterp

/// Bounds- and alignment-checked little-endian access to a guest's linear memory.
///
/// Addresses are `UInt64` so offset arithmetic on 32-bit guest pointers cannot overflow.
/// The memory may grow between accesses (a `realloc` can grow it); its base never moves.
struct GuestMemory {
    let memory: Memory

    var byteCount: UInt64 { UInt64(memory.byteCount) }

    @inline(__always)
    func checkRange(_ address: UInt64, length: UInt64) throws(CanonicalABIError) {
        guard memory.contains(address: address, length: length) else {
            throw .outOfBounds(address: address, length: length, memorySize: memory.byteCount)
        }
    }

    @inline(__always)
    func checkAligned(_ address: UInt64, _ alignment: UInt32) throws(CanonicalABIError) {
        guard address & (UInt64(alignment) &- 1) == 0 else { throw .misalignedPointer(address: address, alignment: alignment) }
    }

    /// Checks that a value of `size` bytes aligned to `alignment` may live at `address`.
    @inline(__always)
    func checkPlacement(_ address: UInt64, size: UInt64, alignment: UInt32) throws(CanonicalABIError) {
        try checkAligned(address, alignment)
        try checkRange(address, length: size)
    }

    @inline(__always)
    func load<T: FixedWidthInteger>(_ type: T.Type, at address: UInt64) throws(CanonicalABIError) -> T {
        try checkRange(address, length: UInt64(MemoryLayout<T>.size))
        return T(littleEndian: memory.base.loadUnaligned(fromByteOffset: Int(address), as: T.self))
    }

    @inline(__always)
    func store<T: FixedWidthInteger>(_ value: T, at address: UInt64) throws(CanonicalABIError) {
        try checkRange(address, length: UInt64(MemoryLayout<T>.size))
        memory.base.storeBytes(of: value.littleEndian, toByteOffset: Int(address), as: T.self)
    }

    /// The `count` bytes at `address` (checked), valid until the memory is released.
    func bytes(at address: UInt64, count: UInt64) throws(CanonicalABIError) -> UnsafeRawBufferPointer {
        try checkRange(address, length: count)
        return UnsafeRawBufferPointer(start: memory.base + Int(address), count: Int(count))
    }

    /// Writable `count` bytes at `address` (checked).
    func mutableBytes(at address: UInt64, count: UInt64) throws(CanonicalABIError) -> UnsafeMutableRawBufferPointer {
        try checkRange(address, length: count)
        return UnsafeMutableRawBufferPointer(start: memory.base + Int(address), count: Int(count))
    }
}
