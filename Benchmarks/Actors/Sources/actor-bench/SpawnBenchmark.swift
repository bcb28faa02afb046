import ActorSystem
import Foundation

/// Spawn + init time and resident memory per idle actor.
///
/// Each population is spawned in a child process of its own (`actor-bench spawn-child N
/// on|off`), so that memory freed by an earlier measurement cannot be reused by a later
/// one and hide what its actors take.
struct SpawnMeasurement {
    var population: Int
    var events: Events
    var microsecondsPerActor: Double
    var residentBytesPerActor: Double
}

enum SpawnBenchmark {
    static let childCommand = "spawn-child"

    /// In the child: spawns `population` no-op actors (8-byte state) after one warm-up
    /// actor (which loads the component), waits until every `init` has run, and prints
    /// "NANOSECONDS RESIDENT-BYTES-ADDED".
    static func runChild(population: Int, events: Events, options: Options) throws {
        let system = ActorSystem.benchmarked(.workers, events: events, options: options)
        let component = try Fixtures.noop.get()
        let state: [UInt8] = Array(repeating: 7, count: 8)
        _ = try system.spawn(ActorDefinition(componentBytes: component, initialState: state, hostInterfaces: []))
        try system.settle()
        let residentBefore = residentBytes()
        let start = nanoseconds()
        var last: ActorID?
        for _ in 0..<population {
            last = try system.spawn(ActorDefinition(componentBytes: component, initialState: state, hostInterfaces: []))
        }
        try system.settle()
        let elapsed = nanoseconds() - start
        let residentAfter = residentBytes()
        guard let last, try system.status(of: last) == .running, try system.state(of: last) == state else {
            throw BenchmarkFailure(description: "the last actor did not initialize")
        }
        emit("\(elapsed) \(residentAfter - residentBefore)")
        _exit(0)  // Tearing down 100,000 actors is not what is measured.
    }

    /// In the parent: one child per round.
    static func measure(population: Int, events: Events, options: Options) throws -> SpawnMeasurement {
        var times: [Double] = []
        var memory: [Double] = []
        let rounds = population >= 100_000 ? 1 : options.rounds
        for _ in 0..<rounds {
            let (elapsed, resident) = try runChildProcess(population: population, events: events, options: options)
            times.append(elapsed / 1_000 / Double(population))
            memory.append(resident / Double(population))
        }
        return SpawnMeasurement(
            population: population, events: events, microsecondsPerActor: median(times),
            residentBytesPerActor: median(memory))
    }

    private static func runChildProcess(population: Int, events: Events, options: Options) throws -> (Double, Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        var arguments = [childCommand, String(population), events.rawValue]
        if let workers = options.workers { arguments += ["--workers", String(workers)] }
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard process.terminationStatus == 0, fields.count == 2, let elapsed = Double(fields[0]),
            let resident = Double(fields[1])
        else {
            let output = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).joined(separator: " ")
            throw BenchmarkFailure(description: "spawning \(population) actors failed: \(output)")
        }
        return (elapsed, resident)
    }
}
