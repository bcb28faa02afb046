/// The binary is malformed: it does not follow the binary format (an `assert_malformed`).
public struct DecodingError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// Byte offset in the module where the problem was found.
    public var offset: Int
    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }
    public var description: String { "malformed module at byte \(offset): \(message)" }
}

/// The module is well-formed but not valid (an `assert_invalid`).
public struct ValidationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The function (index space incl. imports) whose body is invalid, if any.
    public var functionIndex: UInt32?
    /// Byte offset in the module of the offending instruction, if known.
    public var offset: Int?
    public init(_ message: String, functionIndex: UInt32? = nil, offset: Int? = nil) {
        self.message = message
        self.functionIndex = functionIndex
        self.offset = offset
    }
    public var description: String {
        var text = "invalid module: \(message)"
        if let functionIndex { text += " (in function \(functionIndex)" + (offset.map { " at byte \($0))" } ?? ")") }
        return text
    }
}

/// Instantiation failed before any code ran: an import is missing or has the wrong type.
public struct LinkError: Error, Sendable, CustomStringConvertible {
    public var module: String
    public var name: String
    public var message: String
    public init(module: String, name: String, message: String) {
        self.module = module
        self.name = name
        self.message = message
    }
    public var description: String { "link error: import \(module).\(name): \(message)" }
}

/// Why execution trapped. The descriptions are the spec test suite's messages.
public enum TrapReason: Error, Sendable, Equatable, CustomStringConvertible {
    case unreachable
    case integerDivideByZero
    case integerOverflow
    case invalidConversionToInteger
    case outOfBoundsMemoryAccess
    case outOfBoundsTableAccess
    /// `call_indirect` with an index past the table's end.
    case undefinedElement
    /// `call_indirect` through a null table entry.
    case uninitializedElement
    case indirectCallTypeMismatch
    /// Call depth or value-stack limit exceeded.
    case callStackExhausted
    /// A fuel budget given to a non-resumable call ran out.
    case outOfFuel
    /// A host function failed.
    case hostError(String)

    public var description: String {
        switch self {
        case .unreachable: return "unreachable"
        case .integerDivideByZero: return "integer divide by zero"
        case .integerOverflow: return "integer overflow"
        case .invalidConversionToInteger: return "invalid conversion to integer"
        case .outOfBoundsMemoryAccess: return "out of bounds memory access"
        case .outOfBoundsTableAccess: return "out of bounds table access"
        case .undefinedElement: return "undefined element"
        case .uninitializedElement: return "uninitialized element"
        case .indirectCallTypeMismatch: return "indirect call type mismatch"
        case .callStackExhausted: return "call stack exhausted"
        case .outOfFuel: return "out of fuel"
        case .hostError(let message): return "host error: \(message)"
        }
    }
}

/// One frame of a trap's Wasm backtrace, innermost first.
public struct BacktraceFrame: Sendable, Equatable, CustomStringConvertible {
    /// Function index in its module's function index space.
    public var functionIndex: UInt32
    /// The function's name from the name section, if any.
    public var functionName: String?
    /// Byte offset in the module of the instruction executing in this frame, if known.
    public var offset: Int?
    public init(functionIndex: UInt32, functionName: String?, offset: Int?) {
        self.functionIndex = functionIndex
        self.functionName = functionName
        self.offset = offset
    }
    public var description: String {
        let name = functionName ?? "func[\(functionIndex)]"
        return offset.map { "\(name) @ 0x\(String($0, radix: 16))" } ?? name
    }
}

/// Execution trapped: a typed reason plus the Wasm call stack at the time.
public struct Trap: Error, Sendable, CustomStringConvertible {
    public var reason: TrapReason
    public var backtrace: [BacktraceFrame]
    public init(_ reason: TrapReason, backtrace: [BacktraceFrame] = []) {
        self.reason = reason
        self.backtrace = backtrace
    }
    public var description: String {
        var text = reason.description
        for (depth, frame) in backtrace.enumerated() { text += "\n  \(depth): \(frame)" }
        return text
    }
}
