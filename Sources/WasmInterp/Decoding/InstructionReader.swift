/// Decodes the instructions of a function body (or constant expression) one at a time.
///
/// The reader checks only the encoding of each instruction (opcodes, immediates, reserved
/// bytes); whether blocks nest properly and operands type-check is the validator's job.
///
/// ```swift
/// var reader = InstructionReader(bytes: body.bytes, range: body.codeRange)
/// while !reader.isAtEnd {
///     let instruction = try reader.read()
/// }
/// ```
public struct InstructionReader {
    private var input: ByteReader

    /// The bytes the instructions are read from (typically the whole module).
    public var bytes: [UInt8] { input.bytes }
    /// Offset of the next instruction.
    public var offset: Int { input.offset }
    /// One past the last byte that belongs to the instructions.
    public var end: Int { input.end }

    /// A reader over `bytes[range]`; a range reaching outside `bytes` is clamped to it.
    public init(bytes: [UInt8], range: Range<Int>) {
        self.input = ByteReader(bytes: bytes, range: range)
    }

    public var isAtEnd: Bool { input.isAtEnd }

    /// Decodes the next instruction and advances past it.
    public mutating func read() throws(DecodingError) -> Instruction {
        try input.readInstruction()
    }
}

extension ByteReader {
    /// Decodes one instruction with its immediates.
    mutating func readInstruction() throws(DecodingError) -> Instruction {
        let position = offset
        let opcode = try readByte()
        switch opcode {
        case 0x00: return .unreachable
        case 0x01: return .nop
        case 0x02: return .block(try readBlockType())
        case 0x03: return .loop(try readBlockType())
        case 0x04: return .if(try readBlockType())
        case 0x05: return .else
        case 0x0B: return .end
        case 0x0C: return .br(try readUnsigned32())
        case 0x0D: return .brIf(try readUnsigned32())
        case 0x0E: return try readBranchTable()
        case 0x0F: return .return
        case 0x10: return .call(try readUnsigned32())
        case 0x11: return try readCallIndirect()
        case 0x1A: return .drop
        case 0x1B: return .select
        case 0x1C: return .typedSelect(try readValueTypes())
        case 0x20: return .localGet(try readUnsigned32())
        case 0x21: return .localSet(try readUnsigned32())
        case 0x22: return .localTee(try readUnsigned32())
        case 0x23: return .globalGet(try readUnsigned32())
        case 0x24: return .globalSet(try readUnsigned32())
        case 0x25: return .tableGet(try readUnsigned32())
        case 0x26: return .tableSet(try readUnsigned32())
        case 0x28...0x35: return try readLoad(opcode: opcode, at: position)
        case 0x36...0x3E: return try readStore(opcode: opcode, at: position)
        case 0x3F: return try readMemorySize()
        case 0x40: return try readMemoryGrow()
        case 0x41: return .i32Const(try readSigned32())
        case 0x42: return .i64Const(try readSigned64())
        case 0x43: return .f32Const(UInt32(truncatingIfNeeded: try readLittleEndian(byteCount: 4)))
        case 0x44: return .f64Const(try readLittleEndian(byteCount: 8))
        case 0x45...0xC4: return try numericInstruction(UInt16(opcode), at: position)
        case 0xD0: return .refNull(try readReferenceType())
        case 0xD1: return .refIsNull
        case 0xD2: return .refFunc(try readUnsigned32())
        case 0xFC: return try readMiscellaneousInstruction(at: position)
        case 0xFD: return try readSIMDInstruction(at: position)
        default: throw DecodingError("illegal opcode \(hex(opcode))", offset: position)
        }
    }

    private mutating func readBranchTable() throws(DecodingError) -> Instruction {
        let count = try readCount()
        var targets: [UInt32] = []
        targets.reserveCapacity(reservableCapacity(count))
        for _ in 0..<count {
            targets.append(try readUnsigned32())
        }
        return .brTable(targets: targets, defaultTarget: try readUnsigned32())
    }

    private mutating func readCallIndirect() throws(DecodingError) -> Instruction {
        let typeIndex = try readUnsigned32()
        let tableIndex = try readUnsigned32()
        return .callIndirect(typeIndex: typeIndex, tableIndex: tableIndex)
    }

