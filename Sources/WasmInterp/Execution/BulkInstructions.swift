#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Table instructions and memory instructions other than loads and stores: rarer and
/// larger than the rest, so they run out of line, on `stackTop`. Bulk operations also
/// charge 1 fuel per 64 elements or bytes they touch.
extension Execution {
    private func pop() -> UInt64 {
        stackTop -= 1
        return stack[stackTop]
    }

    private func push(_ slot: UInt64) {
        stack[stackTop] = slot
        stackTop += 1
    }

    private func chargeBulk(_ count: UInt64) {
        fuel &-= Int64(truncatingIfNeeded: count >> 6)
    }

    /// Whether `[start, start + count)` fits in `size`.
    private func fits(_ start: UInt64, _ count: UInt64, _ size: Int) -> Bool {
        let (end, overflow) = start.addingReportingOverflow(count)
        return !overflow && end <= UInt64(size)
    }

    /// Returns the trap reason, or nil on success.
    func executeTableInstruction(_ instruction: InternalInstruction, instance: ModuleInstance) -> TrapReason? {
        if instruction.opcode == .elementDrop {
            guard Int(instruction.a) < instance.elementSegments.count else { return .hostError("internal error: bad element segment") }
            instance.elementSegments[Int(instruction.a)] = []
            return nil
        }
        guard let table = instance.tables.element(Int(instruction.a)) else { return .hostError("internal error: bad table") }
        switch instruction.opcode {
        case .tableGet:
            let index = pop() & 0xFFFF_FFFF
            guard index < UInt64(table.elements.count) else { return .outOfBoundsTableAccess }
            push(table.elements[Int(index)])
        case .tableSet:
            let value = pop()
            let index = pop() & 0xFFFF_FFFF
            guard index < UInt64(table.elements.count) else { return .outOfBoundsTableAccess }
            table.elements[Int(index)] = value
        case .tableSize:
            push(UInt64(table.elements.count))
        case .tableGrow:
            let delta = pop() & 0xFFFF_FFFF
            let initial = pop()
            let result = table.grow(by: delta, initialValue: initial)
            push(UInt64(UInt32(truncatingIfNeeded: result)))
        case .tableFill:
            let count = pop() & 0xFFFF_FFFF
            let value = pop()
            let start = pop() & 0xFFFF_FFFF
            guard fits(start, count, table.elements.count) else { return .outOfBoundsTableAccess }
            chargeBulk(count)
            for index in Int(start)..<Int(start + count) { table.elements[index] = value }
        case .tableCopy:
            guard let source = instance.tables.element(Int(instruction.b)) else { return .hostError("internal error: bad table") }
            let count = pop() & 0xFFFF_FFFF
            let sourceStart = pop() & 0xFFFF_FFFF
            let destinationStart = pop() & 0xFFFF_FFFF
            guard fits(sourceStart, count, source.elements.count),
                  fits(destinationStart, count, table.elements.count)
            else { return .outOfBoundsTableAccess }
            chargeBulk(count)
            let values = source.elements[Int(sourceStart)..<Int(sourceStart + count)]
            table.elements.replaceSubrange(Int(destinationStart)..<Int(destinationStart + count), with: values)
        case .tableInit:
            guard let segment = instance.elementSegments.element(Int(instruction.b)) else { return .hostError("internal error: bad element segment") }
            let count = pop() & 0xFFFF_FFFF
            let sourceStart = pop() & 0xFFFF_FFFF
            let destinationStart = pop() & 0xFFFF_FFFF
            guard fits(sourceStart, count, segment.count),
                  fits(destinationStart, count, table.elements.count)
            else { return .outOfBoundsTableAccess }
            chargeBulk(count)
            let values = segment[Int(sourceStart)..<Int(sourceStart + count)]
            table.elements.replaceSubrange(Int(destinationStart)..<Int(destinationStart + count), with: values)
        default:
            return .hostError("internal error: not a table instruction")
        }
        return nil
    }

    /// Returns the trap reason, or nil on success.
    func executeBulkMemoryInstruction(_ instruction: InternalInstruction, instance: ModuleInstance) -> TrapReason? {
        if instruction.opcode == .dataDrop {
            guard Int(instruction.a) < instance.dataSegments.count else { return .hostError("internal error: bad data segment") }
            instance.dataSegments[Int(instruction.a)] = []
            return nil
        }
        guard let memory = instance.memories.first else { return .hostError("internal error: no memory") }
        switch instruction.opcode {
        case .memorySize:
            push(UInt64(memory.pageCount))
        case .memoryGrow:
            let delta = pop() & 0xFFFF_FFFF
            push(UInt64(UInt32(truncatingIfNeeded: memory.grow(by: delta))))
        case .memoryInit:
            guard let segment = instance.dataSegments.element(Int(instruction.a)) else { return .hostError("internal error: bad data segment") }
            let count = pop() & 0xFFFF_FFFF
            let sourceStart = pop() & 0xFFFF_FFFF
            let destinationStart = pop() & 0xFFFF_FFFF
            guard fits(sourceStart, count, segment.count),
                  fits(destinationStart, count, memory.byteCount)
            else { return .outOfBoundsMemoryAccess }
            chargeBulk(count)
            segment.withUnsafeBytes { bytes in
                guard let source = bytes.baseAddress else { return }
                memcpy(memory.base + Int(destinationStart), source + Int(sourceStart), Int(count))
            }
        case .memoryCopy:
            let count = pop() & 0xFFFF_FFFF
            let sourceStart = pop() & 0xFFFF_FFFF
            let destinationStart = pop() & 0xFFFF_FFFF
            guard fits(sourceStart, count, memory.byteCount),
                  fits(destinationStart, count, memory.byteCount)
            else { return .outOfBoundsMemoryAccess }
            chargeBulk(count)
            memmove(memory.base + Int(destinationStart), memory.base + Int(sourceStart), Int(count))
        case .memoryFill:
            let count = pop() & 0xFFFF_FFFF
            let value = pop()
            let start = pop() & 0xFFFF_FFFF
            guard fits(start, count, memory.byteCount) else { return .outOfBoundsMemoryAccess }
            chargeBulk(count)
            memset(memory.base + Int(start), Int32(truncatingIfNeeded: value & 0xFF), Int(count))
        default:
            return .hostError("internal error: not a memory instruction")
        }
        return nil
    }
}
