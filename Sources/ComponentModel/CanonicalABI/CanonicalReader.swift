import WasmInterp

/// A cursor that lifts values either from flat core values or from linear memory.
///
/// Flat values are kept as their raw 64-bit slot bits (numbers zero-extended, floats as
/// bit patterns), so reading a payload from a slot whose type was widened by a variant
/// `join` (an `i32` or `f32` carried in an `i64`, an `f32` in an `i32`) is just taking
/// the low bits, which is exactly the spec's coercion.
///
/// In memory, `read(_:)` places each value at its alignment and advances past its size,
/// so reading a record's fields one after another follows the canonical layout.
public struct CanonicalReader {
    let context: CanonicalContext
    private let slots: [UInt64]
    private var slotIndex = 0
    private let memory: GuestMemory?
    private var address: UInt64 = 0

    /// A reader of flat values.
    init(flat slots: [UInt64], context: CanonicalContext) {
        self.context = context
        self.slots = slots
        memory = nil
    }

    /// A reader of memory at `address`.
    init(memory: GuestMemory, address: UInt64, context: CanonicalContext) {
        self.context = context
        slots = []
        self.memory = memory
        self.address = address
    }

    var isInMemory: Bool { memory != nil }

    /// Lifts one value of type `T`.
    public mutating func read<T: CanonicalValue>(_ type: T.Type) throws(CanonicalABIError) -> T {
        try readValue(type)
    }

    /// `read(_:)`, under another name so the concrete overloads can call it.
    @inline(__always)
    mutating func readValue<T: CanonicalValue>(_ type: T.Type) throws(CanonicalABIError) -> T {
        let layout = T.canonicalLayout
        return try extent(size: layout.size, alignment: layout.alignment, flatCount: layout.flatCount) {
            (reader: inout CanonicalReader) throws(CanonicalABIError) -> T in
            try T.lift(from: &reader)
        }
    }

    /// Runs `body` on a value that occupies `size` bytes at `alignment` in memory or
    /// `flatCount` slots, and leaves the cursor just past it whatever `body` consumed
    /// (skipping padding and the unused slots of a variant's shorter cases).
    @inline(__always)
    mutating func extent<T>(
        size: UInt32, alignment: UInt32, flatCount: Int, _ body: (inout CanonicalReader) throws(CanonicalABIError) -> T
    ) throws(CanonicalABIError) -> T {
        if memory != nil {
            let start = CanonicalTypeLayout.align(address, to: alignment)
            address = start
            let value = try body(&self)
            address = start + UInt64(size)
            return value
        }
        let start = slotIndex
        let value = try body(&self)
        slotIndex = start + flatCount
        return value
    }

    // MARK: Scalars

    @inline(__always)
    private mutating func nextSlot() throws(CanonicalABIError) -> UInt64 {
        guard slotIndex < slots.count else {
            throw .invalidCallState("fewer core values than the type flattens to")
        }
        defer { slotIndex += 1 }
        return slots[slotIndex]
    }

    /// Reads an integer stored in `T`'s width (flat: the low bits of one slot).
    @inline(__always)
    mutating func readInteger<T: FixedWidthInteger>(_ type: T.Type) throws(CanonicalABIError) -> T {
        if let memory {
            let size = UInt32(MemoryLayout<T>.size)
            let at = CanonicalTypeLayout.align(address, to: size)
            let value = try memory.load(T.self, at: at)
            address = at + UInt64(size)
            return value
        }
        return T(truncatingIfNeeded: try nextSlot())
    }

    mutating func readBool() throws(CanonicalABIError) -> Bool {
        // A flat bool is a whole i32: any nonzero i32 is true.
        if memory != nil { return try readInteger(UInt8.self) != 0 }
        return try readInteger(UInt32.self) != 0
    }

    mutating func readChar() throws(CanonicalABIError) -> Unicode.Scalar {
        let value = try readInteger(UInt32.self)
        guard let scalar = Unicode.Scalar(value) else { throw .invalidChar(value) }
        return scalar
    }

    mutating func readFloat32() throws(CanonicalABIError) -> Float {
        canonicalized(Float(bitPattern: try readInteger(UInt32.self)))
    }

    mutating func readFloat64() throws(CanonicalABIError) -> Double {
        canonicalized(Double(bitPattern: try readInteger(UInt64.self)))
    }

