import ComponentModel

/// `theater wasm inspect` on a component: its world in WIT, as `wasm-tools component wit`
/// prints it.
enum ComponentInspection {
    static func run(_ bytes: [UInt8], path: String, output: CommandOutput) throws(CommandLineError) -> Int32 {
        let text: String
        do {
            text = try WITPrinter.print(Component(bytes: bytes))
        } catch {
            throw .failure("\(path): \(error)")
        }
        // The text ends with a newline; printLine adds one.
        output.printLine(String(text.dropLast()))
        return ExitStatus.success
    }
}
