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
}
