/// Fixed-width SIMD instructions without immediates (`0xFD` prefix), by their opcode, the
/// unsigned LEB128 number that follows the prefix.
///
/// The `0xFD` instructions with immediates have their own types: `SIMDMemoryOperator`
/// (loads and stores, with a `memarg` and maybe a lane), `SIMDLaneOperator` (extract and
/// replace lane); `v128.const` and `i8x16.shuffle` are `Instruction` cases. The opcodes
/// were checked against `wasm-tools print` of a body holding each one.
public enum SIMDOperator: UInt32, Sendable, CaseIterable, CustomStringConvertible {
    case i8x16Swizzle = 0x0e
    case i8x16Splat = 0x0f
    case i16x8Splat = 0x10
    case i32x4Splat = 0x11
    case i64x2Splat = 0x12
    case f32x4Splat = 0x13
    case f64x2Splat = 0x14
    case i8x16Eq = 0x23
    case i8x16Ne = 0x24
    case i8x16LtS = 0x25
    case i8x16LtU = 0x26
    case i8x16GtS = 0x27
    case i8x16GtU = 0x28
    case i8x16LeS = 0x29
    case i8x16LeU = 0x2a
    case i8x16GeS = 0x2b
    case i8x16GeU = 0x2c
    case i16x8Eq = 0x2d
    case i16x8Ne = 0x2e
    case i16x8LtS = 0x2f
    case i16x8LtU = 0x30
    case i16x8GtS = 0x31
    case i16x8GtU = 0x32
    case i16x8LeS = 0x33
    case i16x8LeU = 0x34
    case i16x8GeS = 0x35
    case i16x8GeU = 0x36
    case i32x4Eq = 0x37
    case i32x4Ne = 0x38
    case i32x4LtS = 0x39
    case i32x4LtU = 0x3a
    case i32x4GtS = 0x3b
    case i32x4GtU = 0x3c
    case i32x4LeS = 0x3d
    case i32x4LeU = 0x3e
    case i32x4GeS = 0x3f
    case i32x4GeU = 0x40
    case f32x4Eq = 0x41
    case f32x4Ne = 0x42
    case f32x4Lt = 0x43
    case f32x4Gt = 0x44
    case f32x4Le = 0x45
    case f32x4Ge = 0x46
    case f64x2Eq = 0x47
    case f64x2Ne = 0x48
    case f64x2Lt = 0x49
    case f64x2Gt = 0x4a
    case f64x2Le = 0x4b
    case f64x2Ge = 0x4c
    case v128Not = 0x4d
    case v128And = 0x4e
    case v128Andnot = 0x4f
    case v128Or = 0x50
    case v128Xor = 0x51
    case v128Bitselect = 0x52
    case v128AnyTrue = 0x53
    case f32x4DemoteF64x2Zero = 0x5e
    case f64x2PromoteLowF32x4 = 0x5f
    case i8x16Abs = 0x60
    case i8x16Neg = 0x61
    case i8x16Popcnt = 0x62
    case i8x16AllTrue = 0x63
    case i8x16Bitmask = 0x64
    case i8x16NarrowI16x8S = 0x65
    case i8x16NarrowI16x8U = 0x66
    case f32x4Ceil = 0x67
    case f32x4Floor = 0x68
    case f32x4Trunc = 0x69
    case f32x4Nearest = 0x6a
    case i8x16Shl = 0x6b
    case i8x16ShrS = 0x6c
    case i8x16ShrU = 0x6d
    case i8x16Add = 0x6e
    case i8x16AddSatS = 0x6f
    case i8x16AddSatU = 0x70
    case i8x16Sub = 0x71
    case i8x16SubSatS = 0x72
    case i8x16SubSatU = 0x73
    case f64x2Ceil = 0x74
    case f64x2Floor = 0x75
    case i8x16MinS = 0x76
    case i8x16MinU = 0x77
    case i8x16MaxS = 0x78
    case i8x16MaxU = 0x79
    case f64x2Trunc = 0x7a
    case i8x16AvgrU = 0x7b
    case i16x8ExtaddPairwiseI8x16S = 0x7c
    case i16x8ExtaddPairwiseI8x16U = 0x7d
    case i32x4ExtaddPairwiseI16x8S = 0x7e
    case i32x4ExtaddPairwiseI16x8U = 0x7f
    case i16x8Abs = 0x80
    case i16x8Neg = 0x81
    case i16x8Q15mulrSatS = 0x82
    case i16x8AllTrue = 0x83
    case i16x8Bitmask = 0x84
    case i16x8NarrowI32x4S = 0x85
    case i16x8NarrowI32x4U = 0x86
    case i16x8ExtendLowI8x16S = 0x87
    case i16x8ExtendHighI8x16S = 0x88
    case i16x8ExtendLowI8x16U = 0x89
    case i16x8ExtendHighI8x16U = 0x8a
    case i16x8Shl = 0x8b
    case i16x8ShrS = 0x8c
    case i16x8ShrU = 0x8d
    case i16x8Add = 0x8e
    case i16x8AddSatS = 0x8f
    case i16x8AddSatU = 0x90
    case i16x8Sub = 0x91
    case i16x8SubSatS = 0x92
    case i16x8SubSatU = 0x93
    case f64x2Nearest = 0x94
    case i16x8Mul = 0x95
    case i16x8MinS = 0x96
    case i16x8MinU = 0x97
    case i16x8MaxS = 0x98
    case i16x8MaxU = 0x99
    case i16x8AvgrU = 0x9b
    case i16x8ExtmulLowI8x16S = 0x9c
    case i16x8ExtmulHighI8x16S = 0x9d
    case i16x8ExtmulLowI8x16U = 0x9e
    case i16x8ExtmulHighI8x16U = 0x9f
    case i32x4Abs = 0xa0
    case i32x4Neg = 0xa1
    case i32x4AllTrue = 0xa3
    case i32x4Bitmask = 0xa4
    case i32x4ExtendLowI16x8S = 0xa7
    case i32x4ExtendHighI16x8S = 0xa8
    case i32x4ExtendLowI16x8U = 0xa9
    case i32x4ExtendHighI16x8U = 0xaa
    case i32x4Shl = 0xab
    case i32x4ShrS = 0xac
    case i32x4ShrU = 0xad
    case i32x4Add = 0xae
    case i32x4Sub = 0xb1
    case i32x4Mul = 0xb5
    case i32x4MinS = 0xb6
    case i32x4MinU = 0xb7
    case i32x4MaxS = 0xb8
    case i32x4MaxU = 0xb9
    case i32x4DotI16x8S = 0xba
    case i32x4ExtmulLowI16x8S = 0xbc
    case i32x4ExtmulHighI16x8S = 0xbd
    case i32x4ExtmulLowI16x8U = 0xbe
    case i32x4ExtmulHighI16x8U = 0xbf
    case i64x2Abs = 0xc0
    case i64x2Neg = 0xc1
    case i64x2AllTrue = 0xc3
    case i64x2Bitmask = 0xc4
    case i64x2ExtendLowI32x4S = 0xc7
    case i64x2ExtendHighI32x4S = 0xc8
    case i64x2ExtendLowI32x4U = 0xc9
    case i64x2ExtendHighI32x4U = 0xca
    case i64x2Shl = 0xcb
    case i64x2ShrS = 0xcc
    case i64x2ShrU = 0xcd
    case i64x2Add = 0xce
    case i64x2Sub = 0xd1
    case i64x2Mul = 0xd5
    case i64x2Eq = 0xd6
    case i64x2Ne = 0xd7
    case i64x2LtS = 0xd8
    case i64x2GtS = 0xd9
    case i64x2LeS = 0xda
    case i64x2GeS = 0xdb
    case i64x2ExtmulLowI32x4S = 0xdc
    case i64x2ExtmulHighI32x4S = 0xdd
    case i64x2ExtmulLowI32x4U = 0xde
    case i64x2ExtmulHighI32x4U = 0xdf
    case f32x4Abs = 0xe0
    case f32x4Neg = 0xe1
    case f32x4Sqrt = 0xe3
    case f32x4Add = 0xe4
    case f32x4Sub = 0xe5
    case f32x4Mul = 0xe6
    case f32x4Div = 0xe7
    case f32x4Min = 0xe8
    case f32x4Max = 0xe9
    case f32x4Pmin = 0xea
    case f32x4Pmax = 0xeb
    case f64x2Abs = 0xec
    case f64x2Neg = 0xed
    case f64x2Sqrt = 0xef
    case f64x2Add = 0xf0
    case f64x2Sub = 0xf1
    case f64x2Mul = 0xf2
    case f64x2Div = 0xf3
    case f64x2Min = 0xf4
    case f64x2Max = 0xf5
    case f64x2Pmin = 0xf6
    case f64x2Pmax = 0xf7
    case i32x4TruncSatF32x4S = 0xf8
    case i32x4TruncSatF32x4U = 0xf9
    case f32x4ConvertI32x4S = 0xfa
    case f32x4ConvertI32x4U = 0xfb
    case i32x4TruncSatF64x2SZero = 0xfc
    case i32x4TruncSatF64x2UZero = 0xfd
    case f64x2ConvertLowI32x4S = 0xfe
    case f64x2ConvertLowI32x4U = 0xff

