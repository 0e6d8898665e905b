/// What `LiveDatabase.apply` did.
public struct ApplyResult: Sendable {
    /// The comparison the plan came from (made inside the apply transaction, under its lock).
    public let assessment: Assessment
    /// The plan.
    public let plan: ApplyPlan
    /// Whether the plan was executed and committed (false for a dry run or an empty plan).
    public let executed: Bool
    /// Wall time of the whole apply, in milliseconds.
    public let milliseconds: Double

    /// Creates a result.
    public init(assessment: Assessment, plan: ApplyPlan, executed: Bool, milliseconds: Double) {
        self.assessment = assessment
        self.plan = plan
        self.executed = executed
        self.milliseconds = milliseconds
    }
}