    /// Reads a variant's discriminant and moves to its payload (`payloadOffset` bytes past
    /// the discriminant, in memory): for lifting a variant by hand.
    /// - Throws: `invalidDiscriminant` when it is not below `caseCount`.
    public mutating func readDiscriminant(caseCount: Int, payloadOffset: UInt32) throws(CanonicalABIError) -> Int {
        let start = address
        let value: UInt32
        switch CanonicalTypeLayout.discriminantSize(caseCount: caseCount) {
        case 1 where memory != nil: value = UInt32(try readInteger(UInt8.self))
        case 2 where memory != nil: value = UInt32(try readInteger(UInt16.self))
        default: value = try readInteger(UInt32.self)
        }
        guard Int(value) < caseCount else { throw .invalidDiscriminant(value, caseCount: caseCount) }
        if memory != nil { address = start + UInt64(payloadOffset) }
        return Int(value)
    }

    /// Reads a `flags` bit vector of `count` flags (bits past `count` are ignored).
    mutating func readFlagBits(count: Int) throws(CanonicalABIError) -> UInt32 {
        guard memory != nil else { return try readInteger(UInt32.self) }
        switch CanonicalTypeLayout.flagsSize(count: count) {
        case 1: return UInt32(try readInteger(UInt8.self))
        case 2: return UInt32(try readInteger(UInt16.self))
        default: return try readInteger(UInt32.self)
        }
    }

    // MARK: Strings, lists, handles

    mutating func readString() throws(CanonicalABIError) -> String {
        let pointer = try readInteger(UInt32.self)
        let taggedCodeUnits = try readInteger(UInt32.self)
        return try context.liftString(pointer: UInt64(pointer), taggedCodeUnits: taggedCodeUnits)
    }

    /// Reads a `list<u8>` with one copy.
    mutating func readBytes() throws(CanonicalABIError) -> [UInt8] {
        let (memory, begin, count) = try readListRange(elementSize: 1, alignment: 1)
        return [UInt8](try memory.bytes(at: begin, count: UInt64(count)))
    }

    /// Reads a list's pointer and length and checks its elements' range: the byte length
    /// limit, the alignment, and the bounds.
    mutating func readListRange(elementSize: UInt32, alignment: UInt32) throws(CanonicalABIError) -> (GuestMemory, UInt64, Int) {
        let begin = UInt64(try readInteger(UInt32.self))
        let count = try readInteger(UInt32.self)
        let byteLength = UInt64(count) * UInt64(elementSize)
        guard byteLength <= CanonicalContext.maxByteLength else { throw .valueTooLong(byteLength: byteLength) }
        let memory = try context.memory()
        try memory.checkPlacement(begin, size: byteLength, alignment: alignment)
        return (memory, begin, Int(count))
    }

    /// Reads the elements of a checked list range, each with `readElement` on a memory reader.
    static func readElements<T>(
        memory: GuestMemory, begin: UInt64, count: Int, elementSize: UInt32, context: CanonicalContext,
        _ readElement: (inout CanonicalReader) throws(CanonicalABIError) -> T
    ) throws(CanonicalABIError) -> [T] {
        var elements: [T] = []
        elements.reserveCapacity(count)
        var reader = CanonicalReader(memory: memory, address: begin, context: context)
        for index in 0..<count {
            reader.address = begin + UInt64(index) * UInt64(elementSize)
            elements.append(try readElement(&reader))
        }
        return elements
    }

    /// Lifts an `own` handle: moves it out of the instance's table and returns its
    /// representation.
    mutating func readOwn(_ resource: ResourceType) throws(CanonicalABIError) -> UInt32 {
        let index = try readInteger(UInt32.self)
        return try context.instance.handles.removeOwned(at: index, of: resource).representation
    }

    /// Lifts a `borrow` handle: the handle stays, lent to the current call until its result
    /// is delivered, and its representation is returned.
    mutating func readBorrow(_ resource: ResourceType) throws(CanonicalABIError) -> UInt32 {
        let index = try readInteger(UInt32.self)
        guard let lenders = context.lenders else {
            throw .invalidType("borrow handles can only be passed as parameters")
        }
        let handle = try context.instance.handles.handle(at: index, of: resource)
        handle.lendCount += 1
        lenders.handles.append(handle)
        return handle.representation
    }
}

/// Lifted floats have one NaN: sign and payload are discarded.
@inline(__always)
func canonicalized(_ value: Float) -> Float { value.isNaN ? Float(bitPattern: 0x7fc0_0000) : value }

@inline(__always)
func canonicalized(_ value: Double) -> Double { value.isNaN ? Double(bitPattern: 0x7ff8_0000_0000_0000) : value }
