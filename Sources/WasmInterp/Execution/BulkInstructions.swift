#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Table instructions and memory instructions other than loads and stores: rarer and
/// larger than the rest, so they run out of line. Operands are in consecutive slots from
/// `y`, a result goes to slot `x`, `z` is the table or segment index. Bulk operations
/// charge 1 fuel per 64 elements or bytes they touch.
extension Execution {
    /// Returns the trap reason, or nil on success.
    func executeBulk(
        _ instruction: InternalInstruction, next: InternalInstruction, fp: UnsafeMutablePointer<UInt64>,
        instance: Unmanaged<InstanceStorage>, fuel: inout Int64
    ) -> TrapReason? {
        let operands = fp + Int(instruction.y)
        return instance._withUnsafeGuaranteedRef { instance in
            switch instruction.opcode {
            case .memorySize, .memoryGrow, .memoryInit, .dataDrop, .memoryCopy, .memoryFill:
                return executeMemoryInstruction(instruction, operands: operands, result: fp + Int(instruction.x), instance: instance, memory: instance.memoryView.pointee, fuel: &fuel)
            default:
                return executeTableInstruction(instruction, next: next, operands: operands, result: fp + Int(instruction.x), instance: instance, fuel: &fuel)
            }
        }
    }

    /// Whether `[start, start + count)` fits in `size`.
    private func fits(_ start: UInt64, _ count: UInt64, _ size: Int) -> Bool {
        fits(start, count, UInt64(size))
    }

    private func fits(_ start: UInt64, _ count: UInt64, _ size: UInt64) -> Bool {
        let (end, overflow) = start.addingReportingOverflow(count)
        return !overflow && end <= size
    }

    private func charge(_ count: UInt64, _ fuel: inout Int64) {
        fuel &-= Int64(truncatingIfNeeded: count >> 6)
    }

    private func executeTableInstruction(
        _ instruction: InternalInstruction, next: InternalInstruction, operands: UnsafeMutablePointer<UInt64>,
        result: UnsafeMutablePointer<UInt64>, instance: InstanceStorage, fuel: inout Int64
    ) -> TrapReason? {
        if instruction.opcode == .elementDrop {
            guard Int(instruction.z) < instance.elementSegments.count else { return .hostError("internal error: bad element segment") }
            instance.elementSegments[Int(instruction.z)] = []
            return nil
        }
        guard let table = instance.tables.element(Int(instruction.z)) else { return .hostError("internal error: bad table") }
        switch instruction.opcode {
        case .tableGet:
            let index = operands[0] & 0xFFFF_FFFF
            guard index < UInt64(table.elements.count) else { return .outOfBoundsTableAccess }
            result.pointee = table.elements[Int(index)]
        case .tableSet:
            let index = operands[0] & 0xFFFF_FFFF
            guard index < UInt64(table.elements.count) else { return .outOfBoundsTableAccess }
            table.elements[Int(index)] = operands[1]
        case .tableSize:
            result.pointee = UInt64(table.elements.count)
        case .tableGrow:
            let grown = table.grow(by: operands[1] & 0xFFFF_FFFF, initialValue: operands[0])
            result.pointee = UInt64(UInt32(truncatingIfNeeded: grown))
        case .tableFill:
            let start = operands[0] & 0xFFFF_FFFF
            let count = operands[2] & 0xFFFF_FFFF
            guard fits(start, count, table.elements.count) else { return .outOfBoundsTableAccess }
            charge(count, &fuel)
            for index in Int(start)..<Int(start + count) { table.elements[index] = operands[1] }
        case .tableCopy:
            guard let source = instance.tables.element(Int(next.x)) else { return .hostError("internal error: bad table") }
            let destinationStart = operands[0] & 0xFFFF_FFFF
            let sourceStart = operands[1] & 0xFFFF_FFFF
            let count = operands[2] & 0xFFFF_FFFF
            guard fits(sourceStart, count, source.elements.count), fits(destinationStart, count, table.elements.count) else {
                return .outOfBoundsTableAccess
            }
            charge(count, &fuel)
            let values = source.elements[Int(sourceStart)..<Int(sourceStart + count)]
            table.elements.replaceSubrange(Int(destinationStart)..<Int(destinationStart + count), with: values)
        case .tableInit:
            guard let segment = instance.elementSegments.element(Int(next.x)) else { return .hostError("internal error: bad element segment") }
            let destinationStart = operands[0] & 0xFFFF_FFFF
            let sourceStart = operands[1] & 0xFFFF_FFFF
            let count = operands[2] & 0xFFFF_FFFF
            guard fits(sourceStart, count, segment.count), fits(destinationStart, count, table.elements.count) else {
                return .outOfBoundsTableAccess
            }
            charge(count, &fuel)
            let values = segment[Int(sourceStart)..<Int(sourceStart + count)]
            table.elements.replaceSubrange(Int(destinationStart)..<Int(destinationStart + count), with: values)
        default:
            return .hostError("internal error: not a table instruction")
        }
        return nil
    }

    /// Memory instructions on memory 0, whose base and size are read through `memory`
    /// (no object access but for `memory.grow` and the segments).
    private func executeMemoryInstruction(
        _ instruction: InternalInstruction, operands: UnsafeMutablePointer<UInt64>, result: UnsafeMutablePointer<UInt64>,
        instance: InstanceStorage, memory: UnsafeMutablePointer<MemoryView>, fuel: inout Int64
    ) -> TrapReason? {
        let base = memory.pointee.base
        let size = memory.pointee.byteCount
        switch instruction.opcode {
        case .memorySize:
            result.pointee = size / UInt64(Memory.pageSize)
        case .memoryGrow:
            guard let memory = instance.memories.first else { return .hostError("internal error: no memory") }
            result.pointee = UInt64(UInt32(truncatingIfNeeded: memory.grow(by: operands[0] & 0xFFFF_FFFF)))
        case .dataDrop:
            guard Int(instruction.z) < instance.dataSegments.count else { return .hostError("internal error: bad data segment") }
            instance.dataSegments[Int(instruction.z)] = []
        case .memoryInit:
            guard let segment = instance.dataSegments.element(Int(instruction.z)) else { return .hostError("internal error: bad data segment") }
            let destinationStart = operands[0] & 0xFFFF_FFFF
            let sourceStart = operands[1] & 0xFFFF_FFFF
            let count = operands[2] & 0xFFFF_FFFF
            guard fits(sourceStart, count, segment.count), fits(destinationStart, count, size) else {
                return .outOfBoundsMemoryAccess
            }
            charge(count, &fuel)
            segment.withUnsafeBytes { bytes in
                guard let source = bytes.baseAddress else { return }
                memcpy(base + Int(destinationStart), source + Int(sourceStart), Int(count))
            }
        case .memoryCopy:
            let destinationStart = operands[0] & 0xFFFF_FFFF
            let sourceStart = operands[1] & 0xFFFF_FFFF
            let count = operands[2] & 0xFFFF_FFFF
            guard fits(sourceStart, count, size), fits(destinationStart, count, size) else {
                return .outOfBoundsMemoryAccess
            }
            charge(count, &fuel)
            memmove(base + Int(destinationStart), base + Int(sourceStart), Int(count))
        case .memoryFill:
            let start = operands[0] & 0xFFFF_FFFF
            let count = operands[2] & 0xFFFF_FFFF
            guard fits(start, count, size) else { return .outOfBoundsMemoryAccess }
            charge(count, &fuel)
            memset(base + Int(start), Int32(truncatingIfNeeded: operands[1] & 0xFF), Int(count))
        default:
            return .hostError("internal error: not a memory instruction")
        }
        return nil
    }
}
