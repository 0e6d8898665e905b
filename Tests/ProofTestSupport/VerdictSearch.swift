import PolicyProofs
import PolicySchema
import PolicySemantics
import PolicySyntax
import PolicyWorkloads
import PostgresClient
import TestSupport

/// One project on PostgreSQL, searched for rows that contradict its verdicts.
///
/// Everything runs in one transaction on one superuser connection and is rolled back: the
/// schema, the compiled policies (ENABLE and FORCE row level security), grants to the test's
/// roles (NOLOGIN, no BYPASSRLS, owners of nothing). Then the tables are filled with rows made
/// of the values the sessions use, NULLs, boundary values and the policies' literals (numbers
/// with their neighbours), and one plpgsql block runs every session (per role; keys set to the
/// values the sessions use, or unset) through every table and command, reading nothing the
/// command does not read, as the proofs model: SELECT; DELETE and `UPDATE … SET id = NULL`
/// without WHERE, a BEFORE trigger noting and skipping each row they reach; INSERT of each
/// candidate new row; UPDATE of one row the session reaches to each candidate. Each attempt runs
/// in a sub-block that is undone. A PROVEN isolation verdict is contradicted when two sessions
/// whose key values differ reach one row or can write one candidate; a PROVEN fail-closed
/// verdict when a session without the key reaches a row or can write one. Finally the rows go
/// again and FAILED verdicts' repro scripts run on the empty tables, each in a savepoint instead
/// of its own transaction.
final class VerdictSearch {
    /// What a session does to a table.
    enum Probe: Int, CaseIterable {
        case select, delete, update, insert, updateCheck

        /// The probe that shows what a verdict is about.
        init(_ command: PolicyCommand, _ side: EffectivePredicate.Side) {
            switch (command, side) {
            case (.select, _): self = .select
            case (.delete, _): self = .delete
            case (.update, .using): self = .update
            case (.update, .check): self = .updateCheck
            case (.insert, _): self = .insert
            }
        }
    }

    /// A row as inserted: column → value.
    typealias Row = [String: SQLValue]

    private let connection: PostgresConnection
    private let project: VerdictProject
    private let policySet: PolicySet
    private let verdicts: [Verdict]
    private var rng: SeededGenerator
    /// Every session key the policies may read, sorted.
    private let keys: [String]
    /// The governed tables of the project, in creation order (the ones probed).
    private let tables: [DifferentialTable]
    /// The literals the policies compare with.
    private let literals: [LiteralValue]
    /// Rows inserted, per table.
    private var rows: [String: [Row]] = [:]
    /// Candidate new rows, per table.
    private var candidates: [String: [Row]] = [:]
    /// The sessions.
    private var sessions: [VerdictSession] = []
    /// What each session reached: (session, table index, probe) → row ids or candidate names.
    private var reached: [Int: Set<String>] = [:]
    /// Errors other than the ones `missing_context: error` causes, with where they happened.
    private(set) var unexpected: [String] = []
    /// Counts of what happened, for the statistics.
    private(set) var statistics: [String: Int] = [:]

    /// Prepares the search of `project` (checked into `policySet`) for `verdicts`.
    init(connection: PostgresConnection, project: VerdictProject, policySet: PolicySet, verdicts: [Verdict], seed: UInt64) {
        self.connection = connection
        self.project = project
        self.policySet = policySet
        self.verdicts = verdicts
        self.rng = SeededGenerator(seed: seed)
        self.keys = Set(project.keys.map(\.name)).union(policySet.sessionTypes.keys).sorted()
        self.tables = project.tables.filter { policySet.isGoverned($0.qualified) }
        self.literals = PolicyLiterals.values(in: policySet)
    }

    // MARK: - Setting up

    /// Opens the transaction and creates the schema, the policies and the grants; the error
    /// PostgreSQL gives when it refuses them.
    func setUp(compiledSQL: String) throws -> String? {
        try connection.execute("BEGIN")
        let roles = VerdictProject.roles.map(DifferentialSQL.identifier).joined(separator: ", ")
        for (step, script) in [
            ("schema", "SET LOCAL session_replication_role = replica;\n" + project.schemaSQL),
            ("compiled SQL", compiledSQL),
            ("grants", "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO \(roles)"),
        ] {
            do {
                try connection.execute(script)
            } catch let error as PostgresError {
                return "PostgreSQL refused the \(step): \(error.message)"
            }
        }
        return nil
    }

