@testable import Supervision

/// Small builders for restart-decision tests.
enum RestartDeciderFixtures {
    static func child(
        _ name: String, restart: RestartType = .permanent, state: RestartStateSource = .lastGood,
        backoff: RestartBackoff = .immediate
    ) -> ChildSpecification {
        ChildSpecification(name: name, manifest: "\(name)/manifest.toml", restart: restart, state: state, backoff: backoff)
    }

    /// A decider whose children all started at time 0.
    static func running(
        _ children: [ChildSpecification], strategy: RestartStrategy = .oneForOne, maxRestarts: Int = 3,
        periodMilliseconds: UInt64 = 5000
    ) throws -> RestartDecider {
        let flags = SupervisorFlags(strategy: strategy, maxRestarts: maxRestarts, periodMilliseconds: periodMilliseconds)
        var decider = try RestartDecider(flags: flags, children: children)
        for name in decider.startOrder { try decider.markStarted(name, at: 0) }
        return decider
    }

    static func running(_ names: [String], strategy: RestartStrategy = .oneForOne) throws -> RestartDecider {
        try running(names.map { child($0) }, strategy: strategy)
    }

    static let trap = ChildExit.crashed(cause: "trap: unreachable")
}

extension SupervisorDecision {
    /// The plan, if the decision is a restart.
    var plan: RestartPlan? {
        if case .restart(let plan) = self { return plan }
        return nil
    }

    /// The names a restart plan starts, in order.
    var startedChildren: [String]? { plan?.startOrder.map(\.child) }
}
