import WasmInterp

/// A cursor that lowers values either into flat core values or into linear memory.
///
/// Flat values are collected as raw 64-bit slot bits (see `CanonicalReader`); a variant's
/// unused payload slots are zero, and a narrower payload in a widened slot is zero-extended,
/// which is the spec's coercion. In memory, `write(_:)` places each value at its alignment
/// and advances past its size.
public struct CanonicalWriter {
    let context: CanonicalContext
    private(set) var slots: [UInt64] = []
    private let memory: GuestMemory?
    private var address: UInt64 = 0

    /// A writer of flat values.
    init(flatCapacity: Int, context: CanonicalContext) {
        self.context = context
        slots.reserveCapacity(flatCapacity)
        memory = nil
    }

    /// A writer of flat values into `buffer`'s storage (emptied first): a caller that
    /// lowers call after call hands the same buffer back (`takeFlatSlots`) and allocates
    /// none.
    init(reusing buffer: [UInt64], flatCapacity: Int, context: CanonicalContext) {
        self.context = context
        slots = buffer
        slots.removeAll(keepingCapacity: true)
        slots.reserveCapacity(flatCapacity)
        memory = nil
    }

    /// The flat values written, as raw bits, leaving the writer empty.
    mutating func takeFlatSlots() -> [UInt64] {
        var taken: [UInt64] = []
        swap(&taken, &slots)
        return taken
    }

    /// A writer into memory at `address` (already checked to hold what will be written).
    init(memory: GuestMemory, address: UInt64, context: CanonicalContext) {
        self.context = context
        self.memory = memory
        self.address = address
    }

    /// The flat values written, typed as `types` (the flattening of what was written).
    func coreValues(_ types: [ValueType]) throws(CanonicalABIError) -> [Value] {
        guard slots.count == types.count else {
            throw .invalidCallState("lowered \(slots.count) core values, expected \(types.count)")
        }
        var values: [Value] = []
        values.reserveCapacity(types.count)
        for (slot, type) in zip(slots, types) { values.append(Value(low: slot, type: type)) }
        return values
    }

    /// Lowers one value of type `T`.
    public mutating func write<T: CanonicalValue>(_ value: T) throws(CanonicalABIError) {
        try writeValue(value)
    }

    /// `write(_:)`, under another name so the concrete overloads can call it.
    @inline(__always)
    mutating func writeValue<T: CanonicalValue>(_ value: T) throws(CanonicalABIError) {
        let layout = T.canonicalLayout
        try extent(size: layout.size, alignment: layout.alignment, flatCount: layout.flatCount) {
            (writer: inout CanonicalWriter) throws(CanonicalABIError) in
            try value.lower(into: &writer)
        }
    }

    /// Runs `body` for a value that occupies `size` bytes at `alignment` in memory or
    /// `flatCount` slots, and leaves the cursor just past it; unused flat slots are zero.
    @inline(__always)
    mutating func extent(
        size: UInt32, alignment: UInt32, flatCount: Int, _ body: (inout CanonicalWriter) throws(CanonicalABIError) -> Void
    ) throws(CanonicalABIError) {
        if memory != nil {
            let start = CanonicalTypeLayout.align(address, to: alignment)
            address = start
            try body(&self)
            address = start + UInt64(size)
            return
        }
        let end = slots.count + flatCount
        try body(&self)
        while slots.count < end { slots.append(0) }
    }

    // MARK: Scalars

    /// Writes an integer in `T`'s width; flat, a signed value is sign-extended to 32 bits
    /// (an `i32`) or kept as 64 bits (an `i64`).
    @inline(__always)
    mutating func writeInteger<T: FixedWidthInteger>(_ value: T) throws(CanonicalABIError) {
        if let memory {
            let size = UInt32(MemoryLayout<T>.size)
            let at = CanonicalTypeLayout.align(address, to: size)
            try memory.store(value, at: at)
            address = at + UInt64(size)
            return
        }
        if T.bitWidth == 64 {
            slots.append(UInt64(truncatingIfNeeded: value))
        } else {
            slots.append(UInt64(UInt32(truncatingIfNeeded: value)))
        }
    }

    mutating func writeBool(_ value: Bool) throws(CanonicalABIError) {
        if memory != nil { try writeInteger(UInt8(value ? 1 : 0)) } else { try writeInteger(UInt32(value ? 1 : 0)) }
    }

    /// Floats are lowered with the one canonical NaN (the deterministic profile).
    mutating func writeFloat32(_ value: Float) throws(CanonicalABIError) {
        try writeInteger(canonicalized(value).bitPattern)
    }

