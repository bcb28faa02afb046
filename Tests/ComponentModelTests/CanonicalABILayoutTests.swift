import Testing
@testable import ComponentModel
import WasmInterp

/// Sizes, alignments and flattenings, checked against the rules of CanonicalABI.md.
@Suite struct CanonicalABILayoutTests {
    private func layout(_ type: ComponentValueType) throws -> (UInt32, UInt32, [ValueType]) {
        let layout = try CanonicalTypeLayout(type)
        return (layout.size, layout.alignment, layout.flatTypes)
    }

    private func record(_ types: ComponentValueType...) -> ComponentValueType {
        .record(types.enumerated().map { .init(name: "f\($0.offset)", type: $0.element) })
    }

    private func variant(_ payloads: ComponentValueType?...) -> ComponentValueType {
        .variant(payloads.enumerated().map { .init(name: "c\($0.offset)", payload: $0.element) })
    }

    @Test func scalarsHaveTheirNaturalSizeAndOneFlatValue() throws {
        #expect(try layout(.bool) == (1, 1, [.i32]))
        #expect(try layout(.s8) == (1, 1, [.i32]))
        #expect(try layout(.u16) == (2, 2, [.i32]))
        #expect(try layout(.s32) == (4, 4, [.i32]))
        #expect(try layout(.u64) == (8, 8, [.i64]))
        #expect(try layout(.f32) == (4, 4, [.f32]))
        #expect(try layout(.f64) == (8, 8, [.f64]))
        #expect(try layout(.char) == (4, 4, [.i32]))
    }

    @Test func stringsAndListsAreAPointerAndALength() throws {
        #expect(try layout(.string) == (8, 4, [.i32, .i32]))
        #expect(try layout(.list(.u8)) == (8, 4, [.i32, .i32]))
        #expect(try layout(.list(.f64)) == (8, 4, [.i32, .i32]))
    }

    @Test func recordFieldsAreAlignedAndTheSizeRoundedToTheAlignment() throws {
        #expect(try layout(record(.u8, .u32, .u8)) == (12, 4, [.i32, .i32, .i32]))
        #expect(try layout(record(.u8, .u16)) == (4, 2, [.i32, .i32]))
        #expect(try layout(record(.u64, .u8)) == (16, 8, [.i64, .i32]))
        #expect(try layout(.tuple([.u8, .tuple([.u8, .u32])])) == (12, 4, [.i32, .i32, .i32]))
        #expect(try layout(record(.string, .f64)) == (16, 8, [.i32, .i32, .f64]))
    }

    @Test func variantsPutThePayloadAfterTheDiscriminantAtTheLargestCaseAlignment() throws {
        #expect(try layout(.option(.u8)) == (2, 1, [.i32, .i32]))
        #expect(try layout(.option(.u32)) == (8, 4, [.i32, .i32]))
        #expect(try layout(.option(.u64)) == (16, 8, [.i32, .i64]))
        #expect(try layout(.option(.list(.u8))) == (12, 4, [.i32, .i32, .i32]))
        #expect(try layout(.result(ok: nil, error: nil)) == (1, 1, [.i32]))
        #expect(try layout(.result(ok: nil, error: .string)) == (12, 4, [.i32, .i32, .i32]))
        #expect(try layout(.enum(["a", "b"])) == (1, 1, [.i32]))
    }

    @Test func theDiscriminantIsTheSmallestIntegerNumberingEveryCase() throws {
        let labels = { (count: Int) in (0..<count).map { "c\($0)" } }
        #expect(try layout(.enum(labels(256))) == (1, 1, [.i32]))
        #expect(try layout(.enum(labels(257))) == (2, 2, [.i32]))
        #expect(try layout(.enum(labels(65536))) == (2, 2, [.i32]))
        #expect(try layout(.enum(labels(65537))) == (4, 4, [.i32]))
        let wide = try CanonicalTypeLayout(.variant(labels(257).map { .init(name: $0, payload: .u8) }))
        #expect(wide.size == 4)
        guard case .variant(let variant) = wide.shape else { Issue.record("not a variant"); return }
        #expect(variant.payloadOffset == 2)
    }

    @Test func variantPayloadsJoinToTheTightestCommonCoreType() throws {
        #expect(try layout(variant(.u32, .f32)).2 == [.i32, .i32])
        #expect(try layout(variant(.f32, .f32)).2 == [.i32, .f32])
        #expect(try layout(variant(.u32, .u64)).2 == [.i32, .i64])
        #expect(try layout(variant(.f64, .f32)).2 == [.i32, .i64])
        #expect(try layout(variant(.f64, .f64)).2 == [.i32, .f64])
        #expect(try layout(variant(.u32, .f32, .u64, .f64, .string)).2 == [.i32, .i64, .i32])
        #expect(try layout(variant(nil, .string, nil)).2 == [.i32, .i32, .i32])
        #expect(try layout(.result(ok: .u32, error: .f32)).2 == [.i32, .i32])
    }

