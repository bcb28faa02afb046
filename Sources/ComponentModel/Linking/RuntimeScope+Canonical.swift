import WasmInterp

/// Resource type definitions and canonical functions: `canon lift` makes component
/// functions of core functions, `canon lower` core functions of component functions, and
/// the resource built-ins core functions over the instance's handle table.
extension RuntimeScope {
    func defineType(_ type: ComponentTypeDefinition) throws(ComponentLinkError) {
        let id = try currentTypeID()
        typeCount += 1
        guard case .resource(_, let destructorIndex) = type else { return }
        let resource = arena.resourceType(id)
        state.defineResource(resource)
        if let destructorIndex {
            let destructor = try entry(coreFunctions, Int(destructorIndex), "core func")
            context.destructors.register(resource, ResourceBuiltins.guestDestructor(destructor, implementedBy: state))
        }
    }

    /// Defines the `canon` definition at `position` of the component's definitions (where
    /// the blueprint keeps its signature for later instantiations).
    func defineCanonical(_ function: CanonicalFunction, at position: Int) throws(ComponentLinkError) {
        switch function {
        case .lift(let coreFunctionIndex, let options, let typeIndex):
            let (type, signature) = try blueprint.liftSignature(at: position) { () throws(ComponentLinkError) in
                let type = try functionType(typeIndex)
                return (type, try self.signature(type))
            }
            let lifted = LiftedFunction(
                coreFunction: try entry(coreFunctions, Int(coreFunctionIndex), "core func"),
                signature: signature, options: try canonicalOptions(options), instance: state,
                states: context.states)
            functions.append(ComponentFunction(type: type, implementation: .lifted(lifted)))
        case .lower(let functionIndex, let options):
            let function = try entry(functions, Int(functionIndex), "func")
            let signature = try blueprint.lowerSignature(at: position, type: function.type) { () throws(ComponentLinkError) in
                try self.signature(function.type)
            }
            coreFunctions.append(Function(try lower(function, signature: signature, options: try canonicalOptions(options))))
        case .resourceNew(let typeIndex):
            let resource = arena.resourceType(try typeID(typeIndex))
            coreFunctions.append(Function(ResourceBuiltins.new(resource, instance: state)))
        case .resourceRep(let typeIndex):
            let resource = arena.resourceType(try typeID(typeIndex))
            coreFunctions.append(Function(ResourceBuiltins.rep(resource, instance: state)))
        case .resourceDrop(let typeIndex):
            let resource = arena.resourceType(try typeID(typeIndex))
            let destructors = context.destructors
            coreFunctions.append(Function(ResourceBuiltins.drop(resource, instance: state) {
                representation, droppedBy in try destructors.destructor(for: resource)?(representation, droppedBy)
            }))
        }
    }

    /// `canon lower`: a core function calling `function` from this instance.
    private func lower(
        _ function: ComponentFunction, signature: CanonicalSignature, options: CanonicalOptions
    ) throws(ComponentLinkError) -> HostFunction {
        let implementation: @Sendable ([ComponentValue]) throws -> HostCallResult
        switch function.implementation {
        case .host(let definition):
            switch definition.body {
            case .values(let body):
                implementation = body
            case .typed(let body):
                return try lowered { () throws(CanonicalABIError) in
                    try HostFunction.loweredTyped(signature: signature, options: options, instance: state, implementation: body)
                }
            }
        case .lifted(let lifted):
            // A call into another component instance, run to completion. It goes into the
            // store, so it refers to the two instances weakly (both hold the store) and not
            // to the `LiftedFunction`, which owns every state of the instantiation.
            let (callee, calleeFunction) = (WeakInstanceState(lifted.instance), lifted.coreFunction)
            let (calleeSignature, calleeOptions) = (lifted.signature, lifted.options)
            let caller = WeakInstanceState(state)
            implementation = { arguments in
                let call = try GuestCall(
                    function: calleeFunction, signature: calleeSignature, options: calleeOptions,
                    instance: try callee.get(), arguments: arguments, caller: try caller.get())
                return .value(try call.complete())
            }
        }
        return try lowered { () throws(CanonicalABIError) in
            try HostFunction.lowered(signature: signature, options: options, instance: state, implementation: implementation)
        }
    }

    private func lowered(
        _ make: () throws(CanonicalABIError) -> HostFunction
    ) throws(ComponentLinkError) -> HostFunction {
        do {
            return try make()
        } catch {
            throw invalid("canon lower: \(error)")
        }
    }

    private func functionType(_ typeIndex: UInt32) throws(ComponentLinkError) -> ComponentFunctionType {
        let id = try typeID(typeIndex)
        do {
            return try arena.functionType(id)
        } catch {
            throw invalid(error.message)
        }
    }

    private func signature(_ type: ComponentFunctionType) throws(ComponentLinkError) -> CanonicalSignature {
        do {
            return try CanonicalSignature(type)
        } catch {
            throw invalid("\(error)")
        }
    }

    private func canonicalOptions(_ options: [CanonicalFunction.Option]) throws(ComponentLinkError) -> CanonicalOptions {
        var result = CanonicalOptions()
        for option in options {
            switch option {
            case .stringEncoding(.utf8): result.stringEncoding = .utf8
            case .stringEncoding(.utf16): result.stringEncoding = .utf16
            case .stringEncoding(.latin1UTF16): result.stringEncoding = .latin1UTF16
            case .memory(let index): result.memory = try entry(coreMemories, Int(index), "core memory")
            case .realloc(let index): result.realloc = try entry(coreFunctions, Int(index), "core func")
            case .postReturn(let index): result.postReturn = try entry(coreFunctions, Int(index), "core func")
            case .async, .callback: throw ComponentLinkError(.unsupported, "async canonical options are not supported")
            }
        }
        return result
    }
}
