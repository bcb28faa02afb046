#if os(Linux)
import Foundation
import Glibc
import Testing

@testable import WasmInterp

/// New instances of a module get the memory pages an earlier instance used already
/// populated, and only those.
@Suite struct EarlyPagesTests {
    /// A store whose memories are reserved with an unusual size, so they come fresh from
    /// the kernel: a reservation recycled from an ended instance keeps its first pages.
    private func store(reservingPages pages: UInt64) -> Store {
        var configuration = StoreConfiguration()
        configuration.maxMemoryPages = pages
        return Store(configuration: configuration)
    }

    private func residentPages(of memory: Memory, count: Int) -> [Bool] {
        var vector = [UInt8](repeating: 0, count: count)
        let result = vector.withUnsafeMutableBufferPointer { mincore(memory.base, count * 4096, $0.baseAddress) }
        return result == 0 ? vector.map { $0 & 1 != 0 } : []
    }

    @Test func aLaterInstanceStartsWithThePagesTheFirstOneTouched() throws {
        let bytes = try [UInt8](Data(contentsOf: TestPaths.coreFixture("early-pages")))
        let compiled = CompiledModule(try Module(bytes: bytes))
        let first = try store(reservingPages: 37).instantiate(compiled)
        _ = try first.invoke("touch", [])
        #expect(residentPages(of: try #require(first.memories.first), count: 16)[1])

        let second = try store(reservingPages: 37).instantiate(compiled)
        // Its first execution, which touches no memory, is when the pages are populated.
        _ = try second.invoke("idle", [])
        let pages = residentPages(of: try #require(second.memories.first), count: 16)
        #expect(pages.count == 16)
        #expect(pages[1], "the page the first instance wrote")
        #expect(pages.enumerated().allSatisfy { $0.offset == 1 || !$0.element }, "no page it did not use")
        // The populated page reads as zeros: the new memory is fresh.
        #expect(try #require(second.memories.first).buffer.load(fromByteOffset: 4100, as: UInt32.self) == 0)
    }

    @Test func instancesOfAModuleWhoseFirstInstanceUsedNoMemoryGetNoPages() throws {
        let bytes = try [UInt8](Data(contentsOf: TestPaths.coreFixture("early-pages")))
        let compiled = CompiledModule(try Module(bytes: bytes))
        let first = try store(reservingPages: 41).instantiate(compiled)
        _ = try first.invoke("idle", [])
        let second = try store(reservingPages: 41).instantiate(compiled)
        _ = try second.invoke("idle", [])
        let pages = residentPages(of: try #require(second.memories.first), count: 16)
        #expect(pages.count == 16)
        #expect(pages.allSatisfy { !$0 })
    }
}
#endif
