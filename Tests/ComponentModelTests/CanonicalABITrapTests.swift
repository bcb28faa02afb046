import Testing
@testable import ComponentModel
import WasmInterp

/// Each trap of lifting and lowering, provoked by a guest returning crafted values:
/// `return_words(a, b)` returns a pointer to the words (a, b); `identity_i32(x)` returns x.
@Suite struct CanonicalABITrapTests {
    /// The error of lifting `(a, b)` as the result `type` (which must spill to memory).
    private func wordsError(
        _ a: UInt32, _ b: UInt32, as type: ComponentValueType, encoding: CanonicalStringEncoding = .utf8,
        prepare: (CanonicalABITestGuest) throws -> Void = { _ in }
    ) throws -> CanonicalABIError? {
        let guest = try CanonicalABITestGuest(encoding: encoding)
        try prepare(guest)
        return try guest.callError("return_words", functionType([.u32, .u32], type), [.u32(a), .u32(b)])
    }

    /// The error of lifting `x` as the result `type` (one flat i32).
    private func identityError(_ x: UInt32, as type: ComponentValueType) throws -> CanonicalABIError? {
        let guest = try CanonicalABITestGuest()
        return try guest.callError("identity_i32", functionType([.u32], type), [.u32(x)])
    }

    @Test func misalignedPointersTrap() throws {
        guard case .misalignedPointer(60001, 2)? = try wordsError(60001, 2, as: .string, encoding: .utf16) else {
            Issue.record("utf16 string at an odd address"); return
        }
        guard case .misalignedPointer(60002, 4)? = try wordsError(60002, 1, as: .list(.u32)) else {
            Issue.record("list<u32> at 60002"); return
        }
        // The returned pointer to a spilled result must itself be aligned.
        guard case .misalignedPointer(2, 4)? = try identityError(2, as: .string) else {
            Issue.record("return area at 2"); return
        }
    }

    @Test func outOfBoundsRangesTrap() throws {
        guard case .outOfBounds(65530, 100, 65536)? = try wordsError(65530, 100, as: .string) else {
            Issue.record("string past the end"); return
        }
        guard case .outOfBounds? = try wordsError(0xFFFF_FFF0, 0x20, as: .list(.u8)) else {
            Issue.record("list wrapping around 2^32"); return
        }
        guard case .outOfBounds? = try identityError(0xFFFF_FFF8, as: .string) else {
            Issue.record("return area past the end"); return
        }
    }

    @Test func invalidUTF8Traps() throws {
        let error = try wordsError(60000, 2, as: .string) { try $0.poke([0xC3, 0x28], at: 60000) }
        guard case .invalidString(.utf8)? = error else { Issue.record("\(String(describing: error))"); return }
        let truncated = try wordsError(60000, 1, as: .string) { try $0.poke([0xE2], at: 60000) }
        guard case .invalidString(.utf8)? = truncated else { Issue.record("\(String(describing: truncated))"); return }
    }

    @Test func loneSurrogatesInUTF16Trap() throws {
        let error = try wordsError(60000, 2, as: .string, encoding: .utf16) {
            try $0.poke([0x61, 0x00, 0x00, 0xD8], at: 60000)
        }
        guard case .invalidString(.utf16)? = error else { Issue.record("\(String(describing: error))"); return }
        let tagged = try wordsError(60000, 2 | 0x8000_0000, as: .string, encoding: .latin1UTF16) {
            try $0.poke([0x00, 0xDC, 0x61, 0x00], at: 60000)
        }
        guard case .invalidString(.latin1UTF16)? = tagged else { Issue.record("\(String(describing: tagged))"); return }
    }

    @Test func invalidCharsTrap() throws {
        guard case .invalidChar(0xD800)? = try identityError(0xD800, as: .char) else { Issue.record("surrogate"); return }
        guard case .invalidChar(0xDFFF)? = try identityError(0xDFFF, as: .char) else { Issue.record("surrogate"); return }
        guard case .invalidChar(0x11_0000)? = try identityError(0x11_0000, as: .char) else { Issue.record("too large"); return }
    }

    @Test func discriminantsPastTheLastCaseTrap() throws {
        guard case .invalidDiscriminant(3, 3)? = try identityError(3, as: .enum(["a", "b", "c"])) else {
            Issue.record("enum"); return
        }
        // option<u32> in memory: discriminant byte 2.
        guard case .invalidDiscriminant(2, 2)? = try wordsError(2, 7, as: .option(.u32)) else {
            Issue.record("option"); return
        }
        guard case .invalidDiscriminant(2, 2)? = try wordsError(2, 7, as: .result(ok: .u32, error: nil)) else {
            Issue.record("result"); return
        }
    }

