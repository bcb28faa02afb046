import WasmInterp

/// The `theater` command line: parses the arguments, runs the command, and returns the exit
/// status. `Sources/theater/main.swift` only calls this, so tests can run every command.
///
/// ```swift
/// let result = TheaterCommandLine.run(["wasm", "run", "add.wasm", "--invoke", "add", "1", "2"])
/// // result.exitStatus == 0, result.standardOutput == "3\n"
/// ```
public enum TheaterCommandLine {
    public static let usage = """
        usage: theater <command> [options]

        commands:
          wasm run FILE.wasm --invoke NAME [ARG...] [--fuel N] [--trace] [--no-fuel-metering]
                   [--max-memory-pages N] [--max-table-elements N] [--max-call-depth N]
              Instantiate a module without imports, call its export NAME with the
              arguments (parsed by the parameter types) and print each result.
              --fuel N               stop with `trap: out of fuel` after N units of fuel
              --trace                print each executed instruction on standard error
              --no-fuel-metering     translate without fuel metering (--fuel is ignored)
              --max-memory-pages N   most 64 KiB pages a memory may have
              --max-table-elements N most elements a table may have
              --max-call-depth N     deepest call nesting before `call stack exhausted`
          wasm run FILE.wasm --calls CALLS [--fuel N] [--fuel-slice N] [--trace] [--no-fuel-metering]
                   [--max-... N]
              Instantiate once and run each line `EXPORT ARG...` of CALLS (EXPORT a
              name or #INDEX in the export list, arguments as bit patterns), with
              fuel N per call. Prints `instantiated`, then per call `ok TYPE:BITS...`,
              `trap: REASON` or `out of fuel`, then each exported global, memory
              (pages, CRC-32) and table (size, CRC-32 of its null entries).
              --fuel-slice N         run each call N fuel at a time, resuming until
                                     it ends or its --fuel is spent
          wasm inspect FILE.wasm
              Print a module's imports, exports, memories, tables, globals and counts;
              for a component, its world in WIT.
          component call FILE.wasm --calls CALLS.json [--fuel N]
              Call a component's exports as CALLS.json lists them, with stub imports
              (an import returns its first argument if that has the result's type,
              else a fixed value), printing one JSON line per action: its result,
              trap or running out of fuel N (per call), and the import calls it
              caused. For differential testing; the format is described in
              Sources/TheaterCLI/ComponentCallCommand.swift.
          spectest DIR [--filter SUBSTR]... [--exclude SUBSTR]... [--verbose]
              Run the WebAssembly spec scripts in DIR (wast2json layout); --verbose
              prints each failure. Text-format modules are counted as skipped.
          run MANIFEST... [--send NAME=TEXT [--repeat N]]... [--request NAME=TEXT]...
              [--events] [--trace[=NAME]] [--workers N] [--chain-dir DIR]
              [--request-timeout-ms MS]
              Spawn the actors the manifests describe, send the messages and requests
              in order, each once the system is quiescent (mailboxes empty, nothing
              running, no timer pending), and print each actor's final state. Actors'
              log lines are printed as [NAME] LINE. A request without a reply fails
              after 30 s (--request-timeout-ms; an actor's own requests: its [limits]
              request_timeout_ms, else --request-timeout-ms).
              A supervisor manifest ([supervisor]) starts its supervision tree; its
              actors are named by their path in the tree (worker, pipeline/sink), and
              their crashes are restarted (exit status 3 only if a root gives up).
              --send NAME=TEXT       send TEXT to the actor NAME's handle-send
              --repeat N             send the preceding --send N times
              --request NAME=TEXT    send a request; print `reply NAME: TEXT` (TEXT the
                                     reply as UTF-8, or 0x and hex) or `error NAME: MESSAGE`
              --events               print every actor's event chain as JSON lines
              --trace[=NAME]         print each Wasm instruction the actor NAME (or every
                                     actor) executes on standard error, as NAME: LINE
              --workers N            worker threads (default: one per processor; 0: run
                                     deterministically on the main thread)
              --chain-dir DIR        where actors with save_chain = true write their
                                     chain when they stop (default: next to their
                                     manifest), as DIR/NAME.chain.jsonl
              --request-timeout-ms MS  how long a request waits for its reply (default
                                     30000), the host's and actors' without their own
          chain verify FILE
              Check a saved event chain (or the JSON lines of --events): the sequence
              numbers, parent links and SHA-256 hashes of each actor's events. Exit
              status 1 if it does not verify.
          demo [--fixtures DIR] [--workers N]
              A narrated tour: a counter, ping-pong, a request from inside an actor, a
              crash, and an event chain, using the actor fixtures (Fixtures/actors).
          demo supervision [--fixtures DIR] [--workers N]
              A narrated tour of supervision trees: a restart with the last good state,
              a request to a crashing child, rest-for-one, a fuel limit, escalation, and
              a root supervisor that gives up.
          help
              Print this text.

        exit status: 0 success, 1 spec tests failed or a chain does not verify, 2 bad usage or input, 3 trap (or an
        actor crashed)
        """

