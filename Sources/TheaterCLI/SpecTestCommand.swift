import WasmSpecTest

/// `theater spectest DIR`: runs spec scripts and prints one line per script and the totals.
enum SpecTestCommand {
    struct Options {
        var directory: String
        var filters: [String] = []
        var excludes: [String] = []
        var isVerbose = false

        static func parse(_ cursor: inout ArgumentCursor) throws(CommandLineError) -> Options {
            var directory: String?
            var filters: [String] = []
            var excludes: [String] = []
            var isVerbose = false
            while let token = cursor.next() {
                switch token {
                case "--filter": filters.append(try cursor.value(of: token))
                case "--exclude": excludes.append(try cursor.value(of: token))
                case "--verbose": isVerbose = true
                case "--help": throw .helpRequested
                case _ where token.isOption: throw .usage("unknown option \(token) for spectest")
                case _ where directory == nil: directory = token
                default: throw .usage("unexpected argument \"\(token)\"")
                }
            }
            guard let directory else { throw .usage("spectest needs a DIR") }
            var options = Options(directory: directory)
            options.filters = filters
            options.excludes = excludes
            options.isVerbose = isVerbose
            return options
        }
    }

    static func run(_ options: Options, output: CommandOutput) -> Int32 {
        guard !SpecTestRunner.scriptPaths(in: options.directory).isEmpty else {
            output.printError("error: no spec scripts (NAME/NAME.json) in \(options.directory)")
            return ExitStatus.error
        }
        let runner = SpecTestRunner()
        var passed = 0
        var failed = 0
        var skipped = 0
        let paths = SpecTestRunner.scriptPaths(in: options.directory, filters: options.filters, excluding: options.excludes)
        for path in paths {
            let result = runner.run(file: path)
            output.printLine(result.summary)
            if options.isVerbose {
                for failure in result.failures { output.printLine("  " + failure) }
            }
            passed += result.passed
            failed += result.failed
            skipped += result.skipped
            // Show progress as each script finishes.
            output.flush()
        }
        output.printLine("\(passed) passed, \(failed) failed, \(skipped) skipped")
        return failed > 0 ? ExitStatus.testsFailed : ExitStatus.success
    }
}
