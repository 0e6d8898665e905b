/// The catalog queries of an introspection: a fixed list, each reading one kind of object for
/// every user schema at once, so the count does not grow with the number of tables.
///
/// They run with `search_path = pg_catalog` (the caller sets it), so expressions and names that
/// PostgreSQL prints come out schema-qualified. User schemas are all schemas but
/// `information_schema` and those whose name starts with `pg_` (catalog, toast, temporary).
enum CatalogQueries {
    /// Matches user schemas; `n` is `pg_namespace`.
    static let userSchema = "n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'"

    /// `LEFT JOIN LATERAL (...) g` with the explicit grants of `acl` (`aclexplode`; `c` is the
    /// table's `pg_class`, whose owner's own entries are left out) as two parallel arrays,
    /// `g.grantees` (`PUBLIC` for PUBLIC) and `g.privileges`.
    static func explicitGrants(_ acl: String) -> String {
        """
        LEFT JOIN LATERAL (
                    SELECT pg_catalog.array_agg(e.grantee) AS grantees, pg_catalog.array_agg(e.privilege) AS privileges
                    FROM (SELECT CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(x.grantee)::text END AS grantee,
                                 x.privilege_type AS privilege
                          FROM pg_catalog.aclexplode(\(acl)) x
                          WHERE x.grantee <> c.relowner) e
                ) g ON true
        """
    }

    /// Schemas (also empty ones) and their ordinary and partitioned tables: owner, RLS switches,
    /// the tables they inherit from or are partitions of (`pg_inherits`),
    /// comment, and the explicit grants (`aclexplode` of `relacl`, the owner's own entries left
    /// out) as two parallel arrays. When the owner is neither a superuser nor has BYPASSRLS
    /// (FORCE would subject it to the policies, SPEC 11.5): the SECURITY DEFINER functions it
    /// owns whose source names the table (best effort: the bare name as a word, any case, when
    /// it is lower case; else the name in double quotes), and the table's triggers whose function
    /// it owns.
    static let tables = """
        WITH definer_functions AS MATERIALIZED (
            SELECT f.proowner AS owner, f.prosrc AS source,
                   pg_catalog.format('%I.%I(%s)', fn.nspname, f.proname,
                                     pg_catalog.pg_get_function_identity_arguments(f.oid)) AS signature
            FROM pg_catalog.pg_proc f
            JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
            JOIN pg_catalog.pg_roles fo ON fo.oid = f.proowner
            WHERE f.prosecdef AND NOT fo.rolbypassrls AND NOT fo.rolsuper
        )
        SELECT n.nspname AS schema, c.oid AS oid, c.relname AS name,
               pg_catalog.pg_get_userbyid(c.relowner) AS owner,
               c.relrowsecurity AS rls_enabled, c.relforcerowsecurity AS rls_forced,
               (c.relkind = 'r' AND c.relhassubclass) AS inherited,
               d.description AS comment, g.grantees, g.privileges, s.definers, tr.triggers,
               ih.parent_schemas, ih.parent_names
        FROM pg_catalog.pg_namespace n
        LEFT JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relkind IN ('r', 'p')
        LEFT JOIN pg_catalog.pg_description d
               ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
        \(explicitGrants("c.relacl"))
        LEFT JOIN pg_catalog.pg_roles o ON o.oid = c.relowner
        LEFT JOIN LATERAL (
            SELECT pg_catalog.array_agg(f.signature ORDER BY f.signature) AS definers
            FROM definer_functions f
            CROSS JOIN LATERAL (SELECT pg_catalog.regexp_replace(c.relname, '([^[:alnum:]_])', '\\\\\\1', 'g') AS name) x
            WHERE f.owner = c.relowner
              AND CASE WHEN c.relname = pg_catalog.lower(c.relname)
                       THEN f.source ~* ('(^|[^[:alnum:]_$"])' || x.name || '($|[^[:alnum:]_$"])')
                       ELSE pg_catalog.strpos(f.source, '"' || c.relname || '"') > 0 END
        ) s ON true
        LEFT JOIN LATERAL (
            SELECT pg_catalog.array_agg(pg_catalog.format('%I (%I.%I)', t.tgname, tn.nspname, tf.proname)
                                        ORDER BY t.tgname) AS triggers
            FROM pg_catalog.pg_trigger t
            JOIN pg_catalog.pg_proc tf ON tf.oid = t.tgfoid
            JOIN pg_catalog.pg_namespace tn ON tn.oid = tf.pronamespace
            WHERE t.tgrelid = c.oid AND NOT t.tgisinternal AND tf.proowner = c.relowner
              AND NOT o.rolbypassrls AND NOT o.rolsuper
        ) tr ON true
        LEFT JOIN LATERAL (
            SELECT pg_catalog.array_agg(pn.nspname ORDER BY i.inhseqno) AS parent_schemas,
                   pg_catalog.array_agg(pc.relname ORDER BY i.inhseqno) AS parent_names
            FROM pg_catalog.pg_inherits i
            JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
            JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
            WHERE i.inhrelid = c.oid
        ) ih ON true
        WHERE \(userSchema)
        """

