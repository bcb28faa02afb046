@testable import WasmInterp

/// A tiny reference evaluator for the straight-line function bodies of the SIMD spec
/// tests, used to check `SIMDSemantics` before the executor runs vector code.
///
/// It runs bodies made only of locals, globals, constants, `drop`/`select`, scalar
/// numeric instructions, scalar and SIMD loads/stores and SIMD operators, one instruction
/// after another (no blocks or branches: those throw `Unsupported`; `call` and `return` work). Every SIMD
/// operator goes through the `SIMDSemantics` entry points the executor will call, so the
/// spec's expected results check those. Memory is a byte array with the module's active
/// data segments copied in; an access past its end throws `.outOfBoundsMemoryAccess`.
struct StraightLineEvaluator {
    struct Unsupported: Error, CustomStringConvertible {
        var description: String
    }

    let module: Module
    private(set) var memory: [UInt8]
    private var globals: [Value]

    init(module: Module) throws {
        self.module = module
        guard module.imports.isEmpty else { throw Unsupported(description: "imports") }
        let pages = module.memories.first.map { Int($0.limits.min) } ?? 0
        memory = [UInt8](repeating: 0, count: pages * 65536)
        globals = []
        for global in module.globals {
            globals.append(try Self.constant(global.initializer))
        }
        for segment in module.data {
            guard case .active(_, let offsetExpression) = segment.mode else { continue }
            guard case .i32(let offset) = try Self.constant(offsetExpression),
                Int(offset) + segment.bytes.count <= memory.count
            else { throw Unsupported(description: "data segment placement") }
            memory.replaceSubrange(Int(offset)..<(Int(offset) + segment.bytes.count), with: segment.bytes)
        }
    }

    private static func constant(_ expression: ConstantExpression) throws -> Value {
        guard expression.instructions.count == 1, let instruction = expression.instructions.first else {
            throw Unsupported(description: "constant expression")
        }
        switch instruction {
        case .i32Const(let value): return .i32(UInt32(bitPattern: value))
        case .i64Const(let value): return .i64(UInt64(bitPattern: value))
        case .f32Const(let bits): return .f32(bits)
        case .f64Const(let bits): return .f64(bits)
        case .v128Const(let vector): return .v128(vector)
        default: throw Unsupported(description: "constant \(instruction.textForm)")
        }
    }

    /// Runs the exported function `name` on `arguments` and returns its results.
    mutating func invoke(_ name: String, _ arguments: [Value]) throws -> [Value] {
        guard let export = module.exports.first(where: { $0.name == name }),
            case .function(let functionIndex) = export.descriptor
        else { throw Unsupported(description: "export \(name) is not a function") }
        return try call(functionIndex, arguments)
    }

    /// Runs a defined function. `return` may leave extra values below the results.
    private mutating func call(_ functionIndex: UInt32, _ arguments: [Value]) throws -> [Value] {
        guard Int(functionIndex) < module.functionBodies.count, Int(functionIndex) < module.functionTypeIndices.count
        else { throw Unsupported(description: "function \(functionIndex)") }
        let type = module.types[Int(module.functionTypeIndices[Int(functionIndex)])]
        let body = module.functionBodies[Int(functionIndex)]
        var frame = Frame(locals: arguments + body.locals.map(Value.zero))
        var reader = InstructionReader(bytes: body.bytes, range: body.codeRange)
        while !reader.isAtEnd {
            let instruction = try reader.read()
            if case .end = instruction {
                guard frame.stack.count == type.results.count else {
                    throw Unsupported(description: "\(frame.stack.count) values left for \(type.results.count) results")
                }
                break
            }
            if case .return = instruction { break }
            if case .call(let callee) = instruction {
                try executeCall(callee, in: &frame)
                continue
            }
            try execute(instruction, in: &frame)
        }
        guard frame.stack.count >= type.results.count else { throw Unsupported(description: "missing results") }
        return Array(frame.stack.suffix(type.results.count))
    }

    private mutating func executeCall(_ callee: UInt32, in frame: inout Frame) throws {
        guard Int(callee) < module.functionTypeIndices.count else { throw Unsupported(description: "call \(callee)") }
        let type = module.types[Int(module.functionTypeIndices[Int(callee)])]
        var arguments: [Value] = []
        for _ in type.parameters { arguments.insert(try frame.pop(), at: 0) }
        frame.stack.append(contentsOf: try call(callee, arguments))
    }

