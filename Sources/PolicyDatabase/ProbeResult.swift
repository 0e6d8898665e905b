import PolicyProofs

/// One verdict checked against the live database by `pgpe analyze --probe`.
public struct ProbeResult: Hashable, Sendable {
    /// The verdict.
    public var verdict: Verdict
    /// AGREE, MISMATCH or SKIPPED.
    public var status: ProbeStatus
    /// What each session did (AGREE, MISMATCH) or why the verdict was not checked (SKIPPED).
    public var detail: String
}
