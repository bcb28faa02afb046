import Foundation
import Testing

@testable import ActorSystem

@Suite struct ContentStoreTests {
    private let hello = Array("hello".utf8)
    /// SHA-256 of "hello".
    private let helloHash = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"

    /// A fresh directory under the system temporary directory, removed after `body`.
    private func withTemporaryDirectory(_ body: (String) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("content-store-tests-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    @Test func storedContentComesBackByItsSHA256() throws {
        let stores = ContentStore()
        let id = try stores.createStore()
        let reference = try stores.store(hello, in: id)
        #expect(reference.hash == helloHash)
        #expect(try stores.content(for: reference, in: id) == hello)
        #expect(try stores.contains(reference, in: id))
        #expect(try stores.store(hello, in: id) == reference)
        let empty = try stores.store([], in: id)
        #expect(try stores.content(for: empty, in: id) == [])
    }

    @Test func storesAreSeparateNamespaces() throws {
        let stores = ContentStore()
        let first = try stores.createStore()
        let second = try stores.createStore()
        #expect(first != second)
        let reference = try stores.store(hello, in: first)
        #expect(try stores.contains(reference, in: second) == false)
        #expect(throws: ContentStoreError.contentNotFound(storeID: second, hash: helloHash)) {
            try stores.content(for: reference, in: second)
        }
    }

    @Test func storeIDsLookLikeVersion4UUIDs() throws {
        let id = try ContentStore().createStore()
        let parts = id.split(separator: "-")
        #expect(parts.map(\.count) == [8, 4, 4, 4, 12])
        #expect(parts[2].first == "4")
    }

    @Test func unknownAndMalformedStoreIDsAreErrors() throws {
        let stores = ContentStore()
        #expect(throws: ContentStoreError.unknownStore("nope")) { try stores.store(hello, in: "nope") }
        #expect(throws: ContentStoreError.invalidStoreID("../etc")) { try stores.labels(in: "../etc") }
        #expect(throws: ContentStoreError.invalidStoreID("")) { try stores.labels(in: "") }
        #expect(throws: ContentStoreError.invalidStoreID("a/b")) { try stores.openStore(id: "a/b") }
    }

    @Test func contentReferencesAreValidatedAndNormalized() throws {
        #expect(try ContentReference(validating: helloHash.uppercased()).hash == helloHash)
        #expect(throws: ContentStoreError.invalidContentReference("abc")) { try ContentReference(validating: "abc") }
        let notHex = String(repeating: "g", count: 64)
        #expect(throws: ContentStoreError.invalidContentReference(notHex)) { try ContentReference(validating: notHex) }
        let reference = ContentReference(content: hello)
        #expect(reference.componentValue() == .record([.string(helloHash)]))
        #expect(try ContentReference(componentValue: .record([.string(helloHash)])) == reference)
        #expect(throws: ContentStoreError.self) { try ContentReference(componentValue: .string(helloHash)) }
    }

    @Test func labelsPointAtContentAndMove() throws {
        let stores = ContentStore()
        let id = try stores.createStore()
        let first = try stores.store(hello, in: id)
        let second = try stores.store([1, 2, 3], in: id)
        try stores.setLabel("current", to: first, in: id)
        #expect(try stores.reference(forLabel: "current", in: id) == first)
        try stores.setLabel("current", to: second, in: id)
        #expect(try stores.reference(forLabel: "current", in: id) == second)
        #expect(try stores.reference(forLabel: "missing", in: id) == nil)

        try stores.removeLabel("current", in: id)
        #expect(try stores.reference(forLabel: "current", in: id) == nil)
        try stores.removeLabel("current", in: id)
        #expect(try stores.contains(second, in: id), "removing a label keeps the content")
    }

