import WasmInterp

/// `theater wasm run FILE.wasm --invoke NAME [ARG...]`: instantiates a module that has no
/// imports and calls one of its exported functions; with `--calls CALLS` instead, runs a
/// list of calls on the one instance (see `WasmCallBatch`).
enum WasmRunCommand {
    struct Options {
        var path: String
        /// The export `--invoke` names; nil with `--calls`.
        var functionName: String?
        var arguments: [String]
        /// The file of calls `--calls` names.
        var callsPath: String?
        /// Fuel budget; nil runs without a limit.
        var fuel: UInt64?
        /// With `--calls`: run each call in slices of this much fuel (see `WasmCallBatch.Settings`).
        var fuelSlice: UInt64?
        var traces = false
        /// Translate without fuel metering (`--fuel` is then ignored): the code runs faster.
        var meteringDisabled = false
        var maxMemoryPages: UInt64?
        var maxTableElements: UInt64?
        var maxCallDepth: Int?

        /// Options may come anywhere; plain tokens before `--invoke` name the file and after
        /// it are the function's arguments.
        static func parse(_ cursor: inout ArgumentCursor) throws(CommandLineError) -> Options {
            var path: String?
            var functionName: String?
            var arguments: [String] = []
            var fuel: UInt64?
            var fuelSlice: UInt64?
            var traces = false
            var meteringDisabled = false
            var maxMemoryPages: UInt64?
            var maxTableElements: UInt64?
            var maxCallDepth: Int?
            var callsPath: String?
            while let token = cursor.next() {
                switch token {
                case "--invoke":
                    guard functionName == nil else { throw .usage("--invoke given twice") }
                    functionName = try cursor.value(of: token)
                case "--calls":
                    guard callsPath == nil else { throw .usage("--calls given twice") }
                    callsPath = try cursor.value(of: token)
                case "--fuel":
                    fuel = try cursor.count(of: token)
                case "--fuel-slice":
                    let slice = try cursor.count(of: token)
                    guard slice >= 1 else { throw .usage("--fuel-slice must be 1 or more") }
                    fuelSlice = slice
                case "--trace":
                    traces = true
                case "--no-fuel-metering":
                    meteringDisabled = true
                case "--max-memory-pages":
                    maxMemoryPages = try cursor.count(of: token)
                case "--max-table-elements":
                    maxTableElements = try cursor.count(of: token)
                case "--max-call-depth":
                    let depth = try cursor.count(of: token)
                    guard depth >= 1, depth <= UInt64(Int32.max) else { throw .usage("--max-call-depth must be 1 or more") }
                    maxCallDepth = Int(depth)
                case "--help":
                    throw .helpRequested
                case _ where token.isOption:
                    throw .usage("unknown option \(token) for wasm run")
                case _ where functionName != nil:
                    arguments.append(token)
                case _ where path == nil:
                    path = token
                default:
                    throw .usage("unexpected argument \"\(token)\" before --invoke")
                }
            }
            guard let path else { throw .usage("wasm run needs a FILE.wasm") }
            guard (functionName == nil) != (callsPath == nil) else {
                throw .usage("wasm run needs one of --invoke NAME and --calls FILE")
            }
            var options = Options(path: path, functionName: functionName, arguments: arguments)
            options.callsPath = callsPath
            options.fuel = fuel
            options.fuelSlice = fuelSlice
            options.traces = traces
            options.meteringDisabled = meteringDisabled
            options.maxMemoryPages = maxMemoryPages
            options.maxTableElements = maxTableElements
            options.maxCallDepth = maxCallDepth
            return options
        }
    }

