#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command writes: the process's standard output and error, or two strings (tests).
///
/// Writes to the terminal are buffered (a trace can be millions of lines); switching streams
/// flushes the other one first so the two stay in order.
///
/// `@unchecked Sendable`: a command and the trace sink it installs run on one thread, and an
/// output is used by one command at a time; the sink is a `@Sendable` closure, so it needs to
/// capture a `Sendable` value.
public final class CommandOutput: @unchecked Sendable {
    public enum Stream {
        case standardOutput
        case standardError
    }

    private let captures: Bool
    public private(set) var capturedStandardOutput = ""
    public private(set) var capturedStandardError = ""
    private var pending: [UInt8] = []
    private var pendingStream = Stream.standardOutput
    private static let flushThreshold = 1 << 16

    private init(captures: Bool) { self.captures = captures }

    /// Writes to the process's standard output and standard error.
    public static func standardStreams() -> CommandOutput { CommandOutput(captures: false) }

    /// Collects everything written, for tests.
    public static func capturing() -> CommandOutput { CommandOutput(captures: true) }

    /// Writes `text` and a newline to standard output.
    func printLine(_ text: String) { append(text + "\n", to: .standardOutput) }

    /// Writes `text` and a newline to standard error.
    func printError(_ text: String) { append(text + "\n", to: .standardError) }

    func append(_ text: String, to stream: Stream) {
        if captures {
            switch stream {
            case .standardOutput: capturedStandardOutput += text
            case .standardError: capturedStandardError += text
            }
            return
        }
        if stream != pendingStream {
            flush()
            pendingStream = stream
        }
        pending.append(contentsOf: text.utf8)
        if pending.count >= Self.flushThreshold { flush() }
    }

    /// Writes out anything buffered.
    public func flush() {
        guard !pending.isEmpty else { return }
        let descriptor: Int32 = pendingStream == .standardOutput ? 1 : 2
        pending.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let start = buffer.baseAddress {
                let written = write(descriptor, start + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                // A closed pipe or full disk: nothing sensible is left to do with the output.
                if written <= 0 { break }
                offset += written
            }
        }
        pending.removeAll(keepingCapacity: true)
    }
}
