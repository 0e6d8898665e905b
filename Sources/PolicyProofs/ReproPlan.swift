import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax

/// A verdict's counterexample as statements (data): the rows to seed, the role the sessions run
/// as, and per session the statement whose outcome shows whether the session reaches (or can
/// write) the row. `ReproScript` writes it as a psql script; `pgpe analyze --probe` runs it
/// statement by statement with bound parameters.
public struct ReproPlan: Hashable, Sendable {
    /// What a session's statement shows when it succeeds.
    public enum Action: Hashable, Sendable {
        /// `SELECT count(*) … WHERE <the row>`: the session reaches the row when the count is positive.
        case count
        /// A write (INSERT, or UPDATE counting rows): the session can write the row when it succeeds
        /// (and, for UPDATE, changes a row).
        case write(countsRows: Bool)
        /// DELETE or UPDATE counting rows: the session reaches the row when a row changes (or, with
        /// `refusedNewRowMeansReached`, when WITH CHECK refuses the new row: only reached rows get one).
        case reach(refusedNewRowMeansReached: Bool)
    }

    /// One session's part.
    public struct Session: Hashable, Sendable {
        /// 1-based.
        public var number: Int
        /// The session values of the counterexample (nil: unset).
        public var settings: [String: String?]
        /// Run (as the connecting role, before the session) and undone after it: UPDATE's old row.
        public var before: ReproStatement?
        /// The statement run as the session.
        public var statement: ReproStatement
        /// How its outcome reads.
        public var action: Action
        /// After a successful write: counts the written row as the session reads it (write-restriction).
        public var readBack: ReproStatement?
        /// Run after the session (as the connecting role) in the script, which does not undo `before`.
        public var after: ReproStatement?
        /// For a statement without WHERE (DELETE, UPDATE) on a database that holds other rows: the
        /// physical place of the row it should change (`tableoid:ctid`), read as the connecting role
        /// before and after; the session reached the row when it moved or went.
        public var watch: ReproStatement?
        /// Whether the verdict says the session reaches (or can write) the row.
        public var expected: Bool
        /// After a write, whether the verdict says the session reads the row back (write-restriction).
        public var expectedReadBack: Bool?
        /// The statements that give the session its values, run as the session, one at a time.
        public var settingStatements: [ReproStatement]
        /// Why the session's values cannot be set by statements (a value read by its own SQL, `now()`).
        public var unsettable: String?
    }

    /// The table of the verdict.
    public var table: QualifiedName
    /// The rows to seed, as the connecting role (RLS does not apply to it), in order.
    public var setup: [ReproStatement]
    /// The verdict's role (`PUBLIC` for roles no policy names).
    public var role: String
    /// The sessions, in order.
    public var sessions: [Session]
    /// The schemas of the governed tables (a role made for `PUBLIC` is granted their tables).
    public var schemas: [String]