    mutating func writeFloat64(_ value: Double) throws(CanonicalABIError) {
        try writeInteger(canonicalized(value).bitPattern)
    }

    /// Writes a variant's discriminant and moves to its payload (`payloadOffset` bytes past
    /// the discriminant, in memory): for lowering a variant by hand.
    public mutating func writeDiscriminant(_ index: Int, caseCount: Int, payloadOffset: UInt32) throws(CanonicalABIError) {
        let start = address
        let value = UInt32(truncatingIfNeeded: index)
        switch CanonicalTypeLayout.discriminantSize(caseCount: caseCount) {
        case 1 where memory != nil: try writeInteger(UInt8(truncatingIfNeeded: value))
        case 2 where memory != nil: try writeInteger(UInt16(truncatingIfNeeded: value))
        default: try writeInteger(value)
        }
        if memory != nil { address = start + UInt64(payloadOffset) }
    }

    mutating func writeFlagBits(_ bits: UInt32, count: Int) throws(CanonicalABIError) {
        guard memory != nil else { return try writeInteger(bits) }
        switch CanonicalTypeLayout.flagsSize(count: count) {
        case 1: try writeInteger(UInt8(truncatingIfNeeded: bits))
        case 2: try writeInteger(UInt16(truncatingIfNeeded: bits))
        default: try writeInteger(bits)
        }
    }

    // MARK: Strings, lists, handles

    mutating func writeString(_ string: String) throws(CanonicalABIError) {
        let (pointer, taggedCodeUnits) = try context.lowerString(StringSource(hostString: string))
        try writeInteger(UInt32(truncatingIfNeeded: pointer))
        try writeInteger(taggedCodeUnits)
    }

    /// Writes a `list<u8>` with one allocation and one copy.
    mutating func writeBytes<Bytes: Collection>(_ bytes: Bytes) throws(CanonicalABIError) where Bytes.Element == UInt8 {
        let count = bytes.count
        let begin = try writeListRange(count: count, elementSize: 1, alignment: 1)
        let memory = try context.memory()
        let destination = try memory.mutableBytes(at: begin, count: UInt64(count))
        destination.copyBytes(from: bytes)
    }

    /// Allocates room for `count` elements, writes the list's pointer and length, and
    /// returns the (checked) address of the first element.
    mutating func writeListRange(count: Int, elementSize: UInt32, alignment: UInt32) throws(CanonicalABIError) -> UInt64 {
        let byteLength = UInt64(count) &* UInt64(elementSize)
        guard UInt64(count) <= CanonicalContext.maxByteLength, byteLength <= CanonicalContext.maxByteLength else {
            throw .valueTooLong(byteLength: byteLength)
        }
        let memory = try context.memory()
        let begin = try context.allocate(alignment: alignment, size: byteLength)
        try memory.checkPlacement(begin, size: byteLength, alignment: alignment)
        try writeInteger(UInt32(truncatingIfNeeded: begin))
        try writeInteger(UInt32(truncatingIfNeeded: count))
        return begin
    }

    /// Writes list elements into a checked range, each with `writeElement` on a memory writer.
    static func writeElements<Elements: Collection>(
        _ elements: Elements, begin: UInt64, elementSize: UInt32, context: CanonicalContext,
        _ writeElement: (inout CanonicalWriter, Elements.Element) throws(CanonicalABIError) -> Void
    ) throws(CanonicalABIError) {
        let memory = try context.memory()
        var writer = CanonicalWriter(memory: memory, address: begin, context: context)
        var index: UInt64 = 0
        for element in elements {
            writer.address = begin + index * UInt64(elementSize)
            try writeElement(&writer, element)
            index += 1
        }
    }

    /// Lowers an `own` handle: a new owned handle in the instance's table.
    mutating func writeOwn(_ representation: UInt32, _ resource: ResourceType) throws(CanonicalABIError) {
        let handle = ResourceHandle(type: resource, representation: representation, isOwned: true, borrowScope: nil)
        try writeInteger(try context.instance.handles.add(handle))
    }

    /// Lowers a `borrow` handle: the representation itself for the instance that defines
    /// the resource, otherwise a borrowed handle the callee must drop before returning.
    mutating func writeBorrow(_ representation: UInt32, _ resource: ResourceType) throws(CanonicalABIError) {
        if context.instance.defines(resource) { return try writeInteger(representation) }
        guard let scope = context.borrowScope else {
            throw .invalidType("borrow handles can only be passed as parameters")
        }
        let handle = ResourceHandle(type: resource, representation: representation, isOwned: false, borrowScope: scope)
        let index = try context.instance.handles.add(handle)
        scope.liveBorrows += 1
        try writeInteger(index)
    }
}
