extension Instruction {
    /// The instruction in the text format, e.g. `local.get 0` or `i32.load offset=4 align=2`.
    public var textForm: String {
        switch self {
        case .unreachable: return "unreachable"
        case .nop: return "nop"
        case .block(let type): return "block" + type.textSuffix
        case .loop(let type): return "loop" + type.textSuffix
        case .if(let type): return "if" + type.textSuffix
        case .else: return "else"
        case .end: return "end"
        case .br(let depth): return "br \(depth)"
        case .brIf(let depth): return "br_if \(depth)"
        case .brTable(let targets, let defaultTarget):
            return "br_table " + (targets + [defaultTarget]).map(String.init).joined(separator: " ")
        case .return: return "return"
        case .call(let index): return "call \(index)"
        case .callIndirect(let typeIndex, let tableIndex): return "call_indirect \(tableIndex) (type \(typeIndex))"
        case .refNull(let type): return "ref.null \(type == .funcref ? "func" : "extern")"
        case .refIsNull: return "ref.is_null"
        case .refFunc(let index): return "ref.func \(index)"
        case .drop: return "drop"
        case .select: return "select"
        case .typedSelect(let types): return "select (result " + types.map(\.description).joined(separator: " ") + ")"
        case .localGet(let index): return "local.get \(index)"
        case .localSet(let index): return "local.set \(index)"
        case .localTee(let index): return "local.tee \(index)"
        case .globalGet(let index): return "global.get \(index)"
        case .globalSet(let index): return "global.set \(index)"
        default: return memoryOrNumericTextForm
        }
    }

    private var memoryOrNumericTextForm: String {
        switch self {
        case .tableGet(let table): return "table.get \(table)"
        case .tableSet(let table): return "table.set \(table)"
        case .tableInit(let element, let table): return "table.init \(table) \(element)"
        case .elemDrop(let element): return "elem.drop \(element)"
        case .tableCopy(let destination, let source): return "table.copy \(destination) \(source)"
        case .tableGrow(let table): return "table.grow \(table)"
        case .tableSize(let table): return "table.size \(table)"
        case .tableFill(let table): return "table.fill \(table)"
        case .load(let op, let argument): return op.textName + argument.textSuffix
        case .store(let op, let argument): return op.textName + argument.textSuffix
        case .memorySize: return "memory.size"
        case .memoryGrow: return "memory.grow"
        case .memoryInit(let data, _): return "memory.init \(data)"
        case .dataDrop(let data): return "data.drop \(data)"
        case .memoryCopy: return "memory.copy"
        case .memoryFill: return "memory.fill"
        case .i32Const(let value): return "i32.const \(value)"
        case .i64Const(let value): return "i64.const \(value)"
        case .f32Const(let bits): return "f32.const \(Float(bitPattern: bits))"
        case .f64Const(let bits): return "f64.const \(Double(bitPattern: bits))"
        case .numeric(let op): return op.description
        default: return simdTextForm
        }
    }

    private var simdTextForm: String {
        switch self {
        case .v128Const(let value): return "v128.const i32x4 " + value.i32x4Text
        case .simdMemory(let op, let argument): return op.description + argument.textSuffix
        case .simdLaneMemory(let op, let argument, let lane): return op.description + argument.textSuffix + " \(lane)"
        case .i8x16Shuffle(let lanes): return "i8x16.shuffle " + lanes.bytes.map(String.init).joined(separator: " ")
        case .simdLane(let op, let lane): return "\(op) \(lane)"
        case .simd(let op): return op.description
        default: return "?"
        }
    }
}

extension V128 {
    /// Four 32-bit lanes in hex, lane 0 first, as `wasm-tools print` writes a `v128.const`.
    fileprivate var i32x4Text: String {
        [low, low >> 32, high, high >> 32].map { word in
            let digits = String(UInt32(truncatingIfNeeded: word), radix: 16)
            return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
        }.joined(separator: " ")
    }
}

extension BlockType {
    fileprivate var textSuffix: String {
        switch self {
        case .empty: return ""
        case .value(let type): return " (result \(type))"
        case .typeIndex(let index): return " (type \(index))"
        }
    }
}

extension MemoryArgument {
    fileprivate var textSuffix: String {
        offset == 0 ? "" : " offset=\(offset)"
    }
}

extension LoadOperator {
    var textName: String {
        switch self {
        case .i32Load: return "i32.load"
        case .i64Load: return "i64.load"
        case .f32Load: return "f32.load"
        case .f64Load: return "f64.load"
        case .i32Load8S: return "i32.load8_s"
        case .i32Load8U: return "i32.load8_u"
        case .i32Load16S: return "i32.load16_s"
        case .i32Load16U: return "i32.load16_u"
        case .i64Load8S: return "i64.load8_s"
        case .i64Load8U: return "i64.load8_u"
        case .i64Load16S: return "i64.load16_s"
        case .i64Load16U: return "i64.load16_u"
        case .i64Load32S: return "i64.load32_s"
        case .i64Load32U: return "i64.load32_u"
        }
    }
}

extension StoreOperator {
    var textName: String {
        switch self {
        case .i32Store: return "i32.store"
        case .i64Store: return "i64.store"
        case .f32Store: return "f32.store"
        case .f64Store: return "f64.store"
        case .i32Store8: return "i32.store8"
        case .i32Store16: return "i32.store16"
        case .i64Store8: return "i64.store8"
        case .i64Store16: return "i64.store16"
        case .i64Store32: return "i64.store32"
        }
    }
}
