import Foundation
import Testing

@testable import ActorSystem

@Suite struct ThroughputTests {
    #if DEBUG
    static let messageCount = 20_000
    #else
    static let messageCount = 1_000_000
    #endif

    /// Resident memory of this process in bytes (Linux), nil elsewhere.
    private func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    @Test func manyMessagesRunInFlatMemory() throws {
        var configuration = ActorSystemConfiguration.deterministic
        configuration.eventRetention = .recent(1_000)
        let system = ActorSystem(configuration: configuration)
        let probe = try system.spawn(Probe.definition(state: bytes("steady")))
        var limits = ActorLimits()
        limits.mailboxCapacity = 1_000
        let receiver = try system.spawn(Probe.definition(name: "receiver", state: bytes("steady"), limits: limits))
        let batch = 1_000
        var sent = 0
        var baseline: Int?
        let started = Date()
        while sent < Self.messageCount {
            for _ in 0..<batch / 2 {
                try system.send(to: probe, bytes("spin:1"))
                try system.send(to: probe, bytes("send:receiver:spin:1"))
            }
            sent += batch
            try system.runUntilQuiescent()
            if sent == Self.messageCount / 10 { baseline = residentBytes() }
        }
        let elapsed = Date().timeIntervalSince(started)
        let handled = Self.messageCount + Self.messageCount / 2
        print("\(handled) messages in \(String(format: "%.2f", elapsed)) s: \(Int(Double(handled) / elapsed)) messages/s")
        #expect(try system.stateText(of: probe) == "ok")
        #expect(try system.stateText(of: receiver) == "steady")
        #expect(try system.events(of: receiver).last?.sequence ?? 0 > UInt64(Self.messageCount / 2))
        // What the system keeps per actor stays bounded: retained events (a window of 1,000
        // trimmed at twice that) and mailboxes.
        // (Process resident memory is printed, not asserted: other suites run in parallel.)
        #expect(try system.events(of: probe).count <= 2_000)
        #expect(try system.events(of: receiver).count <= 2_000)
        #expect(try system.mailboxCount(of: probe) == 0)
        #expect(try system.mailboxCount(of: receiver) == 0)
        if let baseline, let end = residentBytes() {
            print("resident memory: \(baseline / 1_048_576) MiB after 10%, \(end / 1_048_576) MiB at the end")
        }
        #expect(try system.verifyEvents(of: probe).isSuccess)
    }
}
