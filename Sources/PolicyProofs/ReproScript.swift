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
        guard let example = verdict.counterexample,
            let plan = ReproPlan.make(for: verdict, example: example, policySet: policySet)
        else { return nil }
        var lines: [String] = []
        lines.append("-- pgpe repro: \(SQLQuoting.comment(verdict.summary))")
        lines.append("-- Run as a superuser on a scratch database where the compiled policies are applied.")
        lines.append("-- Everything runs in one transaction that rolls back; outcomes are NOTICEs starting with 'pgpe-repro:'.")
        lines.append("BEGIN;")
        lines.append("SET LOCAL session_replication_role = replica;")
        // Timestamps of the counterexample are UTC, as timestamptz literals of the policies are.
        lines.append("SET LOCAL TimeZone = 'UTC';")
        lines += plan.setup.map { $0.inlined + ";" }
        lines += roleSetup(verdict.role, policySet: policySet)
        lines += ReproSessionValues.stubs(for: example.sessions, policySet: policySet)
        for session in plan.sessions {
            if let before = session.before {
                lines.append("RESET ROLE;")
                lines.append(before.inlined + ";")
            }
            lines += switchRole()
            var body = ReproSessionValues.statements(for: session.settings, session: session.number, policySet: policySet)
            let subject = "session \(session.number)"
            let check = session.readBack.map { readBackCheck($0, subject: subject) } ?? []
            let statement = session.statement.inlined
            switch session.action {
            case .write(let countsRows):
                body += attempt(statement, subject: subject, success: "can write the row", countRows: countsRows, then: check)
            case .reach(let refused):
                body += attempt(
                    statement, subject: subject, success: "reaches the row", countRows: true, newRowRefusedMeansReached: refused)
            case .count:
                body.append("  " + countInto(session.statement) + ";")
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
            if let after = session.after { lines.append(after.inlined + ";") }
        }
        lines.append("ROLLBACK;")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A plan's `SELECT count(*) FROM …` as PL/pgSQL that stores the count in `n`.
    private static func countInto(_ statement: ReproStatement) -> String {
        let head = "SELECT count(*) "
        guard statement.inlined.hasPrefix(head) else { return statement.inlined }
        return "SELECT count(*) INTO n " + statement.inlined.dropFirst(head.count)
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
    private static func readBackCheck(_ count: ReproStatement, subject: String) -> [String] {
        [
            "    " + countInto(count) + ";",
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
}
