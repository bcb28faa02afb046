#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Stand-in base address for instances without a memory: every access is out of bounds
/// because their size is 0, so it is never dereferenced.
nonisolated(unsafe) private let noMemory = UnsafeMutableRawPointer.allocate(byteCount: 16, alignment: 16)

/// The byte index of an access of `width` bytes at `address + offset`, or nil when it
/// falls outside a memory of `size` bytes.
@inline(__always)
private func effectiveAddress(_ address: UInt64, _ offset: UInt64, _ width: UInt64, _ size: Int) -> Int? {
    let start = (address & 0xFFFF_FFFF) &+ offset
    let (end, overflow) = start.addingReportingOverflow(width)
    guard !overflow, end <= UInt64(size) else { return nil }
    return Int(start)
}

@inline(__always) private func low32(_ slot: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: slot) }
@inline(__always) private func signed32(_ slot: UInt64) -> Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: slot)) }
@inline(__always) private func bit(_ condition: Bool) -> UInt64 { condition ? 1 : 0 }

extension Execution {
    /// The interpreter loop: runs the top frame until the entry function returns, a trap,
    /// a suspension, or running out of fuel. Frames live in `frames`; calls never recurse.
    func interpret() -> ExecutionOutcome {
        guard var frame = frames.last else { return returnResults() }
        var code = frame.compiled.code
        var pc = frame.pc
        var fp = stack + frame.base
        var sp = stack + stackTop
        var instance = frame.function.instance
        var memory = instance.memories.first
        var memoryBase = memory?.base ?? noMemory
        var memorySize = memory?.byteCount ?? 0
        let tracing = traceSink != nil

        /// Saves the loop's registers into the execution (before leaving the loop or calling out).
        func save() {
            frames[frames.count - 1].pc = pc
            stackTop = sp - stack
        }

        func trap(_ reason: TrapReason) -> ExecutionOutcome {
            save()
            return finish(trap: reason)
        }

        /// Enters `callee` with its arguments on top of the stack; false if it trapped.
        func enter(_ callee: Function) -> ExecutionOutcome? {
            save()
            switch callee.kind {
            case .host(let host):
                return callHost(host, instance: instance)
            case .wasm(let function):
                guard frames.count < store.configuration.maxCallDepth else { return finish(trap: .callStackExhausted) }
                let compiled: CompiledFunction
                do {
                    compiled = try compile(function)
                } catch {
                    return finish(trap: .hostError("translation failed: \(error)"))
                }
                let base = stackTop - compiled.parameterSlots
                guard ensureCapacity(compiled.maxFrameSlots) else { return finish(trap: .callStackExhausted) }
                (stack + stackTop).initialize(repeating: 0, count: compiled.declaredLocalSlots)
                stackTop += compiled.declaredLocalSlots
                frames.append(Frame(function: function, compiled: compiled, base: base, pc: 0))
                return nil
            }
        }

        /// Reloads the loop's registers from the top frame (after a call or return).
        func load() {
            frame = frames[frames.count - 1]
            code = frame.compiled.code
            pc = frame.pc
            fp = stack + frame.base
            sp = stack + stackTop
            instance = frame.function.instance
            memory = instance.memories.first
            memoryBase = memory?.base ?? noMemory
            memorySize = memory?.byteCount ?? 0
        }

        while true {
            guard pc >= 0, pc < code.count else { return trap(.hostError("internal error: pc out of range")) }
            let instruction = code[pc]
            if tracing { trace(frame: frame, pc: pc, sp: sp) }
            pc &+= 1
            switch instruction.opcode {
            case .unreachable:
                return trap(.unreachable)
            case .consumeFuel:
                let cost = Int64(instruction.a)
                if fuel < cost {
                    pc &-= 1
                    save()
                    state = .suspendedForFuel
                    return .outOfFuel
                }
                fuel &-= cost
            case .branch:
                sp = branch(fp: fp, sp: sp, shape: instruction.b)
                pc = Int(instruction.a)
            case .branchIf:
                sp -= 1
                if low32(sp.pointee) != 0 {
                    sp = branch(fp: fp, sp: sp, shape: instruction.b)
                    pc = Int(instruction.a)
                }
            case .branchIfZero:
                sp -= 1
                if low32(sp.pointee) == 0 { pc = Int(instruction.a) }
            case .jump:
                pc = Int(instruction.a)
            case .branchTable:
                sp -= 1
                let index = Int(Swift.min(low32(sp.pointee), instruction.a))
                let entry = code[pc &+ index]
                sp = branch(fp: fp, sp: sp, shape: entry.b)
                pc = Int(entry.a)
            case .branchTableEntry:
                return trap(.hostError("internal error: fell into a branch table"))
            case .return:
                let arity = Int(instruction.a)
                for index in 0..<arity { fp[index] = sp[index - arity] }
                sp = fp + arity
                frames.removeLast()
                if frames.isEmpty {
                    stackTop = sp - stack
                    return returnResults()
                }
                stackTop = sp - stack
                load()
            case .call:
                guard let callee = instance.functions.element(Int(instruction.a)) else { return trap(.hostError("internal error: bad call")) }
                stackTop = sp - stack
                if let outcome = enter(callee) { return outcome }
                load()
            case .callIndirect:
                sp -= 1
                let elementIndex = Int(low32(sp.pointee))
                guard let table = instance.tables.element(Int(instruction.b)),
                      let expected = instance.types.element(Int(instruction.a))
                else { return trap(.hostError("internal error: bad call_indirect")) }
                guard elementIndex < table.elements.count else { return trap(.undefinedElement) }
                let bits = table.elements[elementIndex]
                guard bits != 0 else { return trap(.uninitializedElement) }
                guard let callee = store.function(atBits: bits) else { return trap(.uninitializedElement) }
                guard callee.type == expected else { return trap(.indirectCallTypeMismatch) }
                stackTop = sp - stack
                if let outcome = enter(callee) { return outcome }
                load()
            case .drop:
                sp -= Int(instruction.a)
            case .select:
                sp -= 2
                if low32(sp[1]) == 0 { sp[-1] = sp[0] }
            case .selectWide:
                sp -= 3
                if low32(sp[2]) == 0 {
                    sp[-2] = sp[0]
                    sp[-1] = sp[1]
                }
            case .localGet:
                sp.pointee = fp[Int(instruction.a)]
                sp += 1
            case .localSet:
                sp -= 1
                fp[Int(instruction.a)] = sp.pointee
            case .localTee:
                fp[Int(instruction.a)] = sp[-1]
            case .localGetWide:
                sp[0] = fp[Int(instruction.a)]
                sp[1] = fp[Int(instruction.a) + 1]
                sp += 2
            case .localSetWide:
                sp -= 2
                fp[Int(instruction.a)] = sp[0]
                fp[Int(instruction.a) + 1] = sp[1]
            case .localTeeWide:
                fp[Int(instruction.a)] = sp[-2]
                fp[Int(instruction.a) + 1] = sp[-1]
            case .globalGet:
                guard let global = instance.globals.element(Int(instruction.a)) else { return trap(.hostError("internal error: bad global")) }
                sp.pointee = global.low
                sp += 1
            case .globalSet:
                guard let global = instance.globals.element(Int(instruction.a)) else { return trap(.hostError("internal error: bad global")) }
                sp -= 1
                global.low = sp.pointee
            case .globalGetWide:
                guard let global = instance.globals.element(Int(instruction.a)) else { return trap(.hostError("internal error: bad global")) }
                sp[0] = global.low
                sp[1] = global.high
                sp += 2
            case .globalSetWide:
                guard let global = instance.globals.element(Int(instruction.a)) else { return trap(.hostError("internal error: bad global")) }
                sp -= 2
                global.low = sp[0]
                global.high = sp[1]
            case .const:
                sp.pointee = instruction.b
                sp += 1
            case .tableGet, .tableSet, .tableSize, .tableGrow, .tableFill, .tableCopy, .tableInit, .elementDrop:
                stackTop = sp - stack
                if let reason = executeTableInstruction(instruction, instance: instance) { return trap(reason) }
                sp = stack + stackTop
            case .memorySize, .memoryGrow, .memoryInit, .dataDrop, .memoryCopy, .memoryFill:
                stackTop = sp - stack
                if let reason = executeBulkMemoryInstruction(instruction, instance: instance) { return trap(reason) }
                sp = stack + stackTop
                memorySize = memory?.byteCount ?? 0
            case .i32Load:
                guard let address = effectiveAddress(sp[-1], instruction.b, 4, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                sp[-1] = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt32.self))
            case .i64Load:
                guard let address = effectiveAddress(sp[-1], instruction.b, 8, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                sp[-1] = memoryBase.loadUnaligned(fromByteOffset: address, as: UInt64.self)
            case .f32Load:
                guard let address = effectiveAddress(sp[-1], instruction.b, 4, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                sp[-1] = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt32.self))
            case .f64Load:
                guard let address = effectiveAddress(sp[-1], instruction.b, 8, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                sp[-1] = memoryBase.loadUnaligned(fromByteOffset: address, as: UInt64.self)
            case .i32Load8S:
                guard let address = effectiveAddress(sp[-1], instruction.b, 1, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                let value = memoryBase.loadUnaligned(fromByteOffset: address, as: Int8.self)
                sp[-1] = UInt64(UInt32(bitPattern: Int32(value)))
            case .i32Load8U:
                guard let address = effectiveAddress(sp[-1], instruction.b, 1, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                sp[-1] = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt8.self))
            case .i32Load16S:
                guard let address = effectiveAddress(sp[-1], instruction.b, 2, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                let value = memoryBase.loadUnaligned(fromByteOffset: address, as: Int16.self)
                sp[-1] = UInt64(UInt32(bitPattern: Int32(value)))
            case .i32Load16U:
                guard let address = effectiveAddress(sp[-1], instruction.b, 2, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                sp[-1] = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt16.self))
            case .i64Load8S:
                guard let address = effectiveAddress(sp[-1], instruction.b, 1, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                sp[-1] = UInt64(bitPattern: Int64(memoryBase.loadUnaligned(fromByteOffset: address, as: Int8.self)))
            case .i64Load8U:
                guard let address = effectiveAddress(sp[-1], instruction.b, 1, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                sp[-1] = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt8.self))
            case .i64Load16S:
                guard let address = effectiveAddress(sp[-1], instruction.b, 2, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                sp[-1] = UInt64(bitPattern: Int64(memoryBase.loadUnaligned(fromByteOffset: address, as: Int16.self)))
            case .i64Load16U:
                guard let address = effectiveAddress(sp[-1], instruction.b, 2, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                sp[-1] = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt16.self))
            case .i64Load32S:
                guard let address = effectiveAddress(sp[-1], instruction.b, 4, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                sp[-1] = UInt64(bitPattern: Int64(memoryBase.loadUnaligned(fromByteOffset: address, as: Int32.self)))
            case .i64Load32U:
                guard let address = effectiveAddress(sp[-1], instruction.b, 4, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                sp[-1] = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt32.self))
            case .i32Store, .f32Store:
                sp -= 2
                guard let address = effectiveAddress(sp[0], instruction.b, 4, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                memoryBase.storeBytes(of: low32(sp[1]), toByteOffset: address, as: UInt32.self)
            case .i64Store, .f64Store:
                sp -= 2
                guard let address = effectiveAddress(sp[0], instruction.b, 8, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                memoryBase.storeBytes(of: sp[1], toByteOffset: address, as: UInt64.self)
            case .i32Store8, .i64Store8:
                sp -= 2
                guard let address = effectiveAddress(sp[0], instruction.b, 1, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                memoryBase.storeBytes(of: UInt8(truncatingIfNeeded: sp[1]), toByteOffset: address, as: UInt8.self)
            case .i32Store16, .i64Store16:
                sp -= 2
                guard let address = effectiveAddress(sp[0], instruction.b, 2, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                memoryBase.storeBytes(of: UInt16(truncatingIfNeeded: sp[1]), toByteOffset: address, as: UInt16.self)
            case .i64Store32:
                sp -= 2
                guard let address = effectiveAddress(sp[0], instruction.b, 4, memorySize) else { return trap(.outOfBoundsMemoryAccess) }
                memoryBase.storeBytes(of: low32(sp[1]), toByteOffset: address, as: UInt32.self)
            case .i32Eqz:
                sp[-1] = bit(low32(sp[-1]) == 0)
            case .i32Eq:
                sp -= 1
                sp[-1] = bit(low32(sp[-1]) == low32(sp[0]))
            case .i32Ne:
                sp -= 1
                sp[-1] = bit(low32(sp[-1]) != low32(sp[0]))
            case .i32LtS:
                sp -= 1
                sp[-1] = bit(signed32(sp[-1]) < signed32(sp[0]))
            case .i32LtU:
                sp -= 1
                sp[-1] = bit(low32(sp[-1]) < low32(sp[0]))
            case .i32GtS:
                sp -= 1
                sp[-1] = bit(signed32(sp[-1]) > signed32(sp[0]))
            case .i32GtU:
                sp -= 1
                sp[-1] = bit(low32(sp[-1]) > low32(sp[0]))
            case .i32LeS:
                sp -= 1
                sp[-1] = bit(signed32(sp[-1]) <= signed32(sp[0]))
            case .i32LeU:
                sp -= 1
                sp[-1] = bit(low32(sp[-1]) <= low32(sp[0]))
            case .i32GeS:
                sp -= 1
                sp[-1] = bit(signed32(sp[-1]) >= signed32(sp[0]))
            case .i32GeU:
                sp -= 1
                sp[-1] = bit(low32(sp[-1]) >= low32(sp[0]))
            case .i32Add:
                sp -= 1
                sp[-1] = UInt64(low32(sp[-1]) &+ low32(sp[0]))
            case .i32Sub:
                sp -= 1
                sp[-1] = UInt64(low32(sp[-1]) &- low32(sp[0]))
            case .i32Mul:
                sp -= 1
                sp[-1] = UInt64(low32(sp[-1]) &* low32(sp[0]))
            case .i32And:
                sp -= 1
                sp[-1] = sp[-1] & sp[0]
            case .i32Or:
                sp -= 1
                sp[-1] = sp[-1] | sp[0]
            case .i32Xor:
                sp -= 1
                sp[-1] = sp[-1] ^ sp[0]
            case .i32Shl:
                sp -= 1
                sp[-1] = UInt64(low32(sp[-1]) &<< low32(sp[0]))
            case .i32ShrS:
                sp -= 1
                sp[-1] = UInt64(UInt32(bitPattern: signed32(sp[-1]) &>> signed32(sp[0])))
            case .i32ShrU:
                sp -= 1
                sp[-1] = UInt64(low32(sp[-1]) &>> low32(sp[0]))
            case .i64Eqz:
                sp[-1] = bit(sp[-1] == 0)
            case .i64Eq:
                sp -= 1
                sp[-1] = bit(sp[-1] == sp[0])
            case .i64Ne:
                sp -= 1
                sp[-1] = bit(sp[-1] != sp[0])
            case .i64LtS:
                sp -= 1
                sp[-1] = bit(Int64(bitPattern: sp[-1]) < Int64(bitPattern: sp[0]))
            case .i64LtU:
                sp -= 1
                sp[-1] = bit(sp[-1] < sp[0])
            case .i64GtS:
                sp -= 1
                sp[-1] = bit(Int64(bitPattern: sp[-1]) > Int64(bitPattern: sp[0]))
            case .i64GtU:
                sp -= 1
                sp[-1] = bit(sp[-1] > sp[0])
            case .i64LeS:
                sp -= 1
                sp[-1] = bit(Int64(bitPattern: sp[-1]) <= Int64(bitPattern: sp[0]))
            case .i64LeU:
                sp -= 1
                sp[-1] = bit(sp[-1] <= sp[0])
            case .i64GeS:
                sp -= 1
                sp[-1] = bit(Int64(bitPattern: sp[-1]) >= Int64(bitPattern: sp[0]))
            case .i64GeU:
                sp -= 1
                sp[-1] = bit(sp[-1] >= sp[0])
            case .i64Add:
                sp -= 1
                sp[-1] = sp[-1] &+ sp[0]
            case .i64Sub:
                sp -= 1
                sp[-1] = sp[-1] &- sp[0]
            case .i64Mul:
                sp -= 1
                sp[-1] = sp[-1] &* sp[0]
            case .i64And:
                sp -= 1
                sp[-1] = sp[-1] & sp[0]
            case .i64Or:
                sp -= 1
                sp[-1] = sp[-1] | sp[0]
            case .i64Xor:
                sp -= 1
                sp[-1] = sp[-1] ^ sp[0]
            case .i64Shl:
                sp -= 1
                sp[-1] = sp[-1] &<< sp[0]
            case .i64ShrS:
                sp -= 1
                sp[-1] = UInt64(bitPattern: Int64(bitPattern: sp[-1]) &>> Int64(bitPattern: sp[0]))
            case .i64ShrU:
                sp -= 1
                sp[-1] = sp[-1] &>> sp[0]
            case .i32WrapI64:
                sp[-1] = sp[-1] & 0xFFFF_FFFF
            case .i64ExtendI32S:
                sp[-1] = UInt64(bitPattern: Int64(signed32(sp[-1])))
            case .i64ExtendI32U:
                sp[-1] = sp[-1] & 0xFFFF_FFFF
            case .numericUnary:
                guard let op = NumericOperator(rawValue: UInt16(truncatingIfNeeded: instruction.a)) else { return trap(.hostError("internal error: bad operator")) }
                do {
                    sp[-1] = try NumericSemantics.evaluateUnary(op, sp[-1])
                } catch {
                    return trap(error)
                }
            case .numericBinary:
                guard let op = NumericOperator(rawValue: UInt16(truncatingIfNeeded: instruction.a)) else { return trap(.hostError("internal error: bad operator")) }
                sp -= 1
                do {
                    sp[-1] = try NumericSemantics.evaluateBinary(op, sp[-1], sp[0])
                } catch {
                    return trap(error)
                }
            case .refIsNull:
                sp[-1] = bit(sp[-1] == 0)
            }
        }
    }

    /// Moves a branch's carried values into place; returns the new stack top.
    @inline(__always)
    private func branch(fp: UnsafeMutablePointer<UInt64>, sp: UnsafeMutablePointer<UInt64>, shape packed: UInt64) -> UnsafeMutablePointer<UInt64> {
        let shape = BranchShape(packed: packed)
        let arity = Int(shape.arity)
        let destination = fp + Int(shape.height)
        let source = sp - arity
        if destination != source {
            for index in 0..<arity { destination[index] = source[index] }
        }
        return destination + arity
    }

    /// Calls a host function with its arguments on top of the stack (`stackTop` is current).
    /// Returns nil when it returned results (pushed), or the outcome that ends the run.
    func callHost(_ host: HostFunction, instance: ModuleInstance) -> ExecutionOutcome? {
        let arguments = popValues(host.type.parameters)
        let result: HostResult
        do {
            result = try host.body(Caller(instance: instance, store: store), arguments)
        } catch let trap as Trap {
            return finish(trap: trap.reason)
        } catch {
            return finish(trap: .hostError("\(error)"))
        }
        switch result {
        case .values(let values):
            guard values.count == host.type.results.count,
                  zip(values, host.type.results).allSatisfy({ $0.type == $1 })
            else { return finish(trap: .hostError("host function returned \(values), expected \(host.type.results)")) }
            guard ensureCapacity(Translator.slots(host.type.results)) else { return finish(trap: .callStackExhausted) }
            pushValues(values)
            return nil
        case .suspend(let token):
            state = .suspendedForHost(resultTypes: host.type.results)
            return .suspended(token: token)
        }
    }
}

extension Array {
    /// The element at `index`, or nil when out of range.
    @inline(__always)
    func element(_ index: Int) -> Element? {
        index >= 0 && index < count ? self[index] : nil
    }
}
