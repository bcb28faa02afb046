import Foundation
import Testing
@testable import ComponentModel
import WasmInterp

/// An instance of `Fixtures/components/cabi-echo.wasm` (see its .wat) with its canonical
/// options and component instance state.
///
/// Lowered imports need the instance's memory and `realloc`, which exist only after
/// instantiation, so each import is a trampoline to a function bound later with `bind`
/// (real components solve the same cycle with a table of indirect calls).
final class CanonicalABITestGuest: @unchecked Sendable {
    let instance: ModuleInstance
    let state: ComponentInstanceState
    private(set) var options: CanonicalOptions
    private let bindings = Bindings()

    private final class Bindings: @unchecked Sendable {
        var functions: [String: HostFunction] = [:]
    }

    private static let hostImports: [(String, String, FunctionType)] = [
        ("host", "i32", FunctionType(parameters: [.i32], results: [.i32])),
        ("host", "i64", FunctionType(parameters: [.i64], results: [.i64])),
        ("host", "f32", FunctionType(parameters: [.f32], results: [.f32])),
        ("host", "f64", FunctionType(parameters: [.f64], results: [.f64])),
        ("host", "pair", FunctionType(parameters: [.i32, .i32, .i32], results: [])),
        ("host", "triple", FunctionType(parameters: [.i32, .i32, .i32, .i32], results: [])),
        ("host", "quad", FunctionType(parameters: [.i32, .i32, .i32, .i32, .i32], results: [])),
        ("host", "record", FunctionType(parameters: [.i32, .i32, .i32, .f64, .i32], results: [])),
        ("host", "variant", FunctionType(parameters: [.i32, .i64, .i32, .i32], results: [])),
        ("host", "spill", FunctionType(parameters: [.i32, .i32], results: [])),
        ("host", "void", FunctionType(parameters: [], results: [])),
        ("canon", "resource-new", FunctionType(parameters: [.i32], results: [.i32])),
        ("canon", "resource-rep", FunctionType(parameters: [.i32], results: [.i32])),
        ("canon", "resource-drop", FunctionType(parameters: [.i32], results: [])),
    ]

