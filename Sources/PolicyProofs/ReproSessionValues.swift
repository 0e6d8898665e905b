import PolicyConfig
import PolicySQL
import PolicySemantics

/// How a repro script gives each session its session values: `set_config` for a
/// `current_setting` key; for the Supabase functions (`auth.uid()`, `auth.role()`, `auth.jwt()`),
/// stubs that read `request.jwt.claims` as PostgREST sets it, and the claims set per session (a
/// value read from a claim, `(auth.jwt() ->> 'org_id')::uuid` or `auth.jwt() -> 'app_metadata' ->> 'k'`,
/// puts the counterexample's value under that claim; `current_setting('request.jwt.claim.k', true)`
/// also gets that setting); for any other value read by its own SQL (`sql:`, `current_user`), a
/// comment saying what the script cannot set.
enum ReproSessionValues {
    /// The stub functions the sessions' values need, created (until the rollback) as the
    /// superuser before any session runs, with the sessions' role allowed into their schema.
    static func stubs(for sessions: [[String: String?]], policySet: PolicySet) -> [String] {
        var claims: [String: String] = [:]
        for key in Set(sessions.flatMap(\.keys)) {
            guard let sql = policySet.config.sessionKey(key)?.sql else { continue }
            if let claim = SessionProfile.supabaseClaim(forSQL: sql) {
                claims[claim] = key
            } else if SessionProfile.jwtClaimPath(forSQL: sql) != nil, SessionProfile.claimSetting(forSQL: sql) == nil {
                claims[""] = key
            }
        }
        guard !claims.isEmpty else { return [] }
        let reader = "nullif(current_setting('request.jwt.claims', true), '')::jsonb"
        var lines = [
            "-- auth.uid(), auth.role() and auth.jwt() are stubs here (until the rollback) that read",
            "-- request.jwt.claims as PostgREST sets it; each session sets those claims.",
            "CREATE SCHEMA IF NOT EXISTS auth;",
        ]
        for claim in claims.keys.sorted() {
            switch claim {
            case "sub":
                lines.append(
                    "CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $pgpe$ SELECT (\(reader) ->> 'sub')::uuid $pgpe$;"
                )
            case "role":
                lines.append(
                    "CREATE OR REPLACE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE AS $pgpe$ SELECT \(reader) ->> 'role' $pgpe$;")
            default:
                lines.append("CREATE OR REPLACE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE AS $pgpe$ SELECT \(reader) $pgpe$;")
            }
        }
        lines.append("DO $pgpe$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA auth TO %I', current_setting('pgpe.repro_role')); END $pgpe$;")
        return lines
    }

    /// How a session's values are given, in key order.
    private enum Item {
        /// `now()`: the transaction's timestamp, which no statement sets.
        case now(String?)
        /// A `current_setting` key, set with `set_config`.
        case setting(key: String, value: String)
        /// A value read by its own SQL that no statement sets.
        case unsettable(key: String, sql: String, value: String?)
    }

    /// A session's values sorted into what is set how: settings, JWT claims, and what cannot be set.
    private struct Sorted {
        var items: [Item] = []
        var claims: [(claim: String, key: String, value: String?)] = []
        var paths: [(path: [String], value: String?)] = []

        init(_ settings: [String: String?], policySet: PolicySet) {
            for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
                if key == Operand.nowKey {
                    items.append(.now(value))
                    continue
                }
                guard let sql = policySet.config.sessionKey(key)?.sql else {
                    // An unset key: '' is unset under `missing_context: deny` (NULLIF); under `error` it
                    // is left unset (reading it fails the query, as an unset key does).
                    if value == nil && policySet.config.missingContext == .error { continue }
                    items.append(.setting(key: key, value: value ?? ""))
                    continue
                }
                if let claim = SessionProfile.supabaseClaim(forSQL: sql) {
                    claims.append((claim, key, value))
                    continue
                }
                if let path = SessionProfile.jwtClaimPath(forSQL: sql) {
                    paths.append((path, value))
                    if let setting = SessionProfile.claimSetting(forSQL: sql) {
                        items.append(.setting(key: setting, value: value ?? ""))
                    }
                    continue
                }
                items.append(.unsettable(key: key, sql: sql, value: value))
            }
        }

