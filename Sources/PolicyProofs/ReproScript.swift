import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax

/// An SQL script that rebuilds a FAILED verdict's counterexample on a real database and shows,
/// as notices, whether each session reaches (or can write) the row; everything inside one
/// transaction that rolls back.
///
/// Run it as a superuser on a scratch database where the compiled policies are applied. Rows
/// are inserted with `session_replication_role = replica` (foreign keys are not part of the
/// proofs, so their checks stay off), then each session runs as a non-owner role. Statements
/// read no column unless the command needs it: `UPDATE t SET …` without `WHERE`, as PostgreSQL
/// then applies no SELECT policy (this is what the proofs model), on a table holding only the
/// rows of the counterexample; for UPDATE's WITH CHECK each session's old row is inserted just
/// before its attempt and removed after. Each outcome is a notice starting with `pgpe-repro:`:
/// `session N reaches the row`, `can write the row`, `does not reach the row`, `cannot: <error>`,
/// and for write-restriction `reads the row back` / `cannot read the row back`.
public enum ReproScript {
    /// The script for `verdict`, or `nil` when it has no counterexample (or compares two policy
    /// sets without a direction, which one database cannot show). A comparison's verdict with a
    /// direction (`pgpe diff`) gives a script that shows the row reached (or written) on a
    /// database holding the set that admits it, and not on one holding the other (for UPDATE's
    /// WITH CHECK, an update of the row to itself).
    public static func script(for verdict: Verdict, policySet: PolicySet) -> String? {
        guard verdict.proof != .policyEquivalence || verdict.direction != nil, let example = verdict.counterexample,
            let table = policySet.schema.table(verdict.table)
        else { return nil }
        var lines: [String] = []
        lines.append("-- pgpe repro: \(SQLQuoting.comment(verdict.summary))")
        lines.append("-- Run as a superuser on a scratch database where the compiled policies are applied.")
        lines.append("-- Everything runs in one transaction that rolls back; outcomes are NOTICEs starting with 'pgpe-repro:'.")
        lines.append("BEGIN;")
        lines.append("SET LOCAL session_replication_role = replica;")
        // Timestamps of the counterexample are UTC, as timestamptz literals of the policies are.
        lines.append("SET LOCAL TimeZone = 'UTC';")
        var filler = Filler()
        let mainRow = complete(example.row, table: table, filler: &filler)
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
                lines.append("CREATE TABLE \(SQLQuoting.qualified(child)) () INHERITS (\(SQLQuoting.qualified(table.name)));")
                lines.append(insertStatement(table, values, into: child) + ";")
                return
            }
            inserted.append((table.name, values))
            lines.append(insertStatement(table, values) + ";")
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
        lines += roleSetup(verdict.role, policySet: policySet)
        lines += ReproSessionValues.stubs(for: example.sessions, policySet: policySet)
        let readBack = verdict.proof == .writeRestriction
        for (index, settings) in example.sessions.enumerated() {
            let session = index + 1
            let old = oldRows[session]
            if verdict.command == .update, writes, let old {
                lines.append("RESET ROLE;")
                lines.append(insertStatement(table, old) + ";")
            }
            lines += switchRole()
            var body = ReproSessionValues.statements(for: settings, session: session, policySet: policySet)
            let subject = "session \(session)"
            let check = readBack ? readBackCheck(table, mainRow, subject: subject) : []
            switch (verdict.command, writes) {
            case (.insert?, true):
                body += attempt(insertStatement(table, mainRow), subject: subject, success: "can write the row", then: check)
            case (.update?, true):
                let update = "UPDATE \(SQLQuoting.qualified(table.name)) SET " + assignments(table, mainRow)
                body += attempt(update, subject: subject, success: "can write the row", countRows: true, then: check)
            case (.delete?, _):
                body += attempt(
                    "DELETE FROM \(SQLQuoting.qualified(table.name))", subject: subject,
                    success: "reaches the row", countRows: true)
            case (.update?, false):
                body += attempt(
                    "UPDATE \(SQLQuoting.qualified(table.name)) SET " + assignments(table, mainRow, onlyKey: true),
                    subject: subject, success: "reaches the row", countRows: true, newRowRefusedMeansReached: true)
            default:
                body.append("  SELECT count(*) INTO n FROM \(SQLQuoting.qualified(table.name)) WHERE \(identity(table, mainRow));")
                body.append(
                    "  RAISE NOTICE 'pgpe-repro: \(subject) %', CASE WHEN n > 0 THEN 'reaches the row' ELSE 'does not reach the row' END;")
            }
            // One sub-block per session: its settings are undone after it (the next session does
            // not inherit them), and an error (a cast of a key, an unset key) is reported as a
            // notice instead of ending the script.
            lines.append("DO $pgpe$")
            lines.append("DECLARE n bigint;")
            lines.append("BEGIN")
            lines.append("  BEGIN")
            lines += body.map { "  " + $0 }
            lines.append("    RAISE EXCEPTION USING ERRCODE = 'PG001', MESSAGE = 'pgpe: undo';")
            lines.append("  EXCEPTION")
            lines.append("    WHEN SQLSTATE 'PG001' THEN NULL;")
            lines.append("    WHEN OTHERS THEN RAISE NOTICE 'pgpe-repro: \(subject) cannot: %', SQLERRM;")
            lines.append("  END;")
            lines.append("END")
            lines.append("$pgpe$;")
            lines.append("RESET ROLE;")
            if verdict.command == .update, writes, let old {
                lines.append("DELETE FROM \(SQLQuoting.qualified(table.name)) WHERE \(identity(table, old));")
            }
        }
        lines.append("ROLLBACK;")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A file name for the verdict's script.
    public static func fileName(for verdict: Verdict, index: Int) -> String {
        var parts = [String(format3(index)), verdict.proof.rawValue, verdict.table.schema, verdict.table.name]
        if let command = verdict.command { parts.append(command.rawValue.lowercased()) }
        parts.append(verdict.side.rawValue)
        parts.append(verdict.role.lowercased())
        let raw = parts.joined(separator: "-")
        // Scalars, not Characters: a letter-like cluster may hold a '/' or '.' (a prepend letter
        // such as U+0D4E before it), which must not reach the file name.
        var safe = ""
        for scalar in raw.unicodeScalars {
            let keep = scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "-" || scalar == "_"
            safe.unicodeScalars.append(keep ? scalar : "_")
        }
        return safe + ".sql"
    }

