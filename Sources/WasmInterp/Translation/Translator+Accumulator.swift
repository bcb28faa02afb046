/// The accumulators: the interpreter keeps the last integer result in `acc` and the last f64
/// result in `facc` (registers), besides writing it to its slot. An instruction that reads
/// the slot the instruction just before it wrote, where no branch lands between them, reads
/// the accumulator instead: its value is the same, but it comes without the store-to-load
/// round trip through memory, which otherwise lengthens every chain of dependent operations.
///
/// Pairing only renames the consumer's opcode (and, for commutative operators, may swap its
/// operands); the producer still writes its slot, so a later reader of that slot, or a branch
/// into the code after it, sees the value as before. Nothing carries an accumulator across a
/// call, a branch target or a `consumeFuel`, so suspending and resuming never needs one.
extension Translator {
    /// Rewrites each instruction that can take its operand from the accumulator its
    /// predecessor filled. Runs last, on the finished (relocated) code.
    mutating func pairAccumulators() {
        guard !forTracing, instructions.count > 1 else { return }
        let labels = Translator.branchTargets(instructions)
        for index in 1..<instructions.count where !labels[index] {
            // A `select` is followed by its condition word.
            let producer = instructions[index - 1].opcode == .selectCondition && index >= 2 ? instructions[index - 2] : instructions[index - 1]
            guard let kinds = Translator.resultAccumulators(producer.opcode) else { continue }
            let next = index + 1 < instructions.count ? instructions[index + 1] : nil
            if let paired = Translator.accumulatorForm(of: instructions[index], next: next, reading: producer.x, from: kinds) {
                instructions[index] = paired
            }
        }
    }

    /// Which accumulators an instruction leaves its result (slot `x`) in.
    struct AccumulatorSet: OptionSet {
        let rawValue: UInt8
        static let integer = AccumulatorSet(rawValue: 1)
        static let float = AccumulatorSet(rawValue: 2)
    }

    /// The positions execution can reach other than from the instruction before. It runs
    /// before pairing, so the branches are the plain ones, found by their places in
    /// `InternalOpcode` (`branch` through `branchIfI64Nez`, `branchLoop` through
    /// `branchIfI64NezLoop`): a branch opcode added elsewhere must be added here too, or a
    /// reader it lands on would take a stale accumulator.
    static func branchTargets(_ instructions: [InternalInstruction]) -> [Bool] {
        var labels = [Bool](repeating: false, count: instructions.count + 2)
        labels[0] = true
        for instruction in instructions {
            let opcode = instruction.opcode.rawValue
            let target = Int(instruction.x)
            if opcode >= InternalOpcode.branch.rawValue && opcode <= InternalOpcode.branchIfI64Nez.rawValue
                || instruction.opcode == .branchTableEntry
            {
                if target < labels.count { labels[target] = true }
            } else if opcode >= InternalOpcode.branchLoop.rawValue && opcode <= InternalOpcode.branchIfI64NezLoop.rawValue {
                // A loop's back edge pays the header's fuel itself and lands after it.
                if target &+ 1 < labels.count {
                    labels[target] = true
                    labels[target + 1] = true
                }
            }
        }
        return labels
    }

    static func resultAccumulators(_ opcode: InternalOpcode) -> AccumulatorSet? {
        switch opcode.numericResultAccumulator {
        case .integer?: return .integer
        case .float?: return .float
        case nil: break
        }
        switch opcode {
        case .i32Load, .i64Load, .f32Load, .i32Load8S, .i32Load8U, .i32Load16S, .i32Load16U,
             .i64Load8S, .i64Load8U, .i64Load16S, .i64Load16U, .i64Load32S, .i64Load32U,
             .i32LoadAtSum, .i32Load8SAtSum, .i32Load8UAtSum, .i32Load16SAtSum, .i32Load16UAtSum,
             .i32LoadAccY, .i64LoadAccY, .i32Load8SAccY, .i32Load8UAccY, .i32Load16SAccY, .i32Load16UAccY,
             .i32LoadAtSumAccY, .i32Load8SAtSumAccY, .i32Load8UAtSumAccY, .i32Load16SAtSumAccY, .i32Load16UAtSumAccY:
            return .integer
        case .select, .selectAcc:
            // Whatever its type: a float consumer needs `facc`, so it pairs with integer ones only.
            return .integer
        case .i64LoadAtSum, .i64LoadAtSumAccY:
            // `f64.load` shares it, so it fills both.
            return [.integer, .float]
        case .f64Load, .f64LoadAccY, .f64AddLoad, .f64MulLoad, .f64SubLoad, .f64LoadSub, .f64MulMul,
             .f64AddLoadAccY, .f64MulLoadAccY, .f64SubLoadAccY, .f64LoadSubAccY, .f64MulMulAccY:
            return .float
        default:
            return nil
        }
    }