    /// Runs the command line `arguments` (without the program name), writing to `output`.
    public static func run(_ arguments: [String], output: CommandOutput) -> Int32 {
        let status: Int32
        do {
            status = try dispatch(arguments, output: output)
        } catch {
            status = report(error, output: output)
        }
        output.flush()
        return status
    }

    private static func report(_ error: CommandLineError, output: CommandOutput) -> Int32 {
        switch error {
        case .usage(let message):
            output.printError("error: \(message)")
            output.printError(usage)
            return ExitStatus.error
        case .failure(let message):
            output.printError("error: \(message)")
            return ExitStatus.error
        case .helpRequested:
            output.printLine(usage)
            return ExitStatus.success
        }
    }

    /// Runs `arguments` and captures what they print: for tests.
    public static func run(_ arguments: [String]) -> CommandResult {
        let output = CommandOutput.capturing()
        let status = run(arguments, output: output)
        return CommandResult(
            exitStatus: status, standardOutput: output.capturedStandardOutput,
            standardError: output.capturedStandardError)
    }

    private static func dispatch(_ arguments: [String], output: CommandOutput) throws(CommandLineError) -> Int32 {
        var cursor = ArgumentCursor(arguments)
        guard let command = cursor.next() else { throw .usage("no command given") }
        switch command {
        case "help", "--help", "-h":
            output.printLine(usage)
            return ExitStatus.success
        case "wasm":
            return try dispatchWasm(&cursor, output: output)
        case "component":
            guard cursor.next() == "call" else { throw .usage("component needs a subcommand: call") }
            return try ComponentCallCommand.run(ComponentCallCommand.parse(&cursor), output: output)
        case "spectest":
            let options = try SpecTestCommand.Options.parse(&cursor)
            return SpecTestCommand.run(options, output: output)
        case "run":
            return try ActorRunCommand.run(ActorRunCommand.Options.parse(&cursor), output: output)
        case "chain":
            return try ChainVerifyCommand.run(path: ChainVerifyCommand.parsePath(&cursor), output: output)
        case "demo":
            var lookahead = cursor
            if lookahead.next() == "supervision" {
                cursor = lookahead
                return try SupervisionDemoCommand.run(ActorDemoCommand.Options.parse(&cursor), output: output)
            }
            return try ActorDemoCommand.run(ActorDemoCommand.Options.parse(&cursor), output: output)
        default:
            throw .usage("unknown command \"\(command)\"")
        }
    }

    private static func dispatchWasm(_ cursor: inout ArgumentCursor, output: CommandOutput) throws(CommandLineError) -> Int32 {
        guard let subcommand = cursor.next() else { throw .usage("wasm needs a subcommand: run or inspect") }
        switch subcommand {
        case "run":
            let options = try WasmRunCommand.Options.parse(&cursor)
            return try WasmRunCommand.run(options, output: output)
        case "inspect":
            return try WasmInspectCommand.run(path: WasmInspectCommand.parsePath(&cursor), output: output)
        default:
            throw .usage("unknown wasm subcommand \"\(subcommand)\"")
        }
    }
}

/// What a command printed and its exit status.
public struct CommandResult: Sendable {
    public var exitStatus: Int32
    public var standardOutput: String
    public var standardError: String
}
