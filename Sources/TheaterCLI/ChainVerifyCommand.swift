import ActorSystem

/// `theater chain verify FILE`: reads a saved event chain (`save_chain`, or the JSON lines
/// of `theater run --events`) and checks each actor's events: sequence numbers, parent
/// links and hashes. Prints `FILE: ACTOR: N events verify` per actor and exits 0, or
/// prints why it does not verify and exits 1 (2 when the file cannot be read).
enum ChainVerifyCommand {
    static func parsePath(_ cursor: inout ArgumentCursor) throws(CommandLineError) -> String {
        guard cursor.next() == "verify" else { throw .usage("chain needs a subcommand: verify") }
        guard let path = cursor.next(), !path.isOption else { throw .usage("chain verify needs a FILE") }
        if let extra = cursor.next() { throw .usage("unexpected argument \"\(extra)\"") }
        return path
    }

    static func run(path: String, output: CommandOutput) throws(CommandLineError) -> Int32 {
        let lines: [ChainEventLine]
        do {
            lines = try SavedChain.read(path: path)
        } catch {
            throw .failure("\(path): \(error)")
        }
        do {
            for (actor, count) in try SavedChain.verify(lines) {
                output.printLine("\(path): \(actor): \(count) events verify")
            }
            return ExitStatus.success
        } catch {
            output.printLine("\(path): does not verify: \(error)")
            return ExitStatus.testsFailed
        }
    }
}