    /// Marks the state after `setUp`, to come back to with `rewind()`.
    func mark() throws {
        try connection.execute("SAVEPOINT pgpe_vd_search")
    }

    /// Undoes everything since `mark()`: rows, triggers, temporary tables.
    func rewind() throws {
        try connection.execute("ROLLBACK TO SAVEPOINT pgpe_vd_search; RELEASE SAVEPOINT pgpe_vd_search")
    }

    /// Rolls everything back.
    func finish() {
        _ = try? connection.execute("ROLLBACK")
    }

    // MARK: - Repro scripts

    /// Runs the repro script of each verdict in `failed` (on empty tables) and returns, per
    /// verdict, the `pgpe-repro:` notices it printed without the prefix, or the error that
    /// stopped it as `error: …`. Scripts run in one round trip, each inside a savepoint; when one
    /// fails they are run again one by one. Scripts that differ only in their comments run once.
    func runRepros(_ failed: [Verdict]) throws -> [Verdict: [String]] {
        var unique: [String: [Verdict]] = [:]
        var order: [String] = []
        for verdict in failed {
            guard let script = ReproScript.script(for: verdict, policySet: policySet), let body = Self.nested(script) else { continue }
            if unique[body] == nil { order.append(body) }
            unique[body, default: []].append(verdict)
        }
        statistics["repro scripts run"] = order.count
        var printed: [Verdict: [String]] = [:]
        for start in stride(from: 0, to: order.count, by: 60) {
            let batch = Array(order[start..<min(order.count, start + 60)])
            var results = try runBatch(batch)
            if results == nil {
                results = try batch.map { try runBatch([$0])?.first ?? ["error: the script failed"] }
            }
            for (body, notices) in zip(batch, results ?? []) {
                for verdict in unique[body] ?? [] { printed[verdict] = notices }
            }
        }
        return printed
    }

    /// Runs `bodies` in one round trip; the notices of each, or nil when one failed.
    private func runBatch(_ bodies: [String]) throws -> [[String]]? {
        _ = connection.takeNotices()
        var script = ["SAVEPOINT pgpe_vd_batch;"]
        for (index, body) in bodies.enumerated() {
            script.append("DO $pgpe_vd$ BEGIN RAISE NOTICE 'pgpe-vd: script \(index)'; END $pgpe_vd$;")
            script.append(body)
        }
        script.append("RELEASE SAVEPOINT pgpe_vd_batch;")
        do {
            try connection.execute(script.joined(separator: "\n"))
        } catch let error as PostgresError {
            try connection.execute("ROLLBACK TO SAVEPOINT pgpe_vd_batch; RELEASE SAVEPOINT pgpe_vd_batch")
            if bodies.count == 1 { return [["error: \(error.message)"]] }
            return nil
        }
        var result = Array(repeating: [String](), count: bodies.count)
        var current = -1
        for notice in connection.takeNotices() {
            if notice.message.hasPrefix("pgpe-vd: script "), let index = Int(notice.message.dropFirst(16)) {
                current = index
            } else if current >= 0, let range = notice.message.range(of: "pgpe-repro: ") {
                result[current].append(String(notice.message[range.upperBound...]))
            }
        }
        return result
    }

