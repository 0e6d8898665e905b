import PolicySyntax

/// Reads a schema from SQL: what `pg_dump --schema-only` writes, and common hand-written DDL.
///
/// Understood: `CREATE SCHEMA`, `CREATE [TEMP|UNLOGGED] TABLE` (columns, types, NOT NULL,
/// column and table constraints, `LIKE`, `INHERITS`, `PARTITION OF`), `ALTER TABLE` (`ADD`
/// columns and constraints, `ALTER COLUMN ... SET/DROP NOT NULL` and `TYPE`, `DROP COLUMN`,
/// `DROP CONSTRAINT`, `RENAME`, `SET SCHEMA`, `OWNER TO`, `ATTACH PARTITION`),
/// `CREATE UNIQUE INDEX` on plain columns, `DROP TABLE`, `DROP INDEX`, `COMMENT ON TABLE`,
/// `CREATE`/`ALTER ROLE` and `USER`, `CREATE FUNCTION` signatures, `CREATE TYPE` (enums compare
/// like text) and `CREATE DOMAIN`, and the search path (`SET search_path`,
/// `pg_catalog.set_config('search_path', ...)`). `readSnapshot` also reads `CREATE`/`ALTER`/`DROP
/// POLICY`, the `ROW LEVEL SECURITY` switches of `ALTER TABLE` and table `GRANT`/`REVOKE`.
/// Everything else is skipped without a
/// diagnostic; diagnostics are only for statements of these kinds that are malformed, and for
/// unterminated strings, quoted identifiers and comments.
///
/// Names that are not schema-qualified resolve through the search path in force at their
/// statement (by default `public`). References are resolved at the end of the file, so a
/// foreign key may name a table declared later. The model follows PostgreSQL: primary key,
/// serial and identity columns are NOT NULL; a foreign key without columns references the
/// primary key; constraints without a name get PostgreSQL's default name (`users_tenant_id_fkey`);
/// partitions carry their parent's keys. User-defined types are schema-qualified
/// (`public.mood`). Unique keys are sorted, foreign keys ordered by name, functions by name and
/// argument types, roles by name, so every way of writing the same schema gives the same model.
///
/// Diagnostic ids: `schema.unterminated`, `schema.expected` (errors), `schema.duplicate-column`,
/// `schema.foreign-key-columns` (errors), `schema.duplicate-table` and `schema.unexpected-token`
/// (warnings), `schema.unknown-object` (a policy statement on a table or policy never created:
/// warning). Not modelled: `CREATE TABLE ... AS` and `OF type`, what `LIKE ... INCLUDING`
/// copies besides columns and NOT NULL, `DROP SCHEMA`, `DROP FUNCTION`, `ALTER FUNCTION`.
public enum SQLSchemaReader {
    /// Reads `file` into a schema model and the diagnostics for malformed statements.
    public static func read(file: SourceFile) -> (SchemaModel, [Diagnostic]) {
        var state = SchemaReaderState(file: file)
        return state.run()
    }

    /// Reads `files` in order, as one migration history or `pg_dump --schema-only` output, into
    /// a snapshot: the model plus the live state the statements set (`CREATE`/`ALTER`/`DROP
    /// POLICY`, `ALTER TABLE ... ENABLE|DISABLE|FORCE|NO FORCE ROW LEVEL SECURITY`, `GRANT` and
    /// `REVOKE` of table privileges; `GRANT ALL` lists the seven table privileges). Each file
    /// starts with the default search path. Diagnostics are located in their own file.
    public static func readSnapshot(files: [SourceFile]) -> (SchemaSnapshot, [Diagnostic]) {
        // One script, each file closed by `;` and followed by `RESET search_path`, so that
        // references resolve across files; diagnostic offsets are mapped back to their file.
        let separator = "\n;\nRESET search_path;\n"
        var text = ""
        var starts: [Int] = []
        for file in files {
            starts.append(text.utf8.count)
            text += file.text + separator
        }
        var state = SchemaReaderState(file: SourceFile(path: files.first?.path ?? "<input>", text: text))
        let (model, diagnostics) = state.run()
        let live = state.liveState()
        let located = diagnostics.map { diagnostic -> Diagnostic in
            var moved = diagnostic
            let index = max(0, (starts.lastIndex { $0 <= diagnostic.range.start }) ?? 0)
            guard index < files.count else { return moved }
            let length = files[index].bytes.count
            let start = min(diagnostic.range.start - starts[index], length)
            let end = min(max(diagnostic.range.end - starts[index], start), length)
            moved.location = FileLocation(file: files[index].path, range: SourceRange(start: start, end: end))
            return moved
        }
        let snapshot = SchemaSnapshot(model: model, tableStates: live.tableStates, policies: live.policies, grants: live.grants)
        return (snapshot, located)
    }
}
