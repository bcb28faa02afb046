import Foundation
import Testing
import WasmSpecTest
@testable import WasmInterp

/// Instantiates the spec suite's `linking.wast` binaries directly and inspects the shared
/// tables and memories, pinning down what a failed instantiation leaves behind.
///
/// The spec-suite runner executes the whole script; these tests name the individual rules.
/// Module numbers are the `linking.N.wasm` files; the comments give the script line.
private final class LinkingScript {
    let store = Store()
    var imports: Imports

    init() throws {
        imports = try SpectestModule.imports(for: store)
    }

    func module(_ number: Int) throws -> Module {
        let directory = try #require(SpecSuiteFiles.directory)
        let url = URL(fileURLWithPath: directory).appendingPathComponent("linking/linking.\(number).wasm")
        return try Module(bytes: [UInt8](Data(contentsOf: url)))
    }

    func instantiate(_ number: Int) throws -> ModuleInstance {
        try store.instantiate(module(number), imports: imports)
    }

    /// Instantiates module `number` and makes its exports importable as `name`.
    @discardableResult
    func register(_ number: Int, as name: String) throws -> ModuleInstance {
        let instance = try instantiate(number)
        imports.define(module: name, exportsOf: instance)
        return instance
    }

    /// The error instantiating module `number` throws (nil if it instantiates).
    func instantiationError(_ number: Int) throws -> (any Error)? {
        let module = try module(number)
        do {
            _ = try store.instantiate(module, imports: imports)
            return nil
        } catch {
            return error
        }
    }
}

private func exportedTable(_ instance: ModuleInstance, _ name: String) throws -> Table {
    guard case .table(let table)? = instance.export(name) else { throw LinkError(module: "", name: name, message: "no table") }
    return table
}

private func exportedMemory(_ instance: ModuleInstance, _ name: String) throws -> Memory {
    guard case .memory(let memory)? = instance.export(name) else { throw LinkError(module: "", name: name, message: "no memory") }
    return memory
}

@Suite(.enabled(if: SpecSuiteFiles.directory != nil, "needs the spec suite (../shared/wasm-spec or $WASM_SPEC_DIR)"))
struct LinkingSpecBinaryTests {
    @Test func mismatchedImportsAreIncompatibleImportTypes() throws {
        let script = try LinkingScript()
        try script.register(0, as: "Mf")
        try script.register(2, as: "reexport_f")
        try script.register(5, as: "Mg")
        try script.register(9, as: "Mref_ex")
        try script.register(15, as: "Mt")
        try script.register(25, as: "Mtable_ex")
        try script.register(29, as: "Mm")
        for number in [3, 4, 7, 8, 11, 12, 13, 14, 27, 28] {
            let error = try script.instantiationError(number)
            let linkError = try #require(error as? LinkError, "linking.\(number): \(String(describing: error))")
            #expect(linkError.message.hasPrefix("incompatible import type"), "linking.\(number): \(linkError)")
        }
    }

    /// Line 253: a missing import is found before any segment is applied.
    @Test func unknownImportLeavesSharedTableUntouched() throws {
        let script = try LinkingScript()
        let mt = try script.register(15, as: "Mt")
        let table = try exportedTable(mt, "tab")
        let before = table.elements

        let error = try #require(try script.instantiationError(22) as? LinkError)
        #expect(error.module == "Mt" && error.name == "mem" && error.message == "unknown import")
        #expect(table.elements == before)
        #expect(table.elements[7] == 0)
    }

    /// Line 267: the first segment lands in the shared table, the second traps.
    @Test func outOfBoundsElementSegmentKeepsEarlierWritesToSharedTable() throws {
        let script = try LinkingScript()
        let mt = try script.register(15, as: "Mt")
        let table = try exportedTable(mt, "tab")

        let trap = try #require(try script.instantiationError(23) as? Trap)
        #expect(trap.reason == .outOfBoundsTableAccess)
        #expect(table.elements[7] != 0)
        #expect(table.elements[8] == 0)
        // The function the failed instance left behind stays callable (line 275).
        #expect(try mt.invoke("call", [.i32(7)]) == [.i32(0)])
    }

    /// Line 385: a missing table import stops the data segment for the shared memory.
    @Test func unknownImportLeavesSharedMemoryUntouched() throws {
        let script = try LinkingScript()
        let mm = try script.register(29, as: "Mm")
        let memory = try exportedMemory(mm, "mem")
        let before = Array(memory.buffer)

        let error = try #require(try script.instantiationError(35) as? LinkError)
        #expect(error.module == "Mm" && error.name == "tab" && error.message == "unknown import")
        #expect(Array(memory.buffer) == before)
    }

    /// Line 398: "abc" is written at 0, then the segment at the memory's end traps.
    @Test func outOfBoundsDataSegmentKeepsEarlierWritesToSharedMemory() throws {
        let script = try LinkingScript()
        let mm = try script.register(29, as: "Mm")
        let memory = try exportedMemory(mm, "mem")
        #expect(memory.grow(by: 4) == 1)  // as module Pm (linking.34) does in the script

        let trap = try #require(try script.instantiationError(36) as? Trap)
        #expect(trap.reason == .outOfBoundsMemoryAccess)
        #expect(Array(memory.buffer[0..<3]) == Array("abc".utf8))
        #expect(memory.buffer[327670..<327680].allSatisfy { $0 == 0 })
        #expect(try mm.invoke("load", [.i32(0)]) == [.i32(97)])
    }

    /// Line 410: element segments are applied before data segments, so a trapping element
    /// segment keeps the data segment out of the shared memory.
    @Test func elementSegmentTrapComesBeforeDataSegments() throws {
        let script = try LinkingScript()
        let mm = try script.register(29, as: "Mm")
        let memory = try exportedMemory(mm, "mem")
        let before = Array(memory.buffer[0..<3])
        #expect(before != Array("abc".utf8))

        let trap = try #require(try script.instantiationError(37) as? Trap)
        #expect(trap.reason == .outOfBoundsTableAccess)
        #expect(Array(memory.buffer[0..<3]) == before)
    }

    /// Line 436: segments take effect before the start function runs and traps.
    @Test func trappingStartFunctionKeepsSegmentWrites() throws {
        let script = try LinkingScript()
        let ms = try script.register(38, as: "Ms")
        let memory = try exportedMemory(ms, "memory")
        let table = try exportedTable(ms, "table")

        let trap = try #require(try script.instantiationError(39) as? Trap)
        #expect(trap.reason == .unreachable)
        #expect(Array(memory.buffer[0..<5]) == Array("hello".utf8))
        #expect(table.elements[0] != 0)
        #expect(try ms.invoke("get memory[0]") == [.i32(104)])
        #expect(try ms.invoke("get table[0]") == [.i32(0xDEAD)])
    }
}