    /// A repro script made to run inside an open transaction: its `BEGIN` becomes a savepoint
    /// and its final `ROLLBACK` a rollback to it (nil when the script has not that shape).
    static func nested(_ script: String) -> String? {
        var lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.hasPrefix("-- ") }
        while lines.last == "" { lines.removeLast() }
        guard let begin = lines.firstIndex(of: "BEGIN;"), lines.last == "ROLLBACK;" else { return nil }
        lines[begin] = "SAVEPOINT pgpe_vd_repro;"
        lines[lines.count - 1] = "ROLLBACK TO SAVEPOINT pgpe_vd_repro; RELEASE SAVEPOINT pgpe_vd_repro;"
        return lines.joined(separator: "\n")
    }

    // MARK: - Rows

    /// The values of `family` rows and candidates use: the generator's (session values,
    /// boundaries) and the policies' literals, numbers with their neighbours.
    private func pool(_ family: DifferentialFamily, type: String) -> [SQLValue] {
        var values = VerdictProjectGenerator.values(family)
        for literal in literals {
            switch (literal, family) {
            case (.int(let number), .int):
                values += [number - 1, number, number + 1].map { SQLValue.int($0) }
            case (.string(let text), .uuid) where Self.isUUID(text):
                values.append(.text(text))
            case (.string(let text), .text) where !Self.isUUID(text):
                values.append(.text(text))
            default:
                break
            }
        }
        var seen = Set<SQLValue>()
        return values.filter { Self.fits($0, type: type) && seen.insert($0).inserted }
    }

    /// Whether `value` can be stored in a column of `type`.
    private static func fits(_ value: SQLValue, type: String) -> Bool {
        switch (value, type) {
        case (.int(let number), "integer"): return Int(Int32.min) <= number && number <= Int(Int32.max)
        case (.text(let text), _): return !text.unicodeScalars.contains("\0") && (type != "uuid" || isUUID(text))
        default: return true
        }
    }

    private static func isUUID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && parts.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// A value for `column`: the id of a row (or, now and then, of a candidate new row) of the
    /// table a foreign key references, else from the pool, mostly the sessions' values for a key
    /// column; NULL now and then where allowed.
    private func value(for column: DifferentialColumn) -> SQLValue {
        if !column.notNull && rng.chance(0.15) { return .null }
        if let parent = column.references {
            let ids = (rng.chance(0.8) ? rows[parent] : candidates[parent])?.compactMap { $0["id"] } ?? []
            return ids.isEmpty ? .int(1) : rng.pick(ids)
        }
        let values = pool(column.family, type: column.type)
        if project.keys.contains(where: { $0.column == column.name }) && rng.chance(0.65) {
            return values[rng.int(0...1)]
        }
        return rng.pick(values)
    }

    /// Fills every table (ungoverned ones too: traversals see all their rows) with 12 generated
    /// rows, and makes 6 candidate new rows per table (ids from 100, which some rows of
    /// referencing tables point at).
    func seedRows() throws {
        var statements: [String] = []
        for table in project.tables {
            var tableRows: [Row] = []
            for id in 1...12 {
                var row: Row = ["id": .int(id)]
                for column in table.columns.dropFirst() { row[column.name] = value(for: column) }
                tableRows.append(row)
            }
            rows[table.name] = tableRows
            statements += tableRows.map { insert(table, $0) }
            candidates[table.name] = (100..<106).map { id in
                var row: Row = ["id": .int(id)]
                for column in table.columns.dropFirst() { row[column.name] = value(for: column) }
                return row
            }
        }
        statistics["rows"] = rows.values.reduce(0) { $0 + $1.count }
        try connection.execute(statements.joined(separator: ";\n"))
    }

    private func insert(_ table: DifferentialTable, _ row: Row) -> String {
        "INSERT INTO \(Self.qualified(table)) (" + table.columns.map { DifferentialSQL.identifier($0.name) }.joined(separator: ", ")
            + ") VALUES (" + table.columns.map { DifferentialSQL.value(row[$0.name] ?? .null, type: $0.type) }.joined(separator: ", ") + ")"
    }

    /// The INSERT statements of the rows, for a reproduction.
    var rowsSQL: String {
        project.tables.flatMap { table in (rows[table.name] ?? []).map { insert(table, $0) + ";" } }.joined(separator: "\n")
    }

    private static func qualified(_ table: DifferentialTable) -> String {
        "public." + DifferentialSQL.identifier(table.name)
    }

    // MARK: - Sessions

    /// The values a session gives `key` when it sets it: the generator's first two of its
    /// family (what tenants use), a bigint beyond 2^32, literals the policies use.
    private func sessionValues(_ key: String) -> [String] {
        let type = policySet.sessionType(key)
        let family = Self.family(type.family)
        var values = VerdictProjectGenerator.values(family).prefix(2).map(Self.text)
        if type.name == "bigint" { values.append("4294967297") }
        for value in pool(family, type: type.name).dropFirst(2).prefix(6) where rng.chance(0.4) { values.append(Self.text(value)) }
        var seen = Set<String>()
        return values.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    private static func family(_ family: TypeFamily) -> DifferentialFamily {
        switch family {
        case .uuid: return .uuid
        case .integer, .numeric: return .int
        case .boolean: return .bool
        default: return .text
        }
    }

    private static func text(_ value: SQLValue) -> String {
        switch value {
        case .null: return ""
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .text(let text): return text
        }
    }

    /// The sessions of each role: random ones, and for each isolation key a pair that differs in
    /// that key only and one without it.
    func makeSessions(roles: [String]) {
        let pools = Dictionary(uniqueKeysWithValues: keys.map { ($0, sessionValues($0)) })
        let unset = project.missingContext == .error ? 0.08 : 0.15
        let isolation = Set(policySet.config.isolation.map(\.key))
        func random(unsetting: Double) -> [String: String] {
            var values: [String: String] = [:]
            for key in keys {
                guard let pool = pools[key], !pool.isEmpty, !rng.chance(unsetting) else { continue }
                let roll = rng.int(0...99)
                values[key] = roll < 45 ? pool[0] : roll < 88 || pool.count < 3 ? pool[min(1, pool.count - 1)] : rng.pick(pool)
            }
            return values
        }
        for role in roles {
            var made: [[String: String]] = (0..<8).map { _ in random(unsetting: unset) }
            for key in keys where isolation.contains(key) {
                guard let pool = pools[key], pool.count > 1 else { continue }
                var base = random(unsetting: 0)
                base[key] = pool[0]
                made.append(base)
                base[key] = pool[1]
                made.append(base)
                base[key] = nil
                made.append(base)
            }
            for values in made {
                sessions.append(VerdictSession(number: sessions.count + 1, role: role, values: values))
            }
        }
        statistics["sessions"] = sessions.count
    }

    // MARK: - Probing

    /// Runs every session through every table and command in one plpgsql block and reads what
    /// each reached.
    func probe() throws {
        guard !sessions.isEmpty, !tables.isEmpty else { return }
        try connection.execute(
            """
            CREATE TEMP TABLE pgpe_probe_seen (k text) ON COMMIT DROP;
            GRANT SELECT, INSERT ON pg_temp.pgpe_probe_seen TO PUBLIC;
            CREATE TEMP TABLE pgpe_vd_reach (n int, probe int, ids text[]) ON COMMIT DROP;
            GRANT INSERT ON pg_temp.pgpe_vd_reach TO PUBLIC
            """)
        var setup: [String] = []
        for (index, table) in tables.enumerated() {
            setup += ProofDatabaseProbe.triggerStatements(
                on: Self.qualified(table), function: "pg_temp.pgpe_vd_t\(index)", key: "OLD.id::text")
        }
        try connection.execute(setup.joined(separator: ";\n"))
        try connection.execute(block())
        let result = try connection.query("SELECT n, probe, k FROM pg_temp.pgpe_vd_reach, unnest(ids) AS k")
        for row in result.rows {
            guard let session = row[0]?.int, let probe = row[1]?.int, let key = row[2]?.string else { continue }
            if key.hasPrefix("!") {
                let message = String(key.dropFirst())
                statistics["probes failed with an error", default: 0] += 1
                if !expected(message) { unexpected.append("\(describe(probe)), session \(session): \(message)") }
                continue
            }
            reached[session * 1_000 + probe, default: []].insert(key)
        }
        statistics["probes"] = sessions.count * tables.count * Probe.allCases.count
        statistics["write attempts"] = sessions.count * tables.reduce(0) { $0 + 2 * (candidates[$1.name]?.count ?? 0) }
    }

    /// Whether `message` is an error the project's `missing_context` makes (a key read while
    /// unset, or as '' cast to its type).
    private func expected(_ message: String) -> Bool {
        project.missingContext == .error
            && (message.hasPrefix("invalid input syntax for type") || message.hasPrefix("unrecognized configuration parameter"))
            // A key is cast to the type of the column it is compared with: a bigint value beyond
            // an integer column's range fails the query (closed: no row is reached).
            || message.hasPrefix("value \"") && message.contains("\" is out of range for type")
    }

    private func describe(_ probe: Int) -> String {
        let table = probe / Probe.allCases.count
        let kind = Probe(rawValue: probe % Probe.allCases.count).map { "\($0)" } ?? "?"
        return "\(kind) on \(table < tables.count ? tables[table].name : "?")"
    }

    /// The plpgsql block: per session (ordered by role, so that plans are reused) the keys are
    /// set and the role taken; each attempt runs in a sub-block that an exception undoes.
    private func block() -> String {
        let settings = keys.enumerated().map { "set_config(\(DifferentialSQL.literal($1)), s.v[\($0 + 1)], true)" }
        let sessionRows = sessions.map { session in
            let values = keys.map { DifferentialSQL.literal(session.values[$0] ?? "") }.joined(separator: ", ")
            return "(\(session.number), \(DifferentialSQL.literal(session.role)), ARRAY[\(values)]::text[])"
        }
        var lines = [
            "DO $pgpe_vd$", "DECLARE s record; ids text[]; upd text[]; w text[]; ok boolean; err text; n bigint;", "BEGIN",
            "FOR s IN SELECT * FROM (VALUES \(sessionRows.joined(separator: ", "))) AS t(n, role, v) ORDER BY role, n LOOP",
            "  PERFORM \((["1"] + settings).joined(separator: ", "));",
            "  EXECUTE format('SET LOCAL ROLE %I', s.role);",
        ]
        /// A sub-block running `body` into `ids`, undone.
        func reading(_ body: [String]) -> [String] {
            ["  BEGIN"] + body.map { "    " + $0 } + [
                "    RAISE EXCEPTION USING ERRCODE = 'PG001';",
                "  EXCEPTION WHEN SQLSTATE 'PG001' THEN NULL;",
                "    WHEN OTHERS THEN ids := ARRAY['!' || SQLERRM];",
                "  END;",
            ]
        }
        for (index, table) in tables.enumerated() {
            let name = Self.qualified(table)
            let store = { (kind: Probe, variable: String) in
                [
                    "  INSERT INTO pg_temp.pgpe_vd_reach VALUES (s.n, \(index * Probe.allCases.count + kind.rawValue), \(variable));",
                    "  ids := NULL;",
                ]
            }
            lines += reading(["SELECT array_agg(id::text) INTO ids FROM \(name);"]) + store(.select, "ids")
            lines +=
                reading(["DELETE FROM \(name);", "SELECT array_agg(k) INTO ids FROM pg_temp.pgpe_probe_seen;"]) + store(.delete, "ids")
            lines += reading([
                "PERFORM set_config('pgpe.probe_mode', 'log', true);", "UPDATE \(name) SET \"id\" = NULL;",
                "SELECT array_agg(k) INTO ids FROM pg_temp.pgpe_probe_seen;",
            ])
            lines += ["  upd := ids;"] + store(.update, "upd")
            let rows = candidates[table.name] ?? []
            let updates = rows.map { row in
                "UPDATE \(name) SET "
                    + table.columns.map {
                        "\(DifferentialSQL.identifier($0.name)) = "
                            + DifferentialSQL.value(row[$0.name] ?? .null, type: $0.type)
                    }.joined(separator: ", ")
            }
            for (kind, writes) in [(Probe.insert, rows.map { insert(table, $0) }), (Probe.updateCheck, updates)] {
                lines.append("  w := ARRAY[]::text[];")
                if kind == .updateCheck {
                    // The session updates one row it reaches (the trigger lets only that one through).
                    lines.append("  IF upd IS NOT NULL AND upd[1] NOT LIKE '!%' THEN")
                    lines.append("  PERFORM set_config('pgpe.probe_mode', 'target', true), set_config('pgpe.probe_target', upd[1], true);")
                }
                for (number, write) in writes.enumerated() {
                    lines += [
                        "  ok := false; err := NULL;",
                        "  BEGIN",
                        "    \(write);",
                        "    GET DIAGNOSTICS n = ROW_COUNT; ok := n > 0;",
                        "    RAISE EXCEPTION USING ERRCODE = 'PG001';",
                        "  EXCEPTION WHEN SQLSTATE 'PG001' THEN NULL;",
                        "    WHEN OTHERS THEN err := SQLERRM;",
                        "  END;",
                        "  IF ok THEN w := w || 'c\(number)'::text;",
                        "  ELSIF err NOT LIKE 'new row violates row-level security policy%' THEN w := w || ('!' || err); END IF;",
                    ]
                }
                if kind == .updateCheck { lines += ["  PERFORM set_config('pgpe.probe_mode', '', true);", "  END IF;"] }
                lines += store(kind, "w")
            }
        }
        lines += ["  RESET ROLE;", "END LOOP;", "END", "$pgpe_vd$"]
        return lines.joined(separator: "\n")
    }

    // MARK: - Judging

    /// What the sessions of `role` reached with `probe` on `table`.
    private func reach(_ session: VerdictSession, table: Int, probe: Probe) -> Set<String> {
        reached[session.number * 1_000 + table * Probe.allCases.count + probe.rawValue] ?? []
    }

    /// The database roles a verdict's role stands for: itself, or for PUBLIC every test role
    /// the analysis did not name for the table.
    func databaseRoles(_ verdict: Verdict) -> [String] {
        guard verdict.role == PolicySet.publicRole else {
            return VerdictProject.roles.contains(verdict.role) ? [verdict.role] : []
        }
        let named = Set(verdicts.filter { $0.table == verdict.table }.map(\.role))
        return VerdictProject.roles.filter { !named.contains($0) }
    }

    /// The ways PostgreSQL shows `verdict`'s property broken, in words (empty: none found).
    func leaks(_ verdict: Verdict) -> [(role: String, evidence: String)] {
        guard let key = verdict.key, let command = verdict.command,
            let table = tables.firstIndex(where: { $0.qualified == verdict.table })
        else { return [] }
        let probe = Probe(command, verdict.side)
        var found: [(String, String)] = []
        for role in databaseRoles(verdict) {
            let mine = sessions.filter { $0.role == role }
            if verdict.proof == .tenantIsolation {
                for (position, first) in mine.enumerated() {
                    guard let a = first.values[key] else { continue }
                    for second in mine[(position + 1)...] {
                        guard let b = second.values[key], a != b else { continue }
                        let shared = reach(first, table: table, probe: probe).intersection(reach(second, table: table, probe: probe))
                        if let item = shared.sorted().first {
                            found.append(
                                (
                                    role,
                                    "sessions {\(first.describe(keys: keys))} and {\(second.describe(keys: keys))} both "
                                        + describe(item, table: table, probe: probe)
                                ))
                            break
                        }
                    }
                    if found.count >= 3 { break }
                }
            } else {
                for session in mine where session.values[key] == nil {
                    if let item = reach(session, table: table, probe: probe).sorted().first {
                        found.append((role, "session {\(session.describe(keys: keys))} " + describe(item, table: table, probe: probe)))
                        if found.count >= 3 { break }
                    }
                }
            }
        }
        return found
    }

    private func describe(_ item: String, table: Int, probe: Probe) -> String {
        let model = tables[table]
        func render(_ row: Row) -> String {
            "{" + model.columns.map { "\($0.name): \(row[$0.name] ?? .null)" }.joined(separator: ", ") + "}"
        }
        switch probe {
        case .insert, .updateCheck:
            let row = Int(item.dropFirst()).flatMap { number in candidates[model.name].flatMap { number < $0.count ? $0[number] : nil } }
            return "can write (\(probe == .insert ? "INSERT" : "UPDATE")) the new row \(row.map(render) ?? item) into \(model.name)"
        default:
            let row = (rows[model.name] ?? []).first { $0["id"].map(Self.text) == item }
            return "reach (\(probe)) the row \(row.map(render) ?? item) of \(model.name)"
        }
    }
}
