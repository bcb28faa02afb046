import Testing
@testable import ComponentModel

@Suite struct ComponentDecodingTests {
    @Test func actorFixtureDecodesItsSectionsInOrder() throws {
        let component = try ComponentFixtures.decode("actor-counter")
        let imports = component.definitions.compactMap { definition -> String? in
            if case .import(let componentImport) = definition { return componentImport.name.name }
            return nil
        }
        #expect(imports == ["theater:simple/types", "theater:simple/runtime", "theater:simple/message-server-host"])
        let exports = component.definitions.compactMap { definition -> String? in
            if case .export(let export) = definition { return export.name.name }
            return nil
        }
        #expect(exports == ["theater:simple/actor", "theater:simple/message-server-client"])
        let coreModules = component.definitions.filter { if case .coreModule = $0 { true } else { false } }
        #expect(coreModules.count == 3)
        #expect(component.customSections.map(\.name).contains("producers"))
    }

    @Test func everyFixtureDecodesAndResolves() throws {
        let names = try ComponentFixtures.allNames()
        #expect(!names.isEmpty)
        for name in names {
            let component = try ComponentFixtures.decode(name)
            _ = try TypeResolver.resolve(component)
        }
    }

    @Test func namesWithAttributesKeepTheirVersionSuffix() throws {
        // (type (instance)) then (import "a:b/c@0.2" (versionsuffix ".1") (instance (type 0))).
        let preamble: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x01, 0x00]
        let name = Array("a:b/c@0.2".utf8)
        let importEntry: [UInt8] = [0x02, UInt8(name.count)] + name + [1, 0x01, 2] + Array(".1".utf8) + [0x05, 0]
        let bytes = preamble + [7, 3, 1, 0x42, 0] + [10, UInt8(importEntry.count + 1), 1] + importEntry
        let component = try Component(bytes: bytes)
        guard case .import(let componentImport) = component.definitions.last else {
            Issue.record("no import")
            return
        }
        #expect(componentImport.name.name == "a:b/c@0.2")
        #expect(componentImport.name.versionSuffix == ".1")
        #expect(componentImport.name.fullName == "a:b/c@0.2.1")
        #expect(try WITPrinter.print(component).contains("import a:b/c@0.2.1;"))
    }
}
