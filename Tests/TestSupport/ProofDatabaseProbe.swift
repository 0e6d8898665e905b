import Foundation
import PolicySchema
import PolicySemantics
import PolicySyntax
import PolicyWorkloads
import PostgresClient

/// PostgreSQL as the judge of the proofs: a test database with a workspace's schema and compiled
/// policies, the repro scripts run on it, and a randomized search for rows two sessions share.
///
/// The search fills every governed table with generated rows (uuids from a small pool, so
/// foreign keys and traversals meet; text, numbers and booleans from the literals the policies
/// use and their neighbours; NULLs), then asks PostgreSQL, per session, which rows a command
/// reaches or which generated new rows it may write. It reads no column unless the command
/// needs it, as the proofs model: SELECT reads; UPDATE and DELETE run without WHERE, a BEFORE
/// trigger logging and skipping each row they reach; an UPDATE's WITH CHECK is tried on one old
/// row at a time (the trigger skips the others). Foreign-key checks are off
/// (`session_replication_role = replica`): the proofs do not model foreign keys.
/// Everything happens in one transaction that `finish()` rolls back.
public final class ProofDatabaseProbe {
    /// What a probe of one session found.
    public struct Reach: Sendable {
        /// Keys of the rows reached (USING), or ids of the generated new rows it can write (WITH CHECK).
        public var keys: Set<String>
        /// An error that stopped the statement (with `missing_context: error` an unset key is one).
        public var error: String?
        /// Errors other than a row-level security refusal while trying new rows (a probe that
        /// cannot tell anything: a NOT NULL, unique or type error).
        public var unexpected: [String]
    }

    /// The database.
    public let database: TestDatabase
    /// The checked policy set.
    public let policySet: PolicySet
    /// The role sessions of `PUBLIC` verdicts run as (named by no policy).
    public let publicRole: String
    private var connection: PostgresConnection { database.connection }
    private var candidates: [QualifiedName: [[String: String?]]] = [:]
    private var pools = Pools()
    private var inTransaction = false
    private var rowsPerTable = 6

    /// Literal pools, per type family, for rows and session keys.
    struct Pools {
        var uuids: [String] = (1...6).map { ProofDatabaseProbe.uuid($0) }
        var texts: [String] = ["", "a", "open", "x"]
        var integers: [Int] = [0, 1]
        var booleans: [Bool] = [false, true]

        /// Adds a literal of the policies (and, for a number, its neighbours).
        mutating func collect(_ value: LiteralValue) {
            switch value {
            case .string(let text):
                if !texts.contains(text) { texts.append(text) }
            case .int(let number):
                for candidate in [number - 1, number, number + 1] where !integers.contains(candidate) {
                    integers.append(candidate)
                }
            default:
                break
            }
        }
    }

    /// Creates the schema (`schemaSQL`), the roles the policies name, and the compiled policies
    /// (`compiledSQL`) in `database`; grants every governed table to the roles.
    public init(database: TestDatabase, policySet: PolicySet, schemaSQL: String, compiledSQL: String) throws {
        self.database = database
        self.policySet = policySet
        publicRole = try database.createRole(login: false)
        try Self.createSchema(schemaSQL, roles: policySet.schema.roles, in: database)
        let named = Set(policySet.roles.filter { $0 != PolicySet.publicRole } + policySet.schema.roles.map(\.name)).sorted()
        for role in named { try ProofDatabaseProbe.ensureSharedRole(role, database: database) }
        try connection.execute(compiledSQL)
        for role in named + [publicRole] {
            let schemas = Set(policySet.governedTables.map(\.schema)).sorted()
            for schema in schemas {
                try connection.execute(
                    "GRANT USAGE ON SCHEMA \(Self.identifier(schema)) TO \(Self.identifier(role));"
                        + "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \(Self.identifier(schema)) TO \(Self.identifier(role))"
                )
            }
        }
        collectLiterals()
    }

    /// The role a verdict's role stands for: `PUBLIC` is a role no policy names.
    public func databaseRole(_ role: String) -> String {
        role == PolicySet.publicRole ? publicRole : role
    }

