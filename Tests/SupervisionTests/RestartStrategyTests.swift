import Testing

@testable import Supervision

@Suite struct RestartStrategyTests {
    typealias Fixtures = RestartDeciderFixtures

    @Test func affectedPositionsFollowEachStrategy() {
        #expect(RestartStrategy.oneForOne.affectedPositions(failedPosition: 2, childCount: 5) == 2..<3)
        #expect(RestartStrategy.oneForAll.affectedPositions(failedPosition: 2, childCount: 5) == 0..<5)
        #expect(RestartStrategy.restForOne.affectedPositions(failedPosition: 2, childCount: 5) == 2..<5)
        #expect(RestartStrategy.restForOne.affectedPositions(failedPosition: 4, childCount: 5) == 4..<5)
    }

    @Test func affectedPositionsOfAPositionOutsideTheChildrenAreEmpty() {
        for strategy in RestartStrategy.allCases {
            #expect(strategy.affectedPositions(failedPosition: 5, childCount: 5).isEmpty)
            #expect(strategy.affectedPositions(failedPosition: -1, childCount: 5).isEmpty)
        }
    }

    @Test func oneForOneRestartsOnlyTheCrashedChild() throws {
        var decider = try Fixtures.running(["a", "b", "c"], strategy: .oneForOne)
        let decision = decider.decide(Fixtures.trap, of: "b", at: 10)
        let plan = try #require(decision.plan)
        #expect(plan.failedChild == "b")
        #expect(plan.stopOrder == [])
        #expect(decision.startedChildren == ["b"])
        #expect(decider.child(named: "a")?.status == .running)
        #expect(decider.child(named: "b")?.status == .awaitingRestart(plan: plan.number))
        #expect(decider.child(named: "c")?.status == .running)
    }

    @Test func oneForAllStopsSiblingsInReverseStartOrderAndStartsAllInStartOrder() throws {
        var decider = try Fixtures.running(["a", "b", "c", "d"], strategy: .oneForAll)
        let decision = decider.decide(Fixtures.trap, of: "b", at: 10)
        let plan = try #require(decision.plan)
        #expect(plan.stopOrder == ["d", "c", "a"])
        #expect(decision.startedChildren == ["a", "b", "c", "d"])
        #expect(decider.children.allSatisfy { $0.status == .awaitingRestart(plan: plan.number) })
    }

    @Test func restForOneRestartsTheCrashedChildAndThoseStartedAfterIt() throws {
        var decider = try Fixtures.running(["a", "b", "c", "d"], strategy: .restForOne)
        let decision = decider.decide(Fixtures.trap, of: "b", at: 10)
        let plan = try #require(decision.plan)
        #expect(plan.stopOrder == ["d", "c"])
        #expect(decision.startedChildren == ["b", "c", "d"])
        #expect(decider.child(named: "a")?.status == .running)
    }

    @Test func restForOneOnTheLastChildRestartsOnlyIt() throws {
        var decider = try Fixtures.running(["a", "b", "c"], strategy: .restForOne)
        let decision = decider.decide(Fixtures.trap, of: "c", at: 10)
        #expect(decision.plan?.stopOrder == [])
        #expect(decision.startedChildren == ["c"])
    }

    @Test func eachChildRestartsFromTheStateItsSpecificationNames() throws {
        var decider = try Fixtures.running(
            [Fixtures.child("a", state: .initial), Fixtures.child("b"), Fixtures.child("c", state: .initial)],
            strategy: .oneForAll)
        let plan = try #require(decider.decide(Fixtures.trap, of: "b", at: 1).plan)
        #expect(
            plan.startOrder == [
                PlannedStart(child: "a", stateSource: .initial), PlannedStart(child: "b", stateSource: .lastGood),
                PlannedStart(child: "c", stateSource: .initial),
            ])
    }

    @Test func temporarySiblingsStoppedByARestartAreNotStartedAgainAndAreRemoved() throws {
        var decider = try Fixtures.running(
            [Fixtures.child("a", restart: .temporary), Fixtures.child("b"), Fixtures.child("c", restart: .temporary)],
            strategy: .oneForAll)
        let decision = decider.decide(Fixtures.trap, of: "b", at: 1)
        #expect(decision.plan?.stopOrder == ["c", "a"])
        #expect(decision.startedChildren == ["b"])
        #expect(decider.startOrder == ["b"])
    }

    @Test func transientSiblingsStoppedByARestartAreStartedAgain() throws {
        var decider = try Fixtures.running(
            [Fixtures.child("a"), Fixtures.child("b", restart: .transient)], strategy: .oneForAll)
        #expect(decider.decide(Fixtures.trap, of: "a", at: 1).startedChildren == ["a", "b"])
    }

    @Test func siblingsDownForGoodStayDown() throws {
        var decider = try Fixtures.running(
            [Fixtures.child("a", restart: .transient), Fixtures.child("b"), Fixtures.child("c")],
            strategy: .oneForAll)
        #expect(decider.decide(.exited, of: "a", at: 1) == .leaveDown(child: "a", exit: .exited, removed: false))
        let decision = decider.decide(Fixtures.trap, of: "c", at: 2)
        #expect(decision.plan?.stopOrder == ["b"])
        #expect(decision.startedChildren == ["b", "c"])
        #expect(decider.child(named: "a")?.status == .stopped)
    }
}
