extension DiagnosticArea {
    /// `database.*`: the policies tried on a live database (`pgpe check --database`, `pgpe monitor`).
    static let database = DiagnosticArea(
        "database", title: "Database",
        summary:
            "Problems found by trying the compiled policies on a live database without changing it (`pgpe check --database`, `pgpe monitor`; docs/database.md).",
        kinds: [.databaseRawSQLError])

    /// `drift.*`: differences between the policies and a live database (`pgpe monitor`).
    static let drift = DiagnosticArea(
        "drift", title: "Drift",
        summary:
            "Differences between the compiled policies and a live database, the SARIF rules of `pgpe monitor --format sarif` (docs/database.md). Critical and high drift is an error, the rest a warning; `pgpe apply` repairs it (`--prune` for what pgpe did not create).",
        kinds: [
            .driftRLSDisabled, .driftRLSNotForced, .driftRLSForced, .driftMissingPolicy, .driftModifiedPolicy, .driftExtraPolicy,
            .driftMissingGrant, .driftExtraGrant, .driftCosmeticChange,
        ])

    /// `posture.*`: weaknesses of the database's security posture that are not drift.
    static let posture = DiagnosticArea(
        "posture", title: "Posture",
        summary:
            "Roles and owners that make the policies easy to get around, the other SARIF rules of `pgpe monitor --format sarif`. pgpe never changes roles; the message says what to run.",
        kinds: [.posturePrivilegedLoginRole, .postureOwnerNamedByPolicy, .postureForcedOwner])
}

extension DiagnosticKind {
    // MARK: Database

    /// `database.raw-sql-error`
    public static let databaseRawSQLError = DiagnosticKind(
        "database.raw-sql-error", .error,
        "PostgreSQL rejects the SQL of a `raw('...')` as compiled for a governed table (planned with `EXPLAIN` in a read-only transaction that is rolled back, under the search_path `pgpe apply` creates policies with); the message has the SQLSTATE and PostgreSQL's error, and `pgpe apply` would fail the same way."
    )

    // MARK: Drift

    /// `drift.rls_disabled`
    public static let driftRLSDisabled = DiagnosticKind(
        "drift.rls_disabled", .error,
        "Critical: row-level security is not enabled on a governed table, so its policies do nothing; run `pgpe apply`.")
    /// `drift.rls_not_forced`
    public static let driftRLSNotForced = DiagnosticKind(
        "drift.rls_not_forced", .error,
        "High: row-level security is not forced on a governed table, so its owner bypasses the policies; run `pgpe apply`.")
    /// `drift.rls_forced`
    public static let driftRLSForced = DiagnosticKind(
        "drift.rls_forced", .warning,
        "Row-level security is forced on a governed table that `force:` in pgpe.yaml leaves out, so its owner (and SECURITY DEFINER functions it owns) pass through the policies; run `pgpe apply` (NO FORCE)."
    )
    /// `drift.missing_policy`
    public static let driftMissingPolicy = DiagnosticKind(
        "drift.missing_policy", .error,
        "Critical: an expected policy does not exist in the database; run `pgpe apply`.")
    /// `drift.modified_policy`
    public static let driftModifiedPolicy = DiagnosticKind(
        "drift.modified_policy", .error,
        "Critical: a policy exists under the expected name but its USING, WITH CHECK, roles, command or type differ (an expression that admits rows the managed one does not comes with a witness row); run `pgpe apply`.",
        exceptions: [.narrowerPolicy])
    /// `drift.extra_policy`
    public static let driftExtraPolicy = DiagnosticKind(
        "drift.extra_policy", .warning,
        "A policy pgpe does not manage is on a governed table but adds no access the managed policies do not give (it is restrictive, or admits no row they refuse); review it, and `pgpe apply --prune` drops it.",
        exceptions: [.widerExtraPolicy])
    /// `drift.cosmetic_change`
    public static let driftCosmeticChange = DiagnosticKind(
        "drift.cosmetic_change", .info,
        "Not drift: a managed policy's USING or WITH CHECK is written differently from the compiled text but proven to admit the same rows; `pgpe monitor` exits 0 and `pgpe apply` leaves it as it is."
    )
    /// `drift.missing_grant`
    public static let driftMissingGrant = DiagnosticKind(
        "drift.missing_grant", .error,
        "Critical: a privilege a GRANT item gives is not granted; run `pgpe apply`.")
    /// `drift.extra_grant`
    public static let driftExtraGrant = DiagnosticKind(
        "drift.extra_grant", .warning,
        "A privilege is granted on a table whose grants pgpe manages, and no GRANT item gives it; review it, and `pgpe apply --prune` revokes it."
    )

    // MARK: Posture

    /// `posture.privileged_login_role`
    public static let posturePrivilegedLoginRole = DiagnosticKind(
        "posture.privileged_login_role", .warning,
        "A role that can log in is a superuser or has BYPASSRLS, so row-level security does not apply to it; the remediation says how to remove that."
    )
    /// `posture.owner_named_by_policy`
    public static let postureOwnerNamedByPolicy = DiagnosticKind(
        "posture.owner_named_by_policy", .warning,
        "A governed table is owned by a role its policies or grants name (or that such a role can act as), so those sessions can disable RLS and drop the policies; give the table another owner."
    )
    /// `posture.forced_owner`
    public static let postureForcedOwner = DiagnosticKind(
        "posture.forced_owner", .warning,
        "pgpe forces row-level security on a table whose owner is neither a superuser nor has BYPASSRLS, so the owner, and the SECURITY DEFINER functions and triggers it owns that read or write the table (named in the finding), now pass through its policies; leave the table out of `force:` in pgpe.yaml, or make sure the policies admit what they need."
    )
}

extension SeverityException {
    /// `drift.modified_policy` is a warning when the live expression admits a subset of the rows.
    public static let narrowerPolicy = SeverityException(
        .warning, when: "the live USING or WITH CHECK is proven narrower: it admits a subset of the managed policy's rows")
    /// `drift.extra_policy` is an error when the unmanaged policy admits rows the managed ones refuse.
    public static let widerExtraPolicy = SeverityException(
        .error,
        when:
            "the unmanaged policy is permissive and admits a row (the witness) that no managed permissive policy for its command and roles admits; `pgpe monitor --execute` drops it without `--prune`"
    )
}
