import Testing
@testable import ComponentModel

@Suite struct WITPrinterTests {
    /// `Fixtures/build.sh` saves what `wasm-tools component wit` prints for each fixture.
    @Test(arguments: try ComponentFixtures.allNames())
    func printsTheSameWorldAsWasmTools(_ name: String) throws {
        let expected = try ComponentFixtures.text("\(name).expected.wit")
        let printed = try WITPrinter.print(ComponentFixtures.decode(name))
        #expect(printed == expected)
    }
}
