import ActorSystem
import Testing

@testable import Supervision

@Suite struct RestartDeciderTests {
    typealias Fixtures = RestartDeciderFixtures

    // MARK: Restart types

    @Test func restartTypesDecideWhichExitsWarrantARestart() {
        let exits: [ChildExit] = [Fixtures.trap, .exited, .stoppedExternally]
        #expect(exits.map(RestartType.permanent.warrantsRestart(after:)) == [true, true, true])
        #expect(exits.map(RestartType.transient.warrantsRestart(after:)) == [true, false, false])
        #expect(exits.map(RestartType.temporary.warrantsRestart(after:)) == [false, false, false])
    }

    @Test func permanentChildRestartsAfterANormalExit() throws {
        var decider = try Fixtures.running(["a"])
        #expect(decider.decide(.exited, of: "a", at: 1).startedChildren == ["a"])
    }

    @Test func transientChildRestartsAfterACrashOnly() throws {
        var decider = try Fixtures.running([Fixtures.child("a", restart: .transient)])
        #expect(decider.decide(Fixtures.trap, of: "a", at: 1).startedChildren == ["a"])
        try decider.markStarted("a", at: 2)
        #expect(decider.decide(.exited, of: "a", at: 3) == .leaveDown(child: "a", exit: .exited, removed: false))
        #expect(decider.child(named: "a")?.status == .stopped)
        #expect(decider.child(named: "a")?.lastExit == .exited)
    }