    /// The columns of those tables, in order, with their collation when it is not the
    /// database default (`schema.name`, and whether it is deterministic), and the privileges
    /// granted on the column alone (`aclexplode` of `attacl`, the owner's own entries left out)
    /// as two parallel arrays: the side-channel checks read them (SPEC 11.11).
    static let columns = """
        SELECT a.attrelid AS table_oid, a.attname AS name, a.atttypid AS type_oid,
               pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
               CASE WHEN a.attcollation NOT IN (0, 100) THEN cn.nspname || '.' || co.collname END AS collation,
               co.collisdeterministic AS collation_deterministic, g.grantees, g.privileges
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
        LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
        \(explicitGrants("a.attacl"))
        WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND \(userSchema)
        ORDER BY a.attrelid, a.attnum
        """

    /// Primary keys (`p`), foreign keys (`f`) and unique indexes on plain columns without a
    /// predicate (`u`: unique constraints and unique indexes), with column names in key order.
    static let keys = """
        SELECT con.conrelid AS table_oid, con.contype::text AS kind, con.conname AS name,
               ARRAY(SELECT a.attname FROM pg_catalog.unnest(con.conkey) WITH ORDINALITY k(num, ord)
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num
                     ORDER BY k.ord) AS columns,
               rn.nspname AS ref_schema, rc.relname AS ref_table,
               ARRAY(SELECT a.attname FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY k(num, ord)
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
                     ORDER BY k.ord) AS ref_columns
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
        LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
        WHERE con.contype IN ('p', 'f') AND c.relkind IN ('r', 'p') AND \(userSchema)
        UNION ALL
        SELECT i.indrelid, 'u', ic.relname,
               ARRAY(SELECT a.attname FROM pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY k(num, ord)
                     JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num
                     ORDER BY k.ord),
               NULL, NULL, NULL
        FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE i.indisunique AND NOT i.indisprimary AND i.indpred IS NULL AND i.indexprs IS NULL
          AND c.relkind IN ('r', 'p') AND \(userSchema)
        ORDER BY 1, 2, 3
        """

    /// Indexes that back no constraint (those are `keys`), one row each with its key columns in
    /// key order (NULL for an expression), whether it is unique and partial, and its access method.
    static let indexes = """
        SELECT i.indrelid AS table_oid, ic.relname AS name, i.indisunique AS is_unique,
               i.indpred IS NOT NULL AS is_partial, am.amname AS method,
               ARRAY(SELECT a.attname FROM pg_catalog.unnest(i.indkey::pg_catalog.int2[]) WITH ORDINALITY k(num, ord)
                     LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num AND k.num <> 0
                     WHERE k.ord <= i.indnkeyatts
                     ORDER BY k.ord) AS columns
        FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_catalog.pg_am am ON am.oid = ic.relam
        JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid)
          AND c.relkind IN ('r', 'p') AND \(userSchema)
        ORDER BY 1, 2
        """