    /// The plan for `example` on the verdict's table, command and side; `nil` when the verdict
    /// compares two policy sets without a direction or the table is not in the schema. Every session of a FAILED
    /// verdict is expected to reach (or write) the row, and a write-restriction one not to read it
    /// back; of a PROVEN one (an isolation seed, `IsolationSeed`) only session 1.
    public static func make(for verdict: Verdict, example: Counterexample, policySet: PolicySet) -> ReproPlan? {
        guard verdict.proof != .policyEquivalence || verdict.direction != nil, let table = policySet.schema.table(verdict.table) else {
            return nil
        }
        var filler = Filler()
        let mainRow = complete(example.row, table: table, filler: &filler)
        var setup: [ReproStatement] = []
        var inserted: [(QualifiedName, [String: SQLValue])] = []
        var children = 0
        func insert(_ table: TableModel, _ values: [String: SQLValue]) {
            let identity = identityKey(table, values)
            if inserted.contains(where: { $0.0 == table.name && identityKey(table, $0.1) == identity }) {
                // Another row with the same key: only an inheriting table can hold it (its rows
                // are rows of this one and do not share its keys); one is made for it.
                guard table.hasInheritanceChildren, !inserted.contains(where: { $0.0 == table.name && $0.1 == values }) else { return }
                children += 1
                let child = QualifiedName(schema: table.name.schema, name: "pgpe_repro_child_\(children)")
                inserted.append((table.name, values))
                setup.append(
                    ReproStatement("CREATE TABLE \(SQLQuoting.qualified(child)) () INHERITS (\(SQLQuoting.qualified(table.name)))"))
                setup.append(insertStatement(table, values, into: child))
                return
            }
            inserted.append((table.name, values))
            setup.append(insertStatement(table, values))
        }
        var oldRows: [Int: [String: SQLValue]] = [:]
        for witness in example.witnesses {
            guard let model = policySet.schema.table(witness.table) else { continue }
            let values = complete(witness, table: model, filler: &filler)
            if witness.role == "old row", let session = witness.session {
                oldRows[session] = values
            } else {
                insert(model, values)
            }
        }
        let writes = verdict.side == .check
        // A comparison's UPDATE WITH CHECK question is about the new row only: each session
        // updates the row to itself (so USING must reach it as well).
        if verdict.direction != nil, verdict.command == .update, writes {
            for session in 1...max(1, example.sessions.count) where oldRows[session] == nil { oldRows[session] = mainRow }
        }
        if !writes { insert(table, mainRow) }
        let readBack = verdict.proof == .writeRestriction ? countStatement(table, mainRow) : nil
        var sessions: [Session] = []
        for (index, settings) in example.sessions.enumerated() {
            let number = index + 1
            let values = ReproSessionValues.probeStatements(for: settings, policySet: policySet)
            var before: ReproStatement?
            var after: ReproStatement?
            if verdict.command == .update, writes, let old = oldRows[number] {
                before = insertStatement(table, old)
                var delete = ReproStatement("DELETE FROM \(SQLQuoting.qualified(table.name)) WHERE ")
                appendIdentity(&delete, table, old)
                after = delete
            }
            let statement: ReproStatement
            let action: Action
            var watch: ReproStatement?
            switch (verdict.command, writes) {
            case (.insert?, true):
                statement = insertStatement(table, mainRow)
                action = .write(countsRows: false)
            case (.update?, true):
                statement = updateStatement(table, mainRow, onlyKey: false)
                action = .write(countsRows: true)
                watch = oldRows[number].map { placeStatement(table, $0) }
            case (.delete?, _):
                statement = ReproStatement("DELETE FROM \(SQLQuoting.qualified(table.name))")
                action = .reach(refusedNewRowMeansReached: false)
                watch = placeStatement(table, mainRow)
            case (.update?, false):
                statement = updateStatement(table, mainRow, onlyKey: true)
                action = .reach(refusedNewRowMeansReached: true)
                watch = placeStatement(table, mainRow)
            default:
                statement = countStatement(table, mainRow)
                action = .count
            }
            sessions.append(
                Session(
                    number: number, settings: settings, before: before, statement: statement, action: action,
                    readBack: readBack, after: after, watch: watch,
                    expected: verdict.status == .failed || number == 1,
                    expectedReadBack: readBack == nil ? nil : verdict.status != .failed,
                    settingStatements: values.statements, unsettable: values.unsettable))
        }
        return ReproPlan(
            table: table.name, setup: setup, role: verdict.role, sessions: sessions,
            schemas: Set(policySet.governedTables.map(\.schema)).sorted())
    }

    // MARK: - Rows

    /// Fills NOT NULL columns the counterexample left out with unique values of their types (and
    /// gives the plan check's sessions typed values, `PlanCheckCase`).
    struct Filler {
        var counter = 0
        mutating func value(for type: SQLType) -> SQLValue {
            counter += 1
            switch type.family {
            case .integer, .numeric: return .int(900_000 + counter)
            case .boolean: return .bool(false)
            case .uuid:
                let hex = String(counter, radix: 16)
                return .text("ffffffff-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex)
            case .timestamp: return .text("2000-01-01 00:00:00+00")
            case .date: return .text("2000-01-01")
            case .time: return .text("00:00:00")
            case .json: return .text("{}")
            default: return .text("pgpe-\(counter)")
            }
        }
    }

