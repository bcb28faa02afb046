import WasmInterp

/// The component-model layer (components, canonical ABI); built in its own issue.
public enum ComponentModelLayer {}