    private static func format3(_ number: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 3 - text.count)) + text
    }

    /// Creates the role the sessions run as (unless it exists), grants it the governed tables
    /// and remembers its name in `pgpe.repro_role`; does not switch to it.
    private static func roleSetup(_ role: String, policySet: PolicySet) -> [String] {
        let schemas = Set(policySet.governedTables.map(\.schema)).sorted()
        var grants: [String] = []
        for schema in schemas {
            grants.append("  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', \(SQLQuoting.literal(schema)), r);")
            grants.append(
                "  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', \(SQLQuoting.literal(schema)), r);"
            )
        }
        let name =
            role == PolicySet.publicRole || role == "*" || role.unicodeScalars.contains(",")
            ? "'pgpe_repro_' || pg_backend_pid()" : SQLQuoting.literal(role)
        var lines = ["DO $pgpe$", "DECLARE r text := \(name);", "BEGIN"]
        lines.append("  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN EXECUTE format('CREATE ROLE %I NOLOGIN', r); END IF;")
        // The memberships the schema gives the role: the policies of those roles apply to it too.
        for parent in policySet.roleGraph.privileges(of: role).subtracting([role]).sorted() {
            let quoted = SQLQuoting.literal(parent)
            lines.append(
                "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = \(quoted)) THEN EXECUTE format('CREATE ROLE %I NOLOGIN', \(quoted)); END IF;"
            )
            lines.append("  IF NOT pg_has_role(r, \(quoted), 'USAGE') THEN EXECUTE format('GRANT %I TO %I', \(quoted), r); END IF;")
        }
        lines += grants
        lines.append("  PERFORM set_config('pgpe.repro_role', r, true);")
        lines.append("END")
        lines.append("$pgpe$;")
        return lines
    }

    /// Switches to the role `roleSetup` made (for the rest of the transaction, or to `RESET ROLE`).
    private static func switchRole() -> [String] {
        ["DO $pgpe$ BEGIN EXECUTE format('SET LOCAL ROLE %I', current_setting('pgpe.repro_role')); END $pgpe$;"]
    }

    /// After a successful write: whether the session reads the written row back.
    private static func readBackCheck(_ table: TableModel, _ values: [String: SQLValue], subject: String) -> [String] {
        [
            "    SELECT count(*) INTO n FROM \(SQLQuoting.qualified(table.name)) WHERE \(identity(table, values));",
            "    RAISE NOTICE 'pgpe-repro: \(subject) %', CASE WHEN n > 0 THEN 'reads the row back' ELSE 'cannot read the row back' END;",
        ]
    }

    /// A statement run inside a sub-block: its success is reported (then `then` runs), then
    /// undone; an error is reported. With `newRowRefusedMeansReached`, an UPDATE refused by
    /// WITH CHECK reached its row (only rows passing USING get a new row to check).
    private static func attempt(
        _ statement: String, subject: String, success: String, countRows: Bool = false,
        newRowRefusedMeansReached: Bool = false, then: [String] = []
    ) -> [String] {
        var lines = ["  BEGIN", "    \(statement);"]
        if countRows {
            lines.append("    GET DIAGNOSTICS n = ROW_COUNT;")
            lines.append(
                "    IF n > 0 THEN RAISE NOTICE 'pgpe-repro: \(subject) \(success)'; ELSE RAISE NOTICE 'pgpe-repro: \(subject) does not reach the row'; END IF;"
            )
            if !then.isEmpty {
                lines.append("    IF n > 0 THEN")
                lines += then.map { "  " + $0 }
                lines.append("    END IF;")
            }
        } else {
            lines.append("    RAISE NOTICE 'pgpe-repro: \(subject) \(success)';")
            lines += then
        }
        lines.append("    RAISE EXCEPTION USING ERRCODE = 'PG001', MESSAGE = 'pgpe: undo';")
        lines.append("  EXCEPTION")
        lines.append("    WHEN SQLSTATE 'PG001' THEN NULL;")
        if newRowRefusedMeansReached {
            lines.append("    WHEN OTHERS THEN")
            lines.append("      IF SQLERRM LIKE 'new row violates row-level security policy%' THEN")
            lines.append("        RAISE NOTICE 'pgpe-repro: \(subject) reaches the row (its WITH CHECK then refuses the new row)';")
            lines.append("      ELSE")
            lines.append("        RAISE NOTICE 'pgpe-repro: \(subject) cannot: %', SQLERRM;")
            lines.append("      END IF;")
        } else {
            lines.append("    WHEN OTHERS THEN RAISE NOTICE 'pgpe-repro: \(subject) cannot: %', SQLERRM;")
        }
        lines.append("  END;")
        return lines
    }

    // MARK: - Rows

    /// Fills NOT NULL columns the counterexample left out with unique values of their types.
    private struct Filler {
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

    private static func literal(_ value: SQLValue) -> String {
        switch value {
        case .null: return "NULL"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .text(let text): return SQLQuoting.literal(text)
        }
    }

    private static func insertStatement(_ table: TableModel, _ values: [String: SQLValue], into target: QualifiedName? = nil) -> String {
        let columns = table.columns.filter { values[$0.name] != nil }
        return "INSERT INTO \(SQLQuoting.qualified(target ?? table.name)) ("
            + columns.map { SQLQuoting.identifier($0.name) }.joined(separator: ", ")
            + ") VALUES (" + columns.map { literal(values[$0.name] ?? .null) }.joined(separator: ", ") + ")"
    }

    private static func assignments(_ table: TableModel, _ values: [String: SQLValue], onlyKey: Bool = false) -> String {
        let keyColumns = table.primaryKey.isEmpty ? [table.columns.first?.name].compactMap { $0 } : table.primaryKey
        let columns = onlyKey ? table.columns.filter { keyColumns.contains($0.name) } : table.columns.filter { values[$0.name] != nil }
        return columns.map { "\(SQLQuoting.identifier($0.name)) = \(literal(values[$0.name] ?? .null))" }.joined(separator: ", ")
    }

    private static func identity(_ table: TableModel, _ values: [String: SQLValue]) -> String {
        let keyColumns = table.primaryKey.isEmpty ? table.columns.map(\.name) : table.primaryKey
        let parts = keyColumns.map { name -> String in
            let value = values[name] ?? .null
            return value.isNull ? "\(SQLQuoting.identifier(name)) IS NULL" : "\(SQLQuoting.identifier(name)) = \(literal(value))"
        }
        return parts.isEmpty ? "true" : parts.joined(separator: " AND ")
    }

    private static func identityKey(_ table: TableModel, _ values: [String: SQLValue]) -> String {
        let keyColumns = table.primaryKey.isEmpty ? table.columns.map(\.name) : table.primaryKey
        return keyColumns.map { literal(values[$0] ?? .null) }.joined(separator: "|")
    }
}
