extension DiagnosticArea {
    /// `proof.*`: the proofs of SPEC 6 (`pgpe analyze`, the language server's proof diagnostics).
    static let proof = DiagnosticArea(
        "proof", title: "Proofs",
        summary:
            "The proofs of docs/proofs.md. The language server reports a FAILED verdict as `proof.<id>-failed` and an UNKNOWN one as `proof.<id>-unknown`, at the clause or policy to blame; `pgpe analyze --format sarif` reports each FAILED verdict as `proof.<id>` (its text and JSON list the verdicts themselves).",
        kinds: [
            .proofTenantIsolationFailed, .proofTenantIsolationUnknown, .proofTenantIsolation,
            .proofContradictionFailed, .proofContradictionUnknown, .proofContradiction, .proofCoverageFailed,
            .proofCoverageUnknown, .proofCoverage, .proofFailClosedFailed, .proofFailClosedUnknown, .proofFailClosed,
            .proofWriteRestrictionFailed, .proofWriteRestrictionUnknown, .proofWriteRestriction,
            .proofSubsumptionFailed, .proofSubsumptionUnknown, .proofSubsumption, .proofRedundancyFailed,
            .proofRedundancyUnknown, .proofRedundancy, .proofTraversalFailed, .proofTraversalUnknown, .proofTraversal,
            .proofRoleSeparationFailed, .proofRoleSeparationUnknown, .proofRoleSeparation,
            .proofPolicyEquivalenceFailed, .proofPolicyEquivalenceUnknown, .proofPolicyEquivalence,
            .proofCoverageUngoverned, .proofAccepted,
        ])
}

extension DiagnosticKind {
    // MARK: accepted

    /// `proof.accepted`
    public static let proofAccepted = DiagnosticKind(
        "proof.accepted", .info,
        "ACCEPTED: a FAILED or UNKNOWN verdict that an `accept:` entry of pgpe.yaml matches; shown with the entry's reason, it does not fail `pgpe analyze`."
    )

    // MARK: tenant-isolation

    /// `proof.tenant-isolation-failed`
    public static let proofTenantIsolationFailed = DiagnosticKind(
        "proof.tenant-isolation-failed", .error,
        "FAILED: two sessions with different values of an isolation key reach (USING) or can write (WITH CHECK) the same row; the counterexample shows how. Pin the key in every permissive clause."
    )
    /// `proof.tenant-isolation-unknown`
    public static let proofTenantIsolationUnknown = DiagnosticKind(
        "proof.tenant-isolation-unknown", .info,
        "UNKNOWN: the tenant-isolation proof was not decided (a timeout, or the answer depends on raw SQL or on a nondeterministic collation; the message says which)."
    )
    /// `proof.tenant-isolation`
    public static let proofTenantIsolation = DiagnosticKind(
        "proof.tenant-isolation", .error,
        "A FAILED tenant-isolation verdict in `pgpe analyze --format sarif` (see `proof.tenant-isolation-failed`).")

    // MARK: contradiction

    /// `proof.contradiction-failed`
    public static let proofContradictionFailed = DiagnosticKind(
        "proof.contradiction-failed", .warning,
        "FAILED: an effective predicate or a clause can never be true, so it denies everything or changes nothing; fix the atoms that contradict each other."
    )
    /// `proof.contradiction-unknown`
    public static let proofContradictionUnknown = DiagnosticKind(
        "proof.contradiction-unknown", .info,
        "UNKNOWN: the contradiction proof was not decided (a timeout, or the answer depends on raw SQL or on a nondeterministic collation; the message says which)."
    )
    /// `proof.contradiction`
    public static let proofContradiction = DiagnosticKind(
        "proof.contradiction", .error,
        "A FAILED contradiction verdict in `pgpe analyze --format sarif` (see `proof.contradiction-failed`).")

    // MARK: coverage

    /// `proof.coverage-failed`
    public static let proofCoverageFailed = DiagnosticKind(
        "proof.coverage-failed", .warning,
        "FAILED: no role has a permissive policy for a command, so PostgreSQL denies it to everyone (default deny); add a policy for it, or accept the denial."
    )
    /// `proof.coverage-unknown`
    public static let proofCoverageUnknown = DiagnosticKind(
        "proof.coverage-unknown", .info,
        "UNKNOWN: the coverage proof was not decided (a timeout, or the answer depends on raw SQL or on a nondeterministic collation; the message says which)."
    )
    /// `proof.coverage`
    public static let proofCoverage = DiagnosticKind(
        "proof.coverage", .error,
        "A FAILED coverage verdict in `pgpe analyze --format sarif` (see `proof.coverage-failed`).")

    // MARK: fail-closed

    /// `proof.fail-closed-failed`
    public static let proofFailClosedFailed = DiagnosticKind(
        "proof.fail-closed-failed", .error,
        "FAILED: with an isolation key unset (NULL or '') a session still reaches or writes rows; compare the key with a column so that an unset key matches nothing."
    )
    /// `proof.fail-closed-unknown`
    public static let proofFailClosedUnknown = DiagnosticKind(
        "proof.fail-closed-unknown", .info,
        "UNKNOWN: the fail-closed proof was not decided (a timeout, or the answer depends on raw SQL or on a nondeterministic collation; the message says which)."
    )
    /// `proof.fail-closed`
    public static let proofFailClosed = DiagnosticKind(
        "proof.fail-closed", .error,
        "A FAILED fail-closed verdict in `pgpe analyze --format sarif` (see `proof.fail-closed-failed`).")