    init(encoding: CanonicalStringEncoding = .utf8) throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/components/cabi-echo.wasm")
        let bytes = try [UInt8](Data(contentsOf: url))
        var imports = Imports()
        let bindings = self.bindings
        for (module, name, type) in Self.hostImports {
            imports.define(module: module, name: name, HostFunction(type: type) { caller, arguments in
                guard let function = bindings.functions[name] else {
                    throw CanonicalABIError.invalidCallState("import \(name) is not bound in this test")
                }
                return try function.body(caller, arguments)
            })
        }
        let store = Store()
        instance = try store.instantiate(Module(bytes: bytes), imports: imports)
        state = ComponentInstanceState(store: store)
        options = CanonicalOptions(
            stringEncoding: encoding, memory: instance.memories.first,
            realloc: instance.exportedFunction("cabi_realloc"))
    }

    var memory: Memory {
        get throws {
            guard let memory = instance.memories.first else { throw CanonicalABIError.missingMemory }
            return memory
        }
    }

    func export(_ name: String) throws -> Function {
        guard let function = instance.exportedFunction(name) else {
            throw CanonicalABIError.invalidCallState("no export \(name)")
        }
        return function
    }

    /// Binds the host import `name` as a lowered component function.
    func bind(
        _ name: String, _ type: ComponentFunctionType,
        _ implementation: @escaping @Sendable ([ComponentValue]) throws -> HostCallResult
    ) throws {
        bindings.functions[name] = try HostFunction.lowered(
            signature: CanonicalSignature(type), options: options, instance: state, implementation: implementation)
    }

    /// Binds the host import `name` as a lowered component function reading typed arguments.
    func bindTyped(
        _ name: String, _ type: ComponentFunctionType,
        _ implementation: @escaping @Sendable (inout HostCallArguments) throws -> HostCallResult
    ) throws {
        bindings.functions[name] = try HostFunction.loweredTyped(
            signature: CanonicalSignature(type), options: options, instance: state, implementation: implementation)
    }

    /// Binds the canonical resource built-ins for `resource`.
    func bindResourceBuiltins(_ resource: ResourceType, destructor: ResourceDestructor?) {
        bindings.functions["resource-new"] = ResourceBuiltins.new(resource, instance: state)
        bindings.functions["resource-rep"] = ResourceBuiltins.rep(resource, instance: state)
        bindings.functions["resource-drop"] = ResourceBuiltins.drop(resource, instance: state, destructor: destructor)
    }

    func guestCall(
        _ export: String, _ type: ComponentFunctionType, _ arguments: [ComponentValue], postReturn: String? = nil
    ) throws -> GuestCall<ComponentValue?> {
        var options = self.options
        if let postReturn { options.postReturn = try self.export(postReturn) }
        return try GuestCall(
            function: try self.export(export), signature: CanonicalSignature(type), options: options,
            instance: state, arguments: arguments)
    }

    /// Calls an export to completion.
    func call(
        _ export: String, _ type: ComponentFunctionType, _ arguments: [ComponentValue], postReturn: String? = nil
    ) throws -> ComponentValue? {
        try guestCall(export, type, arguments, postReturn: postReturn).complete()
    }

    /// The error a call to completion fails with, or nil when it succeeds.
    func callError(_ export: String, _ type: ComponentFunctionType, _ arguments: [ComponentValue]) throws -> CanonicalABIError? {
        do {
            _ = try call(export, type, arguments)
            return nil
        } catch let error as CanonicalABIError {
            return error
        }
    }

    /// Sends `value` through the guest and back: lowered flat into `forward_<shape>`,
    /// lifted by the lowered import `<shape>`, which returns it (stored into the guest's
    /// return area), and lifted from the export's result. Returns (what the import
    /// received, what the export returned).
    func roundTrip(_ value: ComponentValue, as type: ComponentValueType) throws -> (ComponentValue?, ComponentValue?) {
        let shape = try Self.shape(of: CanonicalTypeLayout(type).flatTypes)
        let functionType = ComponentFunctionType(parameters: [("value", type)], result: type)
        let received = Received()
        try bind(shape, functionType) { arguments in
            received.value = arguments.first
            return .value(arguments.first)
        }
        let result = try call("forward_\(shape)", functionType, [value])
        return (received.value, result)
    }

    final class Received: @unchecked Sendable {
        var value: ComponentValue?
        var values: [ComponentValue] = []
    }

    static func shape(of flatTypes: [ValueType]) throws -> String {
        switch flatTypes {
        case [.i32]: return "i32"
        case [.i64]: return "i64"
        case [.f32]: return "f32"
        case [.f64]: return "f64"
        case [.i32, .i32]: return "pair"
        case [.i32, .i32, .i32]: return "triple"
        case [.i32, .i32, .i32, .i32]: return "quad"
        case [.i32, .i32, .i32, .f64]: return "record"
        case [.i32, .i64, .i32]: return "variant"
        default: throw CanonicalABIError.invalidCallState("no forwarder for \(flatTypes)")
        }
    }

    /// The `realloc` calls so far, as (old, old size, alignment, new size).
    func reallocCalls() throws -> [[UInt32]] {
        guard case .i32(let count)? = try instance.invoke("realloc_calls").first else { return [] }
        let buffer = try memory.buffer
        return (0..<Int(min(count, 128))).map { index in
            (0..<4).map { word in
                UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: 1024 + 16 * index + 4 * word, as: UInt32.self))
            }
        }
    }

    /// Remembers how many `realloc` calls happened so far (see `reallocCallsSinceMark`).
    func markReallocLog() throws {
        reallocMark = try reallocCalls().count
    }

    private(set) var reallocMark = 0

    /// The `realloc` calls since the last `markReallocLog()`.
    func reallocCallsSinceMark() throws -> [[UInt32]] {
        Array(try reallocCalls().dropFirst(reallocMark))
    }

    func setReallocMode(_ mode: UInt32) throws {
        _ = try instance.invoke("set_mode", [.i32(mode)])
    }

    func postReturnCount() throws -> UInt32 {
        guard case .i32(let count)? = try instance.invoke("post_return_count").first else { return 0 }
        return count
    }

    /// Writes `bytes` into the guest's memory at `address`.
    func poke(_ bytes: [UInt8], at address: Int) throws {
        let buffer = try memory.buffer
        for (offset, byte) in bytes.enumerated() { buffer[address + offset] = byte }
    }

    func peek(_ count: Int, at address: Int) throws -> [UInt8] {
        let buffer = try memory.buffer
        return (0..<count).map { buffer[address + $0] }
    }

    /// A context for lowering or lifting directly (tests of the internal cursors).
    func context() -> CanonicalContext {
        CanonicalContext(options: options, instance: state)
    }
}

/// A function type with unnamed parameters.
func functionType(_ parameters: [ComponentValueType], _ result: ComponentValueType?) -> ComponentFunctionType {
    ComponentFunctionType(parameters: parameters.enumerated().map { ("p\($0.offset)", $0.element) }, result: result)
}