    @Test func transientChildStoppedFromOutsideStaysDown() throws {
        var decider = try Fixtures.running([Fixtures.child("a", restart: .transient)])
        #expect(
            decider.decide(.stoppedExternally, of: "a", at: 1)
                == .leaveDown(child: "a", exit: .stoppedExternally, removed: false))
    }

    @Test func temporaryChildIsNeverRestartedAndIsRemoved() throws {
        var decider = try Fixtures.running([Fixtures.child("a", restart: .temporary), Fixtures.child("b")])
        #expect(decider.decide(Fixtures.trap, of: "a", at: 1) == .leaveDown(child: "a", exit: Fixtures.trap, removed: true))
        #expect(decider.startOrder == ["b"])
    }

    @Test func anExitThatLeavesTheChildDownCostsNoIntensity() throws {
        var decider = try Fixtures.running(
            [Fixtures.child("a", restart: .temporary), Fixtures.child("b", restart: .transient)])
        _ = decider.decide(Fixtures.trap, of: "a", at: 1)
        _ = decider.decide(.exited, of: "b", at: 2)
        #expect(decider.intensity.restartTimes.isEmpty)
    }

    // MARK: Intensity

    @Test func theSupervisorGivesUpOnTheRestartBeyondMaxRestartsWithinThePeriod() throws {
        var decider = try Fixtures.running(
            [Fixtures.child("a"), Fixtures.child("b")], maxRestarts: 2, periodMilliseconds: 1000)
        for time: UInt64 in [10, 20] {
            #expect(decider.decide(Fixtures.trap, of: "a", at: time).plan != nil)
            try decider.markStarted("a", at: time)
        }
        let decision = decider.decide(Fixtures.trap, of: "a", at: 30)
        guard case .escalate(let reason) = decision else {
            Issue.record("expected an escalation, got \(decision)")
            return
        }
        #expect(reason.failedChild == "a")
        #expect(reason.restartsInPeriod == 3)
        #expect(reason.stopOrder == ["b"])
        #expect(reason.description.contains("max_restarts = 2"))
        #expect(decider.hasFailed)
        #expect(decider.children.allSatisfy { $0.status == .stopped })
    }

    @Test func restartsSpreadOverMoreThanThePeriodNeverEscalate() throws {
        var decider = try Fixtures.running([Fixtures.child("a")], maxRestarts: 1, periodMilliseconds: 100)
        for time in stride(from: UInt64(0), through: 1000, by: 100) {
            #expect(decider.decide(Fixtures.trap, of: "a", at: time).plan != nil)
            try decider.markStarted("a", at: time)
        }
    }

    @Test func zeroMaxRestartsEscalatesTheFirstFailure() throws {
        var decider = try Fixtures.running([Fixtures.child("a")], maxRestarts: 0)
        guard case .escalate = decider.decide(Fixtures.trap, of: "a", at: 1) else {
            Issue.record("expected an escalation")
            return
        }
    }

    @Test func aFailedSupervisorIgnoresFurtherReports() throws {
        var decider = try Fixtures.running([Fixtures.child("a"), Fixtures.child("b")], maxRestarts: 0)
        _ = decider.decide(Fixtures.trap, of: "a", at: 1)
        try decider.markStarted("b", at: 2)
        #expect(decider.decide(Fixtures.trap, of: "b", at: 3) == .ignore)
    }

    @Test func eachChildFailureCountsOnceWhateverTheStrategyRestarts() throws {
        var decider = try Fixtures.running(
            [Fixtures.child("a"), Fixtures.child("b"), Fixtures.child("c")], strategy: .oneForAll, maxRestarts: 1)
        let plan = try #require(decider.decide(Fixtures.trap, of: "a", at: 1).plan)
        #expect(plan.startOrder.count == 3)
        #expect(decider.intensity.restartTimes == [1])
    }

    // MARK: Stale reports

    @Test func reportsAboutChildrenThatAreNotRunningAreIgnored() throws {
        var decider = try Fixtures.running(["a", "b", "c"], strategy: .oneForAll)
        _ = decider.decide(Fixtures.trap, of: "a", at: 1)
        // The supervisor's own stops of b and c come back as exits: not failures.
        #expect(decider.decide(.stoppedExternally, of: "b", at: 1) == .ignore)
        #expect(decider.decide(Fixtures.trap, of: "a", at: 1) == .ignore)
        #expect(decider.decide(Fixtures.trap, of: "nobody", at: 1) == .ignore)
        #expect(decider.intensity.restartTimes == [1])
    }

    @Test func aChildTheSupervisorStoppedStaysDown() throws {
        var decider = try Fixtures.running(["a", "b"])
        #expect(try decider.markStopped("a") == true)
        #expect(try decider.markStopped("a") == false)
        #expect(decider.decide(.stoppedExternally, of: "a", at: 1) == .ignore)
        #expect(decider.child(named: "a")?.status == .stopped)
    }

    @Test func stoppingEverythingListsRunningChildrenLastStartedFirst() throws {
        var decider = try Fixtures.running(["a", "b", "c", "d"])
        _ = decider.decide(Fixtures.trap, of: "c", at: 1)
        #expect(decider.markAllStopped() == ["d", "b", "a"])
        #expect(decider.children.allSatisfy { $0.status == .stopped })
    }

    // MARK: Plans and backoff

    @Test func aLaterPlanTakesOverChildrenAwaitingAnEarlierOne() throws {
        let children = ["a", "b", "c"].map { Fixtures.child($0, backoff: RestartBackoff(initialMilliseconds: 100)) }
        var decider = try Fixtures.running(children, strategy: .restForOne)
        let first = try #require(decider.decide(Fixtures.trap, of: "b", at: 10).plan)
        #expect(first.startOrder.map(\.child) == ["b", "c"])
        // a fails while b and c wait: rest-for-one takes all three, stopping only a's running siblings.
        let second = try #require(decider.decide(Fixtures.trap, of: "a", at: 20).plan)
        #expect(second.stopOrder == [])
        #expect(second.startOrder.map(\.child) == ["a", "b", "c"])
        #expect(decider.dueStarts(of: first).isEmpty)
        #expect(decider.dueStarts(of: second).map(\.child) == ["a", "b", "c"])
    }

    @Test func dueStartsSkipChildrenStartedOrStoppedMeanwhile() throws {
        var decider = try Fixtures.running(["a", "b", "c"], strategy: .oneForAll)
        let plan = try #require(decider.decide(Fixtures.trap, of: "a", at: 1).plan)
        try decider.markStarted("a", at: 2)
        _ = try decider.markStopped("c")
        #expect(decider.dueStarts(of: plan).map(\.child) == ["b"])
    }

    @Test func backoffDoublesWithConsecutiveRestartsOfTheSameChild() throws {
        let backoff = RestartBackoff(initialMilliseconds: 100, maximumMilliseconds: 500)
        var decider = try Fixtures.running([Fixtures.child("a", backoff: backoff)], maxRestarts: 100)
        var now: UInt64 = 1000
        var delays: [UInt64] = []
        for _ in 0..<5 {
            let plan = try #require(decider.decide(Fixtures.trap, of: "a", at: now).plan)
            delays.append(plan.delayMilliseconds)
            #expect(plan.startAt == now + plan.delayMilliseconds)
            now = plan.startAt
            try decider.markStarted("a", at: now)
            now += 10
        }
        #expect(delays == [100, 200, 400, 500, 500])
    }

    @Test func backoffStartsOverOnceTheChildRanAWholePeriod() throws {
        let backoff = RestartBackoff(initialMilliseconds: 100, maximumMilliseconds: 1000)
        var decider = try Fixtures.running(
            [Fixtures.child("a", backoff: backoff)], maxRestarts: 100, periodMilliseconds: 5000)
        #expect(decider.decide(Fixtures.trap, of: "a", at: 10).plan?.delayMilliseconds == 100)
        try decider.markStarted("a", at: 110)
        #expect(decider.decide(Fixtures.trap, of: "a", at: 120).plan?.delayMilliseconds == 200)
        try decider.markStarted("a", at: 320)
        #expect(decider.decide(Fixtures.trap, of: "a", at: 5320).plan?.delayMilliseconds == 100)
    }

    @Test func backoffStreaksArePerChild() throws {
        let backoff = RestartBackoff(initialMilliseconds: 50, maximumMilliseconds: 1000)
        var decider = try Fixtures.running(
            [Fixtures.child("a", backoff: backoff), Fixtures.child("b", backoff: backoff)], maxRestarts: 100)
        #expect(decider.decide(Fixtures.trap, of: "a", at: 1).plan?.delayMilliseconds == 50)
        try decider.markStarted("a", at: 51)
        #expect(decider.decide(Fixtures.trap, of: "a", at: 52).plan?.delayMilliseconds == 100)
        #expect(decider.decide(Fixtures.trap, of: "b", at: 53).plan?.delayMilliseconds == 50)
    }

    @Test func aPlanDueBeyondTheEndOfTimeIsDueAtTheEndOfTime() throws {
        let backoff = RestartBackoff(initialMilliseconds: .max)
        var decider = try Fixtures.running([Fixtures.child("a", backoff: backoff)])
        #expect(decider.decide(Fixtures.trap, of: "a", at: 10).plan?.startAt == .max)
    }

    @Test func aRequestedRestartStopsOnlyThatChildAndCountsNoIntensity() throws {
        var decider = try Fixtures.running(["a", "b"], strategy: .oneForAll)
        let planned = decider.planManualRestart(of: "a", at: 7)
        let plan = try #require(planned)
        #expect(plan.stopOrder == ["a"])
        #expect(plan.startOrder.map(\.child) == ["a"])
        #expect(plan.exit == .restartRequested)
        #expect(decider.intensity.restartTimes.isEmpty)
        #expect(decider.child(named: "b")?.status == .running)
        #expect(decider.planManualRestart(of: "nobody", at: 7) == nil)
        _ = try decider.markStopped("b")
        #expect(decider.planManualRestart(of: "b", at: 8)?.stopOrder == [])
    }

    // MARK: Children

    @Test func childNamesAreUnique() throws {
        #expect(throws: SupervisionError.duplicateChildName("a")) {
            try RestartDecider(flags: SupervisorFlags(), children: [Fixtures.child("a"), Fixtures.child("a")])
        }
        var decider = try Fixtures.running(["a"])
        #expect(throws: SupervisionError.duplicateChildName("a")) { try decider.addChild(Fixtures.child("a")) }
    }

    @Test func addedChildrenStartLastAndRemovedOnesFreeTheirName() throws {
        var decider = try Fixtures.running(["a", "b"])
        try decider.addChild(Fixtures.child("c"))
        #expect(decider.startOrder == ["a", "b", "c"])
        #expect(decider.child(named: "c")?.status == .notStarted)
        try decider.removeChild(named: "a")
        try decider.addChild(Fixtures.child("a"))
        #expect(decider.startOrder == ["b", "c", "a"])
        #expect(throws: SupervisionError.unknownChild("x")) { try decider.removeChild(named: "x") }
        #expect(throws: SupervisionError.unknownChild("x")) { try decider.markStarted("x", at: 0) }
    }

    @Test func specificationsAndFlagsComeFromTheManifest() throws {
        let manifest = try ActorManifest.parse(
            text: """
                name = "tree"
                [supervisor]
                strategy = "rest-for-one"
                max_restarts = 7
                period_ms = 250

                [[child]]
                name = "first"
                manifest = "first/manifest.toml"

                [[child]]
                name = "second"
                manifest = "second/manifest.toml"
                restart = "transient"
                state = "initial"
                backoff_ms = 20
                backoff_max_ms = 90
                """, baseDirectory: "/tree")
        let supervisor = try #require(manifest.supervisor)
        let flags = SupervisorFlags(supervisor)
        #expect(flags == SupervisorFlags(strategy: .restForOne, maxRestarts: 7, periodMilliseconds: 250))
        let children = supervisor.children.map(ChildSpecification.init)
        #expect(children[0] == ChildSpecification(name: "first", manifest: "/tree/first/manifest.toml"))
        #expect(
            children[1]
                == ChildSpecification(
                    name: "second", manifest: "/tree/second/manifest.toml", restart: .transient, state: .initial,
                    backoff: RestartBackoff(initialMilliseconds: 20, maximumMilliseconds: 90)))
    }
}
