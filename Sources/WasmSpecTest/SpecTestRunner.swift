import WasmInterp

// Placeholder: runs wast2json-style spec suites (see the spec runner issue work).
public enum SpecTestRunnerPlaceholder {}
