import Testing

@testable import Supervision

@Suite struct RestartIntensityTests {
    @Test func moreThanMaxRestartsWithinThePeriodExceedsTheIntensity() {
        var intensity = RestartIntensity(maxRestarts: 3, periodMilliseconds: 1000)
        #expect(intensity.recordRestart(at: 0) == false)
        #expect(intensity.recordRestart(at: 100) == false)
        #expect(intensity.recordRestart(at: 200) == false)
        #expect(intensity.recordRestart(at: 300) == true)
    }

    @Test func restartsOlderThanThePeriodNoLongerCount() {
        var intensity = RestartIntensity(maxRestarts: 2, periodMilliseconds: 1000)
        #expect(intensity.recordRestart(at: 0) == false)
        #expect(intensity.recordRestart(at: 500) == false)
        // The restart at 0 is exactly one period old at 1000: it has left the window.
        #expect(intensity.recordRestart(at: 1000) == false)
        #expect(intensity.restartTimes == [500, 1000])
        #expect(intensity.recordRestart(at: 1499) == true)
    }

    @Test func slowRestartsNeverExceedTheIntensity() {
        var intensity = RestartIntensity(maxRestarts: 1, periodMilliseconds: 100)
        for time in stride(from: UInt64(0), to: 10_000, by: 100) {
            #expect(intensity.recordRestart(at: time) == false)
        }
        #expect(intensity.restartTimes.count == 1)
    }

    @Test func zeroMaxRestartsFailsOnTheFirstRestart() {
        var intensity = RestartIntensity(maxRestarts: 0, periodMilliseconds: 5000)
        #expect(intensity.recordRestart(at: 42) == true)
    }

    @Test func negativeMaxRestartsIsTreatedAsZero() {
        var intensity = RestartIntensity(maxRestarts: -3, periodMilliseconds: 5000)
        #expect(intensity.maxRestarts == 0)
        #expect(intensity.recordRestart(at: 0) == true)
    }

    @Test func restartCountLooksAtTheWindowEndingAtTheGivenTime() {
        var intensity = RestartIntensity(maxRestarts: 10, periodMilliseconds: 1000)
        for time: UInt64 in [0, 400, 800] { _ = intensity.recordRestart(at: time) }
        #expect(intensity.restartCount(at: 800) == 3)
        #expect(intensity.restartCount(at: 1000) == 2)
        #expect(intensity.restartCount(at: 1800) == 0)
    }

    @Test func aClockThatWentBackKeepsEarlierRestartsCounted() {
        var intensity = RestartIntensity(maxRestarts: 1, periodMilliseconds: 1000)
        #expect(intensity.recordRestart(at: 5000) == false)
        #expect(intensity.recordRestart(at: 10) == true)
    }
}
