/// What the validation rules may look up about a module (the spec's context `C`):
/// every index space with imports first, element segment types, the data count and the
/// set of function indices that are "declared" and so may be taken by `ref.func`.
struct ValidationContext {
    var types: [FunctionType]
    /// The type of each function in the function index space (imports first).
    var functions: [FunctionType] = []
    var tables: [TableType] = []
    var memories: [MemoryType] = []
    var globals: [GlobalType] = []
    /// Imported globals come first in `globals`; only those may be read by global initializers.
    var importedGlobalCount = 0
    var elementTypes: [ReferenceType] = []
    var dataCount: UInt32?
    /// `declaredFunctionReferences[i]`: function `i` occurs outside function bodies
    /// (element segments, exports, global initializers), so `ref.func i` is allowed.
    var declaredFunctionReferences: [Bool] = []

    init(types: [FunctionType]) {
        self.types = types
    }

    func type(at index: UInt32) throws(ValidationError) -> FunctionType {
        guard index < types.count else { throw ValidationError("unknown type \(index)") }
        return types[Int(index)]
    }

    func function(at index: UInt32) throws(ValidationError) -> FunctionType {
        guard index < functions.count else { throw ValidationError("unknown function \(index)") }
        return functions[Int(index)]
    }

    func table(at index: UInt32) throws(ValidationError) -> TableType {
        guard index < tables.count else { throw ValidationError("unknown table \(index)") }
        return tables[Int(index)]
    }

    func memory(at index: UInt32) throws(ValidationError) -> MemoryType {
        guard index < memories.count else { throw ValidationError("unknown memory \(index)") }
        return memories[Int(index)]
    }

    func global(at index: UInt32) throws(ValidationError) -> GlobalType {
        guard index < globals.count else { throw ValidationError("unknown global \(index)") }
        return globals[Int(index)]
    }

    func elementType(at index: UInt32) throws(ValidationError) -> ReferenceType {
        guard index < elementTypes.count else { throw ValidationError("unknown elem segment \(index)") }
        return elementTypes[Int(index)]
    }

    /// Checks a data segment index used by `memory.init` / `data.drop`, which the spec
    /// only allows when the data count section announces the segments in advance.
    func checkDataSegment(_ index: UInt32) throws(ValidationError) {
        guard let dataCount else { throw ValidationError("data count section required") }
        guard index < dataCount else { throw ValidationError("unknown data segment \(index)") }
    }

    func isDeclaredFunctionReference(_ index: UInt32) -> Bool {
        index < declaredFunctionReferences.count && declaredFunctionReferences[Int(index)]
    }
}
