@inline(__always) func u32(_ slot: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: slot) }
@inline(__always) func s32(_ slot: UInt64) -> Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: slot)) }
@inline(__always) func s64(_ slot: UInt64) -> Int64 { Int64(bitPattern: slot) }
@inline(__always) func bit(_ condition: Bool) -> UInt64 { condition ? 1 : 0 }

/// The byte index of an access of `width` bytes at `address + offset` (address an i32 slot),
/// or nil when it falls outside a memory of `size` bytes.
@inline(__always)
private func effectiveAddress(_ address: UInt64, _ offset: UInt32, _ width: UInt64, _ size: UInt64) -> Int? {
    let start = (address & 0xFFFF_FFFF) &+ UInt64(offset)
    guard start &+ width <= size else { return nil }
    return Int(truncatingIfNeeded: start)
}

/// Copies a callee's initial slots (its declared locals' zeros, then its constants) into
/// its frame after the parameters. The small counts most functions have get plain stores
/// under one switch: a loop here becomes a `memcpy` call, which costs more than the stores
/// on every Wasm call.
@inline(__always)
private func initializeSlots(_ slots: UnsafeMutablePointer<UInt64>, from initial: UnsafeMutablePointer<UInt64>, count: Int) {
    switch count {
    case 0: break
    case 1: slots[0] = initial[0]
    case 2: slots[0] = initial[0]; slots[1] = initial[1]
    case 3: slots[0] = initial[0]; slots[1] = initial[1]; slots[2] = initial[2]
    case 4: slots[0] = initial[0]; slots[1] = initial[1]; slots[2] = initial[2]; slots[3] = initial[3]
    case 5: slots[0] = initial[0]; slots[1] = initial[1]; slots[2] = initial[2]; slots[3] = initial[3]; slots[4] = initial[4]
    case 6: slots[0] = initial[0]; slots[1] = initial[1]; slots[2] = initial[2]; slots[3] = initial[3]; slots[4] = initial[4]; slots[5] = initial[5]
    case 7:
        slots[0] = initial[0]; slots[1] = initial[1]; slots[2] = initial[2]; slots[3] = initial[3]; slots[4] = initial[4]; slots[5] = initial[5]
        slots[6] = initial[6]
    case 8:
        slots[0] = initial[0]; slots[1] = initial[1]; slots[2] = initial[2]; slots[3] = initial[3]; slots[4] = initial[4]; slots[5] = initial[5]
        slots[6] = initial[6]; slots[7] = initial[7]
    default: slots.update(from: initial, count: count)
    }
}

/// An instruction's fields read through its address, so the loop's cases read only the
/// fields they use (`i.x` reads one field of the instruction `i` points at).
extension UnsafeMutablePointer<InternalInstruction> {
    @inline(__always) fileprivate var opcode: InternalOpcode { pointee.opcode }
    @inline(__always) fileprivate var w: UInt16 { pointee.w }
    @inline(__always) fileprivate var x: UInt32 { pointee.x }
    @inline(__always) fileprivate var y: UInt32 { pointee.y }
    @inline(__always) fileprivate var z: UInt32 { pointee.z }
}

/// The i32 sum of two slots (wrapping, as `i32.add`), as an address slot.
@inline(__always) private func sum(_ left: UInt64, _ right: UInt64) -> UInt64 { UInt64(u32(left) &+ u32(right)) }

extension Execution {
    /// Why the interpreter loop stopped.
    /// (Indirect payloads keep it one word, like `ExecutionOutcome`.)
    enum LoopExit {
        indirect case trap(TrapReason)
        case returned
        case outOfFuel
        indirect case suspended(token: any Sendable)
    }

    /// The interpreter loop: runs the top frame until the entry function returns, a trap,
    /// a suspension, or running out of fuel. Calls push frames; they never recurse.
    ///
    /// The registers (instruction pointer, frame pointer, memory base and size, fuel) are
    /// locals reloaded only when the frame changes; each instruction is one `switch` case.
    func interpret() -> ExecutionOutcome {
        let outcome = isTracing ? interpret(TracingOn.self) : interpret(TracingOff.self)
        if case .outOfFuel = outcome {
            // Every out-of-fuel exit (a block's entry, a loop's back edge, a call's entry
            // charge) leaves the top frame at the `consumeFuel` it could not pay. (Noted
            // here, not in the loop, whose speed depends on its code layout.)
            fuelRequiredToContinue = UInt64(frames[frameCount &- 1].pc.pointee.x)
        }
        return outcome
    }

