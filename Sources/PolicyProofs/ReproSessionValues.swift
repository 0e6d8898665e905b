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

    /// The statements (inside the session's PL/pgSQL block) that give session `session` the
    /// values `settings`.
    static func statements(for settings: [String: String?], session: Int, policySet: PolicySet) -> [String] {
        var body: [String] = []
        var claims: [(claim: String, key: String, value: String?)] = []
        var paths: [(path: [String], value: String?)] = []
        for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
            if key == Operand.nowKey {
                // The transaction's timestamp is the clock's: the script cannot choose it. Nor can a
                // stub `pgpe_repro.now()` ahead of pg_catalog in search_path stand in for it: CREATE
                // POLICY binds the function when the policy is created (pg_get_expr then shows
                // `pg_catalog.now()`), so the policy keeps calling the real one (checked on PostgreSQL 15).
                body.append("  -- now() is the transaction's timestamp, which this script cannot set;")
                body.append(
                    "  -- the counterexample needs it to be \(SQLQuoting.comment(value.map { "'\($0)'" } ?? "NULL")) in session \(session)."
                )
                continue
            }
            guard let sql = policySet.config.sessionKey(key)?.sql else {
                // An unset key: '' is unset under `missing_context: deny` (NULLIF); under `error` it
                // is left unset (reading it fails the query, as an unset key does).
                if value == nil && policySet.config.missingContext == .error { continue }
                body.append("  PERFORM set_config(\(SQLQuoting.literal(key)), \(SQLQuoting.literal(value ?? "")), true);")
                continue
            }
            if let claim = SessionProfile.supabaseClaim(forSQL: sql) {
                claims.append((claim, key, value))
                continue
            }
            if let path = SessionProfile.jwtClaimPath(forSQL: sql) {
                paths.append((path, value))
                if let setting = SessionProfile.claimSetting(forSQL: sql) {
                    body.append("  PERFORM set_config(\(SQLQuoting.literal(setting)), \(SQLQuoting.literal(value ?? "")), true);")
                }
                continue
            }
            let wanted = value.map { "'\($0)'" } ?? "NULL"
            body.append(
                "  -- session value '\(SQLQuoting.comment(key))' is read by \(SQLQuoting.comment(sql)), which this script cannot set;"
            )
            body.append("  -- the counterexample needs it to be \(SQLQuoting.comment(wanted)) in session \(session).")
        }
        guard !claims.isEmpty || !paths.isEmpty else { return body }
        // The claims object: auth.jwt()'s value, with 'sub' and 'role' as auth.uid() and
        // auth.role() read them.
        var expression = "'{}'::jsonb"
        if let jwt = claims.first(where: { $0.claim.isEmpty }) {
            if let value = jwt.value {
                expression = SQLQuoting.literal(value) + "::jsonb"
            } else if claims.contains(where: { !$0.claim.isEmpty && $0.value != nil }) || paths.contains(where: { $0.value != nil }) {
                body.append(
                    "  -- the counterexample has auth.jwt() NULL beside a set claim, which PostgREST cannot give; the claims are set.")
            }
        }
        for (claim, _, value) in claims where !claim.isEmpty {
            if let value {
                expression = "(\(expression) || jsonb_build_object(\(SQLQuoting.literal(claim)), \(SQLQuoting.literal(value))))"
            } else {
                expression = "(\(expression) - \(SQLQuoting.literal(claim)))"
            }
        }
        for (path, value) in paths {
            expression = setClaim(path, to: value, in: expression)
        }
        let everyValueNull = claims.allSatisfy { $0.value == nil } && paths.allSatisfy { $0.value == nil }
        let text = everyValueNull ? "''" : "\(expression)::text"
        body.append("  PERFORM set_config('request.jwt.claims', \(text), true);")
        return body
    }

    /// For `pgpe analyze --probe`: `set_config` statements with the key and value bound that give
    /// a session the values `settings`, or why they cannot be given that way (a value read by its
    /// own SQL, JWT claims, `now()`), decided as `statements(for:session:policySet:)` decides.
    static func probeStatements(for settings: [String: String?], policySet: PolicySet) -> (
        statements: [ReproStatement], unsettable: String?
    ) {
        var statements: [ReproStatement] = []
        for (key, value) in settings.sorted(by: { $0.key < $1.key }) {
            if key == Operand.nowKey {
                return ([], "the counterexample needs now() to be \(value.map { "'\($0)'" } ?? "NULL"), the transaction's timestamp")
            }
            if let sql = policySet.config.sessionKey(key)?.sql {
                return ([], "session value '\(key)' is read by \(sql), which the probe does not set")
            }
            if value == nil && policySet.config.missingContext == .error { continue }
            var statement = ReproStatement("SELECT pg_catalog.set_config(")
            statement.append(value: .text(key))
            statement.append(", ")
            statement.append(value: .text(value ?? ""))
            statement.append(", true)")
            statements.append(statement)
        }
        return (statements, nil)
    }

    /// `claims` (a jsonb expression) with the text `value` at `path` (objects on the way made
    /// when missing), or without it when `value` is `nil`; keys and value are literals, the
    /// JSON is PostgreSQL's to build.
    static func setClaim(_ path: [String], to value: String?, in claims: String) -> String {
        guard let key = path.first else { return claims }
        let rest = Array(path.dropFirst())
        guard let value else {
            let keys = path.map(SQLQuoting.literal).joined(separator: ", ")
            return rest.isEmpty ? "(\(claims) - \(SQLQuoting.literal(key)))" : "(\(claims) #- ARRAY[\(keys)]::text[])"
        }
        guard !rest.isEmpty else {
            return "(\(claims) || jsonb_build_object(\(SQLQuoting.literal(key)), \(SQLQuoting.literal(value))::text))"
        }
        let inner = setClaim(rest, to: value, in: "coalesce(\(claims) -> \(SQLQuoting.literal(key)), '{}'::jsonb)")
        return "(\(claims) || jsonb_build_object(\(SQLQuoting.literal(key)), \(inner)))"
    }
}