    static func run(_ options: Options, output: CommandOutput) throws(CommandLineError) -> Int32 {
        let module = try ModuleFile.decode(options.path)
        if let firstImport = module.imports.first {
            throw .failure("the module imports \(firstImport.module).\(firstImport.name); wasm run only runs modules without imports")
        }

        var configuration = StoreConfiguration()
        if let maxMemoryPages = options.maxMemoryPages { configuration.maxMemoryPages = maxMemoryPages }
        if let maxTableElements = options.maxTableElements { configuration.maxTableElements = maxTableElements }
        if let maxCallDepth = options.maxCallDepth { configuration.maxCallDepth = maxCallDepth }
        configuration.fuelMetering = !options.meteringDisabled
        let store = Store(configuration: configuration)
        let instance: ModuleInstance
        do {
            // Validates first, so invalid code never reaches the executor.
            instance = try store.instantiate(module)
        } catch let trap as Trap {
            // A batch reports every outcome on standard output, this one too.
            if options.callsPath != nil { output.printLine("trap: \(trap.reason)") }
            return report(trap, output: output)
        } catch {
            throw .failure("\(options.path): \(error)")
        }

        if let callsPath = options.callsPath {
            let settings = WasmCallBatch.Settings(fuel: options.fuel, fuelSlice: options.fuelSlice, traces: options.traces)
            return try WasmCallBatch.run(instance: instance, callsPath: callsPath, settings: settings, output: output)
        }
        let functionName = options.functionName ?? ""
        guard let function = instance.exportedFunction(functionName) else {
            throw .failure("the module exports no function \"\(functionName)\"")
        }
        let arguments = try parseArguments(options.arguments, for: function.type)
        let execution: Execution
        do {
            execution = try Execution(store: store, function: function, arguments: arguments)
        } catch {
            return report(error, output: output)
        }
        if options.traces { execution.traceSink = { event in output.printError(traceLine(event)) } }

        switch execution.run(fuel: options.fuel) {
        case .returned(let results):
            for result in results { output.printLine(result.description) }
            return ExitStatus.success
        case .trapped(let trap):
            return report(trap, output: output)
        case .outOfFuel:
            return report(Trap(.outOfFuel), output: output)
        case .suspended:
            // Without imports nothing can suspend; say so rather than hang or crash.
            throw .failure("execution suspended unexpectedly")
        }
    }

    private static func parseArguments(_ texts: [String], for type: FunctionType) throws(CommandLineError) -> [Value] {
        guard texts.count == type.parameters.count else {
            throw .failure("the function takes \(type.parameters.count) argument(s) \(type), \(texts.count) given")
        }
        var values: [Value] = []
        for (index, (text, parameterType)) in zip(texts, type.parameters).enumerated() {
            guard let value = ArgumentValueParsing.value(text, as: parameterType) else {
                throw .failure("argument \(index + 1) \"\(text)\" is not a valid \(parameterType)")
            }
            values.append(value)
        }
        return values
    }

    /// Prints `trap: REASON` and the backtrace on standard error.
    private static func report(_ trap: Trap, output: CommandOutput) -> Int32 {
        output.printError("trap: \(trap.reason)")
        for line in backtraceLines(trap.backtrace) { output.printError(line) }
        return ExitStatus.trapped
    }

    /// `  DEPTH: FRAME`, innermost first. A run of identical frames (deep recursion can be
    /// thousands long) is shown once with its count.
    static func backtraceLines(_ frames: [BacktraceFrame]) -> [String] {
        var lines: [String] = []
        var depth = 0
        while depth < frames.count {
            let frame = frames[depth]
            var runEnd = depth + 1
            while runEnd < frames.count, frames[runEnd] == frame { runEnd += 1 }
            let repeats = runEnd - depth
            lines.append("  \(depth): \(frame)" + (repeats > 1 ? " (\(repeats) frames)" : ""))
            depth = runEnd
        }
        return lines
    }

    /// `FUNCNAME @0xOFFSET: INSTRUCTION [operands]`, operands as raw slot bits in decimal.
    static func traceLine(_ event: TraceEvent) -> String {
        let name = event.functionName ?? "func[\(event.functionIndex)]"
        var line = "\(name) @0x\(String(event.offset, radix: 16)): \(event.instruction)"
        for operand in event.operands { line += " \(operand)" }
        return line
    }
}
