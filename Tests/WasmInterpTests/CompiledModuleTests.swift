import Foundation
import Testing
import WasmInterp

/// One `CompiledModule` instantiated many times: validated once, each function
/// translated once, the code shared by instances in any store and on any thread, each
/// instance still with its own memory, globals, imports and function addresses.
@Suite struct CompiledModuleTests {
    static func compiled() throws -> CompiledModule {
        let bytes = try [UInt8](Data(contentsOf: TestPaths.coreFixture("shared-code")))
        return CompiledModule(try Module(bytes: bytes))
    }

    /// Imports giving `env.offset` the value `offset`.
    static func imports(offset: Int64) -> Imports {
        var imports = Imports()
        imports.define(
            module: "env", name: "offset",
            HostFunction(type: FunctionType(parameters: [], results: [.i64]), returning: { _, _ in [.i64(UInt64(offset))] }))
        return imports
    }

    static func call(_ instance: ModuleInstance, _ name: String, _ arguments: [Value] = []) throws -> UInt64? {
        switch try instance.invoke(name, arguments).first {
        case .i64(let value)?: return value
        case .i32(let value)?: return UInt64(value)
        default: return nil
        }
    }

    @Test func aSecondInstanceInAnotherStoreTranslatesNothing() throws {
        let compiled = try Self.compiled()
        let first = try Store().instantiate(compiled, imports: Self.imports(offset: 100))
        #expect(try Self.call(first, "sum", [.i64(10)]) == 155)
        #expect(try Self.call(first, "apply", [.i32(0), .i64(5)]) == 10)
        #expect(try Self.call(first, "apply", [.i32(1), .i64(5)]) == 15)
        #expect(try Self.call(first, "calls") == 1)
        // sum, apply, calls, and the two functions apply calls through the table.
        let translated = compiled.translationCount
        #expect(translated == 5)

        // Another store, where an instance of another module takes the first addresses, so
        // the shared code's `ref.func` must resolve to this store's addresses.
        let store = Store()
        _ = try store.instantiate(Module(bytes: [UInt8](Data(contentsOf: TestPaths.coreFixture("add")))))
        let second = try store.instantiate(compiled, imports: Self.imports(offset: 7))
        #expect(try Self.call(second, "sum", [.i64(10)]) == 62)
        #expect(try Self.call(second, "sum", [.i64(3)]) == 13)
        #expect(try Self.call(second, "apply", [.i32(0), .i64(5)]) == 10)
        #expect(try Self.call(second, "apply", [.i32(1), .i64(5)]) == 15)
        #expect(try Self.call(second, "calls") == 2)
        #expect(try Self.call(first, "calls") == 1)
        #expect(compiled.translationCount == translated)
    }

    @Test func eachKindOfCodeIsTranslatedOnceForAllInstances() throws {
        let compiled = try Self.compiled()
        var unmetered = StoreConfiguration()
        unmetered.fuelMetering = false
        for _ in 0..<3 {
            let metered = try Store().instantiate(compiled, imports: Self.imports(offset: 0))
            #expect(try Self.call(metered, "sum", [.i64(4)]) == 10)
            let free = try Store(configuration: unmetered).instantiate(compiled, imports: Self.imports(offset: 0))
            #expect(try Self.call(free, "sum", [.i64(4)]) == 10)
            // A traced run uses code translated one-to-one, also shared.
            guard let sum = metered.exportedFunction("sum") else { throw TestFailure("no sum") }
            let execution = try Execution(store: metered.store, function: sum, arguments: [.i64(2)])
            let traced = TraceCounter()
            execution.traceSink = { _ in traced.increment() }
            guard case .returned(let results) = execution.run() else { throw TestFailure("traced run did not return") }
            #expect(results == [.i64(3)])
            #expect(traced.count > 10)
        }
        // sum: metered, unmetered, traced (its import is the host's).
        #expect(compiled.translationCount == 3)
    }

    @Test func instancesOnManyThreadsShareCodeAndKeepTheirOwnState() throws {
        let compiled = try Self.compiled()
        let threads = 8
        let callsPerThread = 50
        let failures = Locked(0)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            do {
                let instance = try Store().instantiate(compiled, imports: Self.imports(offset: Int64(thread)))
                for call in 1...callsPerThread {
                    let n = Int64(call * 10)
                    guard try Self.call(instance, "sum", [.i64(UInt64(n))]) == UInt64(n * (n + 1) / 2 + Int64(thread)),
                          try Self.call(instance, "apply", [.i32(UInt32(call % 2)), .i64(7)]) == (call % 2 == 0 ? 14 : 21)
                    else { throw TestFailure("wrong result") }
                }
                guard try Self.call(instance, "calls") == UInt64(callsPerThread) else { throw TestFailure("wrong count") }
            } catch {
                failures.withLock { $0 += 1 }
            }
        }
        #expect(failures.withLock { $0 } == 0)
        // Two threads may translate the same function at the same moment (both are kept
        // correct; one copy is kept), but never more than one per thread.
        #expect(compiled.translationCount >= 5)
        #expect(compiled.translationCount <= 5 * threads)
    }

    @Test func anInvalidModuleIsRejectedOnEveryInstantiation() throws {
        var module = Module()
        module.functionTypeIndices = [3]
        module.functionBodies = [FunctionBody(locals: [], bytes: [0x0B], codeRange: 0..<1)]
        let compiled = CompiledModule(module)
        for _ in 0..<2 {
            #expect(throws: ValidationError.self) { try Store().instantiate(compiled) }
        }
        #expect(throws: ValidationError.self) { try compiled.validate() }
    }

    /// ThreadSanitizer maps memory of its own for every mapping, so under it 70,000
    /// memories exceed the kernel's limit however few mappings they take.
    static let runsUnderThreadSanitizer = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__tsan_init") != nil

    @Test(.disabled(if: runsUnderThreadSanitizer, "ThreadSanitizer's own mappings exceed the limit"))
    func manyMemoriesCoexist() throws {
        // More memories than the kernel's default limit of 65,530 mappings per process: each
        // memory is one mapping (a reservation of its maximum, here 2 pages).
        var memories: [Memory] = []
        for _ in 0..<70_000 {
            memories.append(try Memory(type: MemoryType(limits: Limits(min: 1, max: nil)), pageLimit: 2))
        }
        memories[69_999].base.storeBytes(of: 42, as: UInt8.self)
        #expect(memories[69_999].base.load(as: UInt8.self) == 42)
        #expect(memories[0].maxPages == 2)
        #expect(memories[0].grow(by: 1) == 1)
        #expect(memories[0].grow(by: 1) == -1)
        (memories[0].base + Memory.pageSize).storeBytes(of: 7, as: UInt8.self)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Counts trace events from the sink's thread.
final class TraceCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() { lock.withLock { value += 1 } }
    var count: Int { lock.withLock { value } }
}

/// A value behind a lock, for the concurrency test.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<Result>(_ body: (inout Value) -> Result) -> Result { lock.withLock { body(&value) } }
}