    @Test func labellingAbsentContentIsAnError() throws {
        let stores = ContentStore()
        let id = try stores.createStore()
        let absent = ContentReference(content: [42])
        #expect(throws: ContentStoreError.contentNotFound(storeID: id, hash: absent.hash)) {
            try stores.setLabel("x", to: absent, in: id)
        }
        #expect(try stores.labels(in: id) == [])
    }

    @Test func storeAtLabelAndReplaceContentAtLabelStoreAndRelabel() throws {
        let stores = ContentStore()
        let id = try stores.createStore()
        let first = try stores.store(hello, atLabel: "state", in: id)
        #expect(try stores.reference(forLabel: "state", in: id) == first)
        let second = try stores.replaceContent(atLabel: "state", with: [9], in: id)
        #expect(try stores.reference(forLabel: "state", in: id) == second)
        #expect(try stores.content(for: second, in: id) == [9])
        #expect(try stores.contains(first, in: id))
    }

    @Test func listLabelsIsSorted() throws {
        let stores = ContentStore()
        let id = try stores.createStore()
        for label in ["b", "a", "c d", ""] { _ = try stores.store(Array(label.utf8), atLabel: label, in: id) }
        #expect(try stores.labels(in: id) == ["", "a", "b", "c d"])
    }

    @Test func openStoreCreatesAStoreWithAChosenID() throws {
        let stores = ContentStore()
        try stores.openStore(id: "manifest_store-1")
        #expect(try stores.labels(in: "manifest_store-1") == [])
        _ = try stores.store(hello, atLabel: "x", in: "manifest_store-1")
        try stores.openStore(id: "manifest_store-1")
        #expect(try stores.labels(in: "manifest_store-1") == ["x"])
    }

    @Test func directoryStoresPersistAcrossInstances() throws {
        try withTemporaryDirectory { directory in
            let oddLabel = "100% \n\t\u{7f} né/../x"
            let id: String
            let reference: ContentReference
            do {
                let stores = try ContentStore(directory: directory)
                id = try stores.createStore()
                reference = try stores.store(hello, atLabel: "greeting", in: id)
                _ = try stores.store([0, 1, 2], atLabel: oddLabel, in: id)
                _ = try stores.store([7], atLabel: "gone", in: id)
                try stores.removeLabel("gone", in: id)
            }
            let reopened = try ContentStore(directory: directory)
            #expect(try reopened.content(for: reference, in: id) == hello)
            #expect(try reopened.labels(in: id) == [oddLabel, "greeting"].sorted())
            #expect(try reopened.reference(forLabel: "greeting", in: id) == reference)
            let odd = try #require(try reopened.reference(forLabel: oddLabel, in: id))
            #expect(try reopened.content(for: odd, in: id) == [0, 1, 2])
            #expect(try reopened.contains(ContentReference(content: [7]), in: id))
            #expect(FileManager.default.fileExists(atPath: "\(directory)/\(id)/content/\(helloHash)"))
            #expect(throws: ContentStoreError.unknownStore("never-made")) { try reopened.labels(in: "never-made") }
        }
    }

    @Test func corruptedContentFilesAreReportedNotReturned() throws {
        try withTemporaryDirectory { directory in
            let stores = try ContentStore(directory: directory)
            let id = try stores.createStore()
            let reference = try stores.store(hello, in: id)
            try Data("jello".utf8).write(to: URL(fileURLWithPath: "\(directory)/\(id)/content/\(helloHash)"))
            #expect(throws: ContentStoreError.corruptContent(storeID: id, hash: helloHash)) {
                try stores.content(for: reference, in: id)
            }
        }
    }

    @Test func corruptLabelIndexIsAnErrorNotACrash() throws {
        try withTemporaryDirectory { directory in
            let id: String
            do {
                let stores = try ContentStore(directory: directory)
                id = try stores.createStore()
                _ = try stores.store(hello, atLabel: "a", in: id)
            }
            let path = "\(directory)/\(id)/labels"
            try Data("theater-content-store-labels 1\nnot a valid line\n".utf8).write(to: URL(fileURLWithPath: path))
            let reopened = try ContentStore(directory: directory)
            #expect(throws: ContentStoreError.corruptLabelIndex(path: path, line: 2)) { try reopened.labels(in: id) }
        }
    }

    @Test func labelIndexRoundTripsAnyLabel() throws {
        let reference = ContentReference(content: hello)
        let labels = ["%41", "%", "a\u{0}b", "line\nbreak", "\u{1F600}", "trailing space ", ""]
        var index: [String: ContentReference] = [:]
        for label in labels { index[label] = reference }
        let file = LabelIndexFile.encode(index)
        #expect(try LabelIndexFile.decode(file, path: "test") == index)
        #expect(String(decoding: file, as: UTF8.self).split(separator: "\n").count == labels.count + 1)
    }

    @Test func concurrentStoresFromManyTasksAllLand() async throws {
        let stores = ContentStore()
        let id = try stores.createStore()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for item in 0..<50 {
                        _ = try stores.store([UInt8(task), UInt8(item)], atLabel: "\(task)-\(item)", in: id)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try stores.labels(in: id).count == 400)
        #expect(try stores.content(for: ContentReference(content: [7, 49]), in: id) == [7, 49])
    }
}
