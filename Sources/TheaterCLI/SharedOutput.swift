import Synchronization

/// A `CommandOutput` that worker threads may write to: actors log, record events and crash
/// on the scheduler's threads while the command's own thread prints too. Each line is
/// written whole.
final class SharedOutput: Sendable {
    private let output: Mutex<CommandOutput>

    init(_ output: CommandOutput) {
        self.output = Mutex(output)
    }

    func printLine(_ text: String) { output.withLock { $0.printLine(text) } }
    func printError(_ text: String) { output.withLock { $0.printError(text) } }
    func flush() { output.withLock { $0.flush() } }
}