    /// `instruction` (followed by `next`) reading `slot` from an accumulator in `kinds`
    /// instead, if it has such a form.
    static func accumulatorForm(
        of instruction: InternalInstruction, next: InternalInstruction?, reading slot: UInt32, from kinds: AccumulatorSet
    ) -> InternalInstruction? {
        func rename(_ opcode: InternalOpcode, swapping: Bool = false) -> InternalInstruction {
            var paired = instruction
            paired.opcode = opcode
            if swapping {
                paired.y = instruction.z
                paired.z = instruction.y
            }
            return paired
        }
        let readsY = instruction.y == slot
        let readsZ = instruction.z == slot
        if let form = numericForm(of: instruction.opcode, readsY: readsY, readsZ: readsZ) {
            let kind: AccumulatorSet = form.accumulator == .integer ? .integer : .float
            guard kinds.contains(kind) else { return nil }
            return rename(form.opcode, swapping: form.swapsOperands)
        }
        let integer = kinds.contains(.integer)
        let float = kinds.contains(.float)
        switch instruction.opcode {
        case .i32Load where readsY && integer: return rename(.i32LoadAccY)
        case .i64Load where readsY && integer: return rename(.i64LoadAccY)
        case .f64Load where readsY && integer: return rename(.f64LoadAccY)
        case .i32Load8S where readsY && integer: return rename(.i32Load8SAccY)
        case .i32Load8U where readsY && integer: return rename(.i32Load8UAccY)
        case .i32Load16S where readsY && integer: return rename(.i32Load16SAccY)
        case .i32Load16U where readsY && integer: return rename(.i32Load16UAccY)
        case .i32LoadAtSum where integer && (readsY || readsZ): return rename(.i32LoadAtSumAccY, swapping: !readsY)
        case .i64LoadAtSum where integer && (readsY || readsZ): return rename(.i64LoadAtSumAccY, swapping: !readsY)
        case .i32Load8SAtSum where integer && (readsY || readsZ): return rename(.i32Load8SAtSumAccY, swapping: !readsY)
        case .i32Load8UAtSum where integer && (readsY || readsZ): return rename(.i32Load8UAtSumAccY, swapping: !readsY)
        case .i32Load16SAtSum where integer && (readsY || readsZ): return rename(.i32Load16SAtSumAccY, swapping: !readsY)
        case .i32Load16UAtSum where integer && (readsY || readsZ): return rename(.i32Load16UAtSumAccY, swapping: !readsY)
        case .i32Store, .f32Store, .i64Store32:
            return instruction.x == slot && integer ? rename(.i32StoreAccX) : nil
        case .i64Store, .f64Store:
            guard instruction.x == slot else { return nil }
            return float ? rename(.f64StoreAccX) : integer ? rename(.i64StoreAccX) : nil
        case .i32Store8, .i64Store8:
            return instruction.x == slot && integer ? rename(.i32Store8AccX) : nil
        case .i32Store16, .i64Store16:
            return instruction.x == slot && integer ? rename(.i32Store16AccX) : nil
        case .f64AddLoad where readsY && float: return rename(.f64AddLoadAccY)
        case .f64MulLoad where readsY && float: return rename(.f64MulLoadAccY)
        case .f64SubLoad where readsY && float: return rename(.f64SubLoadAccY)
        case .f64LoadSub where readsY && float: return rename(.f64LoadSubAccY)
        case .f64AddStore where float && (readsY || readsZ): return rename(.f64AddStoreAccY, swapping: !readsY)
        case .f64MulStore where float && (readsY || readsZ): return rename(.f64MulStoreAccY, swapping: !readsY)
        case .f64SubStore where float && readsY: return rename(.f64SubStoreAccY)
        case .f64SubStore where float && readsZ: return rename(.f64SubStoreAccZ)
        case .f64MulMul where float && (readsY || readsZ): return rename(.f64MulMulAccY, swapping: !readsY)
        case .branchIf where readsY && integer: return rename(.branchIfAcc)
        case .branchIfZero where readsY && integer: return rename(.branchIfZeroAcc)
        case .branchIfLoop where readsY && integer: return rename(.branchIfLoopAcc)
        case .branchIfZeroLoop where readsY && integer: return rename(.branchIfZeroLoopAcc)
        case .copy where readsY: return rename(integer ? .copyAccY : .copyFAccY)
        case .select where integer && next?.opcode == .selectCondition && next?.x == slot: return rename(.selectAcc)
        default:
            guard integer, readsY || readsZ, let (left, right) = comparisonBranchForms(instruction.opcode) else { return nil }
            // With the accumulator on the right, the mirrored comparison takes it on the left.
            return readsY ? rename(left) : rename(right, swapping: true)
        }
    }

