import ComponentModel

/// `theater:simple/runtime`: `log` (kept in the actor's log lines and its chain),
/// `get-chain` (the actor's kept chain events), and `shutdown` (the actor exits once the
/// running handler returns).
enum RuntimeHostInterface {
    static let name = HostInterfaceName.runtime.rawValue

    static func define(in imports: inout ComponentImports, host: ActorHost) {
        imports.define(interface: name, function: "log", type: WITType.function([("msg", .string)], nil), typed: { arguments in
            let message = try arguments.next(String.self)
            return host.with(.value(nil)) { system, cell in
                system.log(message, from: cell)
                system.recordHostCall(cell, name, "log", input: Array(message.utf8), output: [])
                return .value(nil)
            }
        })
        imports.define(interface: name, function: "get-chain", type: WITType.function([], EventChain.componentType), suspending: { _ in
            host.with(.value(.record([.list([])]))) { system, cell in
                let events = cell.shared.withLock { $0.eventLog.events }
                let chain = ComponentValue.record([.list(events.map { $0.metaEventComponentValue() })])
                system.recordHostCall(cell, name, "get-chain", input: [], output: [.u64(UInt64(events.count))])
                return .value(chain)
            }
        })
        imports.define(
            interface: name, function: "shutdown",
            type: WITType.function([("data", .option(WITType.bytes))], WITType.unitResult),
            suspending: { arguments in
                host.with(.badArguments) { system, cell in
                    guard let data = HostArguments(arguments).optionalBytes(0) else { return .badArguments }
                    cell.shutdownRequest = ActorCell.ShutdownRequest(data: data)
                    system.recordHostCall(cell, name, "shutdown", input: data ?? [], output: [.ok(nil)])
                    return .ok()
                }
            })
    }
}

extension ActorSystem {
    /// Keeps a log line (the newest `logRetention`) and passes it to the log sink.
    func log(_ message: String, from cell: ActorCell) {
        let retention = configuration.logRetention
        cell.shared.withLock { shared in
            shared.logLines.append(message)
            while shared.logLines.count > retention { _ = shared.logLines.popFirst() }
        }
        configuration.logSink?(cell.identity, message)
    }
}
