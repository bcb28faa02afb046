import Testing
@testable import WasmInterp

// Modules are built by hand here so these tests do not depend on the decoder.

private let voidType = FunctionType(parameters: [], results: [])
private let i32ToVoidType = FunctionType(parameters: [.i32], results: [])

/// A body that does nothing (just `end`).
private let emptyBody = FunctionBody(locals: [], bytes: [0x0B], codeRange: 0..<1)

private func i32Offset(_ value: Int32) -> ConstantExpression {
    ConstantExpression(instructions: [.i32Const(value)])
}

private func refFunc(_ index: UInt32) -> ConstantExpression {
    ConstantExpression(instructions: [.refFunc(index)])
}

private func noOpHost(_ type: FunctionType) -> HostFunction {
    HostFunction(type: type, returning: { _, _ in [] })
}

/// A module with one import of `descriptor` named `env.thing`.
private func moduleImporting(_ descriptor: ImportDescriptor, types: [FunctionType] = [voidType]) -> Module {
    var module = Module()
    module.types = types
    module.imports = [Import(module: "env", name: "thing", descriptor: descriptor)]
    return module
}

private func expectLinkError(
    _ module: Module, _ imports: Imports, message: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    do {
        _ = try Store().instantiate(module, imports: imports)
        Issue.record("instantiation succeeded; expected a link error", sourceLocation: sourceLocation)
    } catch let error as LinkError {
        #expect(error.module == "env", sourceLocation: sourceLocation)
        #expect(error.name == "thing", sourceLocation: sourceLocation)
        #expect(error.message.hasPrefix(message), "\(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a link error, got \(error)", sourceLocation: sourceLocation)
    }
}

private func memoryBytes(_ memory: Memory, _ range: Range<Int>) -> [UInt8] {
    Array(memory.buffer[range])
}

@Suite struct InstantiationTests {
    // MARK: Import resolution

    @Test func missingImportIsUnknownImportNamingModuleAndField() {
        expectLinkError(moduleImporting(.function(typeIndex: 0)), Imports(), message: "unknown import")
    }

    @Test func functionWithDifferentSignatureIsIncompatible() {
        var imports = Imports()
        imports.define(module: "env", name: "thing", noOpHost(i32ToVoidType))
        expectLinkError(moduleImporting(.function(typeIndex: 0)), imports, message: "incompatible import type")
    }

    @Test func definitionOfWrongKindIsIncompatible() throws {
        var imports = Imports()
        imports.define(module: "env", name: "thing", .memory(try Memory(type: MemoryType(limits: Limits(min: 1)), pageLimit: 1)))
        expectLinkError(moduleImporting(.function(typeIndex: 0)), imports, message: "incompatible import type")
    }

    @Test func globalMustMatchMutabilityAndType() {
        let declared = GlobalType(valueType: .i32, isMutable: true)
        for offered in [GlobalType(valueType: .i32, isMutable: false), GlobalType(valueType: .i64, isMutable: true)] {
            var imports = Imports()
            imports.define(module: "env", name: "thing", .global(GlobalVariable(type: offered, low: 0)))
            expectLinkError(moduleImporting(.global(declared)), imports, message: "incompatible import type")
        }
    }

    @Test func memoryLimitsMatchByCurrentSizeAndDeclaredMaximum() throws {
        let declared = MemoryType(limits: Limits(min: 2, max: 3))
        func imports(offering memory: Memory) -> Imports {
            var imports = Imports()
            imports.define(module: "env", name: "thing", .memory(memory))
            return imports
        }
        let tooSmall = try Memory(type: MemoryType(limits: Limits(min: 1, max: 3)), pageLimit: 10)
        expectLinkError(moduleImporting(.memory(declared)), imports(offering: tooSmall), message: "incompatible import type")
        // Growing it makes its current size enough.
        #expect(tooSmall.grow(by: 1) == 1)
        let instance = try Store().instantiate(moduleImporting(.memory(declared)), imports: imports(offering: tooSmall))
        #expect(instance.memories.first === tooSmall)

        let unbounded = try Memory(type: MemoryType(limits: Limits(min: 2)), pageLimit: 10)
        expectLinkError(moduleImporting(.memory(declared)), imports(offering: unbounded), message: "incompatible import type")
        let largerMaximum = try Memory(type: MemoryType(limits: Limits(min: 2, max: 4)), pageLimit: 10)
        expectLinkError(moduleImporting(.memory(declared)), imports(offering: largerMaximum), message: "incompatible import type")
    }

