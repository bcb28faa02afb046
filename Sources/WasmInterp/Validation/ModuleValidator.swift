// Placeholder until the validator lands: the API the rest of the package relies on.
public enum ModuleValidator {
    /// Validates a decoded module per the WebAssembly 2.0 spec.
    public static func validate(_ module: Module) throws(ValidationError) {}
}