    @Test func flagsArePackedIntoTheSmallestInteger() throws {
        let labels = { (count: Int) in (0..<count).map { "f\($0)" } }
        #expect(try layout(.flags(labels(1))) == (1, 1, [.i32]))
        #expect(try layout(.flags(labels(8))) == (1, 1, [.i32]))
        #expect(try layout(.flags(labels(9))) == (2, 2, [.i32]))
        #expect(try layout(.flags(labels(16))) == (2, 2, [.i32]))
        #expect(try layout(.flags(labels(17))) == (4, 4, [.i32]))
        #expect(try layout(.flags(labels(32))) == (4, 4, [.i32]))
    }

    @Test func handlesAreI32Indices() throws {
        let resource = ResourceType(id: 1, name: "r")
        #expect(try layout(.own(resource)) == (4, 4, [.i32]))
        #expect(try layout(.borrow(resource)) == (4, 4, [.i32]))
    }

    @Test func emptyAndOversizedTypesAreRejected() {
        let rejected: [ComponentValueType] = [
            .record([]), .tuple([]), .variant([]), .enum([]), .flags([]),
            .flags((0..<33).map { "f\($0)" }),
            .list(.record([])),
        ]
        for type in rejected {
            #expect(throws: CanonicalABIError.self) { try CanonicalTypeLayout(type) }
        }
    }

    @Test func deeplyNestedTypesAreRejected() {
        var type = ComponentValueType.u8
        for _ in 0..<(CanonicalTypeLayout.maxDepth + 5) { type = .option(type) }
        #expect(throws: CanonicalABIError.self) { try CanonicalTypeLayout(type) }
    }

    @Test func sharedSubtreesCannotBlowUpLayoutWork() {
        // 2^40 leaves described by 40 shared levels.
        var type = ComponentValueType.u8
        for _ in 0..<40 { type = .tuple([type, type]) }
        #expect(throws: CanonicalABIError.self) { try CanonicalTypeLayout(type) }
    }

    @Test func sixteenFlatParametersArePassedDirectlySeventeenSpill() throws {
        let sixteen = try CanonicalSignature(functionType(Array(repeating: .u32, count: 16), nil))
        #expect(!sixteen.parametersSpill)
        #expect(sixteen.coreType(.lift) == FunctionType(parameters: Array(repeating: .i32, count: 16), results: []))
        let seventeen = try CanonicalSignature(functionType(Array(repeating: .u32, count: 15) + [.string], nil))
        #expect(seventeen.parametersSpill)
        #expect(seventeen.coreType(.lift) == FunctionType(parameters: [.i32], results: []))
        #expect(seventeen.coreType(.lower) == FunctionType(parameters: [.i32], results: []))
    }

    @Test func aResultOfMoreThanOneFlatValueIsReturnedThroughMemory() throws {
        let single = try CanonicalSignature(functionType([.f64], .f32))
        #expect(single.coreType(.lift) == FunctionType(parameters: [.f64], results: [.f32]))
        #expect(single.coreType(.lower) == FunctionType(parameters: [.f64], results: [.f32]))
        let pair = try CanonicalSignature(functionType([.u8], .string))
        #expect(pair.coreType(.lift) == FunctionType(parameters: [.i32], results: [.i32]))
        #expect(pair.coreType(.lower) == FunctionType(parameters: [.i32, .i32], results: []))
        let none = try CanonicalSignature(functionType([], nil))
        #expect(none.coreType(.lift) == FunctionType(parameters: [], results: []))
    }

    @Test func resultsCannotContainBorrows() {
        let resource = ResourceType(id: 1, name: "r")
        #expect(throws: CanonicalABIError.self) { try CanonicalSignature(functionType([], .borrow(resource))) }
        #expect(throws: CanonicalABIError.self) { try CanonicalSignature(functionType([], .list(.option(.borrow(resource))))) }
        #expect(throws: Never.self) { try CanonicalSignature(functionType([.borrow(resource)], .own(resource))) }
    }

    @Test func typedLayoutsAgreeWithTheirComponentTypes() throws {
        func check<T: CanonicalValue>(_: T.Type) throws {
            let layout = try CanonicalTypeLayout(T.componentType)
            let typed = T.canonicalLayout
            #expect(typed == CanonicalValueLayout(size: layout.size, alignment: layout.alignment, flatCount: layout.flatTypes.count),
                    "\(T.self)")
        }
        try check(Bool.self)
        try check(Int16.self)
        try check(UInt64.self)
        try check(Double.self)
        try check(Unicode.Scalar.self)
        try check(String.self)
        try check([UInt8].self)
        try check([UInt8]?.self)
        try check(UInt64?.self)
        try check([Int16?].self)
        try check(ComponentResult<ComponentTuple<[UInt8]?>, String>.self)
        try check(ComponentResult<CanonicalUnit, String>.self)
        try check(ComponentResult<UInt8, Double>.self)
        try check(ComponentTuple<UInt8, UInt64, String>.self)
        #expect(ComponentResult<CanonicalUnit, String>.componentType == .result(ok: nil, error: .string))
        #expect(ComponentTuple<[UInt8]?>.componentType == .tuple([.option(.list(.u8))]))
    }
}
