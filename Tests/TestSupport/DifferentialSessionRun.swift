import PolicySemantics
import PolicySyntax
import PostgresClient

/// The per-session checks of one differential case (see `DifferentialRunner`).
struct DifferentialSessionRun {
    /// The superuser connection, inside the case's transaction.
    let connection: PostgresConnection
    /// The oracle.
    let evaluator: ReferenceEvaluator
    /// The checked policy set.
    let policySet: PolicySet
    /// The case.
    let testCase: DifferentialCase
    /// The case's rows for the evaluator.
    let database: EvaluationDatabase
    /// Checks run so far.
    var checks = 0
    /// Disagreements found so far.
    var mismatches: [DifferentialMismatch] = []
    /// Expected outcomes by kind.
    var statistics: [String: Int] = [:]

    /// Prepares the checks of `testCase`, whose setup has run on `connection`.
    init(connection: PostgresConnection, evaluator: ReferenceEvaluator, policySet: PolicySet, testCase: DifferentialCase) {
        self.connection = connection
        self.evaluator = evaluator
        self.policySet = policySet
        self.testCase = testCase
        self.database = testCase.database
    }

    /// Makes the session's settings (keys it leaves out are emptied when PostgreSQL knows them),
    /// reads back what PostgreSQL holds, and runs every check as its role.
    mutating func check(_ session: DifferentialSession) throws {
        var sql = "SELECT set_config('role', $1, true)"
        var parameters: [PostgresValue?] = [.text(session.role)]
        for key in DifferentialCase.sessionKeys {
            if let value = session.settings[key] {
                parameters.append(.text(value))
                sql += ", set_config('\(key)', $\(parameters.count), true)"
            } else {
                sql += ", CASE WHEN current_setting('\(key)', true) IS NOT NULL THEN set_config('\(key)', '', true) END"
            }
        }
        _ = try connection.query(sql, parameters)
        let observedRow = try connection.query(
            "SELECT " + DifferentialCase.sessionKeys.map { "current_setting('\($0)', true)" }.joined(separator: ", "))
        var observed: [String: String] = [:]
        for (index, key) in DifferentialCase.sessionKeys.enumerated() {
            if let value = observedRow.first?[index]?.string { observed[key] = value }
        }
        let evaluation = EvaluationSession(role: session.role, settings: observed)
        let context = Context(session: session, observed: observed, evaluation: evaluation, mayFail: mayFail(evaluation))
        try connection.execute("SAVEPOINT differential_session")
        for key in policySet.sessionTypes.keys.sorted() { try checkCast(key, context) }
        for table in testCase.tables { try checkRead(table, context) }
        for operation in testCase.operations { try checkWrite(operation, context) }
        try connection.execute("RELEASE SAVEPOINT differential_session")
    }

    /// Whether some setting the policies read cannot be cast to its own type or to a type the
    /// compiled SQL may cast it to (that of a column or parameter it is compared with or passed to).
    private func mayFail(_ session: EvaluationSession) -> Bool {
        var types = Set(policySet.schema.tables.flatMap { $0.columns.map(\.type) })
        for function in policySet.config.functions { types.formUnion(function.arguments) }
        for (key, own) in policySet.sessionTypes {
            for type in types.union([own]) where type.family.isComparable(with: own.family) {
                if (try? evaluator.sessionValue(key, session: session, as: type)) == nil { return true }
            }
        }
        return false
    }

    /// One session as both sides see it.
    struct Context {
        /// The session as generated.
        var session: DifferentialSession
        /// The settings PostgreSQL reported after the session made its own.
        var observed: [String: String]
        /// The session as the evaluator sees it.
        var evaluation: EvaluationSession
        /// Whether some setting the policies read cannot be cast (so PostgreSQL may fail).
        var mayFail: Bool
    }

    private mutating func record(
        _ check: String, _ context: Context, _ statement: String, _ postgres: DifferentialOutcome,
        _ expected: String
    ) {
        mismatches.append(
            DifferentialMismatch(
                check: check, session: context.session, observedSettings: context.observed,
                statement: statement, postgres: postgres.description, expected: expected))
    }

    /// Runs `sql` as the session; an error rolls back to the session's savepoint.
    private func execute(_ sql: String) throws -> Result<PostgresResult, PostgresError> {
        do {
            return .success(try connection.query(sql))
        } catch let error as PostgresError where error.kind == .query {
            try connection.execute("ROLLBACK TO SAVEPOINT differential_session")
            return .failure(error)
        }
    }

    // MARK: - Checks

    private mutating func checkCast(_ key: String, _ context: Context) throws {
        checks += 1
        let type = policySet.sessionType(key).name
        let sql =
            policySet.config.missingContext == .deny
            ? "SELECT NULLIF(current_setting('\(key)', true), '')::\(type)"
            : "SELECT current_setting('\(key)')::\(type)"
        let postgres: DifferentialOutcome
        switch try execute(sql) {
        case .success(let result):
            switch result.first?[0] {
            case nil: postgres = .value(.null)
            case .bool(let flag)?: postgres = .value(.bool(flag))
            case .int(let number)?: postgres = .value(.int(number))
            case let value?: postgres = .value(.text(value.string ?? "\(value)"))
            }
        case .failure(let error):
            postgres = DifferentialOutcome(error)
        }
        let expected: DifferentialOutcome
        do {
            expected = .value(try evaluator.sessionValue(key, session: context.evaluation))
        } catch {
            expected = .failed("\(error)")
        }
        switch expected {
        case .value(.null): statistics["cast: null", default: 0] += 1
        case .value: statistics["cast: value", default: 0] += 1
        default: statistics["cast: error", default: 0] += 1
        }
        switch (postgres, expected) {
        case (.failed, .failed): return
        case (.value(let a), .value(let b)) where a == b: return
        default: record("cast \(key)", context, sql, postgres, expected.description)
        }
    }