    private mutating func readLoad(opcode: UInt8, at position: Int) throws(DecodingError) -> Instruction {
        guard let load = LoadOperator(rawValue: opcode) else { throw illegalOpcode(opcode, at: position) }
        return .load(load, try readMemoryArgument())
    }

    private mutating func readStore(opcode: UInt8, at position: Int) throws(DecodingError) -> Instruction {
        guard let store = StoreOperator(rawValue: opcode) else { throw illegalOpcode(opcode, at: position) }
        return .store(store, try readMemoryArgument())
    }

    /// `memarg`. An alignment exponent of 32 or more cannot describe any access; later
    /// proposals use those bits as flags (bit 6 announces a memory index), so the spec
    /// tests treat them as malformed rather than merely invalid.
    mutating func readMemoryArgument() throws(DecodingError) -> MemoryArgument {
        let position = offset
        let alignment = try readUnsigned32()
        guard alignment < 32 else { throw DecodingError("malformed memop flags", offset: position) }
        let memoryOffset = try readUnsigned32()
        return MemoryArgument(alignment: alignment, offset: UInt64(memoryOffset))
    }

    private mutating func readMemorySize() throws(DecodingError) -> Instruction {
        try readZeroByte()
        return .memorySize(0)
    }

    private mutating func readMemoryGrow() throws(DecodingError) -> Instruction {
        try readZeroByte()
        return .memoryGrow(0)
    }

    private func numericInstruction(_ opcode: UInt16, at position: Int) throws(DecodingError) -> Instruction {
        guard let numericOperator = NumericOperator(rawValue: opcode) else {
            throw DecodingError("illegal opcode \(hex(opcode))", offset: position)
        }
        return .numeric(numericOperator)
    }

    /// The `0xFC` prefix: saturating truncations, bulk memory and table instructions.
    private mutating func readMiscellaneousInstruction(at position: Int) throws(DecodingError) -> Instruction {
        let subOpcode = try readUnsigned32()
        switch subOpcode {
        case 0...7: return try numericInstruction(0xFC00 | UInt16(subOpcode), at: position)
        case 8: return try readMemoryInit()
        case 9: return .dataDrop(try readUnsigned32())
        case 10: return try readMemoryCopy()
        case 11: return try readMemoryFill()
        case 12: return try readTableInit()
        case 13: return .elemDrop(try readUnsigned32())
        case 14: return try readTableCopy()
        case 15: return .tableGrow(try readUnsigned32())
        case 16: return .tableSize(try readUnsigned32())
        case 17: return .tableFill(try readUnsigned32())
        default: throw DecodingError("illegal opcode fc \(hex(subOpcode))", offset: position)
        }
    }

    private mutating func readMemoryInit() throws(DecodingError) -> Instruction {
        let dataIndex = try readUnsigned32()
        try readZeroByte()
        return .memoryInit(dataIndex: dataIndex, memoryIndex: 0)
    }

    private mutating func readMemoryCopy() throws(DecodingError) -> Instruction {
        try readZeroByte()
        try readZeroByte()
        return .memoryCopy(destination: 0, source: 0)
    }

    private mutating func readMemoryFill() throws(DecodingError) -> Instruction {
        try readZeroByte()
        return .memoryFill(0)
    }

    private mutating func readTableInit() throws(DecodingError) -> Instruction {
        let elementIndex = try readUnsigned32()
        let tableIndex = try readUnsigned32()
        return .tableInit(elementIndex: elementIndex, tableIndex: tableIndex)
    }

    private mutating func readTableCopy() throws(DecodingError) -> Instruction {
        let destination = try readUnsigned32()
        let source = try readUnsigned32()
        return .tableCopy(destination: destination, source: source)
    }

    private func illegalOpcode(_ opcode: UInt8, at position: Int) -> DecodingError {
        DecodingError("illegal opcode \(hex(opcode))", offset: position)
    }

    func hex<Number: BinaryInteger>(_ number: Number) -> String {
        let digits = String(number, radix: 16)
        return digits.count < 2 ? "0" + digits : digits
    }
}