    private struct Frame {
        var locals: [Value]
        var stack: [Value] = []

        mutating func pop() throws -> Value {
            guard let value = stack.popLast() else { throw Unsupported(description: "stack underflow") }
            return value
        }

        mutating func popVector() throws -> V128 {
            guard case .v128(let vector) = try pop() else { throw Unsupported(description: "expected a v128") }
            return vector
        }

        mutating func popBits() throws -> UInt64 { try pop().slots.0 }
    }

    private mutating func execute(_ instruction: Instruction, in frame: inout Frame) throws {
        switch instruction {
        case .nop: break
        case .drop: _ = try frame.pop()
        case .select, .typedSelect:
            let condition = try frame.popBits()
            let second = try frame.pop()
            let first = try frame.pop()
            frame.stack.append(UInt32(truncatingIfNeeded: condition) != 0 ? first : second)
        case .localGet(let index): frame.stack.append(try local(index, frame))
        case .localSet(let index): frame.locals[try localIndex(index, frame)] = try frame.pop()
        case .localTee(let index):
            let value = try frame.pop()
            frame.locals[try localIndex(index, frame)] = value
            frame.stack.append(value)
        case .globalGet(let index):
            guard Int(index) < globals.count else { throw Unsupported(description: "global \(index)") }
            frame.stack.append(globals[Int(index)])
        case .globalSet(let index):
            guard Int(index) < globals.count else { throw Unsupported(description: "global \(index)") }
            globals[Int(index)] = try frame.pop()
        case .i32Const(let value): frame.stack.append(.i32(UInt32(bitPattern: value)))
        case .i64Const(let value): frame.stack.append(.i64(UInt64(bitPattern: value)))
        case .f32Const(let bits): frame.stack.append(.f32(bits))
        case .f64Const(let bits): frame.stack.append(.f64(bits))
        case .v128Const(let vector): frame.stack.append(.v128(vector))
        case .numeric(let op): try executeNumeric(op, in: &frame)
        case .load(let op, let argument): try executeLoad(op, argument, in: &frame)
        case .store(let op, let argument): try executeStore(op, argument, in: &frame)
        default: try executeSIMD(instruction, in: &frame)
        }
    }

    private func localIndex(_ index: UInt32, _ frame: Frame) throws -> Int {
        guard Int(index) < frame.locals.count else { throw Unsupported(description: "local \(index)") }
        return Int(index)
    }

    private func local(_ index: UInt32, _ frame: Frame) throws -> Value {
        frame.locals[try localIndex(index, frame)]
    }

    private func executeNumeric(_ op: NumericOperator, in frame: inout Frame) throws {
        let result: UInt64
        if op.operandTypes.count == 1 {
            result = try NumericSemantics.evaluateUnary(op, try frame.popBits())
        } else {
            let right = try frame.popBits()
            result = try NumericSemantics.evaluateBinary(op, try frame.popBits(), right)
        }
        frame.stack.append(Value(low: result, type: op.resultType))
    }

    private mutating func executeSIMD(_ instruction: Instruction, in frame: inout Frame) throws {
        switch instruction {
        case .simd(let op): try executeSIMDOperator(op, in: &frame)
        case .simdLane(let op, let lane):
            if op.isReplace {
                let scalar = try frame.popBits()
                let vector = try frame.popVector()
                frame.stack.append(.v128(SIMDSemantics.replaceLane(op, vector, lane: lane, with: scalar)))
            } else {
                let bits = SIMDSemantics.extractLane(op, try frame.popVector(), lane: lane)
                frame.stack.append(Value(low: bits, type: op.scalarType))
            }
        case .i8x16Shuffle(let lanes):
            let b = try frame.popVector()
            let a = try frame.popVector()
            frame.stack.append(.v128(SIMDSemantics.shuffle(a, b, lanes: lanes)))
        case .simdMemory(let op, let argument): try executeSIMDMemory(op, argument, in: &frame)
        case .simdLaneMemory(let op, let argument, let lane): try executeSIMDLaneMemory(op, argument, lane, in: &frame)
        default: throw Unsupported(description: instruction.textForm)
        }
    }