    @Test func tableMustMatchElementTypeAndLimits() throws {
        let declared = TableType(elementType: .funcref, limits: Limits(min: 2, max: 5))
        func imports(offering table: Table) -> Imports {
            var imports = Imports()
            imports.define(module: "env", name: "thing", .table(table))
            return imports
        }
        let externTable = try Table(type: TableType(elementType: .externref, limits: Limits(min: 2, max: 5)), elementLimit: 100)
        expectLinkError(moduleImporting(.table(declared)), imports(offering: externTable), message: "incompatible import type")
        let tooSmall = try Table(type: TableType(elementType: .funcref, limits: Limits(min: 1, max: 5)), elementLimit: 100)
        expectLinkError(moduleImporting(.table(declared)), imports(offering: tooSmall), message: "incompatible import type")
        #expect(tooSmall.grow(by: 1, initialValue: 0) == 1)
        _ = try Store().instantiate(moduleImporting(.table(declared)), imports: imports(offering: tooSmall))
    }

    @Test func hostFunctionUsedByAnotherStoreIsLinkedAsThisStoresCopy() throws {
        var module = moduleImporting(.function(typeIndex: 0))
        module.exports = [Export(name: "f", descriptor: .function(0))]
        var imports = Imports()
        imports.define(module: "env", name: "thing", noOpHost(voidType))
        let firstStore = Store()
        let secondStore = Store()
        let first = try firstStore.instantiate(module, imports: imports)
        let second = try secondStore.instantiate(module, imports: imports)
        let firstFunction = try #require(first.exportedFunction("f"))
        let secondFunction = try #require(second.exportedFunction("f"))
        #expect(firstStore.functions[firstFunction.address] === firstFunction)
        #expect(secondStore.functions[secondFunction.address] === secondFunction)
        #expect(firstFunction !== secondFunction)
        // Within one store the same definition stays the same function.
        let again = try firstStore.instantiate(module, imports: imports)
        #expect(again.exportedFunction("f") === firstFunction)
    }

