/// Turning arena types into the fully resolved `ComponentValueType` and
/// `ComponentFunctionType` that lifting and lowering work with.
extension TypeArena {
    /// Expanded types share nothing, so a type that uses another twice doubles; a hostile
    /// component could nest that into an exponential size. Expansion stops past this many
    /// nodes.
    static let expansionNodeLimit = 100_000

    func functionType(_ id: TypeID) throws(ComponentTypeError) -> ComponentFunctionType {
        guard case .function(let shape) = self[unaliased(id)] else {
            throw ComponentTypeError("type is not a function type")
        }
        var budget = Self.expansionNodeLimit
        var parameters: [(name: String, type: ComponentValueType)] = []
        for parameter in shape.parameters {
            parameters.append((parameter.name, try valueType(parameter.type, budget: &budget)))
        }
        let result = try shape.result.map { (reference) throws(ComponentTypeError) in
            try valueType(reference, budget: &budget)
        }
        return ComponentFunctionType(parameters: parameters, result: result)
    }

    func valueType(_ reference: TypeReference) throws(ComponentTypeError) -> ComponentValueType {
        var budget = Self.expansionNodeLimit
        return try valueType(reference, budget: &budget)
    }

    func valueType(_ reference: TypeReference, budget: inout Int) throws(ComponentTypeError) -> ComponentValueType {
        budget -= 1
        guard budget >= 0 else { throw ComponentTypeError("value type too large to expand") }
        switch reference {
        case .primitive(let primitive):
            return primitive.valueType
        case .defined(let id):
            guard case .value(let shape) = self[unaliased(id)] else {
                throw ComponentTypeError("type is not a value type")
            }
            return try valueType(shape, budget: &budget)
        }
    }

    private func valueType(_ shape: ValueTypeShape, budget: inout Int) throws(ComponentTypeError) -> ComponentValueType {
        switch shape {
        case .primitive(let primitive):
            return primitive.valueType
        case .record(let fields):
            var resolved: [ComponentValueType.Field] = []
            for field in fields {
                resolved.append(.init(name: field.name, type: try valueType(field.type, budget: &budget)))
            }
            return .record(resolved)
        case .variant(let cases):
            var resolved: [ComponentValueType.Case] = []
            for variantCase in cases {
                resolved.append(.init(name: variantCase.name, payload: try optionalValueType(variantCase.payload, budget: &budget)))
            }
            return .variant(resolved)
        case .list(let element):
            return .list(try valueType(element, budget: &budget))
        case .tuple(let elements):
            var resolved: [ComponentValueType] = []
            for element in elements { resolved.append(try valueType(element, budget: &budget)) }
            return .tuple(resolved)
        case .flags(let names):
            return .flags(names)
        case .enum(let names):
            return .enum(names)
        case .option(let payload):
            return .option(try valueType(payload, budget: &budget))
        case .result(let ok, let error):
            return .result(ok: try optionalValueType(ok, budget: &budget), error: try optionalValueType(error, budget: &budget))
        case .own(let resource):
            return .own(resourceType(resource))
        case .borrow(let resource):
            return .borrow(resourceType(resource))
        }
    }

    private func optionalValueType(_ reference: TypeReference?, budget: inout Int) throws(ComponentTypeError) -> ComponentValueType? {
        guard let reference else { return nil }
        return try valueType(reference, budget: &budget)
    }

    /// The resource a handle type refers to: identified by its arena entry.
    func resourceType(_ id: TypeID) -> ResourceType {
        let resource = unaliased(id)
        return ResourceType(id: resource.index, name: name(of: resource) ?? name(of: id) ?? "resource")
    }
}
