import Testing

@testable import ActorSystem

@Suite struct SHA256Tests {
    private func hex(_ bytes: [UInt8]) -> String { HexEncoding.string(from: bytes) }

    @Test func emptyMessageMatchesFIPSVector() {
        #expect(hex(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func abcMatchesFIPSVector() {
        #expect(hex(SHA256.hash(utf8: "abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func twoBlock448BitMessageMatchesFIPSVector() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(hex(SHA256.hash(utf8: message)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func twoBlock896BitMessageMatchesFIPSVector() {
        let message =
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        #expect(hex(SHA256.hash(utf8: message)) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func oneMillionAsMatchesFIPSVector() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(hex(SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))) == expected)
        // The same million bytes fed in uneven pieces, across block boundaries.
        var hasher = SHA256()
        var remaining = 1_000_000
        var piece = 1
        while remaining > 0 {
            let count = min(piece, remaining)
            hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: count))
            remaining -= count
            piece = piece % 150 + 7
        }
        #expect(hex(hasher.finalize()) == expected)
    }

    @Test func randomInputsMatchPythonHashlib() throws {
        for (input, digest) in Self.randomInputs {
            let bytes = try #require(HexEncoding.bytes(from: input))
            #expect(hex(SHA256.hash(bytes)) == digest, "input of \(bytes.count) bytes")
        }
    }

    @Test func generatedInputsMatchPythonHashlibOneShotAndStreamed() {
        for (seed, count, digest) in Self.generatedInputs {
            let bytes = Self.splitMixBytes(seed: seed, count: count)
            #expect(hex(SHA256.hash(bytes)) == digest, "seed \(seed), \(count) bytes")

            var hasher = SHA256()
            var start = 0
            var piece = Int(seed)
            while start < bytes.count {
                let end = min(bytes.count, start + piece)
                hasher.update(Array(bytes[start..<end]))
                start = end
                piece = (piece &* 31 &+ 17) % 997
            }
            #expect(hex(hasher.finalize()) == digest, "streamed: seed \(seed), \(count) bytes")
        }
    }

    @Test func finalizeLeavesHasherUsableForARunningDigest() {
        var hasher = SHA256()
        hasher.update(utf8: "ab")
        #expect(hex(hasher.finalize()) == hex(SHA256.hash(utf8: "ab")))
        hasher.update(utf8: "c")
        #expect(hex(hasher.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func everyLengthAroundThePaddingBoundaryStreamsLikeOneShot() {
        let bytes = Self.splitMixBytes(seed: 99, count: 200)
        for length in 0...200 {
            let message = Array(bytes[0..<length])
            var hasher = SHA256()
            for byte in message { hasher.update([byte]) }
            #expect(hasher.finalize() == SHA256.hash(message), "length \(length)")
        }
    }

    /// SplitMix64 output bytes (each 64-bit output little-endian), as the generator below
    /// produces them.
    static func splitMixBytes(seed: UInt64, count: Int) -> [UInt8] {
        var state = seed
        var bytes = [UInt8]()
        bytes.reserveCapacity(count + 8)
        while bytes.count < count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            withUnsafeBytes(of: z.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return Array(bytes.prefix(count))
    }

    // Expected digests from Python's hashlib, written by this script:
    //
    //     import hashlib, random
    //     M = (1 << 64) - 1
    //     def splitmix_bytes(seed, n):
    //         s = seed; out = bytearray()
    //         while len(out) < n:
    //             s = (s + 0x9E3779B97F4A7C15) & M
    //             z = s
    //             z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    //             z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    //             z ^= z >> 31
    //             out += z.to_bytes(8, 'little')
    //         return bytes(out[:n])
    //     rng = random.Random(20251201)
    //     for n in [1, 2, 3, 31, 55, 56, 57, 63, 64, 65, 111, 119, 120, 127, 128, 129, 191, 200, 255]:
    //         b = bytes(rng.randrange(256) for _ in range(n))
    //         print(f'("{b.hex()}", "{hashlib.sha256(b).hexdigest()}"),')
    //     for seed, n in [(1, 0), (2, 1000), (3, 4096), (4, 65_537), (5, 1_000_003)]:
    //         print(f'({seed}, {n}, "{hashlib.sha256(splitmix_bytes(seed, n)).hexdigest()}"),')

    static let randomInputs: [(input: String, digest: String)] = [
        ("14", "83891d7fe85c33e52c8b4e5814c92fb6a3b9467299200538a6babaa8b452d879"),
        ("fb34", "4288ae0c99b35525ac848835da57fc9ddab22f090a56e7d4c94fa9d134c3cc45"),
        ("5eca2f", "a286c4d5e5855bb67c4bc3dac0a4ff6d8c8ed280fe980342bd26deb28553a23f"),
        ("e42ef93a12c67a4ca07198c790644e80896060f1bc04cc580595c8c3707be6", "885c086ea6c071e995b094bcc934957de7da2d0077f0ec0bb357894bb1a4dcc8"),
        ("b05b6b929804e112d44e24fe9d80b488e3f0728fd65826f3adfc8683aef579866ba7d33f0a807734e8ef6024c594a280db01c5deb0002f", "2b53d967af2f86d31b2094ccca60f20bd566b259c92578e0f7c6cfe8d0c049c3"),
        ("b8d7bc58ae8a0f0488b04c0cee271259cbc4f077c18850e64c4faaf60f1ea4861f2f6e48c76a0b8e880188497005272255b151b9636d1345", "f27e4579cb8d079ab0295d7e523c24047a68b25af3b025b698e12009ddd8cc58"),
        ("b57d74b858c33800c4396702317720e63a32ef6827db91ceab4debf12a1fd2a177fa49b6166309df6d50bbb6fc386262e8334d574eb641dfb8", "482ffc67b923bf0f45c3d06f49358adc8abff322050b60a1687c179d536b0919"),
        ("dc85ac03446e72e96d1d2af5134bdd64d1e641e7819d96acfa59c34efa5a7713ce82d84df4a11803944207adb42e641898d0e9fbb786bb0e1c440f31cda548", "659c493782fea46e02ee123482e12ff1fac29446fa5b71f2e982ec4902ef4c0a"),
        ("0452b7a4929917192a354a53f4eb4232469e33c303c95f0496c85f41b27623e7071295f4f10c632f40492b0a2a5fedfa3985280f17feaa1616090d0a2f4bc862", "57ce033722dc3a7c6b4172ed97cc118f0d0da4b07e75814c6fa4848e219dd02e"),
        ("1b11ab6a7265ec25d404eead43ded75233052d911b081729e9343f1dd85203714e16a79495e0a8e55b99271b456c37a900559fc425632225c44b2d9aa2fe93cd9e", "17477823ea084cf79d8a4e5608548c845f653e44366c0eafdde026f0151fdd86"),
        ("3010d8a7364e54e71afedaf0d06177c8163dbc55fee93aecf597bdd3da0928f53b18b23b352eb3e9fafa8faf5e5844d8c2ed99946ac8c603c648dfdee7686a35a7a35bb1b907f88b5651a7aef705b17a31c420df3ffb3a7d71e6faba1fef8b41970ba1a411358273fc04eccd1e8bd0", "c719914c92b83f008a29e81172539660a2a49bd1e4c562154d4b2394735d1a11"),
        ("2786b4a7323276aa44be5ca1778dbf100a21896026a0031bdf3dc4491ff0f72e8f11248b3a5de13b4142902cd495b57f41272f22769989c5d50b5a37235abeb04f92a6d04b40b0d87f3f05701df03c8e10b097630098aff636e3a74669754b9ed5c600412a38fdcb082b33cefeae3324f52613d728a9ac", "228565140da4750e365355fb1c06dd3d41eadd78d31e10e99278c0537174664e"),
        ("74ef7c9791936f7f6335554ab0169581718fef26da9d998573bddf7d436b8ba89789b2a220b37ce43fba0c17558b20e4944d8f71594dc21cef99e744a4125c22936282458bec225b77bbb7618c4a6f166e3a7211dd3173c2f7f66a7b1031a3a73e3d0307c08a42827981e56737ac8ea7b18d91749567c7f1", "c28148ca08fa8d42f0da59ea69b34f722e2f8accef46e758e5f781ea53717325"),
        ("9cf84509a6e976318483523a9863bf007a59c9be26cd266f0a7105116223183aab661baf72c0686969a7771a854c02182190fa16460814e23386d123f89022c5354dd97ccaa2a851ac1ea1a16c6897610b83ee37ba35281931ed37ab7dee5fa13142856b1789f4f52e60bd226a59f730ec9af1630839d9144da456476a8ebd", "5fefd251a24e5f24e471eae568c7563b497473aea3d7f3b07eaaefed48df24a1"),
        ("f7aed74df3aee69c8540d35a0e97dce8e66aa6a35f0db48a4e6a86cde80960da893788a272f19630947f79fdb9acfdde50d66cd12f634212a2963536588177491a8717315ac248e5ab97fde7e04ac5c5bab5c46e4a57eafeaae4e8b7a650c6a499a7a95504882acc83ca79b24d062352779ce0a4623c26270f7398ab50b8bd64", "c5f273fb902f743b86d2912da30160c1c8d41ffd56c65c145e2b34e9bdb7b5d9"),
        ("02f49092e1512359ca93ad0e509692aea3a74a7648f4e2018272d8a3fbc8333f174cbfaf18587d2098020c29107a45c0dc70221cc08d809297cf5d415d4c2f05b4ca501c3dbbbd2c22c5755161e73fb2fa0ca6e6c827f99d37dfb97806d7f87cf1689cb01332b921fd5df73c4105035a63bab25a189c2f3b04a7f3ac198ee51631", "bd71e283abfe1d3e0239e34455a272a93a8ec4f24b462711f79bb145b40005bf"),
        ("fee853740da3864e997dd97359404ad99ef2cd4cd88be5a8c34c29a83f2b7083ecb246a839fd2fdbe9293aecceac46e557e6990a4c49f37c6c5b70376c4bfadd6b88a48a64d364f9aca9fa6926ca653a8bf420a83e6f5e0c061b10317216f9019dbb381c727feb3bebdc93e02b341a134d23f96ebe6ff827fe4c2b10af996e7b3d4b044b78213ee070f149e5c78beb6bbc7e9219e7e6ba1b4cbb484cb862a4bd57270a60f3f7d508097e4c73b3301bb83ee37bf1e62360f0ac07d1917bd217", "5b869f86f80a0ebc24a3d640cfe18db68ffa250d6686bedd7ea18a0e4491a86d"),
        ("9a6c393a19ae749049c999f9a6aa5d350db76fad8f5394b5ae6b4afc33fb85eef707feae6f15a4af89e88b7032eef17c3ced17656bf3bcf869208b617437bacd3ee392d1846399028a81c46e54903f7d016547aa14f512fce5b42474b1e76adca7212de96895635dc94a59daf44fc8c0abce698b29d4431099436139f1acc16f7428ee4ea4f8c25cddd0df7279c9049c19908dac1944b3638de337b0ac862b5865d0768be5aa4afaff888bb7d45dda310295bf17c0f5cee31c367532a3dba4238211de47aae941df", "c6739320108456f6e7fe8278cfb4f0c3a634a36150d8e13945e8c516e58dfc2c"),
        ("2ecc238b9caf16feb71e8e3e67b68f2edaa69b9b1b088cfceaeba065024a3623f22387416d3cf12cd5b74a84f55d84613e5582c3e7e0caf4bff09e29580552d96a23196f1006e1cfefac5dcf95f96646ee4e08f82b7d2f09ed0f387f474e295407aa5aba2c59ce1f17bf65a68b1cfd3561da0f35704ff4aa2d4abe436a297b443d2eb210f038fb9aecc4fe211fb4bd79b1eeb145a5931262ea7d4c96a2dcf5ae58ad6b156e31f242de50122ec09d19ddba23fb54c637403712ce31791fca541a73503a1c1607836dedff4414b02d478180f61b6d510414a201e2b85657a868b4ee788d389f601e27611d81179fbf72e681aa105fd1e28cda734e4e98f69e31", "1ab64760cc2a92871c0605ab2580ecf631b329b0ee02a4cfa557912691dd1d72"),
    ]
    static let generatedInputs: [(seed: UInt64, count: Int, digest: String)] = [
        (1, 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (2, 1000, "23dde59be9aa588d603e099243c17b2ba8ea7aefb23d334a3eb5134fd85f484d"),
        (3, 4096, "59c71b6c97c9ffa48c7c2e33e0cdf9f3aa95021825dfd9423ad7a6fe779b3c38"),
        (4, 65537, "b505e2c3c3e40c3a5a161cd4cc0dbaaba3ffa0034138e04c07965a538653bfe8"),
        (5, 1000003, "7e0cc7d0bce3cf87bbab6f049ab9f6b0ff147d4cad3e2369cc8c98ee3e1ea495"),
    ]
}
