/// Typing of the fixed-width SIMD (`0xFD`) instructions.
extension FunctionValidator {
    /// Checks a SIMD instruction; `validate(_:at:)` forwards every instruction it does not
    /// handle itself here.
    mutating func validateSIMD(_ instruction: Instruction) throws(ValidationError) {
        switch instruction {
        case .v128Const: push(.v128)
        case .simd(let simdOperator): try validateSIMDOperator(simdOperator)
        case .simdLane(let laneOperator, let lane): try validateLaneAccess(laneOperator, lane)
        case .i8x16Shuffle(let lanes): try validateShuffle(lanes)
        case .simdMemory(let memoryOperator, let argument): try validateSIMDMemory(memoryOperator, argument)
        case .simdLaneMemory(let memoryOperator, let argument, let lane):
            try validateSIMDLaneMemory(memoryOperator, argument, lane)
        default: throw error("unexpected instruction \(instruction.textForm)")
        }
    }

    private mutating func validateSIMDOperator(_ simdOperator: SIMDOperator) throws(ValidationError) {
        switch simdOperator.shape {
        case .unary: try popVectors(1)
        case .binary: try popVectors(2)
        case .ternary: try popVectors(3)
        case .test:
            try pop(.v128)
            push(.i32)
            return
        case .shift:
            try pop(.i32)
            try pop(.v128)
        case .splat(let scalar): try pop(scalar)
        }
        push(.v128)
    }

    private mutating func popVectors(_ count: Int) throws(ValidationError) {
        for _ in 0..<count { try pop(.v128) }
    }

    private func checkLane(_ lane: UInt8, below laneCount: Int) throws(ValidationError) {
        guard Int(lane) < laneCount else { throw error("invalid lane index") }
    }

    private mutating func validateLaneAccess(_ laneOperator: SIMDLaneOperator, _ lane: UInt8) throws(ValidationError) {
        try checkLane(lane, below: laneOperator.laneCount)
        if laneOperator.isReplace {
            try pop(laneOperator.scalarType)
            try pop(.v128)
            push(.v128)
        } else {
            try pop(.v128)
            push(laneOperator.scalarType)
        }
    }

    /// Shuffle lanes index the 32 bytes of both operands.
    private mutating func validateShuffle(_ lanes: V128) throws(ValidationError) {
        for lane in lanes.bytes { try checkLane(lane, below: 32) }
        try popVectors(2)
        push(.v128)
    }

    private mutating func validateSIMDMemory(
        _ memoryOperator: SIMDMemoryOperator, _ argument: MemoryArgument
    ) throws(ValidationError) {
        try checkMemory(0)
        try checkAlignment(argument, width: memoryOperator.width)
        if memoryOperator.isStore {
            try pop(.v128)
            try pop(.i32)
        } else {
            try pop(.i32)
            push(.v128)
        }
    }

    /// Both lane loads and lane stores take an address and a vector; loads return the
    /// vector with one lane replaced.
    private mutating func validateSIMDLaneMemory(
        _ memoryOperator: SIMDMemoryOperator, _ argument: MemoryArgument, _ lane: UInt8
    ) throws(ValidationError) {
        try checkMemory(0)
        try checkAlignment(argument, width: memoryOperator.width)
        try checkLane(lane, below: memoryOperator.laneCount ?? 0)
        try pop(.v128)
        try pop(.i32)
        if !memoryOperator.isStore { push(.v128) }
    }
}
