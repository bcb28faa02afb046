import Testing
@testable import WasmInterp

@Test func valueDescriptionFormatsSignedIntegers() {
    #expect(Value.i32(UInt32.max).description == "-1")
}