    private mutating func checkRead(_ table: DifferentialTable, _ context: Context) throws {
        checks += 1
        let sql = "SELECT \"id\" FROM public.\(DifferentialSQL.identifier(table.name)) ORDER BY 1"
        var allowed: [Int] = []
        var denied: [Int] = []
        var undecided: [Int] = []
        for row in testCase.rows[table.name] ?? [] {
            guard case .int(let id) = row["id"] ?? .null else { continue }
            do {
                if try evaluator.allows(table.qualified, .select, side: .using, row: row, session: context.evaluation, database: database) {
                    allowed.append(id)
                } else {
                    denied.append(id)
                }
            } catch {
                undecided.append(id)
            }
        }
        let kind =
            allowed.isEmpty && denied.isEmpty && undecided.isEmpty
            ? "read: empty table"
            : !undecided.isEmpty
                ? "read: some rows raise an error"
                : denied.isEmpty ? "read: every row visible" : allowed.isEmpty ? "read: no row visible" : "read: some rows hidden"
        statistics[kind, default: 0] += 1
        let expected =
            "rows " + (allowed.isEmpty ? "(none)" : allowed.map(String.init).joined(separator: ", "))
            + (undecided.isEmpty ? "" : "; rows raising an error: " + undecided.map(String.init).joined(separator: ", "))
        switch try execute(sql) {
        case .success(let result):
            let ids = result.compactMap { $0[0]?.int }
            let returned = Set(ids)
            if !Set(allowed).isSubset(of: returned) || !returned.isDisjoint(with: denied)
                || !returned.isSubset(of: Set(allowed + denied + undecided))
            {
                record("read \(table.name)", context, sql, .rows(ids), expected)
            }
        case .failure(let error):
            if undecided.isEmpty && !context.mayFail {
                record("read \(table.name)", context, sql, DifferentialOutcome(error), expected)
            }
        }
    }

    private mutating func checkWrite(_ operation: DifferentialOperation, _ context: Context) throws {
        checks += 1
        guard let table = testCase.tables.first(where: { $0.name == operation.table }) else { return }
        let sql = operation.sql(in: testCase.tables)
        let postgres: DifferentialOutcome
        switch try execute(sql) {
        case .success(let result):
            postgres = .affected(result.affectedRows ?? result.count)
            try connection.execute("ROLLBACK TO SAVEPOINT differential_session")
        case .failure(let error):
            postgres = DifferentialOutcome(error)
        }
        let expected: DifferentialOutcome
        do {
            expected = try expectedOutcome(of: operation, table: table, context)
        } catch {
            statistics["write: evaluator raises an error", default: 0] += 1
            return // PostgreSQL may fail or not, depending on its plan
        }
        statistics[
            "write: " + (expected == .denied ? "denied" : expected == .affected(0) ? "nothing changed" : "rows changed"), default: 0] += 1
        if postgres == expected { return }
        if case .failed = postgres, context.mayFail { return }
        record("write \(operation.kind) \(table.name)", context, sql, postgres, expected.description)
    }

    private func allows(
        _ table: DifferentialTable, _ command: PolicyCommand, _ side: EffectivePredicate.Side,
        _ row: [String: SQLValue], _ context: Context
    ) throws -> Bool {
        try evaluator.allows(table.qualified, command, side: side, row: row, session: context.evaluation, database: database)
    }

    private func expectedOutcome(
        of operation: DifferentialOperation, table: DifferentialTable,
        _ context: Context
    ) throws -> DifferentialOutcome {
        let rows = testCase.rows[table.name] ?? []
        switch operation {
        case .insert(_, let row, let returning):
            var ok = try allows(table, .insert, .check, row, context)
            if ok && returning { ok = try allows(table, .select, .using, row, context) }
            return ok ? .affected(1) : .denied
        case .update(_, let id, let set):
            guard let old = rows.first(where: { $0["id"] == .int(id) }) else { return .affected(0) }
            guard try allows(table, .update, .using, old, context), try allows(table, .select, .using, old, context) else {
                return .affected(0)
            }
            let new = old.merging(set) { _, assigned in assigned }
            let ok = try allows(table, .update, .check, new, context) && allows(table, .select, .using, new, context)
            return ok ? .affected(1) : .denied
        case .delete(_, let id?):
            guard let old = rows.first(where: { $0["id"] == .int(id) }) else { return .affected(0) }
            let visible = try allows(table, .delete, .using, old, context) && allows(table, .select, .using, old, context)
            return .affected(visible ? 1 : 0)
        case .delete(_, nil):
            var count = 0
            for row in rows where try allows(table, .delete, .using, row, context) { count += 1 }
            return .affected(count)
        }
    }
}
