import Testing
@testable import ActorSystem

/// Checks that `ids` are distinct version 4 UUIDs in their text form.
private func expectDistinctVersion4UUIDs(_ ids: [String]) {
    #expect(Set(ids).count == ids.count)
    for id in ids {
        let characters = Array(id)
        #expect(characters.count == 36)
        #expect(characters[14] == "4")
        #expect("89ab".contains(characters[19]))
        #expect([8, 13, 18, 23].allSatisfy { characters[$0] == "-" })
    }
}

@Suite struct RandomUUIDTests {
    @Test func formatGroupsTheHexDigits() {
        let bytes: [UInt8] = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x46, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff]
        #expect(RandomUUID.format(bytes) == "00112233-4455-4677-8899-aabbccddeeff")
    }

    @Test func uuidsAreVersion4AndDiffer() {
        expectDistinctVersion4UUIDs((0..<100).map { _ in RandomUUID.make() })
    }
}

@Suite struct RandomBytePoolTests {
    @Test func idsFromThePoolAreVersion4AndDifferAcrossRefills() {
        var pool = RandomBytePool()
        // More than one block's worth (256 ids per block).
        expectDistinctVersion4UUIDs((0..<600).map { _ in RandomUUID.make(using: &pool) })
    }

    @Test func twoPoolsDrawDifferentBytes() {
        var first = RandomBytePool()
        var second = RandomBytePool()
        #expect(first.nextWords() != second.nextWords())
    }
}
