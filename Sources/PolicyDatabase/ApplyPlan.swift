/// What `apply` (or `monitor --reconcile`) runs: the repairs of the drift items, per table in
/// the order enable, force, drop, alter, create, grant, revoke.
public struct ApplyPlan: Hashable, Sendable {
    /// The statements, in execution order.
    public let actions: [PlanAction]

    /// A plan of these actions, ordered by table then phase (stable within a phase).
    public init(actions: [PlanAction]) {
        self.actions = actions.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element, rhs.element)
            if left.table != right.table { return left.table < right.table }
            if left.kind.phase != right.kind.phase { return left.kind.phase < right.kind.phase }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The repairs of `items`; those that remove what pgpe did not create (extra policies and
    /// grants) only when `prune` is set, except an unmanaged policy proven to admit rows the
    /// managed ones refuse (SPEC 11.7). Cosmetic changes have no repair.
    public init(repairing items: [DriftItem], prune: Bool) {
        self.init(actions: items.filter { prune || !$0.needsPrune }.flatMap(\.repair))
    }

    /// Whether there is nothing to do.
    public var isEmpty: Bool { actions.isEmpty }

    /// The statements as one script, one per line.
    public var script: String {
        actions.map(\.sql).joined(separator: "\n")
    }

    /// The number of distinct tables the plan touches.
    public var tableCount: Int {
        Set(actions.map(\.table)).count
    }
}
