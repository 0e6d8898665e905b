extension DiagnosticArea {
    /// `config.*`: the reader of `pgpe.yaml`.
    static let config = DiagnosticArea(
        "config", title: "pgpe.yaml",
        summary: "The reader of `pgpe.yaml`; each diagnostic points at the key or value concerned.",
        kinds: [
            .configInvalidYAML, .configInvalidEncoding, .configDuplicateKey, .configUnknownKey, .configWrongType,
            .configInvalidValue, .configMissingKey, .configUnknownType, .configUncheckedType, .configSessionKeyFormat,
            .configBuiltInSessionKey, .configUndeclaredSessionKey, .configUnsetVariable, .configMalformedVariable, .configUnknownProof,
            .configDuplicateRole, .configStaleAccept, .configUnknownFinding,
        ])
}

extension DiagnosticKind {
    /// `config.invalid-yaml`
    public static let configInvalidYAML = DiagnosticKind(
        "config.invalid-yaml", .error,
        "pgpe.yaml is not valid YAML, so none of it is read; fix the syntax at the place shown.")
    /// `config.invalid-encoding`
    public static let configInvalidEncoding = DiagnosticKind(
        "config.invalid-encoding", .error,
        "pgpe.yaml is not valid UTF-8; the invalid bytes were read as U+FFFD. Save the file as UTF-8.")
    /// `config.duplicate-key`
    public static let configDuplicateKey = DiagnosticKind(
        "config.duplicate-key", .error,
        "A key appears twice in one map; the first is kept. Remove one.")
    /// `config.unknown-key`
    public static let configUnknownKey = DiagnosticKind(
        "config.unknown-key", .error,
        "A key pgpe.yaml does not have at that place (a typo, say); the message suggests the closest or lists the valid keys.")
    /// `config.wrong-type`
    public static let configWrongType = DiagnosticKind(
        "config.wrong-type", .error,
        "A value of the wrong kind (a list where a map belongs, a string where an integer belongs...); write the kind the message names.")
    /// `config.invalid-value`
    public static let configInvalidValue = DiagnosticKind(
        "config.invalid-value", .error,
        "A value of the right kind that is not allowed (out of range, empty, not one of the choices); the message says what is.",
        exceptions: [.singleSeparateRole])
    /// `config.missing-key`
    public static let configMissingKey = DiagnosticKind(
        "config.missing-key", .error,
        "A required key is missing (an isolation entry's `key`, a function's `returns`, a session value's `type`); add it.")
    /// `config.unknown-type`
    public static let configUnknownType = DiagnosticKind(
        "config.unknown-type", .error,
        "A type name pgpe does not know, a function's type the schema does not define, or an array type where a single value is needed; use one the message suggests or lists."
    )
    /// `config.unchecked-type`
    public static let configUncheckedType = DiagnosticKind(
        "config.unchecked-type", .warning,
        "Without a schema, a function's type that is neither PostgreSQL's own nor schema-qualified can only be a type the schema would define, so it is not checked (a typo such as `uuidd`, say); fix the name, qualify it, or give `schema:`."
    )
    /// `config.session-key-format`
    public static let configSessionKeyFormat = DiagnosticKind(
        "config.session-key-format", .warning,
        "A session key without a prefix; PostgreSQL custom settings are named like `app.tenant_id`.")
    /// `config.builtin-session-key`
    public static let configBuiltInSessionKey = DiagnosticKind(
        "config.builtin-session-key", .error,
        "`session:` declares `current_user` or `session_user`, which are built in (type text, PostgreSQL's own values); remove the entry.")
    /// `config.undeclared-session-key`
    public static let configUndeclaredSessionKey = DiagnosticKind(
        "config.undeclared-session-key", .warning,
        "An isolation key is not declared under `session:`; declare it there (with its type) or fix the name.")
    /// `config.unset-variable`
    public static let configUnsetVariable = DiagnosticKind(
        "config.unset-variable", .warning,
        "A `${VAR}` names an environment variable that is not set, so an empty string is used in its place; set the variable.")
    /// `config.malformed-variable`
    public static let configMalformedVariable = DiagnosticKind(
        "config.malformed-variable", .warning,
        "`${` is not followed by a variable name and `}`; write `$${` for a literal `${`.")
    /// `config.unknown-proof`
    public static let configUnknownProof = DiagnosticKind(
        "config.unknown-proof", .warning,
        "`analysis.proofs` names a proof that does not exist, which is ignored; use an id from docs/proofs.md.")
    /// `config.stale-accept`
    public static let configStaleAccept = DiagnosticKind(
        "config.stale-accept", .warning,
        "An `accept:` entry matched no FAILED or UNKNOWN verdict (or, with `finding:`, no finding) of `pgpe analyze` (the finding was fixed, or the entry names the wrong proof, finding, object, tables, commands or roles); remove or correct it, since stale waivers rot."
    )
    /// `config.unknown-finding`
    public static let configUnknownFinding = DiagnosticKind(
        "config.unknown-finding", .warning,
        "`finding:` of an `accept:` entry names no finding `accept:` can accept (a `sidechannel.*` or `performance.*` id of docs/diagnostics.md), so the entry accepts nothing; use one of those ids."
    )
    /// `config.duplicate-role`
    public static let configDuplicateRole = DiagnosticKind(
        "config.duplicate-role", .warning,
        "A role is listed twice in `analysis.separate_roles`; remove the repetition.")
}

extension SeverityException {
    /// `config.invalid-value` is a warning when `analysis.separate_roles` lists a single role.
    public static let singleSeparateRole = SeverityException(
        .warning, when: "`analysis.separate_roles` lists a single role (it compares roles in pairs)")
}