    /// Runs `schemaSQL` in `database` with its role statements replaced: roles are shared by
    /// every database of the server (another test or an earlier run may have made them), so
    /// `roles` (the schema's, as read) are created once each, with their memberships.
    public static func createSchema(_ schemaSQL: String, roles: [RoleModel], in database: TestDatabase) throws {
        for role in roles {
            try ensureSharedRole(role.name, memberOf: role.memberOf, database: database)
        }
        try database.connection.execute(withoutRoleStatements(schemaSQL))
    }

    /// Creates a role shared by every test database of the server (roles are cluster-wide)
    /// unless it exists, under an advisory lock so parallel tests do not race. It is not dropped.
    public static func ensureSharedRole(_ name: String, memberOf parents: [String] = [], database: TestDatabase) throws {
        let admin = try database.server.connect(database: "postgres")
        defer { admin.close() }
        try admin.transaction { connection in
            _ = try connection.query("SELECT pg_advisory_xact_lock(hashtext('pgpe-shared-roles'))")
            for role in [name] + parents {
                let exists = try connection.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [.text(role)])
                if exists.isEmpty { try connection.execute("CREATE ROLE \(identifier(role)) NOLOGIN") }
            }
            for parent in parents {
                let member = try connection.query("SELECT pg_has_role($1, $2, 'USAGE')", [.text(name), .text(parent)])
                if member.first?[0]?.bool != true { try connection.execute("GRANT \(identifier(parent)) TO \(identifier(name))") }
            }
        }
    }

    /// `sql` without its role statements (`CREATE ROLE|USER|GROUP …`, `GRANT role TO role`), which
    /// the test fixtures write one a line.
    public static func withoutRoleStatements(_ sql: String) -> String {
        sql.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            let text = line.trimmingCharacters(in: .whitespaces).lowercased()
            let isRoleGrant = text.hasPrefix("grant ") && !text.contains(" on ")
            return !(text.hasPrefix("create role ") || text.hasPrefix("create user ") || text.hasPrefix("create group ") || isRoleGrant)
        }.joined(separator: "\n")
    }

    // MARK: - Repro scripts

    /// Runs a repro script (it rolls itself back) and returns its `pgpe-repro:` notices without
    /// the prefix, such as `session 1 reaches the row`.
    public func runRepro(_ script: String) throws -> [String] {
        _ = connection.takeNotices()
        do {
            try connection.execute(script)
        } catch {
            _ = try? connection.execute("ROLLBACK")
            throw error
        }
        return connection.takeNotices().compactMap { notice in
            guard let range = notice.message.range(of: "pgpe-repro: ") else { return nil }
            return String(notice.message[range.upperBound...])
        }
    }

    // MARK: - Search

    /// Opens the search transaction: fills the governed tables with generated rows, makes the
    /// candidate new rows, and installs the logging triggers.
    public func populate(seed: UInt64, rowsPerTable: Int = 6, candidatesPerTable: Int = 5) throws {
        var rng = SeededGenerator(seed: seed)
        self.rowsPerTable = min(rowsPerTable, pools.uuids.count)
        try connection.execute(
            "BEGIN; SET LOCAL session_replication_role = replica;"
                + "CREATE TEMP TABLE pgpe_probe_seen (k text) ON COMMIT DROP;"
                + "CREATE FUNCTION pg_temp.pgpe_probe_note(k text) RETURNS void LANGUAGE sql SECURITY DEFINER"
                + " AS $$ INSERT INTO pg_temp.pgpe_probe_seen VALUES (k) $$;")
        inTransaction = true
        try connection.execute("GRANT SELECT, INSERT ON pg_temp.pgpe_probe_seen TO PUBLIC")
        candidates = [:]
        for (index, name) in policySet.governedTables.enumerated() {
            guard let table = policySet.schema.table(name) else { continue }
            var statements: [String] = []
            for row in 0..<self.rowsPerTable {
                let values = generateRow(table, key: row + 1, rng: &rng)
                statements.append(insert(table, values) + " ON CONFLICT DO NOTHING")
            }
            candidates[name] = (0..<candidatesPerTable).map { generateRow(table, key: 100 + $0, rng: &rng) }
            statements += ProofDatabaseProbe.triggerStatements(
                on: qualified(name), function: "pg_temp.pgpe_probe_t\(index)",
                key: keyExpression(table, record: "OLD"))
            try connection.execute(statements.joined(separator: ";\n"))
        }
    }

    /// Statements that put the logging trigger on `table` (quoted): a `SECURITY DEFINER` plpgsql
    /// `function` (named as created) that, before each UPDATE or DELETE of a row, does what the
    /// transaction-local setting `pgpe.probe_mode` says: a DELETE, or `log`, notes the row's
    /// `key` (an expression over `OLD`) in `pg_temp.pgpe_probe_seen` and skips the row; `target`
    /// lets only the row whose key is `pgpe.probe_target` through; otherwise the row goes on.
    /// The trigger fires also under `session_replication_role = replica`.
    public static func triggerStatements(on table: String, function: String, key: String) -> [String] {
        [
            """
            CREATE FUNCTION \(function)() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $pgpe$
            BEGIN
              IF TG_OP = 'DELETE' OR current_setting('pgpe.probe_mode', true) = 'log' THEN
                INSERT INTO pg_temp.pgpe_probe_seen VALUES (\(key));
                RETURN NULL;
              END IF;
              IF current_setting('pgpe.probe_mode', true) = 'target' THEN
                IF \(key) = current_setting('pgpe.probe_target', true) THEN RETURN NEW; END IF;
                RETURN NULL;
              END IF;
              RETURN NEW;
            END
            $pgpe$
            """,
            "CREATE TRIGGER pgpe_probe BEFORE UPDATE OR DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION \(function)()",
            "ALTER TABLE \(table) ENABLE ALWAYS TRIGGER pgpe_probe",
        ]
    }

    /// Rolls the search transaction back.
    public func finish() throws {
        guard inTransaction else { return }
        inTransaction = false
        try connection.execute("ROLLBACK")
    }

    /// Values a session key of `family` takes in generated sessions.
    public func sessionValues(_ family: TypeFamily) -> [String] {
        switch family {
        case .uuid: return pools.uuids
        case .integer, .numeric: return pools.integers.map(String.init)
        case .boolean: return ["true", "false"]
        default: return pools.texts.filter { !$0.isEmpty }
        }
    }

    /// Generated sessions: `pairs` pairs whose `key` differs, every other session key set from
    /// its pool or (one time in five) unset.
    public func sessionPairs(key: String, pairs: Int, rng: inout SeededGenerator) -> [([String: String?], [String: String?])] {
        let values = sessionValues(policySet.sessionType(key).family)
        var result: [([String: String?], [String: String?])] = []
        guard values.count > 1 else { return result }
        for _ in 0..<pairs {
            let first = rng.pick(values)
            let second = rng.pick(values.filter { $0 != first })
            result.append((session(key, first, rng: &rng), session(key, second, rng: &rng)))
        }
        return result
    }

    /// A session with `key` set to `value` (nil: unset) and the other keys random.
    public func session(_ key: String, _ value: String?, rng: inout SeededGenerator) -> [String: String?] {
        var settings: [String: String?] = [key: value]
        for (other, type) in policySet.sessionTypes where other != key {
            settings[other] = rng.chance(0.2) ? .some(nil) : rng.pick(sessionValues(type.family))
        }
        return settings
    }

    /// What `session` reaches (USING) or may write (WITH CHECK) in `table` with `command`,
    /// running as `role`.
    public func reach(
        _ table: QualifiedName, _ command: PolicyCommand, side: EffectivePredicate.Side, role: String,
        session: [String: String?]
    ) throws -> Reach {
        guard let model = policySet.schema.table(table) else { return Reach(keys: [], error: "no table", unexpected: []) }
        var setup = ["SAVEPOINT pgpe_probe"]
        for (key, value) in session.sorted(by: { $0.key < $1.key }) {
            guard let value else { continue }
            setup.append("SELECT set_config(\(Self.literal(key)), \(Self.literal(value)), true)")
        }
        setup.append("SET LOCAL ROLE \(Self.identifier(databaseRole(role)))")
        let statement: String
        switch (command, side) {
        case (.select, _):
            statement = "SELECT \(keyExpression(model, record: nil)) AS k FROM \(qualified(table))"
        case (.delete, _):
            statement = "DELETE FROM \(qualified(table)); RESET ROLE; SELECT k FROM pg_temp.pgpe_probe_seen"
        case (.update, .using):
            let column = model.columns.first?.name ?? "id"
            statement =
                "SELECT set_config('pgpe.probe_mode', 'log', true); UPDATE \(qualified(table)) SET \(Self.identifier(column)) = NULL;"
                + " RESET ROLE; SELECT k FROM pg_temp.pgpe_probe_seen"
        case (.insert, _), (.update, .check):
            statement = tryWrites(model, command: command) + "; RESET ROLE; SELECT k FROM pg_temp.pgpe_probe_seen"
        }
        defer { _ = try? connection.execute("ROLLBACK TO SAVEPOINT pgpe_probe") }
        let result: PostgresResult
        do {
            result = try connection.execute((setup + [statement]).joined(separator: ";\n"))
        } catch let error as PostgresError {
            return Reach(keys: [], error: error.message, unexpected: [])
        }
        var keys = Set<String>()
        var unexpected: [String] = []
        for row in result.rows {
            guard case .text(let text)? = row["k"] else { continue }
            if text.hasPrefix("error:") { unexpected.append(String(text.dropFirst(6))) } else { keys.insert(text) }
        }
        return Reach(keys: keys, error: nil, unexpected: unexpected)
    }

    /// A DO block that tries each candidate new row and notes the ones written (INSERT; or
    /// UPDATE of each existing row, one at a time, to it).
    private func tryWrites(_ table: TableModel, command: PolicyCommand) -> String {
        let rows = candidates[table.name] ?? []
        var body = ["DO $pgpe$", "DECLARE done boolean := false; n bigint; message text;", "BEGIN"]
        var olds: [String?] = [nil]
        if command == .update {
            olds = (1...rowsPerTable).map { keyText(table, key: $0) }
            body.append("  PERFORM set_config('pgpe.probe_mode', 'target', true);")
        }
        for (index, values) in rows.enumerated() {
            for old in olds {
                if let old { body.append("  PERFORM set_config('pgpe.probe_target', \(Self.literal(old)), true);") }
                let write =
                    command == .insert
                    ? insert(table, values)
                    : "UPDATE \(qualified(table.name)) SET "
                        + table.columns.map { "\(Self.identifier($0.name)) = \(sqlValue(values[$0.name] ?? nil, $0.type))" }.joined(
                            separator: ", ")
                body.append("  BEGIN")
                body.append("    \(write);")
                body.append("    GET DIAGNOSTICS n = ROW_COUNT; done := n > 0;")
                body.append("    RAISE EXCEPTION USING ERRCODE = 'PG001', MESSAGE = 'undo';")
                body.append("  EXCEPTION WHEN SQLSTATE 'PG001' THEN NULL;")
                body.append("    WHEN OTHERS THEN done := false; message := SQLERRM;")
                body.append(
                    "      IF message NOT LIKE 'new row violates row-level security policy%' THEN PERFORM pg_temp.pgpe_probe_note('error:' || message); END IF;"
                )
                body.append("  END;")
                body.append("  IF done THEN PERFORM pg_temp.pgpe_probe_note('c\(index)'); END IF; done := false;")
            }
        }
        body.append("END")
        body.append("$pgpe$")
        return body.joined(separator: "\n")
    }

    // MARK: - Rows

    /// Adds the literals the policies use (and, for numbers, their neighbours) to the pools.
    private func collectLiterals() {
        for value in PolicyLiterals.values(in: policySet) { pools.collect(value) }
    }

    /// A row: its key columns from `key` (the pool's key-th uuid, or the number; candidates for
    /// new rows use keys past the pool), the other columns random.
    private func generateRow(_ table: TableModel, key: Int, rng: inout SeededGenerator) -> [String: String?] {
        var values: [String: String?] = [:]
        let keyColumns = Set(table.primaryKey.isEmpty ? [] : table.primaryKey)
        for column in table.columns {
            if keyColumns.contains(column.name) {
                values[column.name] = keyValue(column.type.family, key)
                continue
            }
            // A NOT NULL domain refuses NULL as a NOT NULL column does.
            let refusesNull = column.notNull || (policySet.schema.domain(column.type)?.notNull ?? false)
            if !refusesNull && rng.chance(0.15) {
                values[column.name] = .some(nil)
                continue
            }
            values[column.name] = randomValue(column.type.family, rng: &rng)
        }
        return values
    }

    private func keyValue(_ family: TypeFamily, _ key: Int) -> String {
        switch family {
        case .uuid: return key <= pools.uuids.count ? pools.uuids[key - 1] : Self.uuid(key)
        case .integer, .numeric: return String(key)
        default: return "k\(key)"
        }
    }

    /// The key text (as `keyExpression` computes it) of the key-th generated row.
    private func keyText(_ table: TableModel, key: Int) -> String {
        guard !table.primaryKey.isEmpty else { return "" }
        return table.primaryKey.map { name in keyValue(table.column(name)?.type.family ?? .text, key) }.joined(separator: "|")
    }

    private func randomValue(_ family: TypeFamily, rng: inout SeededGenerator) -> String? {
        switch family {
        case .uuid: return rng.pick(pools.uuids)
        case .integer, .numeric: return String(rng.pick(pools.integers))
        case .boolean: return rng.pick(pools.booleans) ? "true" : "false"
        case .timestamp: return rng.pick(["2001-01-01 00:00:00+00", "2020-06-01 12:00:00+00"])
        case .date: return rng.pick(["2001-01-01", "2020-06-01"])
        case .time: return "00:00:00"
        case .json: return "{}"
        case .text: return rng.pick(pools.texts)
        default: return nil
        }
    }

    private func sqlValue(_ value: String?, _ type: SQLType) -> String {
        guard let value else { return "NULL" }
        return Self.literal(value) + "::" + type.name
    }

    private func insert(_ table: TableModel, _ values: [String: String?]) -> String {
        let columns = table.columns
        return "INSERT INTO \(qualified(table.name)) (" + columns.map { Self.identifier($0.name) }.joined(separator: ", ") + ") VALUES ("
            + columns.map { sqlValue(values[$0.name] ?? nil, $0.type) }.joined(separator: ", ") + ")"
    }

    /// The text identifying a row: its primary key's columns joined by `|` (every column
    /// without a primary key). `record` is `OLD` in triggers, nil in queries.
    private func keyExpression(_ table: TableModel, record: String?) -> String {
        let columns = table.primaryKey.isEmpty ? table.columns.map(\.name) : table.primaryKey
        var parts = columns.map { name in (record.map { "\($0)." } ?? "") + Self.identifier(name) + "::text" }
        // Rows of inheriting tables come with the parent's and may repeat its key (which does
        // not hold for them): the table and the row's place in it tell rows apart. (A trigger
        // sees only its own table's rows, where the key holds.)
        if table.hasInheritanceChildren && record == nil { parts = ["tableoid::regclass::text", "ctid::text"] }
        return "concat_ws('|', " + parts.joined(separator: ", ") + ")"
    }

    private func qualified(_ name: QualifiedName) -> String {
        Self.identifier(name.schema) + "." + Self.identifier(name.name)
    }

    // MARK: - Quoting (kept apart from the product's)

    /// The n-th pool uuid.
    static func uuid(_ number: Int) -> String {
        let hex = String(number, radix: 16)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// An identifier, always quoted.
    public static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A string literal.
    public static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
