import Testing

@testable import Supervision

@Suite struct RestartBackoffTests {
    @Test func delayDoublesFromTheInitialDelayUpToTheCeiling() {
        let backoff = RestartBackoff(initialMilliseconds: 100, maximumMilliseconds: 1000)
        #expect((1...6).map { backoff.delay(beforeRestart: $0) } == [100, 200, 400, 800, 1000, 1000])
    }

    @Test func withoutACeilingTheDelayIsConstant() {
        let backoff = RestartBackoff(initialMilliseconds: 250)
        #expect(backoff.maximumMilliseconds == 250)
        #expect((1...4).map { backoff.delay(beforeRestart: $0) } == [250, 250, 250, 250])
    }

    @Test func aCeilingBelowTheInitialDelayIsRaisedToIt() {
        let backoff = RestartBackoff(initialMilliseconds: 500, maximumMilliseconds: 100)
        #expect(backoff.maximumMilliseconds == 500)
        #expect(backoff.delay(beforeRestart: 3) == 500)
    }

    @Test func immediateRestartsNeverWait() {
        #expect((0...70).allSatisfy { RestartBackoff.immediate.delay(beforeRestart: $0) == 0 })
    }

    @Test func hugeRestartCountsAndDelaysSaturateAtTheCeiling() {
        let backoff = RestartBackoff(initialMilliseconds: 3, maximumMilliseconds: .max)
        #expect(backoff.delay(beforeRestart: .max) == .max)
        #expect(backoff.delay(beforeRestart: 63) == 3 << 62)
        #expect(backoff.delay(beforeRestart: 64) == .max)
        let capped = RestartBackoff(initialMilliseconds: .max / 2 + 1, maximumMilliseconds: .max)
        #expect(capped.delay(beforeRestart: 2) == .max)
    }

    @Test func restartNumberZeroOrNegativeCountsAsTheFirst() {
        let backoff = RestartBackoff(initialMilliseconds: 10, maximumMilliseconds: 80)
        #expect(backoff.delay(beforeRestart: 0) == 10)
        #expect(backoff.delay(beforeRestart: -5) == 10)
    }
}