    /// The operand and result types.
    public var shape: SIMDOperatorShape {
        switch self {
        case .v128Not, .f32x4DemoteF64x2Zero, .f64x2PromoteLowF32x4, .i8x16Abs, .i8x16Neg, .i8x16Popcnt,
             .f32x4Ceil, .f32x4Floor, .f32x4Trunc, .f32x4Nearest, .f64x2Ceil, .f64x2Floor, .f64x2Trunc,
             .i16x8ExtaddPairwiseI8x16S, .i16x8ExtaddPairwiseI8x16U, .i32x4ExtaddPairwiseI16x8S,
             .i32x4ExtaddPairwiseI16x8U, .i16x8Abs, .i16x8Neg, .i16x8ExtendLowI8x16S, .i16x8ExtendHighI8x16S,
             .i16x8ExtendLowI8x16U, .i16x8ExtendHighI8x16U, .f64x2Nearest, .i32x4Abs, .i32x4Neg,
             .i32x4ExtendLowI16x8S, .i32x4ExtendHighI16x8S, .i32x4ExtendLowI16x8U, .i32x4ExtendHighI16x8U,
             .i64x2Abs, .i64x2Neg, .i64x2ExtendLowI32x4S, .i64x2ExtendHighI32x4S, .i64x2ExtendLowI32x4U,
             .i64x2ExtendHighI32x4U, .f32x4Abs, .f32x4Neg, .f32x4Sqrt, .f64x2Abs, .f64x2Neg, .f64x2Sqrt,
             .i32x4TruncSatF32x4S, .i32x4TruncSatF32x4U, .f32x4ConvertI32x4S, .f32x4ConvertI32x4U,
             .i32x4TruncSatF64x2SZero, .i32x4TruncSatF64x2UZero, .f64x2ConvertLowI32x4S, .f64x2ConvertLowI32x4U:
            return .unary
        case .i8x16Swizzle, .i8x16Eq, .i8x16Ne, .i8x16LtS, .i8x16LtU, .i8x16GtS, .i8x16GtU, .i8x16LeS, .i8x16LeU,
             .i8x16GeS, .i8x16GeU, .i16x8Eq, .i16x8Ne, .i16x8LtS, .i16x8LtU, .i16x8GtS, .i16x8GtU, .i16x8LeS,
             .i16x8LeU, .i16x8GeS, .i16x8GeU, .i32x4Eq, .i32x4Ne, .i32x4LtS, .i32x4LtU, .i32x4GtS, .i32x4GtU,
             .i32x4LeS, .i32x4LeU, .i32x4GeS, .i32x4GeU, .f32x4Eq, .f32x4Ne, .f32x4Lt, .f32x4Gt, .f32x4Le,
             .f32x4Ge, .f64x2Eq, .f64x2Ne, .f64x2Lt, .f64x2Gt, .f64x2Le, .f64x2Ge, .v128And, .v128Andnot, .v128Or,
             .v128Xor, .i8x16NarrowI16x8S, .i8x16NarrowI16x8U, .i8x16Add, .i8x16AddSatS, .i8x16AddSatU, .i8x16Sub,
             .i8x16SubSatS, .i8x16SubSatU, .i8x16MinS, .i8x16MinU, .i8x16MaxS, .i8x16MaxU, .i8x16AvgrU,
             .i16x8Q15mulrSatS, .i16x8NarrowI32x4S, .i16x8NarrowI32x4U, .i16x8Add, .i16x8AddSatS, .i16x8AddSatU,
             .i16x8Sub, .i16x8SubSatS, .i16x8SubSatU, .i16x8Mul, .i16x8MinS, .i16x8MinU, .i16x8MaxS, .i16x8MaxU,
             .i16x8AvgrU, .i16x8ExtmulLowI8x16S, .i16x8ExtmulHighI8x16S, .i16x8ExtmulLowI8x16U,
             .i16x8ExtmulHighI8x16U, .i32x4Add, .i32x4Sub, .i32x4Mul, .i32x4MinS, .i32x4MinU, .i32x4MaxS,
             .i32x4MaxU, .i32x4DotI16x8S, .i32x4ExtmulLowI16x8S, .i32x4ExtmulHighI16x8S, .i32x4ExtmulLowI16x8U,
             .i32x4ExtmulHighI16x8U, .i64x2Add, .i64x2Sub, .i64x2Mul, .i64x2Eq, .i64x2Ne, .i64x2LtS, .i64x2GtS,
             .i64x2LeS, .i64x2GeS, .i64x2ExtmulLowI32x4S, .i64x2ExtmulHighI32x4S, .i64x2ExtmulLowI32x4U,
             .i64x2ExtmulHighI32x4U, .f32x4Add, .f32x4Sub, .f32x4Mul, .f32x4Div, .f32x4Min, .f32x4Max, .f32x4Pmin,
             .f32x4Pmax, .f64x2Add, .f64x2Sub, .f64x2Mul, .f64x2Div, .f64x2Min, .f64x2Max, .f64x2Pmin, .f64x2Pmax:
            return .binary
        case .v128Bitselect:
            return .ternary
        case .v128AnyTrue, .i8x16AllTrue, .i8x16Bitmask, .i16x8AllTrue, .i16x8Bitmask, .i32x4AllTrue,
             .i32x4Bitmask, .i64x2AllTrue, .i64x2Bitmask:
            return .test
        case .i8x16Shl, .i8x16ShrS, .i8x16ShrU, .i16x8Shl, .i16x8ShrS, .i16x8ShrU, .i32x4Shl, .i32x4ShrS,
             .i32x4ShrU, .i64x2Shl, .i64x2ShrS, .i64x2ShrU:
            return .shift
        case .i8x16Splat, .i16x8Splat, .i32x4Splat: return .splat(.i32)
        case .i64x2Splat: return .splat(.i64)
        case .f32x4Splat: return .splat(.f32)
        case .f64x2Splat: return .splat(.f64)
        }
    }