        /// The claims object as PostgREST would set it (auth.jwt()'s value, with 'sub' and
        /// 'role' as auth.uid() and auth.role() read them, and the claims values read), as the
        /// text `set_config` takes, built by PostgreSQL from the values; `nil` without claims.
        /// `note` says when the counterexample asks for what PostgREST cannot give.
        func claimsText() -> (text: ReproStatement, note: String?)? {
            guard !claims.isEmpty || !paths.isEmpty else { return nil }
            let everyValueNull = claims.allSatisfy { $0.value == nil } && paths.allSatisfy { $0.value == nil }
            var statement = ReproStatement()
            var note: String?
            var expression = (sql: "'{}'::jsonb", inlined: "'{}'::jsonb")
            if let jwt = claims.first(where: { $0.claim.isEmpty }) {
                if let value = jwt.value {
                    let bound = statement.bind(value, cast: "jsonb")
                    expression = (bound.sql, bound.inlined + "::jsonb")
                } else if claims.contains(where: { !$0.claim.isEmpty && $0.value != nil }) || paths.contains(where: { $0.value != nil }) {
                    note = "the counterexample has auth.jwt() NULL beside a set claim, which PostgREST cannot give; the claims are set."
                }
            }
            for (claim, _, value) in claims where !claim.isEmpty {
                let name = statement.bind(claim, cast: "text")
                if let value {
                    let bound = statement.bind(value, cast: "text")
                    expression = (
                        "(\(expression.sql) || jsonb_build_object(\(name.sql), \(bound.sql)))",
                        "(\(expression.inlined) || jsonb_build_object(\(name.inlined), \(bound.inlined)))"
                    )
                } else {
                    expression = ("(\(expression.sql) - \(name.sql))", "(\(expression.inlined) - \(name.inlined))")
                }
            }
            for (path, value) in paths {
                expression = ReproSessionValues.setClaim(path, to: value, in: expression, binding: &statement)
            }
            if everyValueNull { return (ReproStatement("''"), note) }
            statement.append(sql: "\(expression.sql)::text", inlined: "\(expression.inlined)::text")
            return (statement, note)
        }
    }

    /// The statements (inside the session's PL/pgSQL block) that give session `session` the
    /// values `settings`.
    static func statements(for settings: [String: String?], session: Int, policySet: PolicySet) -> [String] {
        var body: [String] = []
        let sorted = Sorted(settings, policySet: policySet)
        for item in sorted.items {
            switch item {
            case .now(let value):
                // The transaction's timestamp is the clock's: the script cannot choose it. Nor can a
                // stub `pgpe_repro.now()` ahead of pg_catalog in search_path stand in for it: CREATE
                // POLICY binds the function when the policy is created (pg_get_expr then shows
                // `pg_catalog.now()`), so the policy keeps calling the real one (checked on PostgreSQL 15).
                body.append("  -- now() is the transaction's timestamp, which this script cannot set;")
                body.append(
                    "  -- the counterexample needs it to be \(SQLQuoting.comment(value.map { "'\($0)'" } ?? "NULL")) in session \(session)."
                )
            case .setting(let key, let value):
                body.append("  PERFORM set_config(\(SQLQuoting.literal(key)), \(SQLQuoting.literal(value)), true);")
            case .unsettable(let key, let sql, let value):
                let wanted = value.map { "'\($0)'" } ?? "NULL"
                body.append(
                    "  -- session value '\(SQLQuoting.comment(key))' is read by \(SQLQuoting.comment(sql)), which this script cannot set;"
                )
                body.append("  -- the counterexample needs it to be \(SQLQuoting.comment(wanted)) in session \(session).")
            }
        }
        guard let (claims, note) = sorted.claimsText() else { return body }
        if let note { body.append("  -- " + note) }
        body.append("  PERFORM set_config('request.jwt.claims', \(claims.inlined), true);")
        return body
    }

    /// For `pgpe analyze --probe`: `set_config` statements with their values bound that give a
    /// session the values `settings` (JWT claims in `request.jwt.claims`, which the database's
    /// own `auth.uid()`, `auth.role()` and `auth.jwt()` are taken to read, as PostgREST sets it),
    /// or why they cannot be given that way (a value read by other SQL, `now()`).
    static func probeStatements(for settings: [String: String?], policySet: PolicySet) -> (
        statements: [ReproStatement], unsettable: String?
    ) {
        let sorted = Sorted(settings, policySet: policySet)
        var statements: [ReproStatement] = []
        for item in sorted.items {
            switch item {
            case .now(let value):
                return ([], "the counterexample needs now() to be \(value.map { "'\($0)'" } ?? "NULL"), the transaction's timestamp")
            case .unsettable(let key, let sql, _):
                return ([], "session value '\(key)' is read by \(sql), which the probe does not set")
            case .setting(let key, let value):
                var statement = ReproStatement("SELECT pg_catalog.set_config(")
                statement.append(value: .text(key))
                statement.append(", ")
                statement.append(value: .text(value))
                statement.append(", true)")
                statements.append(statement)
            }
        }
        if let (claims, _) = sorted.claimsText() {
            var statement = ReproStatement("SELECT pg_catalog.set_config('request.jwt.claims', ")
            statement.append(claims)
            statement.append(", true)")
            statements.append(statement)
        }
        return (statements, nil)
    }

    /// `claims` (a jsonb expression, as bound text and as literals) with the text `value` at
    /// `path` (objects on the way made when missing), or without it when `value` is `nil`; keys
    /// and value are bound in `statement`, the JSON is PostgreSQL's to build.
    static func setClaim(
        _ path: [String], to value: String?, in claims: (sql: String, inlined: String), binding statement: inout ReproStatement
    ) -> (sql: String, inlined: String) {
        guard let key = path.first else { return claims }
        let rest = Array(path.dropFirst())
        let name = statement.bind(key, cast: "text")
        guard let value else {
            guard !rest.isEmpty else { return ("(\(claims.sql) - \(name.sql))", "(\(claims.inlined) - \(name.inlined))") }
            let keys = [name] + rest.map { statement.bind($0, cast: "text") }
            return (
                "(\(claims.sql) #- ARRAY[\(keys.map(\.sql).joined(separator: ", "))]::text[])",
                "(\(claims.inlined) #- ARRAY[\(keys.map(\.inlined).joined(separator: ", "))]::text[])"
            )
        }
        guard !rest.isEmpty else {
            let bound = statement.bind(value, cast: "text")
            return (
                "(\(claims.sql) || jsonb_build_object(\(name.sql), \(bound.sql)::text))",
                "(\(claims.inlined) || jsonb_build_object(\(name.inlined), \(bound.inlined)::text))"
            )
        }
        let inner = setClaim(
            rest, to: value,
            in: (
                "coalesce(\(claims.sql) -> \(name.sql), '{}'::jsonb)", "coalesce(\(claims.inlined) -> \(name.inlined), '{}'::jsonb)"
            ), binding: &statement)
        return (
            "(\(claims.sql) || jsonb_build_object(\(name.sql), \(inner.sql)))",
            "(\(claims.inlined) || jsonb_build_object(\(name.inlined), \(inner.inlined)))"
        )
    }
}