    /// The loop, specialized for tracing on and off so untraced runs don't test for it.
    private func interpret<Tracing: TracingMode>(_: Tracing.Type) -> ExecutionOutcome {
        let tracing = Tracing.isOn
        var fuel = self.fuel
        var exit = LoopExit.returned
        // The last integer and f64 results, also in registers: an instruction that reads the
        // result of the one just before it takes it from here instead of from its slot, off
        // the store-to-load path (Translator+Accumulator.swift pairs them).
        var acc: UInt64 = 0
        var facc: Double = 0

        // Two loops: the outer one loads what stays the same while the inner one runs (the
        // stacks, the instance's tables), the inner one runs instructions. What changes
        // those (a call that grows the stacks, translates or calls the host, a call or
        // return into another instance) writes the frame stack back and starts the outer
        // loop again. So the common call and return change only a few of the inner loop's
        // variables, and its register assignment holds across them.
        // (The inner loop's body is not indented under the outer one.)
        reload: while true {
        // The frame stack is two pointers: the top frame, and the last frame a call may push
        // (the lower of the call-depth limit and the stack's capacity), so a call tests one.
        let frames = self.frames
        var top = frames + (self.frameCount &- 1)
        let pushLimit = Execution.pushLimit(frames: frames, capacity: self.frameCapacity, maxCallDepth: maxCallDepth)
        let stack = self.stack
        // A frame fits when it ends at or below this.
        let stackEnd = stack + self.stackCapacity
        let entered = top.pointee
        var codeBase = entered.code.pointee.code
        var pc = entered.pc
        var fp = stack + entered.base
        let instance = entered.code.pointee.instance
        let callTargets = instance._withUnsafeGuaranteedRef { $0.callTargets }
        let globalCells = instance._withUnsafeGuaranteedRef { $0.globalCells }
        var (memoryBase, memorySize) = Execution.memoryRegisters(of: instance)

        dispatch: while true {
            if tracing { trace(code: top.pointee.code, pc: pc, fp: fp) }
            // The instruction's fields are read where each case uses them, not all up front:
            // each case's copy of the dispatch then loads only the opcode.
            let i = pc
            pc += 1
            switch i.opcode {
            case .unreachable:
                exit = .trap(.unreachable)
                break dispatch
            case .consumeFuel:
                let cost = Int64(i.x)
                if fuel < cost {
                    pc -= 1
                    exit = .outOfFuel
                    break dispatch
                }
                fuel &-= cost
            case .traceMarker, .bulkOperand, .callIndirectFrame, .simdOperands, .selectCondition:
                // These words do nothing and their `w` is 0. Advancing by it, rather than an
                // empty case, keeps the case from being the dispatch block itself: LLVM gives
                // every case its own copy of the dispatch (tail duplication, see Package.swift)
                // only when no case jumps straight back to it.
                pc += Int(i.w)
            case .branch:
                pc = codeBase + Int(i.x)
            case .branchIf:
                if _fastPath(u32(fp[Int(i.y)]) != 0) { pc = codeBase + Int(i.x) }
            case .branchIfZero:
                if _fastPath(u32(fp[Int(i.y)]) == 0) { pc = codeBase + Int(i.x) }
            case .branchIfI32Eq:
                if _fastPath(u32(fp[Int(i.y)]) == u32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32Ne:
                if _fastPath(u32(fp[Int(i.y)]) != u32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32LtS:
                if _fastPath(s32(fp[Int(i.y)]) < s32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32LtU:
                if _fastPath(u32(fp[Int(i.y)]) < u32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32GtS:
                if _fastPath(s32(fp[Int(i.y)]) > s32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32GtU:
                if _fastPath(u32(fp[Int(i.y)]) > u32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32LeS:
                if _fastPath(s32(fp[Int(i.y)]) <= s32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32LeU:
                if _fastPath(u32(fp[Int(i.y)]) <= u32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32GeS:
                if _fastPath(s32(fp[Int(i.y)]) >= s32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32GeU:
                if _fastPath(u32(fp[Int(i.y)]) >= u32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI64Eq:
                if _fastPath(fp[Int(i.y)] == fp[Int(i.z)]) { pc = codeBase + Int(i.x) }
            case .branchIfI64Ne:
                if _fastPath(fp[Int(i.y)] != fp[Int(i.z)]) { pc = codeBase + Int(i.x) }
            case .branchIfI64LtS:
                if _fastPath(s64(fp[Int(i.y)]) < s64(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI64LtU:
                if _fastPath(fp[Int(i.y)] < fp[Int(i.z)]) { pc = codeBase + Int(i.x) }
            case .branchIfI64GtS:
                if _fastPath(s64(fp[Int(i.y)]) > s64(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI64GtU:
                if _fastPath(fp[Int(i.y)] > fp[Int(i.z)]) { pc = codeBase + Int(i.x) }
            case .branchIfI64LeS:
                if _fastPath(s64(fp[Int(i.y)]) <= s64(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI64LeU:
                if _fastPath(fp[Int(i.y)] <= fp[Int(i.z)]) { pc = codeBase + Int(i.x) }
            case .branchIfI64GeS:
                if _fastPath(s64(fp[Int(i.y)]) >= s64(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI64GeU:
                if _fastPath(fp[Int(i.y)] >= fp[Int(i.z)]) { pc = codeBase + Int(i.x) }
            case .branchIfI64Eqz:
                if _fastPath(fp[Int(i.y)] == 0) { pc = codeBase + Int(i.x) }
            case .branchIfI64Nez:
                if _fastPath(fp[Int(i.y)] != 0) { pc = codeBase + Int(i.x) }
            case .branchLoop:
                do {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfLoop:
                if _fastPath(u32(fp[Int(i.y)]) != 0) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfZeroLoop:
                if _fastPath(u32(fp[Int(i.y)]) == 0) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32EqLoop:
                if _fastPath(u32(fp[Int(i.y)]) == u32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32NeLoop:
                if _fastPath(u32(fp[Int(i.y)]) != u32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32LtSLoop:
                if _fastPath(s32(fp[Int(i.y)]) < s32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32LtULoop:
                if _fastPath(u32(fp[Int(i.y)]) < u32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32GtSLoop:
                if _fastPath(s32(fp[Int(i.y)]) > s32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32GtULoop:
                if _fastPath(u32(fp[Int(i.y)]) > u32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32LeSLoop:
                if _fastPath(s32(fp[Int(i.y)]) <= s32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32LeULoop:
                if _fastPath(u32(fp[Int(i.y)]) <= u32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32GeSLoop:
                if _fastPath(s32(fp[Int(i.y)]) >= s32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32GeULoop:
                if _fastPath(u32(fp[Int(i.y)]) >= u32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI64NeLoop:
                if _fastPath(fp[Int(i.y)] != fp[Int(i.z)]) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI64LtSLoop:
                if _fastPath(s64(fp[Int(i.y)]) < s64(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI64LtULoop:
                if _fastPath(fp[Int(i.y)] < fp[Int(i.z)]) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI64EqzLoop:
                if _fastPath(fp[Int(i.y)] == 0) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI64NezLoop:
                if _fastPath(fp[Int(i.y)] != 0) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchTable:
                let index = Int(Swift.min(u32(fp[Int(i.y)]), i.x))
                pc = codeBase + Int(pc[index].x)
            case .branchTableEntry:
                exit = .trap(.hostError("internal error: fell into a branch table"))
                break dispatch
            case .return, .returnSlot, .returnInPlace:
                if i.opcode == .returnSlot {
                    fp[0] = fp[Int(i.y)]
                } else if i.opcode == .return {
                    let count = Int(i.x)
                    let source = fp + Int(i.z)
                    for index in 0..<count { fp[index] = source[index] }
                }
                if top == frames {
                    top -= 1
                    break dispatch
                }
                top -= 1
                let frame = top.pointee
                if frame.code.pointee.instance.toOpaque() != instance.toOpaque() {
                    self.frameCount = (top - frames) &+ 1
                    continue reload
                }
                codeBase = frame.code.pointee.code
                pc = frame.pc
                fp = stack + frame.base
            case .call, .callIndirect:
                top.pointee.pc = pc
                // A direct call's fast path reads only the callee's code cell.
                let calleeCell: UnsafeMutablePointer<CodeCell>?
                var indirectCallee: CallTarget?
                let calleeFP: UnsafeMutablePointer<UInt64>
                if i.opcode == .call {
                    calleeCell = callTargets[Int(i.x)].cell
                    calleeFP = fp + Int(i.y)
                } else {
                    switch resolveIndirectCallee(i.pointee, fp: fp, instance: instance) {
                    case .success(let target): indirectCallee = target
                    case .failure(let reason):
                        exit = .trap(reason)
                        break dispatch
                    }
                    calleeCell = indirectCallee?.cell
                    calleeFP = fp + Int(pc.pointee.x)
                }
                // Fast path: an already translated Wasm function whose frame fits.
                if let cell = calleeCell, let code = tracing ? cell.pointee.codeForTracing : cell.pointee.code,
                   top < pushLimit,
                   calleeFP + code.pointee.maxFrameSlots <= stackEnd
                {
                    initializeSlots(
                        calleeFP + code.pointee.parameterSlots, from: code.pointee.initialSlots, count: code.pointee.initialSlotCount)
                    top += 1
                    top.pointee = Frame(code: code, base: Execution.slotIndex(of: calleeFP, in: stack), pc: code.pointee.code)
                    codeBase = code.pointee.code
                    pc = codeBase
                    fp = calleeFP
                    // Charge the callee's entry block here, saving the dispatch of its
                    // `consumeFuel` (on running out, the callee starts at that instruction;
                    // without fuel metering the charge is 0).
                    let cost = code.pointee.entryFuel
                    if fuel < cost {
                        exit = .outOfFuel
                        break dispatch
                    }
                    fuel &-= cost
                    pc = code.pointee.entry
                    if code.pointee.instance.toOpaque() != instance.toOpaque() {
                        top.pointee.pc = pc
                        self.frameCount = (top - frames) &+ 1
                        continue reload
                    }
                    continue dispatch
                }
                // Slow path: translate first, grow the stacks, or call the host.
                let base = Execution.slotIndex(of: calleeFP, in: stack)
                self.frameCount = (top - frames) &+ 1
                self.fuel = fuel
                let callee = indirectCallee ?? callTargets[Int(i.x)]
                if let wasm = callee.wasm {
                    if let reason = pushFrame(wasm.takeUnretainedValue(), base: base) {
                        exit = .trap(reason)
                        break dispatch
                    }
                } else {
                    switch callHost(callee.function.takeUnretainedValue(), base: base, instance: instance) {
                    case .success(nil): break
                    case .success(let token?):
                        exit = .suspended(token: token)
                        break dispatch
                    case .failure(let reason):
                        exit = .trap(reason)
                        break dispatch
                    }
                }
                // The stacks may have moved; a host function, or another instance sharing
                // the memory, may have grown it.
                continue reload
            case .copy:
                fp[Int(i.x)] = fp[Int(i.y)]
            case .copyPair:
                fp[Int(i.x)] = fp[Int(i.y)]
                fp[Int(i.w)] = fp[Int(i.z)]
            case .copyWide:
                fp[Int(i.x)] = fp[Int(i.y)]
                fp[Int(i.x) + 1] = fp[Int(i.y) + 1]
            case .select:
                let source = u32(fp[Int(pc.pointee.x)]) != 0 ? i.y : i.z
                pc += 1
                acc = fp[Int(source)]
                fp[Int(i.x)] = acc
            case .selectAcc:
                let source = u32(acc) != 0 ? i.y : i.z
                pc += 1
                acc = fp[Int(source)]
                fp[Int(i.x)] = acc
            case .selectWide:
                let source = Int(u32(fp[Int(pc.pointee.x)]) != 0 ? i.y : i.z)
                pc += 1
                let low = fp[source]
                let high = fp[source &+ 1]
                fp[Int(i.x)] = low
                fp[Int(i.x) &+ 1] = high
            case .globalGet:
                fp[Int(i.x)] = globalCells[Int(i.y)].pointee
            case .globalSet:
                globalCells[Int(i.y)].pointee = fp[Int(i.x)]
            case .globalGetWide:
                fp[Int(i.x)] = globalCells[Int(i.y)][0]
                fp[Int(i.x) + 1] = globalCells[Int(i.y)][1]
            case .globalSetWide:
                globalCells[Int(i.y)][0] = fp[Int(i.x)]
                globalCells[Int(i.y)][1] = fp[Int(i.x) + 1]
            case .i32Load:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 4, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt32.self))
                fp[Int(i.x)] = acc
            case .i64Load:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = memoryBase.loadUnaligned(fromByteOffset: address, as: UInt64.self)
                fp[Int(i.x)] = acc
            case .f32Load:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 4, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt32.self))
                fp[Int(i.x)] = acc
            case .f64Load:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                facc = double(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt64.self))
                fp[Int(i.x)] = bits(facc)
            case .i32Load8S:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 1, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(UInt32(bitPattern: Int32(memoryBase.loadUnaligned(fromByteOffset: address, as: Int8.self))))
                fp[Int(i.x)] = acc
            case .i32Load8U:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 1, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt8.self))
                fp[Int(i.x)] = acc
            case .i32Load16S:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 2, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(UInt32(bitPattern: Int32(memoryBase.loadUnaligned(fromByteOffset: address, as: Int16.self))))
                fp[Int(i.x)] = acc
            case .i32Load16U:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 2, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt16.self))
                fp[Int(i.x)] = acc
            case .i64Load8S:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 1, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(bitPattern: Int64(memoryBase.loadUnaligned(fromByteOffset: address, as: Int8.self)))
                fp[Int(i.x)] = acc
            case .i64Load8U:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 1, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt8.self))
                fp[Int(i.x)] = acc
            case .i64Load16S:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 2, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(bitPattern: Int64(memoryBase.loadUnaligned(fromByteOffset: address, as: Int16.self)))
                fp[Int(i.x)] = acc
            case .i64Load16U:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 2, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt16.self))
                fp[Int(i.x)] = acc
            case .i64Load32S:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 4, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(bitPattern: Int64(memoryBase.loadUnaligned(fromByteOffset: address, as: Int32.self)))
                fp[Int(i.x)] = acc
            case .i64Load32U:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 4, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt32.self))
                fp[Int(i.x)] = acc
            case .i32Store, .f32Store, .i64Store32:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 4, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: u32(fp[Int(i.x)]), toByteOffset: address, as: UInt32.self)
            case .i64Store, .f64Store:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: fp[Int(i.x)], toByteOffset: address, as: UInt64.self)
            case .i32Store8, .i64Store8:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 1, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: UInt8(truncatingIfNeeded: fp[Int(i.x)]), toByteOffset: address, as: UInt8.self)
            case .i32Store16, .i64Store16:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 2, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: UInt16(truncatingIfNeeded: fp[Int(i.x)]), toByteOffset: address, as: UInt16.self)
            case .memorySize, .memoryGrow, .memoryInit, .dataDrop, .memoryCopy, .memoryFill,
                 .tableGet, .tableSet, .tableSize, .tableGrow, .tableFill, .tableCopy, .tableInit, .elementDrop:
                if let reason = executeBulk(i.pointee, next: pc.pointee, fp: fp, instance: instance, fuel: &fuel) {
                    exit = .trap(reason)
                    break dispatch
                }
                (memoryBase, memorySize) = Execution.memoryRegisters(of: instance)
            case .v128Load:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 16, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                fp[Int(i.x)] = memoryBase.loadUnaligned(fromByteOffset: address, as: UInt64.self)
                fp[Int(i.x) &+ 1] = memoryBase.loadUnaligned(fromByteOffset: address &+ 8, as: UInt64.self)
            case .v128Store:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 16, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: fp[Int(i.x)], toByteOffset: address, as: UInt64.self)
                memoryBase.storeBytes(of: fp[Int(i.x) &+ 1], toByteOffset: address &+ 8, as: UInt64.self)
            case .simdMemory:
                if let reason = executeSIMDMemory(i.pointee, pc.pointee, fp: fp, memoryBase: memoryBase, memorySize: memorySize) {
                    exit = .trap(reason)
                    break dispatch
                }
                pc += 1
            case .simd:
                if let reason = executeSIMD(i.pointee, pc.pointee, fp: fp) {
                    exit = .trap(reason)
                    break dispatch
                }
                pc += 1
            case .refIsNull:
                fp[Int(i.x)] = bit(fp[Int(i.y)] == 0)
            case .i32LoadAtSum:
                guard let address = effectiveAddress(sum(fp[Int(i.y)], fp[Int(i.z)]), UInt32(i.w), 4, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt32.self))
                fp[Int(i.x)] = acc
            case .i64LoadAtSum:
                guard let address = effectiveAddress(sum(fp[Int(i.y)], fp[Int(i.z)]), UInt32(i.w), 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = memoryBase.loadUnaligned(fromByteOffset: address, as: UInt64.self)
                facc = double(acc)
                fp[Int(i.x)] = acc
            case .i32Load8SAtSum:
                guard let address = effectiveAddress(sum(fp[Int(i.y)], fp[Int(i.z)]), UInt32(i.w), 1, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(UInt32(bitPattern: Int32(memoryBase.loadUnaligned(fromByteOffset: address, as: Int8.self))))
                fp[Int(i.x)] = acc
            case .i32Load8UAtSum:
                guard let address = effectiveAddress(sum(fp[Int(i.y)], fp[Int(i.z)]), UInt32(i.w), 1, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt8.self))
                fp[Int(i.x)] = acc
            case .i32Load16SAtSum:
                guard let address = effectiveAddress(sum(fp[Int(i.y)], fp[Int(i.z)]), UInt32(i.w), 2, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(UInt32(bitPattern: Int32(memoryBase.loadUnaligned(fromByteOffset: address, as: Int16.self))))
                fp[Int(i.x)] = acc
            case .i32Load16UAtSum:
                guard let address = effectiveAddress(sum(fp[Int(i.y)], fp[Int(i.z)]), UInt32(i.w), 2, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt16.self))
                fp[Int(i.x)] = acc
            case .i32StoreAtSum:
                guard let address = effectiveAddress(sum(fp[Int(i.y)], fp[Int(i.z)]), UInt32(i.w), 4, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: u32(fp[Int(i.x)]), toByteOffset: address, as: UInt32.self)
            case .i64StoreAtSum:
                guard let address = effectiveAddress(sum(fp[Int(i.y)], fp[Int(i.z)]), UInt32(i.w), 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: fp[Int(i.x)], toByteOffset: address, as: UInt64.self)
            case .i32Store8AtSum:
                guard let address = effectiveAddress(sum(fp[Int(i.y)], fp[Int(i.z)]), UInt32(i.w), 1, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: UInt8(truncatingIfNeeded: fp[Int(i.x)]), toByteOffset: address, as: UInt8.self)
            case .i32Store16AtSum:
                guard let address = effectiveAddress(sum(fp[Int(i.y)], fp[Int(i.z)]), UInt32(i.w), 2, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: UInt16(truncatingIfNeeded: fp[Int(i.x)]), toByteOffset: address, as: UInt16.self)
            case .f64AddLoad:
                guard let address = effectiveAddress(fp[Int(i.z)], UInt32(i.w), 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                facc = NumericSemantics.f64Add(double(fp[Int(i.y)]), double(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt64.self)))
                fp[Int(i.x)] = bits(facc)
            case .f64MulLoad:
                guard let address = effectiveAddress(fp[Int(i.z)], UInt32(i.w), 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                facc = NumericSemantics.f64Mul(double(fp[Int(i.y)]), double(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt64.self)))
                fp[Int(i.x)] = bits(facc)
            case .f64SubLoad:
                guard let address = effectiveAddress(fp[Int(i.z)], UInt32(i.w), 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                facc = NumericSemantics.f64Sub(double(fp[Int(i.y)]), double(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt64.self)))
                fp[Int(i.x)] = bits(facc)
            case .f64LoadSub:
                guard let address = effectiveAddress(fp[Int(i.z)], UInt32(i.w), 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                facc = NumericSemantics.f64Sub(double(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt64.self)), double(fp[Int(i.y)]))
                fp[Int(i.x)] = bits(facc)
            case .f64AddStore:
                let value = bits(NumericSemantics.f64Add(double(fp[Int(i.y)]), double(fp[Int(i.z)])))
                guard let address = effectiveAddress(fp[Int(i.x)], UInt32(i.w), 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: value, toByteOffset: address, as: UInt64.self)
            case .f64SubStore:
                let value = bits(NumericSemantics.f64Sub(double(fp[Int(i.y)]), double(fp[Int(i.z)])))
                guard let address = effectiveAddress(fp[Int(i.x)], UInt32(i.w), 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: value, toByteOffset: address, as: UInt64.self)
            case .f64MulStore:
                let value = bits(NumericSemantics.f64Mul(double(fp[Int(i.y)]), double(fp[Int(i.z)])))
                guard let address = effectiveAddress(fp[Int(i.x)], UInt32(i.w), 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: value, toByteOffset: address, as: UInt64.self)
            case .f64MulMul:
                // The inner product's NaN need not be canonical: the outer one makes any NaN so.
                facc = NumericSemantics.f64Mul(double(fp[Int(i.y)]) * double(fp[Int(i.z)]), double(fp[Int(i.w)]))
                fp[Int(i.x)] = bits(facc)
            case .i32LoadAccY:
                guard let address = effectiveAddress(acc, i.z, 4, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt32.self))
                fp[Int(i.x)] = acc
            case .i64LoadAccY:
                guard let address = effectiveAddress(acc, i.z, 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = memoryBase.loadUnaligned(fromByteOffset: address, as: UInt64.self)
                fp[Int(i.x)] = acc
            case .f64LoadAccY:
                guard let address = effectiveAddress(acc, i.z, 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                facc = double(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt64.self))
                fp[Int(i.x)] = bits(facc)
            case .i32Load8SAccY:
                guard let address = effectiveAddress(acc, i.z, 1, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(UInt32(bitPattern: Int32(memoryBase.loadUnaligned(fromByteOffset: address, as: Int8.self))))
                fp[Int(i.x)] = acc
            case .i32Load8UAccY:
                guard let address = effectiveAddress(acc, i.z, 1, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt8.self))
                fp[Int(i.x)] = acc
            case .i32Load16SAccY:
                guard let address = effectiveAddress(acc, i.z, 2, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(UInt32(bitPattern: Int32(memoryBase.loadUnaligned(fromByteOffset: address, as: Int16.self))))
                fp[Int(i.x)] = acc
            case .i32Load16UAccY:
                guard let address = effectiveAddress(acc, i.z, 2, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt16.self))
                fp[Int(i.x)] = acc
            case .i32StoreAccX:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 4, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: u32(acc), toByteOffset: address, as: UInt32.self)
            case .i64StoreAccX:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: acc, toByteOffset: address, as: UInt64.self)
            case .f64StoreAccX:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: bits(facc), toByteOffset: address, as: UInt64.self)
            case .i32Store8AccX:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 1, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: UInt8(truncatingIfNeeded: acc), toByteOffset: address, as: UInt8.self)
            case .i32Store16AccX:
                guard let address = effectiveAddress(fp[Int(i.y)], i.z, 2, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: UInt16(truncatingIfNeeded: acc), toByteOffset: address, as: UInt16.self)
            case .f64AddLoadAccY:
                guard let address = effectiveAddress(fp[Int(i.z)], UInt32(i.w), 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                facc = NumericSemantics.f64Add(facc, double(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt64.self)))
                fp[Int(i.x)] = bits(facc)
            case .f64MulLoadAccY:
                guard let address = effectiveAddress(fp[Int(i.z)], UInt32(i.w), 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                facc = NumericSemantics.f64Mul(facc, double(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt64.self)))
                fp[Int(i.x)] = bits(facc)
            case .f64SubLoadAccY:
                guard let address = effectiveAddress(fp[Int(i.z)], UInt32(i.w), 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                facc = NumericSemantics.f64Sub(facc, double(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt64.self)))
                fp[Int(i.x)] = bits(facc)
            case .f64LoadSubAccY:
                guard let address = effectiveAddress(fp[Int(i.z)], UInt32(i.w), 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                facc = NumericSemantics.f64Sub(double(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt64.self)), facc)
                fp[Int(i.x)] = bits(facc)
            case .f64AddStoreAccY:
                let value = bits(NumericSemantics.f64Add(facc, double(fp[Int(i.z)])))
                guard let address = effectiveAddress(fp[Int(i.x)], UInt32(i.w), 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: value, toByteOffset: address, as: UInt64.self)
            case .f64SubStoreAccY:
                let value = bits(NumericSemantics.f64Sub(facc, double(fp[Int(i.z)])))
                guard let address = effectiveAddress(fp[Int(i.x)], UInt32(i.w), 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: value, toByteOffset: address, as: UInt64.self)
            case .f64SubStoreAccZ:
                let value = bits(NumericSemantics.f64Sub(double(fp[Int(i.y)]), facc))
                guard let address = effectiveAddress(fp[Int(i.x)], UInt32(i.w), 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: value, toByteOffset: address, as: UInt64.self)
            case .f64MulStoreAccY:
                let value = bits(NumericSemantics.f64Mul(facc, double(fp[Int(i.z)])))
                guard let address = effectiveAddress(fp[Int(i.x)], UInt32(i.w), 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                memoryBase.storeBytes(of: value, toByteOffset: address, as: UInt64.self)
            case .f64MulMulAccY:
                facc = NumericSemantics.f64Mul(facc * double(fp[Int(i.z)]), double(fp[Int(i.w)]))
                fp[Int(i.x)] = bits(facc)
            case .branchIfAcc:
                if _fastPath(u32(acc) != 0) { pc = codeBase + Int(i.x) }
            case .branchIfZeroAcc:
                if _fastPath(u32(acc) == 0) { pc = codeBase + Int(i.x) }
            case .branchIfLoopAcc:
                if _fastPath(u32(acc) != 0) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfZeroLoopAcc:
                if _fastPath(u32(acc) == 0) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32EqAccY:
                if _fastPath(u32(acc) == u32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32NeAccY:
                if _fastPath(u32(acc) != u32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32LtSAccY:
                if _fastPath(s32(acc) < s32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32LtUAccY:
                if _fastPath(u32(acc) < u32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32GtSAccY:
                if _fastPath(s32(acc) > s32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32GtUAccY:
                if _fastPath(u32(acc) > u32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32LeSAccY:
                if _fastPath(s32(acc) <= s32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32LeUAccY:
                if _fastPath(u32(acc) <= u32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32GeSAccY:
                if _fastPath(s32(acc) >= s32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32GeUAccY:
                if _fastPath(u32(acc) >= u32(fp[Int(i.z)])) { pc = codeBase + Int(i.x) }
            case .branchIfI32EqLoopAccY:
                if _fastPath(u32(acc) == u32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32NeLoopAccY:
                if _fastPath(u32(acc) != u32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32LtSLoopAccY:
                if _fastPath(s32(acc) < s32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32LtULoopAccY:
                if _fastPath(u32(acc) < u32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32GtSLoopAccY:
                if _fastPath(s32(acc) > s32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32GtULoopAccY:
                if _fastPath(u32(acc) > u32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32LeSLoopAccY:
                if _fastPath(s32(acc) <= s32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32LeULoopAccY:
                if _fastPath(u32(acc) <= u32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32GeSLoopAccY:
                if _fastPath(s32(acc) >= s32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .branchIfI32GeULoopAccY:
                if _fastPath(u32(acc) >= u32(fp[Int(i.z)])) {
                    pc = codeBase + Int(i.x)
                    let cost = Int64(pc.pointee.x)
                    if fuel < cost { exit = .outOfFuel; break dispatch }
                    fuel &-= cost
                    pc += 1
                }
            case .copyAccY:
                fp[Int(i.x)] = acc
            case .copyFAccY:
                fp[Int(i.x)] = bits(facc)
            case .i32LoadAtSumAccY:
                guard let address = effectiveAddress(sum(acc, fp[Int(i.z)]), UInt32(i.w), 4, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt32.self))
                fp[Int(i.x)] = acc
            case .i32Load8SAtSumAccY:
                guard let address = effectiveAddress(sum(acc, fp[Int(i.z)]), UInt32(i.w), 1, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(UInt32(bitPattern: Int32(memoryBase.loadUnaligned(fromByteOffset: address, as: Int8.self))))
                fp[Int(i.x)] = acc
            case .i32Load8UAtSumAccY:
                guard let address = effectiveAddress(sum(acc, fp[Int(i.z)]), UInt32(i.w), 1, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt8.self))
                fp[Int(i.x)] = acc
            case .i32Load16SAtSumAccY:
                guard let address = effectiveAddress(sum(acc, fp[Int(i.z)]), UInt32(i.w), 2, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(UInt32(bitPattern: Int32(memoryBase.loadUnaligned(fromByteOffset: address, as: Int16.self))))
                fp[Int(i.x)] = acc
            case .i32Load16UAtSumAccY:
                guard let address = effectiveAddress(sum(acc, fp[Int(i.z)]), UInt32(i.w), 2, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = UInt64(memoryBase.loadUnaligned(fromByteOffset: address, as: UInt16.self))
                fp[Int(i.x)] = acc
            case .i64LoadAtSumAccY:
                guard let address = effectiveAddress(sum(acc, fp[Int(i.z)]), UInt32(i.w), 8, memorySize) else { exit = .trap(.outOfBoundsMemoryAccess); break dispatch }
                acc = memoryBase.loadUnaligned(fromByteOffset: address, as: UInt64.self)
                facc = double(acc)
                fp[Int(i.x)] = acc
            // BEGIN GENERATED NUMERIC CASES
            case .i32Eqz:
                acc = bit(NumericSemantics.i32Eqz(u32(fp[Int(i.y)])))
                fp[Int(i.x)] = acc
            case .i32EqzAccY:
                acc = bit(NumericSemantics.i32Eqz(u32(acc)))
                fp[Int(i.x)] = acc
            case .i32Eq:
                acc = bit(NumericSemantics.i32Eq(u32(fp[Int(i.y)]), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32EqAccY:
                acc = bit(NumericSemantics.i32Eq(u32(acc), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32Ne:
                acc = bit(NumericSemantics.i32Ne(u32(fp[Int(i.y)]), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32NeAccY:
                acc = bit(NumericSemantics.i32Ne(u32(acc), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32LtS:
                acc = bit(NumericSemantics.i32LtS(s32(fp[Int(i.y)]), s32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32LtSAccY:
                acc = bit(NumericSemantics.i32LtS(s32(acc), s32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32LtU:
                acc = bit(NumericSemantics.i32LtU(u32(fp[Int(i.y)]), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32LtUAccY:
                acc = bit(NumericSemantics.i32LtU(u32(acc), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32GtS:
                acc = bit(NumericSemantics.i32GtS(s32(fp[Int(i.y)]), s32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32GtSAccY:
                acc = bit(NumericSemantics.i32GtS(s32(acc), s32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32GtU:
                acc = bit(NumericSemantics.i32GtU(u32(fp[Int(i.y)]), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32GtUAccY:
                acc = bit(NumericSemantics.i32GtU(u32(acc), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32LeS:
                acc = bit(NumericSemantics.i32LeS(s32(fp[Int(i.y)]), s32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32LeSAccY:
                acc = bit(NumericSemantics.i32LeS(s32(acc), s32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32LeU:
                acc = bit(NumericSemantics.i32LeU(u32(fp[Int(i.y)]), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32LeUAccY:
                acc = bit(NumericSemantics.i32LeU(u32(acc), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32GeS:
                acc = bit(NumericSemantics.i32GeS(s32(fp[Int(i.y)]), s32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32GeSAccY:
                acc = bit(NumericSemantics.i32GeS(s32(acc), s32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32GeU:
                acc = bit(NumericSemantics.i32GeU(u32(fp[Int(i.y)]), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32GeUAccY:
                acc = bit(NumericSemantics.i32GeU(u32(acc), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i64Eqz:
                acc = bit(NumericSemantics.i64Eqz(fp[Int(i.y)]))
                fp[Int(i.x)] = acc
            case .i64Eq:
                acc = bit(NumericSemantics.i64Eq(fp[Int(i.y)], fp[Int(i.z)]))
                fp[Int(i.x)] = acc
            case .i64Ne:
                acc = bit(NumericSemantics.i64Ne(fp[Int(i.y)], fp[Int(i.z)]))
                fp[Int(i.x)] = acc
            case .i64LtS:
                acc = bit(NumericSemantics.i64LtS(Int64(bitPattern: fp[Int(i.y)]), Int64(bitPattern: fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i64LtU:
                acc = bit(NumericSemantics.i64LtU(fp[Int(i.y)], fp[Int(i.z)]))
                fp[Int(i.x)] = acc
            case .i64GtS:
                acc = bit(NumericSemantics.i64GtS(Int64(bitPattern: fp[Int(i.y)]), Int64(bitPattern: fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i64GtU:
                acc = bit(NumericSemantics.i64GtU(fp[Int(i.y)], fp[Int(i.z)]))
                fp[Int(i.x)] = acc
            case .i64LeS:
                acc = bit(NumericSemantics.i64LeS(Int64(bitPattern: fp[Int(i.y)]), Int64(bitPattern: fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i64LeU:
                acc = bit(NumericSemantics.i64LeU(fp[Int(i.y)], fp[Int(i.z)]))
                fp[Int(i.x)] = acc
            case .i64GeS:
                acc = bit(NumericSemantics.i64GeS(Int64(bitPattern: fp[Int(i.y)]), Int64(bitPattern: fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i64GeU:
                acc = bit(NumericSemantics.i64GeU(fp[Int(i.y)], fp[Int(i.z)]))
                fp[Int(i.x)] = acc
            case .f32Eq:
                acc = bit(NumericSemantics.f32Eq(Float(bitPattern: u32(fp[Int(i.y)])), Float(bitPattern: u32(fp[Int(i.z)]))))
                fp[Int(i.x)] = acc
            case .f32Ne:
                acc = bit(NumericSemantics.f32Ne(Float(bitPattern: u32(fp[Int(i.y)])), Float(bitPattern: u32(fp[Int(i.z)]))))
                fp[Int(i.x)] = acc
            case .f32Lt:
                acc = bit(NumericSemantics.f32Lt(Float(bitPattern: u32(fp[Int(i.y)])), Float(bitPattern: u32(fp[Int(i.z)]))))
                fp[Int(i.x)] = acc
            case .f32Gt:
                acc = bit(NumericSemantics.f32Gt(Float(bitPattern: u32(fp[Int(i.y)])), Float(bitPattern: u32(fp[Int(i.z)]))))
                fp[Int(i.x)] = acc
            case .f32Le:
                acc = bit(NumericSemantics.f32Le(Float(bitPattern: u32(fp[Int(i.y)])), Float(bitPattern: u32(fp[Int(i.z)]))))
                fp[Int(i.x)] = acc
            case .f32Ge:
                acc = bit(NumericSemantics.f32Ge(Float(bitPattern: u32(fp[Int(i.y)])), Float(bitPattern: u32(fp[Int(i.z)]))))
                fp[Int(i.x)] = acc
            case .f64Eq:
                acc = bit(NumericSemantics.f64Eq(Double(bitPattern: fp[Int(i.y)]), Double(bitPattern: fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .f64Ne:
                acc = bit(NumericSemantics.f64Ne(Double(bitPattern: fp[Int(i.y)]), Double(bitPattern: fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .f64Lt:
                acc = bit(NumericSemantics.f64Lt(Double(bitPattern: fp[Int(i.y)]), Double(bitPattern: fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .f64Gt:
                acc = bit(NumericSemantics.f64Gt(Double(bitPattern: fp[Int(i.y)]), Double(bitPattern: fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .f64Le:
                acc = bit(NumericSemantics.f64Le(Double(bitPattern: fp[Int(i.y)]), Double(bitPattern: fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .f64Ge:
                acc = bit(NumericSemantics.f64Ge(Double(bitPattern: fp[Int(i.y)]), Double(bitPattern: fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32Clz:
                acc = UInt64(NumericSemantics.i32Clz(u32(fp[Int(i.y)])))
                fp[Int(i.x)] = acc
            case .i32Ctz:
                acc = UInt64(NumericSemantics.i32Ctz(u32(fp[Int(i.y)])))
                fp[Int(i.x)] = acc
            case .i32Popcnt:
                acc = UInt64(NumericSemantics.i32Popcnt(u32(fp[Int(i.y)])))
                fp[Int(i.x)] = acc
            case .i32Add:
                acc = UInt64(NumericSemantics.i32Add(u32(fp[Int(i.y)]), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32AddAccY:
                acc = UInt64(NumericSemantics.i32Add(u32(acc), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32Sub:
                acc = UInt64(NumericSemantics.i32Sub(u32(fp[Int(i.y)]), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32SubAccY:
                acc = UInt64(NumericSemantics.i32Sub(u32(acc), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32SubAccZ:
                acc = UInt64(NumericSemantics.i32Sub(u32(fp[Int(i.y)]), u32(acc)))
                fp[Int(i.x)] = acc
            case .i32Mul:
                acc = UInt64(NumericSemantics.i32Mul(u32(fp[Int(i.y)]), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32MulAccY:
                acc = UInt64(NumericSemantics.i32Mul(u32(acc), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32DivS:
                do { fp[Int(i.x)] = UInt64(UInt32(bitPattern: try NumericSemantics.i32DivS(s32(fp[Int(i.y)]), s32(fp[Int(i.z)])))) } catch { exit = .trap(error); break dispatch }
            case .i32DivU:
                do { fp[Int(i.x)] = UInt64(try NumericSemantics.i32DivU(u32(fp[Int(i.y)]), u32(fp[Int(i.z)]))) } catch { exit = .trap(error); break dispatch }
            case .i32RemS:
                do { fp[Int(i.x)] = UInt64(UInt32(bitPattern: try NumericSemantics.i32RemS(s32(fp[Int(i.y)]), s32(fp[Int(i.z)])))) } catch { exit = .trap(error); break dispatch }
            case .i32RemU:
                do { fp[Int(i.x)] = UInt64(try NumericSemantics.i32RemU(u32(fp[Int(i.y)]), u32(fp[Int(i.z)]))) } catch { exit = .trap(error); break dispatch }
            case .i32And:
                acc = UInt64(NumericSemantics.i32And(u32(fp[Int(i.y)]), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32AndAccY:
                acc = UInt64(NumericSemantics.i32And(u32(acc), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32Or:
                acc = UInt64(NumericSemantics.i32Or(u32(fp[Int(i.y)]), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32OrAccY:
                acc = UInt64(NumericSemantics.i32Or(u32(acc), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32Xor:
                acc = UInt64(NumericSemantics.i32Xor(u32(fp[Int(i.y)]), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32XorAccY:
                acc = UInt64(NumericSemantics.i32Xor(u32(acc), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32Shl:
                acc = UInt64(NumericSemantics.i32Shl(u32(fp[Int(i.y)]), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32ShlAccY:
                acc = UInt64(NumericSemantics.i32Shl(u32(acc), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32ShlAccZ:
                acc = UInt64(NumericSemantics.i32Shl(u32(fp[Int(i.y)]), u32(acc)))
                fp[Int(i.x)] = acc
            case .i32ShrS:
                acc = UInt64(UInt32(bitPattern: NumericSemantics.i32ShrS(s32(fp[Int(i.y)]), s32(fp[Int(i.z)]))))
                fp[Int(i.x)] = acc
            case .i32ShrSAccY:
                acc = UInt64(UInt32(bitPattern: NumericSemantics.i32ShrS(s32(acc), s32(fp[Int(i.z)]))))
                fp[Int(i.x)] = acc
            case .i32ShrSAccZ:
                acc = UInt64(UInt32(bitPattern: NumericSemantics.i32ShrS(s32(fp[Int(i.y)]), s32(acc))))
                fp[Int(i.x)] = acc
            case .i32ShrU:
                acc = UInt64(NumericSemantics.i32ShrU(u32(fp[Int(i.y)]), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32ShrUAccY:
                acc = UInt64(NumericSemantics.i32ShrU(u32(acc), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32ShrUAccZ:
                acc = UInt64(NumericSemantics.i32ShrU(u32(fp[Int(i.y)]), u32(acc)))
                fp[Int(i.x)] = acc
            case .i32Rotl:
                acc = UInt64(NumericSemantics.i32Rotl(u32(fp[Int(i.y)]), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32RotlAccY:
                acc = UInt64(NumericSemantics.i32Rotl(u32(acc), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32RotlAccZ:
                acc = UInt64(NumericSemantics.i32Rotl(u32(fp[Int(i.y)]), u32(acc)))
                fp[Int(i.x)] = acc
            case .i32Rotr:
                acc = UInt64(NumericSemantics.i32Rotr(u32(fp[Int(i.y)]), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32RotrAccY:
                acc = UInt64(NumericSemantics.i32Rotr(u32(acc), u32(fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i32RotrAccZ:
                acc = UInt64(NumericSemantics.i32Rotr(u32(fp[Int(i.y)]), u32(acc)))
                fp[Int(i.x)] = acc
            case .i64Clz:
                acc = NumericSemantics.i64Clz(fp[Int(i.y)])
                fp[Int(i.x)] = acc
            case .i64Ctz:
                acc = NumericSemantics.i64Ctz(fp[Int(i.y)])
                fp[Int(i.x)] = acc
            case .i64Popcnt:
                acc = NumericSemantics.i64Popcnt(fp[Int(i.y)])
                fp[Int(i.x)] = acc
            case .i64Add:
                acc = NumericSemantics.i64Add(fp[Int(i.y)], fp[Int(i.z)])
                fp[Int(i.x)] = acc
            case .i64AddAccY:
                acc = NumericSemantics.i64Add(acc, fp[Int(i.z)])
                fp[Int(i.x)] = acc
            case .i64Sub:
                acc = NumericSemantics.i64Sub(fp[Int(i.y)], fp[Int(i.z)])
                fp[Int(i.x)] = acc
            case .i64SubAccY:
                acc = NumericSemantics.i64Sub(acc, fp[Int(i.z)])
                fp[Int(i.x)] = acc
            case .i64SubAccZ:
                acc = NumericSemantics.i64Sub(fp[Int(i.y)], acc)
                fp[Int(i.x)] = acc
            case .i64Mul:
                acc = NumericSemantics.i64Mul(fp[Int(i.y)], fp[Int(i.z)])
                fp[Int(i.x)] = acc
            case .i64MulAccY:
                acc = NumericSemantics.i64Mul(acc, fp[Int(i.z)])
                fp[Int(i.x)] = acc
            case .i64DivS:
                do { fp[Int(i.x)] = UInt64(bitPattern: try NumericSemantics.i64DivS(Int64(bitPattern: fp[Int(i.y)]), Int64(bitPattern: fp[Int(i.z)]))) } catch { exit = .trap(error); break dispatch }
            case .i64DivU:
                do { fp[Int(i.x)] = try NumericSemantics.i64DivU(fp[Int(i.y)], fp[Int(i.z)]) } catch { exit = .trap(error); break dispatch }
            case .i64RemS:
                do { fp[Int(i.x)] = UInt64(bitPattern: try NumericSemantics.i64RemS(Int64(bitPattern: fp[Int(i.y)]), Int64(bitPattern: fp[Int(i.z)]))) } catch { exit = .trap(error); break dispatch }
            case .i64RemU:
                do { fp[Int(i.x)] = try NumericSemantics.i64RemU(fp[Int(i.y)], fp[Int(i.z)]) } catch { exit = .trap(error); break dispatch }
            case .i64And:
                acc = NumericSemantics.i64And(fp[Int(i.y)], fp[Int(i.z)])
                fp[Int(i.x)] = acc
            case .i64AndAccY:
                acc = NumericSemantics.i64And(acc, fp[Int(i.z)])
                fp[Int(i.x)] = acc
            case .i64Or:
                acc = NumericSemantics.i64Or(fp[Int(i.y)], fp[Int(i.z)])
                fp[Int(i.x)] = acc
            case .i64OrAccY:
                acc = NumericSemantics.i64Or(acc, fp[Int(i.z)])
                fp[Int(i.x)] = acc
            case .i64Xor:
                acc = NumericSemantics.i64Xor(fp[Int(i.y)], fp[Int(i.z)])
                fp[Int(i.x)] = acc
            case .i64XorAccY:
                acc = NumericSemantics.i64Xor(acc, fp[Int(i.z)])
                fp[Int(i.x)] = acc
            case .i64Shl:
                acc = NumericSemantics.i64Shl(fp[Int(i.y)], fp[Int(i.z)])
                fp[Int(i.x)] = acc
            case .i64ShlAccY:
                acc = NumericSemantics.i64Shl(acc, fp[Int(i.z)])
                fp[Int(i.x)] = acc
            case .i64ShlAccZ:
                acc = NumericSemantics.i64Shl(fp[Int(i.y)], acc)
                fp[Int(i.x)] = acc
            case .i64ShrS:
                acc = UInt64(bitPattern: NumericSemantics.i64ShrS(Int64(bitPattern: fp[Int(i.y)]), Int64(bitPattern: fp[Int(i.z)])))
                fp[Int(i.x)] = acc
            case .i64ShrU:
                acc = NumericSemantics.i64ShrU(fp[Int(i.y)], fp[Int(i.z)])
                fp[Int(i.x)] = acc
            case .i64ShrUAccY:
                acc = NumericSemantics.i64ShrU(acc, fp[Int(i.z)])
                fp[Int(i.x)] = acc
            case .i64ShrUAccZ:
                acc = NumericSemantics.i64ShrU(fp[Int(i.y)], acc)
                fp[Int(i.x)] = acc
            case .i64Rotl:
                acc = NumericSemantics.i64Rotl(fp[Int(i.y)], fp[Int(i.z)])
                fp[Int(i.x)] = acc
            case .i64Rotr:
                acc = NumericSemantics.i64Rotr(fp[Int(i.y)], fp[Int(i.z)])
                fp[Int(i.x)] = acc
            case .f32Abs:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32Abs(Float(bitPattern: u32(fp[Int(i.y)])))))
            case .f32Neg:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32Neg(Float(bitPattern: u32(fp[Int(i.y)])))))
            case .f32Ceil:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32Ceil(Float(bitPattern: u32(fp[Int(i.y)])))))
            case .f32Floor:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32Floor(Float(bitPattern: u32(fp[Int(i.y)])))))
            case .f32Trunc:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32Trunc(Float(bitPattern: u32(fp[Int(i.y)])))))
            case .f32Nearest:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32Nearest(Float(bitPattern: u32(fp[Int(i.y)])))))
            case .f32Sqrt:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32Sqrt(Float(bitPattern: u32(fp[Int(i.y)])))))
            case .f32Add:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32Add(Float(bitPattern: u32(fp[Int(i.y)])), Float(bitPattern: u32(fp[Int(i.z)])))))
            case .f32Sub:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32Sub(Float(bitPattern: u32(fp[Int(i.y)])), Float(bitPattern: u32(fp[Int(i.z)])))))
            case .f32Mul:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32Mul(Float(bitPattern: u32(fp[Int(i.y)])), Float(bitPattern: u32(fp[Int(i.z)])))))
            case .f32Div:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32Div(Float(bitPattern: u32(fp[Int(i.y)])), Float(bitPattern: u32(fp[Int(i.z)])))))
            case .f32Min:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32Min(Float(bitPattern: u32(fp[Int(i.y)])), Float(bitPattern: u32(fp[Int(i.z)])))))
            case .f32Max:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32Max(Float(bitPattern: u32(fp[Int(i.y)])), Float(bitPattern: u32(fp[Int(i.z)])))))
            case .f32Copysign:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32Copysign(Float(bitPattern: u32(fp[Int(i.y)])), Float(bitPattern: u32(fp[Int(i.z)])))))
            case .f64Abs:
                facc = NumericSemantics.f64Abs(Double(bitPattern: fp[Int(i.y)]))
                fp[Int(i.x)] = bits(facc)
            case .f64Neg:
                facc = NumericSemantics.f64Neg(Double(bitPattern: fp[Int(i.y)]))
                fp[Int(i.x)] = bits(facc)
            case .f64Ceil:
                facc = NumericSemantics.f64Ceil(Double(bitPattern: fp[Int(i.y)]))
                fp[Int(i.x)] = bits(facc)
            case .f64Floor:
                facc = NumericSemantics.f64Floor(Double(bitPattern: fp[Int(i.y)]))
                fp[Int(i.x)] = bits(facc)
            case .f64Trunc:
                facc = NumericSemantics.f64Trunc(Double(bitPattern: fp[Int(i.y)]))
                fp[Int(i.x)] = bits(facc)
            case .f64Nearest:
                facc = NumericSemantics.f64Nearest(Double(bitPattern: fp[Int(i.y)]))
                fp[Int(i.x)] = bits(facc)
            case .f64Sqrt:
                facc = NumericSemantics.f64Sqrt(Double(bitPattern: fp[Int(i.y)]))
                fp[Int(i.x)] = bits(facc)
            case .f64SqrtAccY:
                facc = NumericSemantics.f64Sqrt(facc)
                fp[Int(i.x)] = bits(facc)
            case .f64Add:
                facc = NumericSemantics.f64Add(Double(bitPattern: fp[Int(i.y)]), Double(bitPattern: fp[Int(i.z)]))
                fp[Int(i.x)] = bits(facc)
            case .f64AddAccY:
                facc = NumericSemantics.f64Add(facc, Double(bitPattern: fp[Int(i.z)]))
                fp[Int(i.x)] = bits(facc)
            case .f64Sub:
                facc = NumericSemantics.f64Sub(Double(bitPattern: fp[Int(i.y)]), Double(bitPattern: fp[Int(i.z)]))
                fp[Int(i.x)] = bits(facc)
            case .f64SubAccY:
                facc = NumericSemantics.f64Sub(facc, Double(bitPattern: fp[Int(i.z)]))
                fp[Int(i.x)] = bits(facc)
            case .f64SubAccZ:
                facc = NumericSemantics.f64Sub(Double(bitPattern: fp[Int(i.y)]), facc)
                fp[Int(i.x)] = bits(facc)
            case .f64Mul:
                facc = NumericSemantics.f64Mul(Double(bitPattern: fp[Int(i.y)]), Double(bitPattern: fp[Int(i.z)]))
                fp[Int(i.x)] = bits(facc)
            case .f64MulAccY:
                facc = NumericSemantics.f64Mul(facc, Double(bitPattern: fp[Int(i.z)]))
                fp[Int(i.x)] = bits(facc)
            case .f64Div:
                facc = NumericSemantics.f64Div(Double(bitPattern: fp[Int(i.y)]), Double(bitPattern: fp[Int(i.z)]))
                fp[Int(i.x)] = bits(facc)
            case .f64DivAccY:
                facc = NumericSemantics.f64Div(facc, Double(bitPattern: fp[Int(i.z)]))
                fp[Int(i.x)] = bits(facc)
            case .f64DivAccZ:
                facc = NumericSemantics.f64Div(Double(bitPattern: fp[Int(i.y)]), facc)
                fp[Int(i.x)] = bits(facc)
            case .f64Min:
                facc = NumericSemantics.f64Min(Double(bitPattern: fp[Int(i.y)]), Double(bitPattern: fp[Int(i.z)]))
                fp[Int(i.x)] = bits(facc)
            case .f64Max:
                facc = NumericSemantics.f64Max(Double(bitPattern: fp[Int(i.y)]), Double(bitPattern: fp[Int(i.z)]))
                fp[Int(i.x)] = bits(facc)
            case .f64Copysign:
                facc = NumericSemantics.f64Copysign(Double(bitPattern: fp[Int(i.y)]), Double(bitPattern: fp[Int(i.z)]))
                fp[Int(i.x)] = bits(facc)
            case .i32WrapI64:
                acc = UInt64(NumericSemantics.i32WrapI64(fp[Int(i.y)]))
                fp[Int(i.x)] = acc
            case .i32WrapI64AccY:
                acc = UInt64(NumericSemantics.i32WrapI64(acc))
                fp[Int(i.x)] = acc
            case .i32TruncF32S:
                do { fp[Int(i.x)] = UInt64(UInt32(bitPattern: try NumericSemantics.i32TruncF32S(Float(bitPattern: u32(fp[Int(i.y)]))))) } catch { exit = .trap(error); break dispatch }
            case .i32TruncF32U:
                do { fp[Int(i.x)] = UInt64(try NumericSemantics.i32TruncF32U(Float(bitPattern: u32(fp[Int(i.y)])))) } catch { exit = .trap(error); break dispatch }
            case .i32TruncF64S:
                do { fp[Int(i.x)] = UInt64(UInt32(bitPattern: try NumericSemantics.i32TruncF64S(Double(bitPattern: fp[Int(i.y)])))) } catch { exit = .trap(error); break dispatch }
            case .i32TruncF64U:
                do { fp[Int(i.x)] = UInt64(try NumericSemantics.i32TruncF64U(Double(bitPattern: fp[Int(i.y)]))) } catch { exit = .trap(error); break dispatch }
            case .i64ExtendI32S:
                acc = UInt64(bitPattern: NumericSemantics.i64ExtendI32S(u32(fp[Int(i.y)])))
                fp[Int(i.x)] = acc
            case .i64ExtendI32SAccY:
                acc = UInt64(bitPattern: NumericSemantics.i64ExtendI32S(u32(acc)))
                fp[Int(i.x)] = acc
            case .i64ExtendI32U:
                acc = NumericSemantics.i64ExtendI32U(u32(fp[Int(i.y)]))
                fp[Int(i.x)] = acc
            case .i64ExtendI32UAccY:
                acc = NumericSemantics.i64ExtendI32U(u32(acc))
                fp[Int(i.x)] = acc
            case .i64TruncF32S:
                do { fp[Int(i.x)] = UInt64(bitPattern: try NumericSemantics.i64TruncF32S(Float(bitPattern: u32(fp[Int(i.y)])))) } catch { exit = .trap(error); break dispatch }
            case .i64TruncF32U:
                do { fp[Int(i.x)] = try NumericSemantics.i64TruncF32U(Float(bitPattern: u32(fp[Int(i.y)]))) } catch { exit = .trap(error); break dispatch }
            case .i64TruncF64S:
                do { fp[Int(i.x)] = UInt64(bitPattern: try NumericSemantics.i64TruncF64S(Double(bitPattern: fp[Int(i.y)]))) } catch { exit = .trap(error); break dispatch }
            case .i64TruncF64U:
                do { fp[Int(i.x)] = try NumericSemantics.i64TruncF64U(Double(bitPattern: fp[Int(i.y)])) } catch { exit = .trap(error); break dispatch }
            case .f32ConvertI32S:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32ConvertI32S(s32(fp[Int(i.y)]))))
            case .f32ConvertI32U:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32ConvertI32U(u32(fp[Int(i.y)]))))
            case .f32ConvertI64S:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32ConvertI64S(Int64(bitPattern: fp[Int(i.y)]))))
            case .f32ConvertI64U:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32ConvertI64U(fp[Int(i.y)])))
            case .f32DemoteF64:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32DemoteF64(Double(bitPattern: fp[Int(i.y)]))))
            case .f64ConvertI32S:
                facc = NumericSemantics.f64ConvertI32S(s32(fp[Int(i.y)]))
                fp[Int(i.x)] = bits(facc)
            case .f64ConvertI32SAccY:
                facc = NumericSemantics.f64ConvertI32S(s32(acc))
                fp[Int(i.x)] = bits(facc)
            case .f64ConvertI32U:
                facc = NumericSemantics.f64ConvertI32U(u32(fp[Int(i.y)]))
                fp[Int(i.x)] = bits(facc)
            case .f64ConvertI32UAccY:
                facc = NumericSemantics.f64ConvertI32U(u32(acc))
                fp[Int(i.x)] = bits(facc)
            case .f64ConvertI64S:
                facc = NumericSemantics.f64ConvertI64S(Int64(bitPattern: fp[Int(i.y)]))
                fp[Int(i.x)] = bits(facc)
            case .f64ConvertI64U:
                facc = NumericSemantics.f64ConvertI64U(fp[Int(i.y)])
                fp[Int(i.x)] = bits(facc)
            case .f64PromoteF32:
                facc = NumericSemantics.f64PromoteF32(Float(bitPattern: u32(fp[Int(i.y)])))
                fp[Int(i.x)] = bits(facc)
            case .i32ReinterpretF32:
                acc = UInt64(NumericSemantics.i32ReinterpretF32(Float(bitPattern: u32(fp[Int(i.y)]))))
                fp[Int(i.x)] = acc
            case .i64ReinterpretF64:
                acc = NumericSemantics.i64ReinterpretF64(Double(bitPattern: fp[Int(i.y)]))
                fp[Int(i.x)] = acc
            case .f32ReinterpretI32:
                fp[Int(i.x)] = UInt64(bits(NumericSemantics.f32ReinterpretI32(u32(fp[Int(i.y)]))))
            case .f64ReinterpretI64:
                facc = NumericSemantics.f64ReinterpretI64(fp[Int(i.y)])
                fp[Int(i.x)] = bits(facc)
            case .i32Extend8S:
                acc = UInt64(UInt32(bitPattern: NumericSemantics.i32Extend8S(u32(fp[Int(i.y)]))))
                fp[Int(i.x)] = acc
            case .i32Extend16S:
                acc = UInt64(UInt32(bitPattern: NumericSemantics.i32Extend16S(u32(fp[Int(i.y)]))))
                fp[Int(i.x)] = acc
            case .i64Extend8S:
                acc = UInt64(bitPattern: NumericSemantics.i64Extend8S(fp[Int(i.y)]))
                fp[Int(i.x)] = acc
            case .i64Extend16S:
                acc = UInt64(bitPattern: NumericSemantics.i64Extend16S(fp[Int(i.y)]))
                fp[Int(i.x)] = acc
            case .i64Extend32S:
                acc = UInt64(bitPattern: NumericSemantics.i64Extend32S(fp[Int(i.y)]))
                fp[Int(i.x)] = acc
            case .i32TruncSatF32S:
                acc = UInt64(UInt32(bitPattern: NumericSemantics.i32TruncSatF32S(Float(bitPattern: u32(fp[Int(i.y)])))))
                fp[Int(i.x)] = acc
            case .i32TruncSatF32U:
                acc = UInt64(NumericSemantics.i32TruncSatF32U(Float(bitPattern: u32(fp[Int(i.y)]))))
                fp[Int(i.x)] = acc
            case .i32TruncSatF64S:
                acc = UInt64(UInt32(bitPattern: NumericSemantics.i32TruncSatF64S(Double(bitPattern: fp[Int(i.y)]))))
                fp[Int(i.x)] = acc
            case .i32TruncSatF64U:
                acc = UInt64(NumericSemantics.i32TruncSatF64U(Double(bitPattern: fp[Int(i.y)])))
                fp[Int(i.x)] = acc
            case .i64TruncSatF32S:
                acc = UInt64(bitPattern: NumericSemantics.i64TruncSatF32S(Float(bitPattern: u32(fp[Int(i.y)]))))
                fp[Int(i.x)] = acc
            case .i64TruncSatF32U:
                acc = NumericSemantics.i64TruncSatF32U(Float(bitPattern: u32(fp[Int(i.y)])))
                fp[Int(i.x)] = acc
            case .i64TruncSatF64S:
                acc = UInt64(bitPattern: NumericSemantics.i64TruncSatF64S(Double(bitPattern: fp[Int(i.y)])))
                fp[Int(i.x)] = acc
            case .i64TruncSatF64U:
                acc = NumericSemantics.i64TruncSatF64U(Double(bitPattern: fp[Int(i.y)]))
                fp[Int(i.x)] = acc
            // END GENERATED NUMERIC CASES
            }
        }
        let frameCount = (top - frames) &+ 1
        self.frameCount = frameCount
        if frameCount > 0 { top.pointee.pc = pc }
        break reload
        }

        self.fuel = fuel
        switch exit {
        case .returned:
            state = .finished
            if resultsStayInSlots {
                returnedSlotCount = entry.type.results.count
                return .returned([])
            }
            return .returned(load(entry.type.results, at: 0))
        case .trap(let reason):
            return finish(trap: reason)
        case .outOfFuel:
            state = .suspendedForFuel
            return .outOfFuel
        case .suspended(let token):
            return .suspended(token: token)
        }
    }

    typealias CallTarget = InstanceStorage.CallTarget

    /// The index of `slot` in the value stack `stack`, from the byte distance: a pointer
    /// difference divides by the stride, which Swift does as a signed division.
    @inline(__always)
    static func slotIndex(of slot: UnsafeMutablePointer<UInt64>, in stack: UnsafeMutablePointer<UInt64>) -> Int {
        (Int(bitPattern: slot) &- Int(bitPattern: stack)) &>> 3
    }

    /// The last frame a call may push onto `frames`: below both the capacity and the call
    /// depth limit (a call pushes only while the top frame is below it).
    @inline(__always)
    static func pushLimit(frames: UnsafeMutablePointer<Frame>, capacity: Int, maxCallDepth: Int) -> UnsafeMutablePointer<Frame> {
        frames + (Swift.min(capacity, maxCallDepth) &- 1)
    }

    /// The base and size of an instance's memory 0 (a stand-in of size 0 without one),
    /// read through pointers: no reference counting, no exclusivity check.
    static func memoryRegisters(of instance: Unmanaged<InstanceStorage>) -> (UnsafeMutableRawPointer, UInt64) {
        let view = instance._withUnsafeGuaranteedRef { $0.memoryView }.pointee
        return (view.pointee.base, view.pointee.byteCount)
    }

    protocol TracingMode { static var isOn: Bool { get } }
    enum TracingOn: TracingMode { static var isOn: Bool { true } }
    enum TracingOff: TracingMode { static var isOn: Bool { false } }

    /// `call_indirect`: the function in the table, if it exists and has the expected type.
    private func resolveIndirectCallee(
        _ instruction: InternalInstruction, fp: UnsafeMutablePointer<UInt64>, instance: Unmanaged<InstanceStorage>
    ) -> Result<CallTarget, TrapReason> {
        instance._withUnsafeGuaranteedRef { instance in
            guard let table = instance.tables.element(Int(instruction.z)) else { return .failure(.hostError("internal error: bad table")) }
            let elementIndex = Int(u32(fp[Int(instruction.y)]))
            guard elementIndex < table.elements.count else { return .failure(.undefinedElement) }
            guard let function = store.function(atBits: table.elements[elementIndex]) else { return .failure(.uninitializedElement) }
            guard Int(instruction.x) < instance.typeIDs.count, function.typeID == instance.typeIDs[Int(instruction.x)] else {
                return .failure(.indirectCallTypeMismatch)
            }
            return .success(CallTarget(function))
        }
    }

    /// Calls a host function whose arguments are at slot `base`; its results go there too.
    /// Returns nil when it returned, or the token it suspended with.
    private func callHost(_ function: Function, base: Int, instance: Unmanaged<InstanceStorage>) -> Result<(any Sendable)?, TrapReason> {
        guard case .host(let host) = function.kind else { return .failure(.hostError("internal error: not a host function")) }
        let arguments = load(host.type.parameters, at: base)
        let caller = Caller(instance: ModuleInstance(store: store, storage: instance.takeUnretainedValue()), store: store)
        let result: HostResult
        do {
            result = try host.body(caller, arguments)
        } catch let trap as Trap {
            return .failure(trap.reason)
        } catch {
            return .failure(.hostError("\(error)"))
        }
        switch result {
        case .values(let values):
            guard values.count == host.type.results.count, zip(values, host.type.results).allSatisfy({ $0.type == $1 }) else {
                return .failure(.hostError("host function returned \(values), expected \(host.type.results)"))
            }
            guard ensureStackCapacity(base + Translator.slots(host.type.results)) else { return .failure(.callStackExhausted) }
            store(values, at: base)
            return .success(nil)
        case .suspend(let token):
            suspendForHost(resultTypes: host.type.results, resultBase: base)
            return .success(token)
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