    // MARK: write-restriction

    /// `proof.write-restriction-failed`
    public static let proofWriteRestrictionFailed = DiagnosticKind(
        "proof.write-restriction-failed", .warning,
        "FAILED: a session can insert (or update to) a row it cannot read back; make WITH CHECK at least as strict as what SELECT allows.")
    /// `proof.write-restriction-unknown`
    public static let proofWriteRestrictionUnknown = DiagnosticKind(
        "proof.write-restriction-unknown", .info,
        "UNKNOWN: the write-restriction proof was not decided (a timeout, or the answer depends on raw SQL or on a nondeterministic collation; the message says which)."
    )
    /// `proof.write-restriction`
    public static let proofWriteRestriction = DiagnosticKind(
        "proof.write-restriction", .error,
        "A FAILED write-restriction verdict in `pgpe analyze --format sarif` (see `proof.write-restriction-failed`).")

    // MARK: subsumption

    /// `proof.subsumption-failed`
    public static let proofSubsumptionFailed = DiagnosticKind(
        "proof.subsumption-failed", .hint,
        "FAILED: a policy adds or removes nothing given the others; remove it or merge it.")
    /// `proof.subsumption-unknown`
    public static let proofSubsumptionUnknown = DiagnosticKind(
        "proof.subsumption-unknown", .info,
        "UNKNOWN: the subsumption proof was not decided (a timeout, or the answer depends on raw SQL or on a nondeterministic collation; the message says which)."
    )
    /// `proof.subsumption`
    public static let proofSubsumption = DiagnosticKind(
        "proof.subsumption", .hint,
        "A FAILED subsumption verdict in `pgpe analyze --format sarif` (see `proof.subsumption-failed`).")

    // MARK: redundancy

    /// `proof.redundancy-failed`
    public static let proofRedundancyFailed = DiagnosticKind(
        "proof.redundancy-failed", .hint,
        "FAILED: a clause adds nothing given the others; remove it.")
    /// `proof.redundancy-unknown`
    public static let proofRedundancyUnknown = DiagnosticKind(
        "proof.redundancy-unknown", .info,
        "UNKNOWN: the redundancy proof was not decided (a timeout, or the answer depends on raw SQL or on a nondeterministic collation; the message says which)."
    )
    /// `proof.redundancy`
    public static let proofRedundancy = DiagnosticKind(
        "proof.redundancy", .hint,
        "A FAILED redundancy verdict in `pgpe analyze --format sarif` (see `proof.redundancy-failed`).")

    // MARK: traversal

    /// `proof.traversal-failed`
    public static let proofTraversalFailed = DiagnosticKind(
        "proof.traversal-failed", .warning,
        "FAILED: an `exists()` reaches a table whose own RLS hides every matching row from the session, so it never matches; give the role a SELECT policy on the target."
    )
    /// `proof.traversal-unknown`
    public static let proofTraversalUnknown = DiagnosticKind(
        "proof.traversal-unknown", .info,
        "UNKNOWN: the traversal proof was not decided (a timeout, or the answer depends on raw SQL or on a nondeterministic collation; the message says which)."
    )
    /// `proof.traversal`
    public static let proofTraversal = DiagnosticKind(
        "proof.traversal", .error,
        "A FAILED traversal verdict in `pgpe analyze --format sarif` (see `proof.traversal-failed`).")

    // MARK: role-separation

    /// `proof.role-separation-failed`
    public static let proofRoleSeparationFailed = DiagnosticKind(
        "proof.role-separation-failed", .error,
        "FAILED: two roles listed in `analysis.separate_roles` reach the same row; the counterexample shows it.")
    /// `proof.role-separation-unknown`
    public static let proofRoleSeparationUnknown = DiagnosticKind(
        "proof.role-separation-unknown", .info,
        "UNKNOWN: the role-separation proof was not decided (a timeout, or the answer depends on raw SQL or on a nondeterministic collation; the message says which)."
    )
    /// `proof.role-separation`
    public static let proofRoleSeparation = DiagnosticKind(
        "proof.role-separation", .error,
        "A FAILED role-separation verdict in `pgpe analyze --format sarif` (see `proof.role-separation-failed`).")

    // MARK: policy-equivalence

    /// `proof.policy-equivalence-failed`
    public static let proofPolicyEquivalenceFailed = DiagnosticKind(
        "proof.policy-equivalence-failed", .warning,
        "FAILED: the two policy sets (`pgpe analyze --equivalent-to`) give different effective predicates; the counterexample is a row they treat differently."
    )
    /// `proof.policy-equivalence-unknown`
    public static let proofPolicyEquivalenceUnknown = DiagnosticKind(
        "proof.policy-equivalence-unknown", .info,
        "UNKNOWN: the policy-equivalence proof was not decided (a timeout, or the answer depends on raw SQL or on a nondeterministic collation; the message says which)."
    )
    /// `proof.policy-equivalence`
    public static let proofPolicyEquivalence = DiagnosticKind(
        "proof.policy-equivalence", .error,
        "A FAILED policy-equivalence verdict in `pgpe analyze --format sarif` (see `proof.policy-equivalence-failed`).")

    // MARK: coverage of schemas

    /// `proof.coverage-ungoverned`
    public static let proofCoverageUngoverned = DiagnosticKind(
        "proof.coverage-ungoverned", .info,
        "A table of a governed schema that no policy's selector matches, so row-level security stays off on it; govern it or leave its schema out of `schemas:`."
    )
}