    private static func complete(_ row: Counterexample.Row, table: TableModel, filler: inout Filler) -> [String: SQLValue] {
        var values: [String: SQLValue] = [:]
        for column in table.columns {
            if let value = row.values[column.name], !(value.isNull && column.notNull) {
                values[column.name] = value
            } else if column.notNull {
                values[column.name] = filler.value(for: column.type)
            }
        }
        return values
    }

    static func insertStatement(_ table: TableModel, _ values: [String: SQLValue], into target: QualifiedName? = nil) -> ReproStatement {
        let columns = table.columns.filter { values[$0.name] != nil }
        var statement = ReproStatement(
            "INSERT INTO \(SQLQuoting.qualified(target ?? table.name)) ("
                + columns.map { SQLQuoting.identifier($0.name) }.joined(separator: ", ") + ") VALUES (")
        for (position, column) in columns.enumerated() {
            if position > 0 { statement.append(", ") }
            statement.append(value: values[column.name] ?? .null)
        }
        statement.append(")")
        return statement
    }

    /// `UPDATE t SET …` without WHERE (PostgreSQL then applies no SELECT policy), setting every
    /// column of the row, or only its key.
    private static func updateStatement(_ table: TableModel, _ values: [String: SQLValue], onlyKey: Bool) -> ReproStatement {
        let keyColumns = table.primaryKey.isEmpty ? [table.columns.first?.name].compactMap { $0 } : table.primaryKey
        let columns = onlyKey ? table.columns.filter { keyColumns.contains($0.name) } : table.columns.filter { values[$0.name] != nil }
        var statement = ReproStatement("UPDATE \(SQLQuoting.qualified(table.name)) SET ")
        for (position, column) in columns.enumerated() {
            if position > 0 { statement.append(", ") }
            statement.append("\(SQLQuoting.identifier(column.name)) = ")
            statement.append(value: values[column.name] ?? .null)
        }
        return statement
    }

    /// `SELECT count(*) FROM t WHERE <the row's key>`.
    private static func countStatement(_ table: TableModel, _ values: [String: SQLValue]) -> ReproStatement {
        var statement = ReproStatement("SELECT count(*) FROM \(SQLQuoting.qualified(table.name)) WHERE ")
        appendIdentity(&statement, table, values)
        return statement
    }

    /// `SELECT tableoid::text || ':' || ctid::text FROM t WHERE <the row's key>`.
    private static func placeStatement(_ table: TableModel, _ values: [String: SQLValue]) -> ReproStatement {
        var statement = ReproStatement(
            "SELECT tableoid::pg_catalog.text || ':' || ctid::pg_catalog.text FROM \(SQLQuoting.qualified(table.name)) WHERE ")
        appendIdentity(&statement, table, values)
        return statement
    }

    private static func appendIdentity(_ statement: inout ReproStatement, _ table: TableModel, _ values: [String: SQLValue]) {
        let keyColumns = table.primaryKey.isEmpty ? table.columns.map(\.name) : table.primaryKey
        guard !keyColumns.isEmpty else { return statement.append("true") }
        for (position, name) in keyColumns.enumerated() {
            if position > 0 { statement.append(" AND ") }
            let value = values[name] ?? .null
            if value.isNull {
                statement.append("\(SQLQuoting.identifier(name)) IS NULL")
            } else {
                statement.append("\(SQLQuoting.identifier(name)) = ")
                statement.append(value: value)
            }
        }
    }

    private static func identityKey(_ table: TableModel, _ values: [String: SQLValue]) -> String {
        let keyColumns = table.primaryKey.isEmpty ? table.columns.map(\.name) : table.primaryKey
        return keyColumns.map { ReproStatement.literal(values[$0] ?? .null) }.joined(separator: "|")
    }
}
