/// `extract_lane` and `replace_lane` (`0xFD` prefix), by opcode. Each takes a lane index
/// byte, which must be below `laneCount`.
public enum SIMDLaneOperator: UInt32, Sendable, CaseIterable, CustomStringConvertible {
    case i8x16ExtractLaneS = 0x15
    case i8x16ExtractLaneU = 0x16
    case i8x16ReplaceLane = 0x17
    case i16x8ExtractLaneS = 0x18
    case i16x8ExtractLaneU = 0x19
    case i16x8ReplaceLane = 0x1a
    case i32x4ExtractLane = 0x1b
    case i32x4ReplaceLane = 0x1c
    case i64x2ExtractLane = 0x1d
    case i64x2ReplaceLane = 0x1e
    case f32x4ExtractLane = 0x1f
    case f32x4ReplaceLane = 0x20
    case f64x2ExtractLane = 0x21
    case f64x2ReplaceLane = 0x22

    /// Lanes in a v128 for this instruction's shape.
    public var laneCount: Int {
        switch self {
        case .i8x16ExtractLaneS, .i8x16ExtractLaneU, .i8x16ReplaceLane: return 16
        case .i16x8ExtractLaneS, .i16x8ExtractLaneU, .i16x8ReplaceLane: return 8
        case .i32x4ExtractLane, .i32x4ReplaceLane, .f32x4ExtractLane, .f32x4ReplaceLane: return 4
        case .i64x2ExtractLane, .i64x2ReplaceLane, .f64x2ExtractLane, .f64x2ReplaceLane: return 2
        }
    }

    /// The scalar that is extracted or put in: i32 for the narrow integer lanes.
    public var scalarType: ValueType {
        switch self {
        case .i8x16ExtractLaneS, .i8x16ExtractLaneU, .i8x16ReplaceLane,
             .i16x8ExtractLaneS, .i16x8ExtractLaneU, .i16x8ReplaceLane,
             .i32x4ExtractLane, .i32x4ReplaceLane:
            return .i32
        case .i64x2ExtractLane, .i64x2ReplaceLane: return .i64
        case .f32x4ExtractLane, .f32x4ReplaceLane: return .f32
        case .f64x2ExtractLane, .f64x2ReplaceLane: return .f64
        }
    }

    public var isReplace: Bool {
        switch self {
        case .i8x16ReplaceLane, .i16x8ReplaceLane, .i32x4ReplaceLane, .i64x2ReplaceLane,
             .f32x4ReplaceLane, .f64x2ReplaceLane:
            return true
        default:
            return false
        }
    }

    public var description: String {
        switch self {
        case .i8x16ExtractLaneS: return "i8x16.extract_lane_s"
        case .i8x16ExtractLaneU: return "i8x16.extract_lane_u"
        case .i8x16ReplaceLane: return "i8x16.replace_lane"
        case .i16x8ExtractLaneS: return "i16x8.extract_lane_s"
        case .i16x8ExtractLaneU: return "i16x8.extract_lane_u"
        case .i16x8ReplaceLane: return "i16x8.replace_lane"
        case .i32x4ExtractLane: return "i32x4.extract_lane"
        case .i32x4ReplaceLane: return "i32x4.replace_lane"
        case .i64x2ExtractLane: return "i64x2.extract_lane"
        case .i64x2ReplaceLane: return "i64x2.replace_lane"
        case .f32x4ExtractLane: return "f32x4.extract_lane"
        case .f32x4ReplaceLane: return "f32x4.replace_lane"
        case .f64x2ExtractLane: return "f64x2.extract_lane"
        case .f64x2ReplaceLane: return "f64x2.replace_lane"
        }
    }
}
