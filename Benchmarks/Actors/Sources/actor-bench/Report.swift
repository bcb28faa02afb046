import ActorSystem
import Foundation

/// Runs the selected benchmarks and prints their Markdown tables.
struct Report {
    let options: Options

    private var messages: Int { options.messages ?? (options.quick ? 20_000 : 1_000_000) }
    private var requests: Int { options.requests ?? (options.quick ? 2_000 : 100_000) }
    private var rounds: Int { options.quick ? 1 : options.rounds }

    mutating func run() throws {
        let workers = options.workers ?? ActorSystemConfiguration().workerCount
        emit("actor-bench: \(ProcessInfo.processInfo.activeProcessorCount) processors, \(workers) workers in worker mode, median of \(rounds) rounds\n")
        if options.selects("spawn") { try spawnTable() }
        if options.selects("one-way") || options.selects("many") { try throughputTable() }
        if options.selects("ping-pong") { try pingPongTable() }
        if options.selects("request") || options.selects("guest-request") { try roundTripTable() }
        if options.selects("restart") { try restartTable() }
    }

    private func restartTable() throws {
        let crashes = options.quick ? 200 : 5_000
        emit("Crash to running again: one-for-one, last-good state, the trapper actor (\(grouped(crashes)) crashes, events on)\n")
        emit("| mode | median (µs) | p99 (µs) |")
        emit("|---|---:|---:|")
        for mode in options.modes {
            do {
                let measurement = try RestartBenchmark.measure(mode: mode, crashes: crashes, options: options)
                emit("| \(mode) | \(formatted(measurement.medianMicroseconds, decimals: 1)) | \(formatted(measurement.p99Microseconds, decimals: 1)) |")
            } catch {
                emit("| \(mode) | failed: \(error) | |")
            }
        }
        emit("")
    }

    private func spawnTable() throws {
        emit("Spawn + init (no-op actor, 8-byte state, worker mode), and resident memory per idle actor\n")
        emit("| actors | events | spawn + init (µs/actor) | resident (KiB/actor) |")
        emit("|---:|---|---:|---:|")
        for events in options.events {
            var bytesPerActor: Double?
            for population in options.populations {
                if let bytesPerActor, bytesPerActor * Double(population) > Double(options.memoryBudgetBytes) {
                    emit("| \(grouped(population)) | \(events) | skipped: needs about \(Int(bytesPerActor * Double(population)) >> 20) MiB | |")
                    continue
                }
                let measurement: SpawnMeasurement
                do {
                    measurement = try SpawnBenchmark.measure(
                        population: population, events: events, options: rounds == 1 ? quickOptions : options)
                } catch {
                    emit("| \(grouped(population)) | \(events) | failed: \(error) | |")
                    continue
                }
                if population >= 1_000 { bytesPerActor = measurement.residentBytesPerActor }
                emit("| \(grouped(population)) | \(events) | \(formatted(measurement.microsecondsPerActor, decimals: 1)) | \(formatted(measurement.residentBytesPerActor / 1_024, decimals: 1)) |")
            }
        }
        emit("")
    }

    private var quickOptions: Options {
        var quick = options
        quick.rounds = 1
        return quick
    }

    private func throughputTable() throws {
        emit("One-way messages through handle-send of no-op actors, sent by the host (\(grouped(messages)) messages, round-robin)\n")
        emit("| actors | mode | events | messages/s |")
        emit("|---:|---|---|---:|")
        for population in options.populations where options.selects(population == 1 ? "one-way" : "many") {
            for mode in options.modes {
                for events in options.events {
                    do {
                        let rate = try medianOf(rounds) {
                            try MessagingBenchmark.hostToActors(
                                mode: mode, events: events, actors: population, messages: messages, options: options
                            ).messagesPerSecond
                        }
                        emit("| \(grouped(population)) | \(mode) | \(events) | \(grouped(Int(rate))) |")
                    } catch {
                        emit("| \(grouped(population)) | \(mode) | \(events) | failed: \(error) |")
                    }
                }
            }
        }
        emit("")
    }

    private func pingPongTable() throws {
        emit("Guest → guest: two ping-pong actors pass a ball \(grouped(messages)) times (one send per handler)\n")
        emit("| mode | events | messages/s |")
        emit("|---|---|---:|")
        for mode in options.modes {
            for events in options.events {
                let rate = try medianOf(rounds) {
                    try MessagingBenchmark.pingPong(mode: mode, events: events, messages: messages, options: options).messagesPerSecond
                }
                emit("| \(mode) | \(events) | \(grouped(Int(rate))) |")
            }
        }
        emit("")
    }

    private func roundTripTable() throws {
        emit("Request round trips (\(grouped(requests)) requests, one at a time from the host; all at once to the requester)\n")
        emit("| from → to | mode | events | median (µs) | p99 (µs) | mean (µs) |")
        emit("|---|---|---|---:|---:|---:|")
        for mode in options.modes {
            for events in options.events {
                var measurements: [RoundTripMeasurement] = []
                if options.selects("request") {
                    measurements.append(try best(of: rounds) {
                        try RequestBenchmark.hostToActor(mode: mode, events: events, requests: requests, options: options)
                    })
                }
                if options.selects("guest-request") {
                    measurements.append(try best(of: rounds) {
                        try RequestBenchmark.guestToActor(mode: mode, events: events, requests: requests, options: options)
                    })
                }
                for measurement in measurements {
                    let p99 = measurement.p99Microseconds.isNaN ? "" : formatted(measurement.p99Microseconds, decimals: 2)
                    emit("| \(measurement.name) | \(mode) | \(events) | \(formatted(measurement.medianMicroseconds, decimals: 2)) | \(p99) | \(formatted(measurement.meanMicroseconds, decimals: 2)) |")
                }
            }
        }
        emit("")
    }

    /// The round with the median mean.
    private func best(of rounds: Int, _ body: () throws -> RoundTripMeasurement) throws -> RoundTripMeasurement {
        var all: [RoundTripMeasurement] = []
        for _ in 0..<rounds { all.append(try body()) }
        all.sort { $0.meanMicroseconds < $1.meanMicroseconds }
        return all[all.count / 2]
    }
}
