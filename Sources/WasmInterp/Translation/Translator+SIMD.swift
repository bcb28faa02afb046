/// What a `simd` internal instruction does; its `simdOperands` word names it.
enum SIMDInstructionKind: UInt32 {
    case unary, binary, ternary, test, shift, splat, extractLane, replaceLane, shuffle
}

/// SIMD instructions: a v128 occupies two slots; operands and results follow the same
/// home/source model as scalars.
extension Translator {
    mutating func translateSIMD(_ instruction: Instruction) throws {
        switch instruction {
        case .v128Const(let vector):
            pushCopy(.v128, from: constantSlot(vector))
        case .simd(let op):
            try translate(op)
        case .simdLane(let op, let lane):
            if op.isReplace {
                noteConsumed(2)
                let scalar = try pop()
                let vector = try pop()
                emitSIMD(.replaceLane, x: vector.home, y: vector.source, z: scalar.source, extra: UInt32(lane), op: op.rawValue)
                push(.v128)
            } else {
                noteConsumed(1)
                let vector = try pop()
                emitSIMD(.extractLane, x: vector.home, y: vector.source, extra: UInt32(lane), op: op.rawValue)
                push(op.scalarType)
            }
        case .i8x16Shuffle(let lanes):
            noteConsumed(2)
            let second = try pop()
            let first = try pop()
            emitSIMD(.shuffle, x: first.home, y: first.source, z: second.source, extra: constantSlot(lanes), op: 0)
            push(.v128)
        case .simdMemory(let op, let memoryArgument):
            try translateMemory(op, offset: UInt32(truncatingIfNeeded: memoryArgument.offset), lane: 0)
        case .simdLaneMemory(let op, let memoryArgument, let lane):
            try translateMemory(op, offset: UInt32(truncatingIfNeeded: memoryArgument.offset), lane: lane)
        default:
            throw ValidationError("unexpected instruction \(instruction)", functionIndex: functionIndex, offset: currentOffset)
        }
    }

    private mutating func translate(_ op: SIMDOperator) throws {
        let shape = op.shape
        let count = shape.operandTypes.count
        noteConsumed(count)
        let popped = try pop(count)
        guard let first = popped.first else { return }
        let second = popped.count > 1 ? popped[1].source : 0
        let third = popped.count > 2 ? popped[2].source : 0
        let kind: SIMDInstructionKind
        switch shape {
        case .unary: kind = .unary
        case .binary: kind = .binary
        case .ternary: kind = .ternary
        case .test: kind = .test
        case .shift: kind = .shift
        case .splat: kind = .splat
        }
        emitSIMD(kind, x: first.home, y: first.source, z: second, extra: third, op: op.index)
        push(shape.resultType)
    }

    private mutating func translateMemory(_ op: SIMDMemoryOperator, offset: UInt32, lane: UInt8) throws {
        if op.isStore {
            noteConsumed(2)
            let vector = try pop()
            let address = try pop()
            if op == .v128Store {
                emit(.v128Store, x: vector.source, y: address.source, z: offset)
            } else {
                emit(.simdMemory, x: vector.source, y: address.source, z: offset)
                emit(.simdOperands, x: op.rawValue, y: UInt32(lane))
            }
            return
        }
        if op.laneCount != nil {
            noteConsumed(2)
            let vector = try pop()
            let address = try pop()
            emit(.simdMemory, x: address.home, y: address.source, z: offset)
            emit(.simdOperands, x: op.rawValue, y: UInt32(lane), z: vector.source)
        } else {
            noteConsumed(1)
            let address = try pop()
            if op == .v128Load {
                emitProducer(.v128Load, x: address.home, y: address.source, z: offset)
            } else {
                emit(.simdMemory, x: address.home, y: address.source, z: offset)
                emit(.simdOperands, x: op.rawValue)
            }
        }
        push(.v128)
    }

    private mutating func emitSIMD(_ kind: SIMDInstructionKind, x: UInt32, y: UInt32, z: UInt32 = 0, extra: UInt32 = 0, op: UInt32) {
        emit(.simd, x: x, y: y, z: z)
        emit(.simdOperands, x: kind.rawValue, y: extra, z: op)
    }
}

extension SIMDOperator {
    /// Operators by position, so the executor finds one by index instead of by raw value
    /// (raw values have gaps, so `init(rawValue:)` is a search).
    static let byIndex: [SIMDOperator] = Array(allCases)
    private static let indices: [SIMDOperator: UInt32] = Dictionary(
        uniqueKeysWithValues: allCases.enumerated().map { ($1, UInt32($0)) })

    /// The operator's position in `byIndex`.
    var index: UInt32 { SIMDOperator.indices[self] ?? 0 }
}