    /// Types outside `pg_catalog` (enums with their labels, domains, composite types, extension
    /// base types, ranges, and arrays of them), without the row types of tables and their arrays.
    static let types = """
        SELECT t.oid AS oid, n.nspname AS schema, t.typname AS name, t.typtype::text AS kind,
               ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e
                     WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels,
               t.typcategory::text AS category,
               NULLIF(t.typbasetype, 0) AS base_oid,
               CASE WHEN t.typbasetype <> 0 THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END AS base_type,
               NULLIF(t.typelem, 0) AS element_oid,
               CASE WHEN t.typelem <> 0 THEN pg_catalog.format_type(t.typelem, NULL) END AS element_type,
               t.typnotnull AS not_null,
               ARRAY(SELECT pg_catalog.pg_get_constraintdef(k.oid) FROM pg_catalog.pg_constraint k
                     WHERE k.contypid = t.oid AND k.contype = 'c' ORDER BY k.conname) AS checks
        FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_toast'
          AND (t.typrelid = 0 OR EXISTS (SELECT 1 FROM pg_catalog.pg_class r WHERE r.oid = t.typrelid AND r.relkind = 'c'))
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.oid = t.typelem AND e.typrelid <> 0)
        """

    /// Functions (not procedures or aggregates) of user schemas: input argument types (IN,
    /// INOUT, VARIADIC), return type, whether they return a set, SECURITY DEFINER; for the
    /// side-channel checks (SPEC 11.11) the owner, the roles that may execute it (PUBLIC while
    /// `proacl` is NULL, the default; the owner left out), its language, its `search_path`
    /// setting and its body (`prosrc`, or the whole definition for a SQL-standard body); and
    /// the triggers that execute it (not internal ones, nor the clones a partitioned table's
    /// trigger gives its partitions: the SQL declares only the parent's) as parallel arrays: name, the schema and
    /// name of its table or view, `tgtype` (timing and events) and `tgenabled`.
    static let functions = """
        SELECT n.nspname AS schema, p.proname AS name, p.proargtypes::pg_catalog.oid[] AS arg_oids,
               ARRAY(SELECT pg_catalog.format_type(x.t, NULL)
                     FROM pg_catalog.unnest(p.proargtypes::pg_catalog.oid[]) WITH ORDINALITY x(t, o)
                     ORDER BY x.o) AS arg_types,
               p.prorettype AS return_oid, pg_catalog.format_type(p.prorettype, NULL) AS return_type,
               p.proretset AS returns_set, p.prosecdef AS security_definer,
               pg_catalog.pg_get_userbyid(p.proowner) AS owner, l.lanname AS language,
               CASE WHEN p.proacl IS NULL THEN ARRAY['PUBLIC']
                    ELSE ARRAY(SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(a.grantee)::text END
                               FROM pg_catalog.aclexplode(p.proacl) a
                               WHERE a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner) END AS executors,
               (SELECT pg_catalog.substr(cfg, 13) FROM pg_catalog.unnest(p.proconfig) cfg
                WHERE cfg LIKE 'search\\_path=%' LIMIT 1) AS search_path,
               CASE WHEN p.prosrc = '' OR p.prosrc IS NULL THEN pg_catalog.pg_get_functiondef(p.oid) ELSE p.prosrc END AS body,
               trg.trigger_names, trg.trigger_schemas, trg.trigger_tables, trg.trigger_types, trg.trigger_enabled
        FROM pg_catalog.pg_proc p
        JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
        JOIN pg_catalog.pg_language l ON l.oid = p.prolang
        LEFT JOIN LATERAL (
            SELECT pg_catalog.array_agg(t.tgname::text ORDER BY t.oid) AS trigger_names,
                   pg_catalog.array_agg(tn.nspname::text ORDER BY t.oid) AS trigger_schemas,
                   pg_catalog.array_agg(tc.relname::text ORDER BY t.oid) AS trigger_tables,
                   pg_catalog.array_agg(t.tgtype::integer::text ORDER BY t.oid) AS trigger_types,
                   pg_catalog.array_agg(t.tgenabled::text ORDER BY t.oid) AS trigger_enabled
            FROM pg_catalog.pg_trigger t
            JOIN pg_catalog.pg_class tc ON tc.oid = t.tgrelid
            JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
            WHERE t.tgfoid = p.oid AND NOT t.tgisinternal AND t.tgparentid = 0
        ) trg ON true
        WHERE p.prokind = 'f' AND \(userSchema)
        ORDER BY n.nspname, p.proname, p.oid
        """

