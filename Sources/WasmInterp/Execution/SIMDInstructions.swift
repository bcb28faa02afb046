/// SIMD instructions other than plain v128 loads and stores, run out of line: each
/// `simd` / `simdMemory` instruction is followed by a `simdOperands` word naming the
/// operator (see `Translator+SIMD.swift`).
extension Execution {
    @inline(__always)
    private func vector(_ fp: UnsafeMutablePointer<UInt64>, _ slot: UInt32) -> V128 {
        V128(low: fp[Int(slot)], high: fp[Int(slot) &+ 1])
    }

    @inline(__always)
    private func setVector(_ fp: UnsafeMutablePointer<UInt64>, _ slot: UInt32, _ value: V128) {
        fp[Int(slot)] = value.low
        fp[Int(slot) &+ 1] = value.high
    }

    /// Returns the trap reason, or nil on success.
    func executeSIMD(_ instruction: InternalInstruction, _ operands: InternalInstruction, fp: UnsafeMutablePointer<UInt64>) -> TrapReason? {
        guard let kind = SIMDInstructionKind(rawValue: operands.x) else { return .hostError("internal error: bad SIMD instruction") }
        do {
            switch kind {
            case .extractLane, .replaceLane:
                guard let op = SIMDLaneOperator(rawValue: operands.z) else { return .hostError("internal error: bad SIMD lane operator") }
                let lane = UInt8(truncatingIfNeeded: operands.y)
                if kind == .extractLane {
                    fp[Int(instruction.x)] = SIMDSemantics.extractLane(op, vector(fp, instruction.y), lane: lane)
                } else {
                    let result = SIMDSemantics.replaceLane(op, vector(fp, instruction.y), lane: lane, with: fp[Int(instruction.z)])
                    setVector(fp, instruction.x, result)
                }
            case .shuffle:
                let result = SIMDSemantics.shuffle(vector(fp, instruction.y), vector(fp, instruction.z), lanes: vector(fp, operands.y))
                setVector(fp, instruction.x, result)
            default:
                guard Int(operands.z) < SIMDOperator.byIndex.count else { return .hostError("internal error: bad SIMD operator") }
                let op = SIMDOperator.byIndex[Int(operands.z)]
                try execute(op, kind: kind, instruction, operands, fp: fp)
            }
        } catch {
            return error
        }
        return nil
    }

    private func execute(
        _ op: SIMDOperator, kind: SIMDInstructionKind, _ instruction: InternalInstruction, _ operands: InternalInstruction,
        fp: UnsafeMutablePointer<UInt64>
    ) throws(TrapReason) {
        switch kind {
        case .unary:
            setVector(fp, instruction.x, try SIMDSemantics.evaluate(op, vector(fp, instruction.y)))
        case .binary:
            setVector(fp, instruction.x, try SIMDSemantics.evaluate(op, vector(fp, instruction.y), vector(fp, instruction.z)))
        case .ternary:
            let result = try SIMDSemantics.evaluate(op, vector(fp, instruction.y), vector(fp, instruction.z), vector(fp, operands.y))
            setVector(fp, instruction.x, result)
        case .test:
            fp[Int(instruction.x)] = UInt64(try SIMDSemantics.test(op, vector(fp, instruction.y)))
        case .shift:
            setVector(fp, instruction.x, try SIMDSemantics.shift(op, vector(fp, instruction.y), by: u32(fp[Int(instruction.z)])))
        case .splat:
            setVector(fp, instruction.x, try SIMDSemantics.splat(op, fp[Int(instruction.y)]))
        case .extractLane, .replaceLane, .shuffle:
            throw .hostError("internal error: bad SIMD instruction")
        }
    }

    /// Loads and stores of part of a vector (extending, splatting, zeroing, lanes).
    func executeSIMDMemory(
        _ instruction: InternalInstruction, _ operands: InternalInstruction, fp: UnsafeMutablePointer<UInt64>,
        memoryBase: UnsafeMutableRawPointer, memorySize: UInt64
    ) -> TrapReason? {
        guard let op = SIMDMemoryOperator(rawValue: operands.x) else { return .hostError("internal error: bad SIMD memory operator") }
        let width = UInt64(op.width)
        let start = (fp[Int(instruction.y)] & 0xFFFF_FFFF) &+ UInt64(instruction.z)
        guard start &+ width <= memorySize else { return .outOfBoundsMemoryAccess }
        let address = Int(truncatingIfNeeded: start)
        let lane = UInt8(truncatingIfNeeded: operands.y)
        do {
            if op.isStore {
                let raw = try SIMDSemantics.storedLane(op, of: vector(fp, instruction.x), lane: lane)
                for byte in 0..<Int(width) {
                    memoryBase.storeBytes(of: UInt8(truncatingIfNeeded: raw >> (UInt64(byte) * 8)), toByteOffset: address &+ byte, as: UInt8.self)
                }
                return nil
            }
            var raw: UInt64 = 0
            for byte in 0..<Int(width) {
                raw |= UInt64(memoryBase.load(fromByteOffset: address &+ byte, as: UInt8.self)) << (UInt64(byte) * 8)
            }
            if op.laneCount != nil {
                setVector(fp, instruction.x, try SIMDSemantics.loadLane(op, into: vector(fp, operands.z), lane: lane, raw: raw))
            } else {
                setVector(fp, instruction.x, try SIMDSemantics.load(op, raw: raw))
            }
        } catch {
            return error
        }
        return nil
    }
}