    @Test func wasmFunctionFromAnotherStoreIsRejected() throws {
        let otherStore = Store()
        var module = Module()
        module.types = [voidType]
        module.functionTypeIndices = [0]
        module.functionBodies = [emptyBody]
        module.exports = [Export(name: "f", descriptor: .function(0))]
        let other = try otherStore.instantiate(module)
        let store = Store()
        var imports = Imports()
        imports.define(module: "env", name: "thing", try #require(other.export("f")))
        do {
            _ = try store.instantiate(moduleImporting(.function(typeIndex: 0)), imports: imports)
            Issue.record("a function of another store was accepted")
        } catch let error as LinkError {
            #expect(error.message.contains("another store"))
        }
    }

    // MARK: Allocation and limits

    @Test func memoryLargerThanStoreLimitFailsWithoutRegisteringAnything() {
        var configuration = StoreConfiguration()
        configuration.maxMemoryPages = 4
        let store = Store(configuration: configuration)
        var module = Module()
        module.types = [voidType]
        module.functionTypeIndices = [0]
        module.functionBodies = [emptyBody]
        module.memories = [MemoryType(limits: Limits(min: 5))]
        #expect(throws: MemoryError.self) { try store.instantiate(module) }
        #expect(store.functions.isEmpty)
    }

    @Test func tableLargerThanStoreLimitFails() {
        var configuration = StoreConfiguration()
        configuration.maxTableElements = 100
        var module = Module()
        module.tables = [TableType(elementType: .funcref, limits: Limits(min: 101))]
        #expect(throws: TableError.self) { try Store(configuration: configuration).instantiate(module) }
    }

    @Test func memoryGrowsWithinItsMaximumAndNewPagesAreZeroedAndWritable() throws {
        let memory = try Memory(type: MemoryType(limits: Limits(min: 1, max: 3)), pageLimit: 65536)
        #expect(memory.pageCount == 1)
        #expect(memory.maxPages == 3)
        #expect(memory.grow(by: 0) == 1)
        #expect(memory.grow(by: 2) == 1)
        #expect(memory.pageCount == 3)
        #expect(memory.buffer.count == 3 * Memory.pageSize)
        let lastByte = 3 * Memory.pageSize - 1
        #expect(memory.buffer[lastByte] == 0)
        memory.buffer[lastByte] = 0xAB
        #expect(memory.buffer[lastByte] == 0xAB)
        #expect(memory.grow(by: 1) == -1)
        #expect(memory.grow(by: UInt64.max) == -1)
        #expect(memory.pageCount == 3)
    }

    @Test func memoryWithoutMaximumReservesLazilyUpToStoreLimit() throws {
        // No declared maximum: the whole store limit is reserved as address space, but only
        // the initial page is committed and the memory reports just that.
        let memory = try Memory(type: MemoryType(limits: Limits(min: 1)), pageLimit: 65536)
        #expect(memory.maxPages == 65536)
        #expect(memory.byteCount == Memory.pageSize)
        #expect(!memory.contains(address: UInt64(Memory.pageSize), length: 1))
        #expect(memory.grow(by: 1) == 1)
        #expect(memory.contains(address: UInt64(Memory.pageSize), length: 1))

        let capped = try Memory(type: MemoryType(limits: Limits(min: 0)), pageLimit: 2)
        #expect(capped.grow(by: 2) == 0)
        #expect(capped.grow(by: 1) == -1)
    }

    @Test func tableGrowsWithinItsMaximumFillingWithInitialValue() throws {
        let table = try Table(type: TableType(elementType: .externref, limits: Limits(min: 1, max: 4)), elementLimit: 100)
        #expect(table.grow(by: 2, initialValue: 7) == 1)
        #expect(table.elements == [0, 7, 7])
        #expect(table.grow(by: 2, initialValue: 0) == -1)
        #expect(table.grow(by: UInt64.max, initialValue: 0) == -1)
        #expect(table.count == 3)
        let limitedByStore = try Table(type: TableType(elementType: .funcref, limits: Limits(min: 0)), elementLimit: 5)
        #expect(limitedByStore.grow(by: 6, initialValue: 0) == -1)
        #expect(limitedByStore.grow(by: 5, initialValue: 0) == 0)
    }

    // MARK: Globals and exports

    @Test func globalsAreInitializedFromImportedGlobalsAndFunctionReferences() throws {
        let store = Store()
        var module = Module()
        module.types = [voidType]
        module.imports = [
            Import(module: "env", name: "base", descriptor: .global(GlobalType(valueType: .i64, isMutable: false))),
            Import(module: "env", name: "f", descriptor: .function(typeIndex: 0)),
        ]
        module.functionTypeIndices = [0]
        module.functionBodies = [emptyBody]
        module.globals = [
            Global(type: GlobalType(valueType: .i64, isMutable: true),
                   initializer: ConstantExpression(instructions: [.globalGet(0)])),
            Global(type: GlobalType(valueType: .funcref, isMutable: false), initializer: refFunc(1)),
            Global(type: GlobalType(valueType: .externref, isMutable: false),
                   initializer: ConstantExpression(instructions: [.refNull(.externref)])),
            Global(type: GlobalType(valueType: .f64, isMutable: false),
                   initializer: ConstantExpression(instructions: [.f64Const(0x4000_0000_0000_0000)])),
        ]
        module.exports = [Export(name: "copy", descriptor: .global(1))]
        var imports = Imports()
        let base = GlobalVariable(type: GlobalType(valueType: .i64, isMutable: false), value: .i64(42))
        imports.define(module: "env", name: "base", .global(base))
        imports.define(module: "env", name: "f", noOpHost(voidType))

        let instance = try store.instantiate(module, imports: imports)
        #expect(instance.globals.count == 5)
        #expect(instance.globals[0] === base)
        #expect(instance.globals[1].value == .i64(42))
        let defined = try #require(instance.functions.last)
        #expect(instance.globals[2].value == .ref(.function(defined.address)))
        #expect(instance.globals[3].value == .ref(.null(.externref)))
        #expect(instance.globals[4].value == .f64(2.0.bitPattern))
        guard case .global(let exported)? = instance.export("copy") else {
            Issue.record("global export missing")
            return
        }
        #expect(exported === instance.globals[1])
    }

    @Test func exportsResolveToTheInstancesObjects() throws {
        let store = Store()
        var module = Module()
        module.types = [voidType, i32ToVoidType]
        module.imports = [Import(module: "host", name: "log", descriptor: .function(typeIndex: 1))]
        module.functionTypeIndices = [0]
        module.functionBodies = [emptyBody]
        module.tables = [TableType(elementType: .funcref, limits: Limits(min: 1))]
        module.memories = [MemoryType(limits: Limits(min: 1))]
        module.exports = [
            Export(name: "log", descriptor: .function(0)),
            Export(name: "run", descriptor: .function(1)),
            Export(name: "table", descriptor: .table(0)),
            Export(name: "memory", descriptor: .memory(0)),
        ]
        var imports = Imports()
        imports.define(module: "host", name: "log", noOpHost(i32ToVoidType))
        let instance = try store.instantiate(module, imports: imports)

        #expect(instance.functions.count == 2)
        #expect(instance.exportedFunction("log") === instance.functions[0])
        #expect(instance.exportedFunction("run") === instance.functions[1])
        #expect(instance.exportedFunction("run")?.type == voidType)
        #expect(instance.exportedFunction("missing") == nil)
        // Every function, imported ones included, has its address in this store.
        for function in instance.functions {
            #expect(store.functions[function.address] === function)
        }
        if case .table(let table)? = instance.export("table") { #expect(table === instance.tables[0]) } else {
            Issue.record("table export missing")
        }
        if case .memory(let memory)? = instance.export("memory") { #expect(memory === instance.memories[0]) } else {
            Issue.record("memory export missing")
        }
    }

    @Test func exportsCanBeImportedByAnotherInstance() throws {
        let store = Store()
        var provider = Module()
        provider.memories = [MemoryType(limits: Limits(min: 1, max: 2))]
        provider.exports = [Export(name: "mem", descriptor: .memory(0))]
        let providerInstance = try store.instantiate(provider)

        var consumer = Module()
        consumer.imports = [Import(module: "M", name: "mem", descriptor: .memory(MemoryType(limits: Limits(min: 1))))]
        consumer.data = [DataSegment(mode: .active(memory: 0, offset: i32Offset(8)), bytes: [1, 2, 3])]
        var imports = Imports()
        imports.define(module: "M", exportsOf: providerInstance)
        _ = try store.instantiate(consumer, imports: imports)
        #expect(memoryBytes(providerInstance.memories[0], 7..<12) == [0, 1, 2, 3, 0])
    }

    // MARK: Segments

    @Test func activeSegmentsAreCopiedAndDroppedPassiveOnesKept() throws {
        let store = Store()
        var module = Module()
        module.types = [voidType]
        module.functionTypeIndices = [0, 0]
        module.functionBodies = [emptyBody, emptyBody]
        module.tables = [TableType(elementType: .funcref, limits: Limits(min: 4))]
        module.memories = [MemoryType(limits: Limits(min: 1))]
        module.elements = [
            ElementSegment(type: .funcref, mode: .active(table: 0, offset: i32Offset(1)), items: [refFunc(1), refFunc(0)]),
            ElementSegment(type: .funcref, mode: .passive,
                           items: [refFunc(0), ConstantExpression(instructions: [.refNull(.funcref)])]),
            ElementSegment(type: .funcref, mode: .declarative, items: [refFunc(1)]),
        ]
        module.data = [
            DataSegment(mode: .active(memory: 0, offset: i32Offset(65533)), bytes: [9, 8, 7]),
            DataSegment(mode: .passive, bytes: [5, 6]),
        ]
        let instance = try store.instantiate(module)

        let first = UInt64(instance.functions[0].address) + 1
        let second = UInt64(instance.functions[1].address) + 1
        #expect(instance.tables[0].elements == [0, second, first, 0])
        #expect(instance.storage.elementSegments == [[], [first, 0], []])
        #expect(memoryBytes(instance.memories[0], 65533..<65536) == [9, 8, 7])
        #expect(instance.storage.dataSegments == [[], [5, 6]])
    }

    @Test func segmentOffsetsMayComeFromImportedGlobals() throws {
        var module = Module()
        module.imports = [Import(module: "env", name: "thing", descriptor: .global(GlobalType(valueType: .i32, isMutable: false)))]
        module.memories = [MemoryType(limits: Limits(min: 1))]
        module.data = [DataSegment(mode: .active(memory: 0, offset: ConstantExpression(instructions: [.globalGet(0)])), bytes: [0xEE])]
        var imports = Imports()
        imports.define(module: "env", name: "thing", .global(GlobalVariable(type: GlobalType(valueType: .i32, isMutable: false), value: .i32(100))))
        let instance = try Store().instantiate(module, imports: imports)
        #expect(memoryBytes(instance.memories[0], 99..<102) == [0, 0xEE, 0])
    }

    @Test func outOfBoundsDataSegmentTrapsAfterEarlierSegmentsTookEffect() throws {
        let shared = try Memory(type: MemoryType(limits: Limits(min: 1)), pageLimit: 10)
        var module = Module()
        module.imports = [Import(module: "env", name: "thing", descriptor: .memory(MemoryType(limits: Limits(min: 1))))]
        module.data = [
            DataSegment(mode: .active(memory: 0, offset: i32Offset(0)), bytes: [1, 2]),
            DataSegment(mode: .active(memory: 0, offset: i32Offset(65535)), bytes: [3, 4]),
            DataSegment(mode: .active(memory: 0, offset: i32Offset(10)), bytes: [5]),
        ]
        var imports = Imports()
        imports.define(module: "env", name: "thing", .memory(shared))
        do {
            _ = try Store().instantiate(module, imports: imports)
            Issue.record("out-of-bounds data segment was accepted")
        } catch let trap as Trap {
            #expect(trap.reason == .outOfBoundsMemoryAccess)
        }
        #expect(memoryBytes(shared, 0..<2) == [1, 2])
        #expect(shared.buffer[65535] == 0)
        #expect(shared.buffer[10] == 0)
    }

    @Test func dataSegmentAtNegativeOffsetIsOutOfBounds() {
        var module = Module()
        module.memories = [MemoryType(limits: Limits(min: 1))]
        module.data = [DataSegment(mode: .active(memory: 0, offset: i32Offset(-1)), bytes: [])]
        #expect(throws: Trap.self) { try Store().instantiate(module) }
    }

    @Test func emptyDataSegmentAtTheEndIsInBounds() throws {
        var module = Module()
        module.memories = [MemoryType(limits: Limits(min: 1))]
        module.data = [DataSegment(mode: .active(memory: 0, offset: i32Offset(65536)), bytes: [])]
        _ = try Store().instantiate(module)
    }

    @Test func outOfBoundsElementSegmentTrapsAfterEarlierSegmentsTookEffect() throws {
        let store = Store()
        let shared = try Table(type: TableType(elementType: .funcref, limits: Limits(min: 3)), elementLimit: 100)
        var module = Module()
        module.types = [voidType]
        module.imports = [Import(module: "env", name: "thing", descriptor: .table(TableType(elementType: .funcref, limits: Limits(min: 3))))]
        module.functionTypeIndices = [0]
        module.functionBodies = [emptyBody]
        module.elements = [
            ElementSegment(type: .funcref, mode: .active(table: 0, offset: i32Offset(0)), items: [refFunc(0)]),
            ElementSegment(type: .funcref, mode: .active(table: 0, offset: i32Offset(2)), items: [refFunc(0), refFunc(0)]),
        ]
        var imports = Imports()
        imports.define(module: "env", name: "thing", .table(shared))
        do {
            _ = try store.instantiate(module, imports: imports)
            Issue.record("out-of-bounds element segment was accepted")
        } catch let trap as Trap {
            #expect(trap.reason == .outOfBoundsTableAccess)
        }
        // The first segment's function stays in the shared table and stays callable-safe:
        // the store keeps its failed instance alive.
        let written = try #require(store.function(atBits: shared.elements[0]))
        #expect(written.type == voidType)
        guard case .wasm(let code) = written.kind else {
            Issue.record("expected a Wasm function")
            return
        }
        #expect(code.instance.functions.first === written)
        #expect(shared.elements[1...] == [0, 0])
    }

    @Test func elementSegmentWithImportedHostFunctionRegistersIt() throws {
        let store = Store()
        var module = Module()
        module.types = [voidType]
        module.imports = [Import(module: "env", name: "thing", descriptor: .function(typeIndex: 0))]
        module.tables = [TableType(elementType: .funcref, limits: Limits(min: 1))]
        module.elements = [ElementSegment(type: .funcref, mode: .active(table: 0, offset: i32Offset(0)), items: [refFunc(0)])]
        var imports = Imports()
        let host = Function(noOpHost(voidType))
        imports.define(module: "env", name: "thing", .function(host))
        let instance = try store.instantiate(module, imports: imports)
        #expect(host.address >= 0)
        #expect(store.function(atBits: instance.tables[0].elements[0]) === host)
    }

    // MARK: Start function

    @Test func startFunctionRunsOnceAfterDataSegments() throws {
        var module = Module()
        module.types = [voidType]
        module.functionTypeIndices = [0]
        // i32.const 0, i32.const 42, i32.store offset=0 align=2, end
        let code: [UInt8] = [0x41, 0x00, 0x41, 0x2A, 0x36, 0x02, 0x00, 0x0B]
        module.functionBodies = [FunctionBody(locals: [], bytes: code, codeRange: 0..<code.count)]
        module.memories = [MemoryType(limits: Limits(min: 1))]
        module.data = [DataSegment(mode: .active(memory: 0, offset: i32Offset(0)), bytes: [1, 2, 3, 4, 5])]
        module.start = 0
        let instance = try Store().instantiate(module)
        #expect(memoryBytes(instance.memories[0], 0..<5) == [42, 0, 0, 0, 5])
    }

    @Test func importedHostFunctionCanBeTheStartFunction() throws {
        final class CallCounter: @unchecked Sendable { var calls = 0 }
        let counter = CallCounter()
        var module = moduleImporting(.function(typeIndex: 0))
        module.start = 0
        var imports = Imports()
        imports.define(module: "env", name: "thing", HostFunction(type: voidType, returning: { _, _ in
            counter.calls += 1
            return []
        }))
        _ = try Store().instantiate(module, imports: imports)
        #expect(counter.calls == 1)
    }

    @Test func startFunctionErrorFailsInstantiationAsTrap() {
        struct HostFailure: Error {}
        var module = moduleImporting(.function(typeIndex: 0))
        module.start = 0
        var imports = Imports()
        imports.define(module: "env", name: "thing", HostFunction(type: voidType, returning: { _, _ in
            throw HostFailure()
        }))
        do {
            _ = try Store().instantiate(module, imports: imports)
            Issue.record("a failing start function was ignored")
        } catch let trap as Trap {
            guard case .hostError = trap.reason else {
                Issue.record("expected a host error trap, got \(trap)")
                return
            }
        } catch {
            Issue.record("expected a trap, got \(error)")
        }
    }

    // MARK: Robustness

    @Test func nonConstantInitializerIsRejectedNotCrashing() {
        var module = Module()
        module.globals = [Global(type: GlobalType(valueType: .i32, isMutable: false),
                                 initializer: ConstantExpression(instructions: [.nop]))]
        #expect(throws: ValidationError.self) { try Store().instantiate(module) }
        module.globals = [Global(type: GlobalType(valueType: .i32, isMutable: false),
                                 initializer: ConstantExpression(instructions: [.i64Const(1)]))]
        #expect(throws: ValidationError.self) { try Store().instantiate(module) }
        module.globals = [Global(type: GlobalType(valueType: .i32, isMutable: false),
                                 initializer: ConstantExpression(instructions: [.globalGet(7)]))]
        #expect(throws: ValidationError.self) { try Store().instantiate(module) }
        module.globals = [Global(type: GlobalType(valueType: .i32, isMutable: false),
                                 initializer: ConstantExpression(instructions: []))]
        #expect(throws: ValidationError.self) { try Store().instantiate(module) }
    }

    @Test func outOfRangeIndicesAreRejectedNotCrashing() {
        var module = Module()
        module.exports = [Export(name: "m", descriptor: .memory(0))]
        #expect(throws: ValidationError.self) { try Store().instantiate(module) }
        module = Module()
        module.elements = [ElementSegment(type: .funcref, mode: .passive, items: [refFunc(3)])]
        #expect(throws: ValidationError.self) { try Store().instantiate(module) }
        module = Module()
        module.functionTypeIndices = [5]
        module.functionBodies = [emptyBody]
        #expect(throws: ValidationError.self) { try Store().instantiate(module) }
        module = Module()
        module.start = 0
        #expect(throws: ValidationError.self) { try Store().instantiate(module) }
    }
}
