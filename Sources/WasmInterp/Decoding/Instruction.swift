/// A WebAssembly instruction as decoded from a function body or constant expression.
///
/// Numeric instructions without immediates share one case, `.numeric`, whose
/// `NumericOperator` knows its signature; so do the SIMD ones (`.simd`, `SIMDOperator`).
/// Everything else has its own case.
public enum Instruction: Sendable, Equatable {
    // Control
    case unreachable
    case nop
    case block(BlockType)
    case loop(BlockType)
    case `if`(BlockType)
    case `else`
    case end
    case br(UInt32)
    case brIf(UInt32)
    case brTable(targets: [UInt32], defaultTarget: UInt32)
    case `return`
    case call(UInt32)
    case callIndirect(typeIndex: UInt32, tableIndex: UInt32)
    // Reference
    case refNull(ReferenceType)
    case refIsNull
    case refFunc(UInt32)
    // Parametric
    case drop
    /// `select` without a type annotation (numeric operands only).
    case select
    /// `select t*` (0x1C); the list has exactly one type in valid code.
    case typedSelect([ValueType])
    // Variable
    case localGet(UInt32)
    case localSet(UInt32)
    case localTee(UInt32)
    case globalGet(UInt32)
    case globalSet(UInt32)
    // Table
    case tableGet(UInt32)
    case tableSet(UInt32)
    case tableInit(elementIndex: UInt32, tableIndex: UInt32)
    case elemDrop(UInt32)
    case tableCopy(destination: UInt32, source: UInt32)
    case tableGrow(UInt32)
    case tableSize(UInt32)
    case tableFill(UInt32)
    // Memory
    case load(LoadOperator, MemoryArgument)
    case store(StoreOperator, MemoryArgument)
    case memorySize(UInt32)
    case memoryGrow(UInt32)
    case memoryInit(dataIndex: UInt32, memoryIndex: UInt32)
    case dataDrop(UInt32)
    case memoryCopy(destination: UInt32, source: UInt32)
    case memoryFill(UInt32)
    // Numeric
    case i32Const(Int32)
    case i64Const(Int64)
    /// An f32 constant by bit pattern.
    case f32Const(UInt32)
    /// An f64 constant by bit pattern.
    case f64Const(UInt64)
    case numeric(NumericOperator)
    // Vector (0xFD prefix)
    case v128Const(V128)
    /// A SIMD load or store without a lane index.
    case simdMemory(SIMDMemoryOperator, MemoryArgument)
    /// `v128.loadN_lane` / `v128.storeN_lane`: a memory access to one lane.
    case simdLaneMemory(SIMDMemoryOperator, MemoryArgument, lane: UInt8)
    /// `i8x16.shuffle`: byte `i` of `lanes` picks result byte `i` from the 32 bytes of
    /// both operands (0...15 the first, 16...31 the second).
    case i8x16Shuffle(lanes: V128)
    case simdLane(SIMDLaneOperator, lane: UInt8)
    case simd(SIMDOperator)
}

/// The type of a `block`, `loop` or `if`.
public enum BlockType: Sendable, Equatable {
    case empty
    case value(ValueType)
    /// An index into the type section (multi-value blocks).
    case typeIndex(UInt32)
}

/// `memarg`: alignment exponent and static offset.
public struct MemoryArgument: Sendable, Equatable {
    // `offset` comes first so the struct is 12 bytes, not 16: that keeps
    // `Instruction.simdLaneMemory` (and with it every `Instruction`) within 24 bytes.
    public var offset: UInt64
    public var alignment: UInt32
    public init(alignment: UInt32, offset: UInt64) {
        self.alignment = alignment
        self.offset = offset
    }
}

/// Loads, by their opcode byte.
public enum LoadOperator: UInt8, Sendable, CaseIterable {
    case i32Load = 0x28, i64Load, f32Load, f64Load
    case i32Load8S, i32Load8U, i32Load16S, i32Load16U
    case i64Load8S, i64Load8U, i64Load16S, i64Load16U, i64Load32S, i64Load32U

    /// Bytes read from memory.
    public var width: Int {
        switch self {
        case .i32Load8S, .i32Load8U, .i64Load8S, .i64Load8U: return 1
        case .i32Load16S, .i32Load16U, .i64Load16S, .i64Load16U: return 2
        case .i32Load, .f32Load, .i64Load32S, .i64Load32U: return 4
        case .i64Load, .f64Load: return 8
        }
    }

    public var resultType: ValueType {
        switch self {
        case .i32Load, .i32Load8S, .i32Load8U, .i32Load16S, .i32Load16U: return .i32
        case .i64Load, .i64Load8S, .i64Load8U, .i64Load16S, .i64Load16U, .i64Load32S, .i64Load32U: return .i64
        case .f32Load: return .f32
        case .f64Load: return .f64
        }
    }
}

/// Stores, by their opcode byte.
public enum StoreOperator: UInt8, Sendable, CaseIterable {
    case i32Store = 0x36, i64Store, f32Store, f64Store
    case i32Store8, i32Store16, i64Store8, i64Store16, i64Store32

    /// Bytes written to memory.
    public var width: Int {
        switch self {
        case .i32Store8, .i64Store8: return 1
        case .i32Store16, .i64Store16: return 2
        case .i32Store, .f32Store, .i64Store32: return 4
        case .i64Store, .f64Store: return 8
        }
    }

    public var valueType: ValueType {
        switch self {
        case .i32Store, .i32Store8, .i32Store16: return .i32
        case .i64Store, .i64Store8, .i64Store16, .i64Store32: return .i64
        case .f32Store: return .f32
        case .f64Store: return .f64
        }
    }
}