    private static func numericForm(of opcode: InternalOpcode, readsY: Bool, readsZ: Bool) -> AccumulatorForm? {
        if readsY, let form = InternalOpcode.numericAccumulatorForm(of: opcode, readingAccumulatorAt: .y) { return form }
        if readsZ, let form = InternalOpcode.numericAccumulatorForm(of: opcode, readingAccumulatorAt: .z) { return form }
        return nil
    }

    /// An i32 compare-and-branch's (or loop back edge's) form with the accumulator as its
    /// left operand, and the form of its mirror image (`a < b` is `b > a`) for the
    /// accumulator on the right.
    private static func comparisonBranchForms(_ opcode: InternalOpcode) -> (InternalOpcode, InternalOpcode)? {
        switch opcode {
        case .branchIfI32Eq: return (.branchIfI32EqAccY, .branchIfI32EqAccY)
        case .branchIfI32Ne: return (.branchIfI32NeAccY, .branchIfI32NeAccY)
        case .branchIfI32LtS: return (.branchIfI32LtSAccY, .branchIfI32GtSAccY)
        case .branchIfI32LtU: return (.branchIfI32LtUAccY, .branchIfI32GtUAccY)
        case .branchIfI32GtS: return (.branchIfI32GtSAccY, .branchIfI32LtSAccY)
        case .branchIfI32GtU: return (.branchIfI32GtUAccY, .branchIfI32LtUAccY)
        case .branchIfI32LeS: return (.branchIfI32LeSAccY, .branchIfI32GeSAccY)
        case .branchIfI32LeU: return (.branchIfI32LeUAccY, .branchIfI32GeUAccY)
        case .branchIfI32GeS: return (.branchIfI32GeSAccY, .branchIfI32LeSAccY)
        case .branchIfI32GeU: return (.branchIfI32GeUAccY, .branchIfI32LeUAccY)
        case .branchIfI32EqLoop: return (.branchIfI32EqLoopAccY, .branchIfI32EqLoopAccY)
        case .branchIfI32NeLoop: return (.branchIfI32NeLoopAccY, .branchIfI32NeLoopAccY)
        case .branchIfI32LtSLoop: return (.branchIfI32LtSLoopAccY, .branchIfI32GtSLoopAccY)
        case .branchIfI32LtULoop: return (.branchIfI32LtULoopAccY, .branchIfI32GtULoopAccY)
        case .branchIfI32GtSLoop: return (.branchIfI32GtSLoopAccY, .branchIfI32LtSLoopAccY)
        case .branchIfI32GtULoop: return (.branchIfI32GtULoopAccY, .branchIfI32LtULoopAccY)
        case .branchIfI32LeSLoop: return (.branchIfI32LeSLoopAccY, .branchIfI32GeSLoopAccY)
        case .branchIfI32LeULoop: return (.branchIfI32LeULoopAccY, .branchIfI32GeULoopAccY)
        case .branchIfI32GeSLoop: return (.branchIfI32GeSLoopAccY, .branchIfI32LeSLoopAccY)
        case .branchIfI32GeULoop: return (.branchIfI32GeULoopAccY, .branchIfI32LeULoopAccY)
        default: return nil
        }
    }
}

/// Which operand of an instruction comes from an accumulator.
enum AccumulatorOperand {
    case y, z
}

/// The accumulator a value travels in: `acc` (integers) or `facc` (f64).
enum Accumulator {
    case integer, float
}

/// A numeric opcode's form that reads one operand from an accumulator.
struct AccumulatorForm {
    var opcode: InternalOpcode
    var accumulator: Accumulator
    /// The form reads the accumulator as `y`: the instruction's operands trade places
    /// (commutative operators have no form for `z`).
    var swapsOperands = false

    init(_ opcode: InternalOpcode, _ accumulator: Accumulator, swapsOperands: Bool = false) {
        self.opcode = opcode
        self.accumulator = accumulator
        self.swapsOperands = swapsOperands
    }
}
