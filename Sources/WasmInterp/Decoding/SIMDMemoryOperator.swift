/// SIMD loads and stores (`0xFD` prefix), by opcode. All take a `memarg`; the lane forms
/// (`v128.load8_lane` ... `v128.store64_lane`) also take a lane index byte.
public enum SIMDMemoryOperator: UInt32, Sendable, CaseIterable, CustomStringConvertible {
    case v128Load = 0x00
    case v128Load8x8S = 0x01
    case v128Load8x8U = 0x02
    case v128Load16x4S = 0x03
    case v128Load16x4U = 0x04
    case v128Load32x2S = 0x05
    case v128Load32x2U = 0x06
    case v128Load8Splat = 0x07
    case v128Load16Splat = 0x08
    case v128Load32Splat = 0x09
    case v128Load64Splat = 0x0a
    case v128Store = 0x0b
    case v128Load8Lane = 0x54
    case v128Load16Lane = 0x55
    case v128Load32Lane = 0x56
    case v128Load64Lane = 0x57
    case v128Store8Lane = 0x58
    case v128Store16Lane = 0x59
    case v128Store32Lane = 0x5a
    case v128Store64Lane = 0x5b
    case v128Load32Zero = 0x5c
    case v128Load64Zero = 0x5d

    /// Bytes read or written; the alignment may not exceed it.
    public var width: Int {
        switch self {
        case .v128Load, .v128Store: return 16
        case .v128Load8x8S, .v128Load8x8U, .v128Load16x4S, .v128Load16x4U, .v128Load32x2S, .v128Load32x2U: return 8
        case .v128Load8Splat, .v128Load8Lane, .v128Store8Lane: return 1
        case .v128Load16Splat, .v128Load16Lane, .v128Store16Lane: return 2
        case .v128Load32Splat, .v128Load32Lane, .v128Store32Lane, .v128Load32Zero: return 4
        case .v128Load64Splat, .v128Load64Lane, .v128Store64Lane, .v128Load64Zero: return 8
        }
    }

    public var isStore: Bool {
        switch self {
        case .v128Store, .v128Store8Lane, .v128Store16Lane, .v128Store32Lane, .v128Store64Lane: return true
        default: return false
        }
    }

    /// For the lane forms, how many lanes of `width` bytes a v128 has (the lane index must
    /// be below it); nil for the others.
    public var laneCount: Int? {
        switch self {
        case .v128Load8Lane, .v128Load16Lane, .v128Load32Lane, .v128Load64Lane,
             .v128Store8Lane, .v128Store16Lane, .v128Store32Lane, .v128Store64Lane:
            return 16 / width
        default:
            return nil
        }
    }

    public var description: String {
        switch self {
        case .v128Load: return "v128.load"
        case .v128Load8x8S: return "v128.load8x8_s"
        case .v128Load8x8U: return "v128.load8x8_u"
        case .v128Load16x4S: return "v128.load16x4_s"
        case .v128Load16x4U: return "v128.load16x4_u"
        case .v128Load32x2S: return "v128.load32x2_s"
        case .v128Load32x2U: return "v128.load32x2_u"
        case .v128Load8Splat: return "v128.load8_splat"
        case .v128Load16Splat: return "v128.load16_splat"
        case .v128Load32Splat: return "v128.load32_splat"
        case .v128Load64Splat: return "v128.load64_splat"
        case .v128Store: return "v128.store"
        case .v128Load8Lane: return "v128.load8_lane"
        case .v128Load16Lane: return "v128.load16_lane"
        case .v128Load32Lane: return "v128.load32_lane"
        case .v128Load64Lane: return "v128.load64_lane"
        case .v128Store8Lane: return "v128.store8_lane"
        case .v128Store16Lane: return "v128.store16_lane"
        case .v128Store32Lane: return "v128.store32_lane"
        case .v128Store64Lane: return "v128.store64_lane"
        case .v128Load32Zero: return "v128.load32_zero"
        case .v128Load64Zero: return "v128.load64_zero"
        }
    }
}
