import ComponentModel

/// `theater:simple/timing`: `now` (milliseconds since the Unix epoch; virtual in
/// deterministic mode), and `sleep` / `deadline`, which suspend the calling guest until a
/// scheduler timer fires. A sleeping actor holds no thread.
enum TimingHostInterface {
    static let name = HostInterfaceName.timing.rawValue

    static func define(in imports: inout ComponentImports, host: ActorHost) {
        imports.define(interface: name, function: "now", type: WITType.function([], .u64), suspending: { _ in
            host.with(.value(.u64(0))) { system, cell in
                let now = system.scheduler.now()
                system.recordHostCall(cell, name, "now", input: [], output: [.u64(now)])
                return .value(.u64(now))
            }
        })
        imports.define(
            interface: name, function: "sleep", type: WITType.function([("duration", .u64)], WITType.unitResult),
            suspending: { arguments in
                host.with(.badArguments) { system, cell in
                    guard let duration = HostArguments(arguments).u64(0) else { return .badArguments }
                    let now = system.scheduler.now()
                    let (deadline, overflow) = now.addingReportingOverflow(duration)
                    return system.suspend(cell, until: overflow ? .max : deadline, function: "sleep", input: duration)
                }
            })
        imports.define(
            interface: name, function: "deadline", type: WITType.function([("timestamp", .u64)], WITType.unitResult),
            suspending: { arguments in
                host.with(.badArguments) { system, cell in
                    guard let timestamp = HostArguments(arguments).u64(0) else { return .badArguments }
                    return system.suspend(cell, until: timestamp, function: "deadline", input: timestamp)
                }
            })
    }
}

extension ActorSystem {
    /// Suspends the guest until `deadline` (returns at once if it has passed).
    fileprivate func suspend(_ cell: ActorCell, until deadline: UInt64, function: String, input: UInt64) -> HostCallResult {
        let interface = TimingHostInterface.name
        let inputBytes = HostCallEncoding.bytes([ComponentValue.u64(input)])
        guard deadline > scheduler.now() else {
            recordHostCall(cell, interface, function, input: inputBytes, output: [.ok(nil)])
            return .ok()
        }
        let key = WaitKey.timer(timerNumbers.withLock { number in
            defer { number &+= 1 }
            return number
        })
        cell.shared.withLock { $0.waitKey = key }
        let reference = WeakActorCell(cell)
        let systemReference = WeakActorSystem(self)
        scheduler.addTimer(deadline: deadline) {
            guard let cell = reference.cell, let system = systemReference.system else { return }
            system.resume(cell, waitingFor: key, with: .ok(nil))
        }
        return .suspend(token: SuspendedHostCall(interface: interface, function: function, input: inputBytes))
    }
}