    /// The instruction's name in the text format, e.g. `i8x16.add_sat_s`.
    public var description: String { Self.textNames[self] ?? "?" }

    private static let textNames: [SIMDOperator: String] = [
        .i8x16Swizzle: "i8x16.swizzle",
        .i8x16Splat: "i8x16.splat",
        .i16x8Splat: "i16x8.splat",
        .i32x4Splat: "i32x4.splat",
        .i64x2Splat: "i64x2.splat",
        .f32x4Splat: "f32x4.splat",
        .f64x2Splat: "f64x2.splat",
        .i8x16Eq: "i8x16.eq",
        .i8x16Ne: "i8x16.ne",
        .i8x16LtS: "i8x16.lt_s",
        .i8x16LtU: "i8x16.lt_u",
        .i8x16GtS: "i8x16.gt_s",
        .i8x16GtU: "i8x16.gt_u",
        .i8x16LeS: "i8x16.le_s",
        .i8x16LeU: "i8x16.le_u",
        .i8x16GeS: "i8x16.ge_s",
        .i8x16GeU: "i8x16.ge_u",
        .i16x8Eq: "i16x8.eq",
        .i16x8Ne: "i16x8.ne",
        .i16x8LtS: "i16x8.lt_s",
        .i16x8LtU: "i16x8.lt_u",
        .i16x8GtS: "i16x8.gt_s",
        .i16x8GtU: "i16x8.gt_u",
        .i16x8LeS: "i16x8.le_s",
        .i16x8LeU: "i16x8.le_u",
        .i16x8GeS: "i16x8.ge_s",
        .i16x8GeU: "i16x8.ge_u",
        .i32x4Eq: "i32x4.eq",
        .i32x4Ne: "i32x4.ne",
        .i32x4LtS: "i32x4.lt_s",
        .i32x4LtU: "i32x4.lt_u",
        .i32x4GtS: "i32x4.gt_s",
        .i32x4GtU: "i32x4.gt_u",
        .i32x4LeS: "i32x4.le_s",
        .i32x4LeU: "i32x4.le_u",
        .i32x4GeS: "i32x4.ge_s",
        .i32x4GeU: "i32x4.ge_u",
        .f32x4Eq: "f32x4.eq",
        .f32x4Ne: "f32x4.ne",
        .f32x4Lt: "f32x4.lt",
        .f32x4Gt: "f32x4.gt",
        .f32x4Le: "f32x4.le",
        .f32x4Ge: "f32x4.ge",
        .f64x2Eq: "f64x2.eq",
        .f64x2Ne: "f64x2.ne",
        .f64x2Lt: "f64x2.lt",
        .f64x2Gt: "f64x2.gt",
        .f64x2Le: "f64x2.le",
        .f64x2Ge: "f64x2.ge",
        .v128Not: "v128.not",
        .v128And: "v128.and",
        .v128Andnot: "v128.andnot",
        .v128Or: "v128.or",
        .v128Xor: "v128.xor",
        .v128Bitselect: "v128.bitselect",
        .v128AnyTrue: "v128.any_true",
        .f32x4DemoteF64x2Zero: "f32x4.demote_f64x2_zero",
        .f64x2PromoteLowF32x4: "f64x2.promote_low_f32x4",
        .i8x16Abs: "i8x16.abs",
        .i8x16Neg: "i8x16.neg",
        .i8x16Popcnt: "i8x16.popcnt",
        .i8x16AllTrue: "i8x16.all_true",
        .i8x16Bitmask: "i8x16.bitmask",
        .i8x16NarrowI16x8S: "i8x16.narrow_i16x8_s",
        .i8x16NarrowI16x8U: "i8x16.narrow_i16x8_u",
        .f32x4Ceil: "f32x4.ceil",
        .f32x4Floor: "f32x4.floor",
        .f32x4Trunc: "f32x4.trunc",
        .f32x4Nearest: "f32x4.nearest",
        .i8x16Shl: "i8x16.shl",
        .i8x16ShrS: "i8x16.shr_s",
        .i8x16ShrU: "i8x16.shr_u",
        .i8x16Add: "i8x16.add",
        .i8x16AddSatS: "i8x16.add_sat_s",
        .i8x16AddSatU: "i8x16.add_sat_u",
        .i8x16Sub: "i8x16.sub",
        .i8x16SubSatS: "i8x16.sub_sat_s",
        .i8x16SubSatU: "i8x16.sub_sat_u",
        .f64x2Ceil: "f64x2.ceil",
        .f64x2Floor: "f64x2.floor",
        .i8x16MinS: "i8x16.min_s",
        .i8x16MinU: "i8x16.min_u",
        .i8x16MaxS: "i8x16.max_s",
        .i8x16MaxU: "i8x16.max_u",
        .f64x2Trunc: "f64x2.trunc",
        .i8x16AvgrU: "i8x16.avgr_u",
        .i16x8ExtaddPairwiseI8x16S: "i16x8.extadd_pairwise_i8x16_s",
        .i16x8ExtaddPairwiseI8x16U: "i16x8.extadd_pairwise_i8x16_u",
        .i32x4ExtaddPairwiseI16x8S: "i32x4.extadd_pairwise_i16x8_s",
        .i32x4ExtaddPairwiseI16x8U: "i32x4.extadd_pairwise_i16x8_u",
        .i16x8Abs: "i16x8.abs",
        .i16x8Neg: "i16x8.neg",
        .i16x8Q15mulrSatS: "i16x8.q15mulr_sat_s",
        .i16x8AllTrue: "i16x8.all_true",
        .i16x8Bitmask: "i16x8.bitmask",
        .i16x8NarrowI32x4S: "i16x8.narrow_i32x4_s",
        .i16x8NarrowI32x4U: "i16x8.narrow_i32x4_u",
        .i16x8ExtendLowI8x16S: "i16x8.extend_low_i8x16_s",
        .i16x8ExtendHighI8x16S: "i16x8.extend_high_i8x16_s",
        .i16x8ExtendLowI8x16U: "i16x8.extend_low_i8x16_u",
        .i16x8ExtendHighI8x16U: "i16x8.extend_high_i8x16_u",
        .i16x8Shl: "i16x8.shl",
        .i16x8ShrS: "i16x8.shr_s",
        .i16x8ShrU: "i16x8.shr_u",
        .i16x8Add: "i16x8.add",
        .i16x8AddSatS: "i16x8.add_sat_s",
        .i16x8AddSatU: "i16x8.add_sat_u",
        .i16x8Sub: "i16x8.sub",
        .i16x8SubSatS: "i16x8.sub_sat_s",
        .i16x8SubSatU: "i16x8.sub_sat_u",
        .f64x2Nearest: "f64x2.nearest",
        .i16x8Mul: "i16x8.mul",
        .i16x8MinS: "i16x8.min_s",
        .i16x8MinU: "i16x8.min_u",
        .i16x8MaxS: "i16x8.max_s",
        .i16x8MaxU: "i16x8.max_u",
        .i16x8AvgrU: "i16x8.avgr_u",
        .i16x8ExtmulLowI8x16S: "i16x8.extmul_low_i8x16_s",
        .i16x8ExtmulHighI8x16S: "i16x8.extmul_high_i8x16_s",
        .i16x8ExtmulLowI8x16U: "i16x8.extmul_low_i8x16_u",
        .i16x8ExtmulHighI8x16U: "i16x8.extmul_high_i8x16_u",
        .i32x4Abs: "i32x4.abs",
        .i32x4Neg: "i32x4.neg",
        .i32x4AllTrue: "i32x4.all_true",
        .i32x4Bitmask: "i32x4.bitmask",
        .i32x4ExtendLowI16x8S: "i32x4.extend_low_i16x8_s",
        .i32x4ExtendHighI16x8S: "i32x4.extend_high_i16x8_s",
        .i32x4ExtendLowI16x8U: "i32x4.extend_low_i16x8_u",
        .i32x4ExtendHighI16x8U: "i32x4.extend_high_i16x8_u",
        .i32x4Shl: "i32x4.shl",
        .i32x4ShrS: "i32x4.shr_s",
        .i32x4ShrU: "i32x4.shr_u",
        .i32x4Add: "i32x4.add",
        .i32x4Sub: "i32x4.sub",
        .i32x4Mul: "i32x4.mul",
        .i32x4MinS: "i32x4.min_s",
        .i32x4MinU: "i32x4.min_u",
        .i32x4MaxS: "i32x4.max_s",
        .i32x4MaxU: "i32x4.max_u",
        .i32x4DotI16x8S: "i32x4.dot_i16x8_s",
        .i32x4ExtmulLowI16x8S: "i32x4.extmul_low_i16x8_s",
        .i32x4ExtmulHighI16x8S: "i32x4.extmul_high_i16x8_s",
        .i32x4ExtmulLowI16x8U: "i32x4.extmul_low_i16x8_u",
        .i32x4ExtmulHighI16x8U: "i32x4.extmul_high_i16x8_u",
        .i64x2Abs: "i64x2.abs",
        .i64x2Neg: "i64x2.neg",
        .i64x2AllTrue: "i64x2.all_true",
        .i64x2Bitmask: "i64x2.bitmask",
        .i64x2ExtendLowI32x4S: "i64x2.extend_low_i32x4_s",
        .i64x2ExtendHighI32x4S: "i64x2.extend_high_i32x4_s",
        .i64x2ExtendLowI32x4U: "i64x2.extend_low_i32x4_u",
        .i64x2ExtendHighI32x4U: "i64x2.extend_high_i32x4_u",
        .i64x2Shl: "i64x2.shl",
        .i64x2ShrS: "i64x2.shr_s",
        .i64x2ShrU: "i64x2.shr_u",
        .i64x2Add: "i64x2.add",
        .i64x2Sub: "i64x2.sub",
        .i64x2Mul: "i64x2.mul",
        .i64x2Eq: "i64x2.eq",
        .i64x2Ne: "i64x2.ne",
        .i64x2LtS: "i64x2.lt_s",
        .i64x2GtS: "i64x2.gt_s",
        .i64x2LeS: "i64x2.le_s",
        .i64x2GeS: "i64x2.ge_s",
        .i64x2ExtmulLowI32x4S: "i64x2.extmul_low_i32x4_s",
        .i64x2ExtmulHighI32x4S: "i64x2.extmul_high_i32x4_s",
        .i64x2ExtmulLowI32x4U: "i64x2.extmul_low_i32x4_u",
        .i64x2ExtmulHighI32x4U: "i64x2.extmul_high_i32x4_u",
        .f32x4Abs: "f32x4.abs",
        .f32x4Neg: "f32x4.neg",
        .f32x4Sqrt: "f32x4.sqrt",
        .f32x4Add: "f32x4.add",
        .f32x4Sub: "f32x4.sub",
        .f32x4Mul: "f32x4.mul",
        .f32x4Div: "f32x4.div",
        .f32x4Min: "f32x4.min",
        .f32x4Max: "f32x4.max",
        .f32x4Pmin: "f32x4.pmin",
        .f32x4Pmax: "f32x4.pmax",
        .f64x2Abs: "f64x2.abs",
        .f64x2Neg: "f64x2.neg",
        .f64x2Sqrt: "f64x2.sqrt",
        .f64x2Add: "f64x2.add",
        .f64x2Sub: "f64x2.sub",
        .f64x2Mul: "f64x2.mul",
        .f64x2Div: "f64x2.div",
        .f64x2Min: "f64x2.min",
        .f64x2Max: "f64x2.max",
        .f64x2Pmin: "f64x2.pmin",
        .f64x2Pmax: "f64x2.pmax",
        .i32x4TruncSatF32x4S: "i32x4.trunc_sat_f32x4_s",
        .i32x4TruncSatF32x4U: "i32x4.trunc_sat_f32x4_u",
        .f32x4ConvertI32x4S: "f32x4.convert_i32x4_s",
        .f32x4ConvertI32x4U: "f32x4.convert_i32x4_u",
        .i32x4TruncSatF64x2SZero: "i32x4.trunc_sat_f64x2_s_zero",
        .i32x4TruncSatF64x2UZero: "i32x4.trunc_sat_f64x2_u_zero",
        .f64x2ConvertLowI32x4S: "f64x2.convert_low_i32x4_s",
        .f64x2ConvertLowI32x4U: "f64x2.convert_low_i32x4_u",
    ]
}

/// The typing of a `SIMDOperator`.
public enum SIMDOperatorShape: Sendable, Equatable {
    /// `v128 -> v128`
    case unary
    /// `v128 v128 -> v128`
    case binary
    /// `v128 v128 v128 -> v128` (`v128.bitselect`)
    case ternary
    /// `v128 -> i32` (`any_true`, `all_true`, `bitmask`)
    case test
    /// `v128 i32 -> v128`; the shift count is taken modulo the lane width.
    case shift
    /// `t -> v128`, copying a scalar of type `t` into every lane.
    case splat(ValueType)

    /// The operand types, first pushed first.
    public var operandTypes: [ValueType] {
        switch self {
        case .unary, .test: return [.v128]
        case .binary: return [.v128, .v128]
        case .ternary: return [.v128, .v128, .v128]
        case .shift: return [.v128, .i32]
        case .splat(let scalar): return [scalar]
        }
    }

    public var resultType: ValueType {
        self == .test ? .i32 : .v128
    }
}
