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
/// `pg_catalog.set_config('search_path', ...)`). Everything else is skipped without a
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
/// (warnings). Not modelled: `CREATE TABLE ... AS` and `OF type`, what `LIKE ... INCLUDING`
/// copies besides columns and NOT NULL, `DROP SCHEMA`, `DROP FUNCTION`, `ALTER FUNCTION`.
public enum SQLSchemaReader {
    /// Reads `file` into a schema model and the diagnostics for malformed statements.
    public static func read(file: SourceFile) -> (SchemaModel, [Diagnostic]) {
        var state = SchemaReaderState(file: file)
        return state.run()
    }
}