    @Test func oversizedListsAndStringsTrap() throws {
        guard case .valueTooLong(1 << 29)? = try wordsError(0, 1 << 26, as: .list(.u64)) else {
            Issue.record("list<u64> of 2^26 elements"); return
        }
        guard case .valueTooLong? = try wordsError(0, 0xFFFF_FFFF, as: .list(.tuple([.u64, .u64]))) else {
            Issue.record("length times element size overflowing 32 bits"); return
        }
        guard case .valueTooLong(1 << 28)? = try wordsError(0, 1 << 28, as: .string) else {
            Issue.record("string of 2^28 bytes"); return
        }
        guard case .valueTooLong? = try wordsError(0, 0x7FFF_FFFF, as: .string, encoding: .utf16) else {
            Issue.record("utf16 string of 2^31 units"); return
        }
    }

    @Test func boolsAreTrueForAnyNonzeroValue() throws {
        let guest = try CanonicalABITestGuest()
        #expect(try guest.call("identity_i32", functionType([.u32], .bool), [.u32(2)]) == .bool(true))
        #expect(try guest.call("identity_i32", functionType([.u32], .bool), [.u32(0x100)]) == .bool(true))
        #expect(try guest.call("identity_i32", functionType([.u32], .bool), [.u32(0)]) == .bool(false))
        // In memory a bool is one byte: 0x0100 has a zero low byte.
        let inMemory = functionType([.u32, .u32], .tuple([.bool, .u32]))
        #expect(try guest.call("return_words", inMemory, [.u32(0x0100), .u32(5)]) == .tuple([.bool(false), .u32(5)]))
        #expect(try guest.call("return_words", inMemory, [.u32(0x02), .u32(5)]) == .tuple([.bool(true), .u32(5)]))
    }

    @Test func narrowIntegersIgnoreTheHighBitsOfTheirI32() throws {
        let guest = try CanonicalABITestGuest()
        #expect(try guest.call("identity_i32", functionType([.u32], .u8), [.u32(0x1FF)]) == .u8(0xFF))
        #expect(try guest.call("identity_i32", functionType([.u32], .s16), [.u32(0x1_8000)]) == .s16(-32768))
    }

    @Test func liftedNaNsAreCanonical() throws {
        let guest = try CanonicalABITestGuest()
        let result = try guest.call(
            "return_words", functionType([.u32, .u32], .tuple([.f32, .f32])), [.u32(0x7FC0_0001), .u32(0xFFC0_0000)])
        guard case .tuple(let values)? = result, values.count == 2,
              case .f32(let first) = values[0], case .f32(let second) = values[1]
        else { Issue.record("\(String(describing: result))"); return }
        #expect(first.bitPattern == 0x7FC0_0000)
        #expect(second.bitPattern == 0x7FC0_0000)
    }

    @Test func flagBitsBeyondTheLabelsAreIgnored() throws {
        let guest = try CanonicalABITestGuest()
        let result = try guest.call("identity_i32", functionType([.u32], .flags(["a", "b"])), [.u32(0xFFFF_FFFE)])
        #expect(result == .flags([false, true]))
    }

    @Test func reallocReturningABadPointerTraps() throws {
        let misaligned = try CanonicalABITestGuest()
        try misaligned.setReallocMode(1)
        let error = try misaligned.callError("return_words", functionType([.list(.u32)], .u32), [.list([.u32(1)])])
        guard case .misalignedPointer? = error else { Issue.record("\(String(describing: error))"); return }

        let outside = try CanonicalABITestGuest()
        try outside.setReallocMode(2)
        let outsideError = try outside.callError("return_words", functionType([.string], .u32), [.string("hello")])
        guard case .outOfBounds? = outsideError else { Issue.record("\(String(describing: outsideError))"); return }
    }

    @Test func aTrapLeavesTheInstanceUnusable() throws {
        let guest = try CanonicalABITestGuest()
        guard case .invalidChar? = try guest.callError("identity_i32", functionType([.u32], .char), [.u32(0xD800)]) else {
            Issue.record("expected a trap"); return
        }
        #expect(guest.state.hasTrapped)
        let next = try guest.callError("identity_i32", functionType([.u32], .u32), [.u32(1)])
        guard case .cannotEnterInstance? = next else { Issue.record("\(String(describing: next))"); return }
    }

    @Test func coreTrapsInTheCalleeAreReported() throws {
        let guest = try CanonicalABITestGuest()
        // The host import is not bound: the trampoline throws, the guest traps.
        let error = try guest.callError("forward_i32", functionType([.u32], .u32), [.u32(1)])
        guard case .coreTrap(let trap)? = error else { Issue.record("\(String(describing: error))"); return }
        #expect(trap.description.contains("not bound"))
    }
}
