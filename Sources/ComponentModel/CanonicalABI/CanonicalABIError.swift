import WasmInterp

/// Why lifting, lowering or a canonical call failed. Each case is a trap of the canonical
/// ABI (`design/mvp/CanonicalABI.md`) or a misuse of this API by the host; none crashes.
public enum CanonicalABIError: Error, Sendable, CustomStringConvertible {
    /// A pointer is not a multiple of the alignment its type requires.
    case misalignedPointer(address: UInt64, alignment: UInt32)
    /// A range `[address, address + length)` is not inside the memory.
    case outOfBounds(address: UInt64, length: UInt64, memorySize: Int)
    /// String bytes are not valid in the string's encoding.
    case invalidString(encoding: CanonicalStringEncoding)
    /// An `i32` that is not a Unicode scalar value (a surrogate, or above 0x10FFFF).
    case invalidChar(UInt32)
    /// A variant (option, result, enum) discriminant past the last case.
    case invalidDiscriminant(UInt32, caseCount: Int)
    /// A list or string longer than the canonical ABI allows (2^28 - 1 bytes).
    case valueTooLong(byteLength: UInt64)
    /// The component instance is already running (reentrance), or a trap ended it.
    case cannotEnterInstance(reason: String)
    /// Guest code called an import while it may not leave the instance (during
    /// `realloc` or `post-return`).
    case cannotLeaveInstance
    /// A resource handle index that is not in the instance's handle table.
    case unknownHandle(UInt32)
    /// A handle of another resource type than the one expected.
    case handleTypeMismatch(handle: UInt32, expected: ResourceType, actual: ResourceType)
    /// An `own` handle was expected but the handle is a `borrow`.
    case notAnOwnHandle(UInt32)
    /// An owned handle was moved or dropped while it is lent out to a call.
    case handleLent(UInt32)
    /// A call returned while borrowed handles it received were not dropped.
    case borrowsNotDropped(count: Int)
    /// The handle table reached its maximum size.
    case handleTableFull
    /// The value type cannot be lifted or lowered (empty record, more than 32 flags, ...).
    case invalidType(String)
    /// A value given by the host does not have the shape of its declared type.
    case valueDoesNotMatchType(String)
    /// The canonical options lack a `memory` the types need.
    case missingMemory
    /// The canonical options lack a `realloc` the types need.
    case missingRealloc
    /// A core function's type is not what the canonical ABI flattening requires.
    case coreTypeMismatch(expected: FunctionType, actual: FunctionType)
    /// `realloc` returned something other than one `i32`.
    case invalidReallocResult
    /// Core WebAssembly code (the callee, `realloc`, `post-return`, a destructor) trapped.
    case coreTrap(Trap)
    /// The host failed a suspended import call instead of returning a value.
    case hostFailure(String)
    /// The call is not in a state that allows this operation (e.g. resuming a finished call).
    case invalidCallState(String)
    /// A function in a store was called after the component instance state it belongs to
    /// was freed (the store's functions do not keep it alive).
    case instanceReleased

    public var description: String {
        switch self {
        case .misalignedPointer(let address, let alignment):
            return "misaligned pointer: \(address) is not a multiple of \(alignment)"
        case .outOfBounds(let address, let length, let memorySize):
            return "out of bounds: \(length) bytes at \(address) exceed the memory's \(memorySize) bytes"
        case .invalidString(let encoding):
            return "invalid \(encoding) string"
        case .invalidChar(let value):
            return "invalid char: 0x\(String(value, radix: 16)) is not a Unicode scalar value"
        case .invalidDiscriminant(let value, let caseCount):
            return "invalid discriminant \(value) for \(caseCount) cases"
        case .valueTooLong(let byteLength):
            return "list or string of \(byteLength) bytes exceeds the 2^28 - 1 byte limit"
        case .cannotEnterInstance(let reason):
            return "cannot enter component instance: \(reason)"
        case .cannotLeaveInstance:
            return "cannot leave component instance: imports may not be called during realloc or post-return"
        case .unknownHandle(let index):
            return "unknown handle \(index)"
        case .handleTypeMismatch(let handle, let expected, let actual):
            return "handle \(handle) is a \(actual.name), expected a \(expected.name)"
        case .notAnOwnHandle(let index):
            return "handle \(index) is borrowed, not owned"
        case .handleLent(let index):
            return "handle \(index) cannot be moved or dropped: a borrow of it is still active"
        case .borrowsNotDropped(let count):
            return "borrow still active: \(count) borrowed handles were not dropped before returning"
        case .handleTableFull:
            return "handle table is full"
        case .invalidType(let message):
            return "invalid type for the canonical ABI: \(message)"
        case .valueDoesNotMatchType(let message):
            return "value does not match its type: \(message)"
        case .missingMemory:
            return "the canonical options have no memory"
        case .missingRealloc:
            return "the canonical options have no realloc"
        case .coreTypeMismatch(let expected, let actual):
            return "core function has type \(actual), expected \(expected)"
        case .invalidReallocResult:
            return "realloc did not return one i32"
        case .coreTrap(let trap):
            return trap.description
        case .hostFailure(let message):
            return "host import failed: \(message)"
        case .invalidCallState(let message):
            return "invalid call state: \(message)"
        case .instanceReleased:
            return "the component instance was released while its store was still in use"
        }
    }
}
