extension DiagnosticArea {
    /// `workspace.*`: reading the project's files.
    static let workspace = DiagnosticArea(
        "workspace", title: "Reading the project",
        summary:
            "Files the project names that cannot be read. They are reported at the top of pgpe.yaml (or of the project's directory); the rest of the project is still checked.",
        kinds: [.workspaceUnreadableConfig, .workspaceUnreadableSchema, .workspaceUnreadablePolicies])

    /// `compile.*`: compilation to SQL.
    static let compile = DiagnosticArea(
        "compile", title: "Compilation",
        summary: "Compilation to `CREATE POLICY` SQL, reported by `pgpe check` and the language server too.",
        kinds: [.compileNameCollision, .compileNameTruncated])
}

extension DiagnosticKind {
    /// `workspace.unreadable-config`
    public static let workspaceUnreadableConfig = DiagnosticKind(
        "workspace.unreadable-config", .error,
        "pgpe.yaml exists but cannot be read (permissions, a directory in its place); the defaults are used. Fix the file.")
    /// `workspace.unreadable-schema`
    public static let workspaceUnreadableSchema = DiagnosticKind(
        "workspace.unreadable-schema", .error,
        "The schema file `schema:` names cannot be read, so only schema-free checks run; fix the path or the file.")
    /// `workspace.unreadable-policies`
    public static let workspaceUnreadablePolicies = DiagnosticKind(
        "workspace.unreadable-policies", .error,
        "A path `policies:` names cannot be read (missing, or not readable); fix the path.")

    /// `compile.name-collision`
    public static let compileNameCollision = DiagnosticKind(
        "compile.name-collision", .error,
        "Two policies compile to the same PostgreSQL policy name on one table (names are `<policy>_<table>[_<command>]`, lower case; under `naming: exact` the policy's name, `_<command>` appended for one of several commands, cut to 63 bytes); rename one."
    )
    /// `compile.name-truncated`
    public static let compileNameTruncated = DiagnosticKind(
        "compile.name-truncated", .warning,
        "Under `naming: exact`, a policy's compiled name is longer than PostgreSQL's 63 bytes (NAMEDATALEN - 1); PostgreSQL keeps its first 63 bytes (whole characters), and pgpe names the policy so. Shorten the name."
    )
}
