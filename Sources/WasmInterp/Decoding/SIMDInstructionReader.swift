extension ByteReader {
    /// The `0xFD` prefix: the opcode is an unsigned LEB128 u32, then the immediates of
    /// its group. Lane indices are single raw bytes; whether they are in range is checked
    /// by validation, as the spec prescribes.
    mutating func readSIMDInstruction(at position: Int) throws(DecodingError) -> Instruction {
        let opcode = try readUnsigned32()
        if let simdOperator = SIMDOperator(rawValue: opcode) {
            return .simd(simdOperator)
        }
        if let memoryOperator = SIMDMemoryOperator(rawValue: opcode) {
            return try readSIMDMemoryInstruction(memoryOperator)
        }
        if let laneOperator = SIMDLaneOperator(rawValue: opcode) {
            return .simdLane(laneOperator, lane: try readByte())
        }
        switch opcode {
        case 0x0C: return .v128Const(try readV128())
        case 0x0D: return .i8x16Shuffle(lanes: try readV128())
        default: throw DecodingError("illegal opcode fd \(hex(opcode))", offset: position)
        }
    }

    private mutating func readSIMDMemoryInstruction(_ memoryOperator: SIMDMemoryOperator) throws(DecodingError) -> Instruction {
        let argument = try readMemoryArgument()
        guard memoryOperator.laneCount != nil else { return .simdMemory(memoryOperator, argument) }
        return .simdLaneMemory(memoryOperator, argument, lane: try readByte())
    }

    /// 16 bytes, lane 0 first.
    private mutating func readV128() throws(DecodingError) -> V128 {
        let low = try readLittleEndian(byteCount: 8)
        let high = try readLittleEndian(byteCount: 8)
        return V128(low: low, high: high)
    }
}
