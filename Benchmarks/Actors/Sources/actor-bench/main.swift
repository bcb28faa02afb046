import ActorSystem
import Foundation

// Measures the actor system: spawn + init time and memory per actor, one-way message
// throughput, and request round trips, with chain events on and off.
//   cd Benchmarks/Actors && swift build -c release && .build/release/actor-bench [--quick] [NAME...]

func runBenchmarks() -> Int32 {
    let options: Options
    do {
        options = try Options(arguments: Array(CommandLine.arguments.dropFirst()))
    } catch {
        emit("\(error)")
        return 2
    }
    if options.showsHelp {
        emit(Options.usage)
        return 0
    }
    if options.selections.first == SpawnBenchmark.childCommand {
        return runSpawnChild(options)
    }
    var report = Report(options: options)
    do {
        try report.run()
    } catch {
        emit("FAILED: \(error)")
        return 1
    }
    return 0
}

/// `spawn-child N on|off`: one spawn measurement, in its own process.
func runSpawnChild(_ options: Options) -> Int32 {
    let arguments = options.selections
    guard arguments.count == 3, let population = Int(arguments[1]), let events = Events(rawValue: arguments[2]) else {
        emit("usage: actor-bench spawn-child N on|off")
        return 2
    }
    do {
        try SpawnBenchmark.runChild(population: population, events: events, options: options)
    } catch {
        emit("\(error)")
        return 1
    }
    return 0
}

exit(runBenchmarks())
