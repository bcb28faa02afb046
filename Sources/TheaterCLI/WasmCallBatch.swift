import WasmInterp

/// `theater wasm run FILE.wasm --calls CALLS`: instantiates once and runs a list of calls,
/// printing one machine-readable line per call, then the exported state.
///
/// Made for differential testing against another engine (Utilities/differential/): one
/// process per module, every value as its bit pattern, and state kept across the calls as
/// an embedder would keep it.
///
/// A line of CALLS is `EXPORT ARG...`: EXPORT is an export's name, or `#I` for the export at
/// position I (fuzzer-made names may hold spaces or be empty); each argument is the bit
/// pattern of a value of the parameter's type (decimal or `0x` hex; for floats their bits),
/// a v128 as `0x` and 32 hex digits in memory order, a reference as `null` or an externref's
/// number. Blank lines are skipped.
///
/// Output: `instantiated` (or `trap: REASON` and nothing else when instantiation traps); per
/// call `ok [TYPE:BITS]...`, `trap: REASON` or `out of fuel`; then per exported global
/// `export #I global TYPE:BITS`, per exported memory `export #I memory pages=N crc32=0xH`
/// and per exported table `export #I table size=N nulls=0xH` (CRC-32 of one byte per entry,
/// 1 for null: function identities are not comparable between engines, nullness is).
enum WasmCallBatch {
    struct Settings {
        /// Fuel for each call; nil: unlimited.
        var fuel: UInt64?
        /// Run each call in slices of this much fuel, resuming after each, until it ends or
        /// `fuel` is spent: exercises suspending and resuming at every possible point.
        var fuelSlice: UInt64?
        var traces = false
    }

    static func run(
        instance: ModuleInstance, callsPath: String, settings: Settings, output: CommandOutput
    ) throws(CommandLineError) -> Int32 {
        let calls = try parseCalls(String(decoding: ModuleFile.read(callsPath), as: UTF8.self), instance: instance)
        output.printLine("instantiated")
        for call in calls {
            output.printLine(outcomeLine(of: call, in: instance, settings: settings, output: output))
        }
        for line in exportedStateLines(of: instance) { output.printLine(line) }
        return ExitStatus.success
    }

    private struct Call {
        var function: Function
        var arguments: [Value]
    }

    private static func parseCalls(_ text: String, instance: ModuleInstance) throws(CommandLineError) -> [Call] {
        var calls: [Call] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(separator: " ").map(String.init)
            guard let exportField = fields.first else { continue }
            let lineNumber = lineIndex + 1
            guard let function = exportedFunction(exportField, of: instance) else {
                throw .failure("calls line \(lineNumber): the module exports no function \"\(exportField)\"")
            }
            let texts = fields.dropFirst()
            let parameters = function.type.parameters
            guard texts.count == parameters.count else {
                throw .failure("calls line \(lineNumber): \(exportField) takes \(parameters.count) argument(s), \(texts.count) given")
            }
            var arguments: [Value] = []
            for (text, type) in zip(texts, parameters) {
                guard let value = bitPatternValue(text, as: type) else {
                    throw .failure("calls line \(lineNumber): \"\(text)\" is not a \(type) bit pattern")
                }
                arguments.append(value)
            }
            calls.append(Call(function: function, arguments: arguments))
        }
        return calls
    }

    private static func exportedFunction(_ field: String, of instance: ModuleInstance) -> Function? {
        guard field.hasPrefix("#") else { return instance.exportedFunction(field) }
        let exports = instance.exports
        guard let index = Int(field.dropFirst()), exports.indices.contains(index),
            case .function(let function) = exports[index].value
        else { return nil }
        return function
    }

    private static func bitPatternValue(_ text: String, as type: ValueType) -> Value? {
        switch type {
        case .i32, .f32:
            return ArgumentValueParsing.integerBits(text, bitWidth: 32).map { Value(low: $0, type: type) }
        case .i64, .f64:
            return ArgumentValueParsing.integerBits(text, bitWidth: 64).map { Value(low: $0, type: type) }
        case .v128, .funcref, .externref:
            return ArgumentValueParsing.value(text, as: type)
        }
    }

    private static func outcomeLine(
        of call: Call, in instance: ModuleInstance, settings: Settings, output: CommandOutput
    ) -> String {
        let execution: Execution
        do {
            execution = try Execution(store: instance.store, function: call.function, arguments: call.arguments)
        } catch {
            return "trap: \(error.reason)"
        }
        if settings.traces { execution.traceSink = { event in output.printError(WasmRunCommand.traceLine(event)) } }
        switch run(execution, settings) {
        case .returned(let results):
            return (["ok"] + results.map(bitPatternText)).joined(separator: " ")
        case .trapped(let trap):
            return "trap: \(trap.reason)"
        case .outOfFuel:
            return "out of fuel"
        case .suspended:
            // Without imports nothing can suspend.
            return "trap: suspended unexpectedly"
        }
    }

    /// Runs to the end or until the call's fuel is spent: in one go, or slice by slice.
    /// (A block costing more than a slice never starts; the slices then use up the fuel.)
    private static func run(_ execution: Execution, _ settings: Settings) -> ExecutionOutcome {
        guard let slice = settings.fuelSlice else { return execution.run(fuel: settings.fuel) }
        var remaining = settings.fuel ?? .max
        while true {
            let budget = min(slice, remaining)
            let outcome = execution.run(fuel: budget)
            remaining -= budget
            guard case .outOfFuel = outcome, remaining > 0 else { return outcome }
        }
    }

    /// `TYPE:BITS`, numbers as fixed-width hex; references by nullness (and an externref's number).
    static func bitPatternText(_ value: Value) -> String {
        switch value {
        case .i32(let bits): return "i32:" + hex(UInt64(bits), digits: 8)
        case .i64(let bits): return "i64:" + hex(bits, digits: 16)
        case .f32(let bits): return "f32:" + hex(UInt64(bits), digits: 8)
        case .f64(let bits): return "f64:" + hex(bits, digits: 16)
        case .v128: return "v128:" + value.description
        case .ref(.null(let type)): return "\(type):null"
        case .ref(.function): return "funcref:nonnull"
        case .ref(.extern(let payload)): return "externref:\(payload)"
        }
    }

    private static func exportedStateLines(of instance: ModuleInstance) -> [String] {
        var lines: [String] = []
        for (index, export) in instance.exports.enumerated() {
            switch export.value {
            case .global(let global):
                lines.append("export #\(index) global " + bitPatternText(global.value))
            case .memory(let memory):
                let checksum = CRC32.checksum(UnsafeRawBufferPointer(memory.buffer))
                lines.append("export #\(index) memory pages=\(memory.pageCount) crc32=" + hex(UInt64(checksum), digits: 8))
            case .table(let table):
                let nullness = table.elements.map { $0 == 0 ? UInt8(1) : 0 }
                let checksum = nullness.withUnsafeBytes { CRC32.checksum($0) }
                lines.append("export #\(index) table size=\(table.count) nulls=" + hex(UInt64(checksum), digits: 8))
            case .function:
                continue
            }
        }
        return lines
    }

    private static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
