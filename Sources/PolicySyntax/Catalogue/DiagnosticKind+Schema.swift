extension DiagnosticArea {
    /// `schema.*`: the reader of the SQL DDL subset.
    static let schema = DiagnosticArea(
        "schema", title: "Schema SQL",
        summary:
            "The reader of the schema's SQL (the DDL subset of `pg_dump --schema-only`). Statements it does not model are skipped silently; these are the ones it models but cannot read.",
        kinds: [
            .schemaUnterminated, .schemaExpected, .schemaUnexpectedToken, .schemaDuplicateTable, .schemaDuplicateColumn,
            .schemaForeignKeyColumns, .schemaUnknownObject,
        ])

    /// `snapshot.*`: the reader of schema snapshots (JSON).
    static let snapshot = DiagnosticArea(
        "snapshot", title: "Schema snapshots",
        summary:
            "The reader of schema snapshots, the JSON that `pgpe introspect` writes (docs/snapshot-format.md). An entry with an error is skipped; the rest is read.",
        kinds: [
            .snapshotInvalidJSON, .snapshotWrongFormat, .snapshotUnsupportedVersion, .snapshotMissingField,
            .snapshotWrongType, .snapshotInvalidValue, .snapshotDuplicateTable, .snapshotUnknownField,
        ])
}

extension DiagnosticKind {
    // MARK: SQL

    /// `schema.unterminated`
    public static let schemaUnterminated = DiagnosticKind(
        "schema.unterminated", .error,
        "A string, quoted identifier, dollar quote or comment never closes and swallows the rest of the file; close it.")
    /// `schema.expected`
    public static let schemaExpected = DiagnosticKind(
        "schema.expected", .error,
        "A statement the reader models lacks a part it needs (a name, a type, a parenthesis); the message says which, and the statement is skipped."
    )
    /// `schema.unexpected-token`
    public static let schemaUnexpectedToken = DiagnosticKind(
        "schema.unexpected-token", .warning,
        "Something the reader does not understand inside a column, constraint or table definition; the rest of that definition is ignored.")
    /// `schema.duplicate-table`
    public static let schemaDuplicateTable = DiagnosticKind(
        "schema.duplicate-table", .warning,
        "A table is created twice (without `IF NOT EXISTS`); the first definition is kept.")
    /// `schema.duplicate-column`
    public static let schemaDuplicateColumn = DiagnosticKind(
        "schema.duplicate-column", .error,
        "A column is declared twice in one table, which PostgreSQL rejects; remove one.")
    /// `schema.foreign-key-columns`
    public static let schemaForeignKeyColumns = DiagnosticKind(
        "schema.foreign-key-columns", .error,
        "A foreign key lists a different number of columns than the key it references; make the lists match.")

    /// `schema.unknown-object`
    public static let schemaUnknownObject = DiagnosticKind(
        "schema.unknown-object", .warning,
        "A policy statement names a table (or policy) the SQL does not create; the statement is skipped."
    )

    // MARK: Snapshots

    /// `snapshot.invalid-json`
    public static let snapshotInvalidJSON = DiagnosticKind(
        "snapshot.invalid-json", .error,
        "The snapshot is not JSON (or nests over 128 levels, or repeats a member name); nothing is read. Write it again with `pgpe introspect`."
    )
    /// `snapshot.wrong-format`
    public static let snapshotWrongFormat = DiagnosticKind(
        "snapshot.wrong-format", .error,
        "`format` is not `\"pgpe-snapshot\"`, so the file is not read; `schema:` names some other JSON file.")
    /// `snapshot.unsupported-version`
    public static let snapshotUnsupportedVersion = DiagnosticKind(
        "snapshot.unsupported-version", .error,
        "`version` is not one this pgpe reads, so the file is not read; introspect again with this pgpe.")
    /// `snapshot.missing-field`
    public static let snapshotMissingField = DiagnosticKind(
        "snapshot.missing-field", .error,
        "A required field is absent (reported at its object's `{`); the entry is skipped.")
    /// `snapshot.wrong-type`
    public static let snapshotWrongType = DiagnosticKind(
        "snapshot.wrong-type", .error,
        "A field has the wrong JSON type (a string where an array belongs, say); the entry is skipped.")
    /// `snapshot.invalid-value`
    public static let snapshotInvalidValue = DiagnosticKind(
        "snapshot.invalid-value", .error,
        "A value of the right type that is not allowed (an unknown type family, an unqualified domain name); the entry is skipped.")
    /// `snapshot.duplicate-table`
    public static let snapshotDuplicateTable = DiagnosticKind(
        "snapshot.duplicate-table", .warning,
        "A table appears twice; the first is kept.")
    /// `snapshot.unknown-field`
    public static let snapshotUnknownField = DiagnosticKind(
        "snapshot.unknown-field", .warning,
        "A field this version of the format does not know (at its key); it is ignored.")
}
