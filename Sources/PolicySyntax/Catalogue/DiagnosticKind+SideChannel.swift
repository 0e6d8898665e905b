extension DiagnosticArea {
    /// `sidechannel.*`: ways around row-level security that the proofs over policies cannot see (SPEC 11.11).
    static let sideChannel = DiagnosticArea(
        "sidechannel", title: "Side channels",
        summary:
            "Objects of the schema around the policies through which roles named by policies (or PUBLIC) reach governed rows without the policies: `pgpe analyze` reports them with the schema (at the object's statement in a SQL schema, naming the catalog object otherwise) in every output format, and the language server on the schema file and on the policies whose guarantee they weaken. Each message ends with the SQL that fixes it; see docs/side-channels.md.",
        kinds: [
            .sideChannelViewDefiner, .sideChannelDefinerFunction, .sideChannelChildWithoutRLS,
            .sideChannelUniqueWithoutKey, .sideChannelColumnGrant, .sideChannelDefinerTrigger,
        ])
}

extension DiagnosticKind {
    /// `sidechannel.view-definer`
    public static let sideChannelViewDefiner = DiagnosticKind(
        "sidechannel.view-definer", .warning,
        "A view without `security_invoker` (or a materialized view) reads a governed table with its owner's rights and is granted to a role the policies apply to: it returns every tenant's rows. Fix: `ALTER VIEW ... SET (security_invoker = true)`, or revoke it."
    )
    /// `sidechannel.definer-function`
    public static let sideChannelDefinerFunction = DiagnosticKind(
        "sidechannel.definer-function", .warning,
        "A SECURITY DEFINER function reads or writes a governed table with its owner's rights and a role the policies apply to (or PUBLIC, which may execute every new function) can execute it. Fix: `REVOKE EXECUTE ON FUNCTION ... FROM PUBLIC` (and from those roles), or make it SECURITY INVOKER."
    )
    /// `sidechannel.child-without-rls`
    public static let sideChannelChildWithoutRLS = DiagnosticKind(
        "sidechannel.child-without-rls", .warning,
        "A partition or inheritance child of a governed table has no row-level security of its own and is granted to a role the policies apply to: querying the child directly skips the parent's policies. Fix: `ALTER TABLE child ENABLE ROW LEVEL SECURITY` and govern it with the parent's policies, or revoke the grant."
    )
    /// `sidechannel.unique-without-key`
    public static let sideChannelUniqueWithoutKey = DiagnosticKind(
        "sidechannel.unique-without-key", .info,
        "A UNIQUE constraint or unique index of a governed table does not include the isolation key's column: an insert's unique violation tells a tenant that another tenant's row with those values exists. Fix: a UNIQUE that includes the key column."
    )
    /// `sidechannel.column-grant`
    public static let sideChannelColumnGrant = DiagnosticKind(
        "sidechannel.column-grant", .warning,
        "A privilege on some columns of a governed table is granted to a role row-level security does not restrict there (BYPASSRLS; or, while the table is not FORCE ROW LEVEL SECURITY, a member of its owner), or to PUBLIC while a role with BYPASSRLS exists: it reads or writes those columns of every tenant's rows. Also REFERENCES on a key of a governed table granted to a role the policies apply to: a foreign key's check runs without the policies, so the role learns which key values any tenant has. Fix: `REVOKE ... (columns) ON ... FROM ...`, or FORCE ROW LEVEL SECURITY for a member of the owner."
    )
}

extension DiagnosticKind {
    /// `sidechannel.definer-trigger`
    public static let sideChannelDefinerTrigger = DiagnosticKind(
        "sidechannel.definer-trigger", .warning,
        "An enabled trigger executes a SECURITY DEFINER function that reads or writes a governed table, and a role the policies apply to may INSERT, UPDATE, DELETE or TRUNCATE (as the trigger's events say) the trigger's table: firing a trigger needs no EXECUTE privilege, so the function reaches those rows with its owner's rights, without their policies. Fix: `ALTER FUNCTION ... SECURITY INVOKER`, or make the function filter by tenant."
    )
}