    /// Roles other than the predefined `pg_*` ones, with their attributes, the roles each is a
    /// direct member of in a way that lets it act as them, and those of them whose privileges it
    /// has without `SET ROLE` (`pg_has_role(..., 'USAGE')`: INHERIT, per grant from PostgreSQL 16
    /// on). Up to 15 every membership lets a member act as the role (SET ROLE is always allowed);
    /// from 16 a grant `WITH INHERIT FALSE, SET FALSE` and without ADMIN OPTION does not. Those
    /// options are read through `to_jsonb` so that one query serves every version (the columns
    /// are missing before 16, and the JSON keys with them).
    static let roles = """
        SELECT r.rolname AS name, r.rolcanlogin AS login, r.rolsuper AS superuser, r.rolbypassrls AS bypassrls,
               ARRAY(SELECT DISTINCT b.rolname FROM pg_catalog.pg_auth_members m
                     JOIN pg_catalog.pg_roles b ON b.oid = m.roleid
                     WHERE m.member = r.oid
                       AND (m.admin_option OR coalesce((pg_catalog.to_jsonb(m) ->> 'inherit_option')::boolean
                                                       OR (pg_catalog.to_jsonb(m) ->> 'set_option')::boolean, true))
                     ORDER BY 1) AS member_of,
               ARRAY(SELECT DISTINCT b.rolname FROM pg_catalog.pg_auth_members m
                     JOIN pg_catalog.pg_roles b ON b.oid = m.roleid
                     WHERE m.member = r.oid AND pg_catalog.pg_has_role(r.oid, b.oid, 'USAGE') ORDER BY 1) AS inherits_from
        FROM pg_catalog.pg_roles r
        WHERE r.rolname !~ '^pg_'
        ORDER BY r.rolname
        """

    /// Views and materialized views of user schemas (SPEC 11.11): owner, options (`reloptions`:
    /// `security_invoker`, `security_barrier`), the explicit grants (the owner's left out), and
    /// the relations their definition reads (the rewrite rule's dependencies in `pg_depend`).
    static let views = """
        SELECT n.nspname AS schema, c.relname AS name, c.relkind = 'm' AS materialized,
               pg_catalog.pg_get_userbyid(c.relowner) AS owner, c.reloptions AS options,
               ARRAY(SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.pg_get_userbyid(a.grantee)::text END
                     FROM pg_catalog.aclexplode(c.relacl) a WHERE a.grantee <> c.relowner) AS grantees,
               refs.ref_schemas, refs.ref_names
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN LATERAL (
            SELECT pg_catalog.array_agg(rn.nspname ORDER BY rn.nspname, rc.relname) AS ref_schemas,
                   pg_catalog.array_agg(rc.relname ORDER BY rn.nspname, rc.relname) AS ref_names
            FROM (SELECT DISTINCT d.refobjid
                  FROM pg_catalog.pg_rewrite r
                  JOIN pg_catalog.pg_depend d
                    ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objid = r.oid
                   AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                  WHERE r.ev_class = c.oid AND d.refobjid <> c.oid) x
            JOIN pg_catalog.pg_class rc ON rc.oid = x.refobjid
            JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
        ) refs ON true
        WHERE c.relkind IN ('v', 'm') AND \(userSchema)
        ORDER BY n.nspname, c.relname
        """

    /// Every policy on a table of a user schema, as `pg_policies` prints it.
    static let policies = """
        SELECT p.schemaname AS schema, p.tablename AS table, p.policyname AS name, p.permissive AS permissive,
               p.roles AS roles, p.cmd AS command, p.qual AS qual, p.with_check AS with_check
        FROM pg_catalog.pg_policies p
        WHERE p.schemaname <> 'information_schema' AND p.schemaname !~ '^pg_'
        ORDER BY 1, 2, 3
        """

    /// All of them, in the order they run.
    static let all = [tables, columns, keys, indexes, types, functions, views, roles, policies]
}
