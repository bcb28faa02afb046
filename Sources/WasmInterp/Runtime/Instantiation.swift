// Placeholder until instantiation lands: the API the rest of the package relies on.
extension Store {
    /// Validates `module`, resolves its imports, allocates and initializes its tables,
    /// memories, globals and segments, and runs its start function.
    public func instantiate(_ module: Module, imports: Imports = Imports()) throws -> ModuleInstance {
        throw LinkError(module: "", name: "", message: "instantiation not implemented")
    }
}