    private func executeSIMDOperator(_ op: SIMDOperator, in frame: inout Frame) throws {
        switch op.shape {
        case .unary:
            frame.stack.append(.v128(try SIMDSemantics.evaluate(op, try frame.popVector())))
        case .binary:
            let b = try frame.popVector()
            frame.stack.append(.v128(try SIMDSemantics.evaluate(op, try frame.popVector(), b)))
        case .ternary:
            let c = try frame.popVector()
            let b = try frame.popVector()
            frame.stack.append(.v128(try SIMDSemantics.evaluate(op, try frame.popVector(), b, c)))
        case .test:
            frame.stack.append(.i32(try SIMDSemantics.test(op, try frame.popVector())))
        case .shift:
            let count = UInt32(truncatingIfNeeded: try frame.popBits())
            frame.stack.append(.v128(try SIMDSemantics.shift(op, try frame.popVector(), by: count)))
        case .splat:
            frame.stack.append(.v128(try SIMDSemantics.splat(op, try frame.popBits())))
        }
    }

    // MARK: Memory

    /// The first byte of an access of `width` bytes, or a trap when it does not fit.
    private func effectiveAddress(_ base: UInt64, _ argument: MemoryArgument, width: Int) throws -> Int {
        let address = (base & 0xffff_ffff) + argument.offset
        guard address + UInt64(width) <= UInt64(memory.count) else { throw TrapReason.outOfBoundsMemoryAccess }
        return Int(address)
    }

    private func read(at address: Int, width: Int) -> UInt64 {
        var raw: UInt64 = 0
        for index in 0..<width { raw |= UInt64(memory[address + index]) << UInt64(8 * index) }
        return raw
    }

    private mutating func write(_ raw: UInt64, at address: Int, width: Int) {
        for index in 0..<width { memory[address + index] = UInt8(truncatingIfNeeded: raw >> UInt64(8 * index)) }
    }

    private func executeLoad(_ op: LoadOperator, _ argument: MemoryArgument, in frame: inout Frame) throws {
        let address = try effectiveAddress(try frame.popBits(), argument, width: op.width)
        let raw = read(at: address, width: op.width)
        let extended: UInt64
        switch op {
        case .i32Load8S: extended = UInt64(UInt32(bitPattern: Int32(Int8(truncatingIfNeeded: raw))))
        case .i32Load16S: extended = UInt64(UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: raw))))
        case .i64Load8S: extended = UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: raw)))
        case .i64Load16S: extended = UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: raw)))
        case .i64Load32S: extended = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: raw)))
        default: extended = raw
        }
        frame.stack.append(Value(low: extended, type: op.resultType))
    }

    private mutating func executeStore(_ op: StoreOperator, _ argument: MemoryArgument, in frame: inout Frame) throws {
        let value = try frame.popBits()
        let address = try effectiveAddress(try frame.popBits(), argument, width: op.width)
        write(value, at: address, width: op.width)
    }

    private mutating func executeSIMDMemory(
        _ op: SIMDMemoryOperator, _ argument: MemoryArgument, in frame: inout Frame
    ) throws {
        if op == .v128Store {
            let vector = try frame.popVector()
            let address = try effectiveAddress(try frame.popBits(), argument, width: 16)
            write(vector.low, at: address, width: 8)
            write(vector.high, at: address + 8, width: 8)
            return
        }
        let address = try effectiveAddress(try frame.popBits(), argument, width: op.width)
        if op == .v128Load {
            frame.stack.append(.v128(V128(low: read(at: address, width: 8), high: read(at: address + 8, width: 8))))
            return
        }
        frame.stack.append(.v128(try SIMDSemantics.load(op, raw: read(at: address, width: op.width))))
    }

    private mutating func executeSIMDLaneMemory(
        _ op: SIMDMemoryOperator, _ argument: MemoryArgument, _ lane: UInt8, in frame: inout Frame
    ) throws {
        let vector = try frame.popVector()
        let address = try effectiveAddress(try frame.popBits(), argument, width: op.width)
        if op.isStore {
            write(try SIMDSemantics.storedLane(op, of: vector, lane: lane), at: address, width: op.width)
        } else {
            let raw = read(at: address, width: op.width)
            frame.stack.append(.v128(try SIMDSemantics.loadLane(op, into: vector, lane: lane, raw: raw)))
        }
    }
}
