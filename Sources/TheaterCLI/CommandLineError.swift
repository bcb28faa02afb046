/// Why a command could not do its work. Both end the process with exit status 2.
enum CommandLineError: Error {
    /// The command line itself is wrong: the usage text is printed.
    case usage(String)
    /// The input is unusable (missing file, malformed or invalid module, bad argument).
    case failure(String)
    /// `--help` came up inside a command: the usage text is printed and the exit status is 0.
    case helpRequested
}

/// Exit statuses of `theater`.
enum ExitStatus {
    static let success: Int32 = 0
    /// `spectest`: some command failed.
    static let testsFailed: Int32 = 1
    /// Bad usage or unusable input.
    static let error: Int32 = 2
    /// The Wasm code trapped (including running out of fuel).
    static let trapped: Int32 = 3
}
