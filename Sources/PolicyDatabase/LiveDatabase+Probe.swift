import PolicyProofs
import PolicySQL
import PolicySemantics
import PostgresClient

extension LiveDatabase {
    /// What one session's statement did.
    private enum Observation {
        /// It reached (or wrote) the row; after a write, whether it read the row back.
        case reached(readBack: Bool?)
        /// It did not (with how PostgreSQL said so).
        case notReached(String)
        /// It failed for another reason: the verdict cannot be checked.
        case failed(String)
    }

    /// A statement that failed for a reason the probe reports as SKIPPED.
    private struct Skip: Error {
        var reason: String
    }

    /// Checks each case on the database (`pgpe analyze --probe`, SPEC 11.11), each in its own
    /// transaction that always rolls back, with `SET LOCAL statement_timeout`: the plan's rows are
    /// seeded as the connecting role (with `session_replication_role = replica` when it may set
    /// it: foreign keys are not part of the proofs), then each session, in a savepoint rolled
    /// back after it, becomes the verdict's role (`SET LOCAL ROLE`; for `PUBLIC`, a role made in
    /// the transaction and granted the governed tables), sets its session values and runs its one
    /// statement. Every statement is sent alone with its values bound. A statement that fails
    /// for a reason other than row-level security (a role the connection cannot become, a
    /// missing privilege, a conflicting row) makes the verdict SKIPPED with PostgreSQL's message.
    public func probe(_ cases: [ProbeCase], statementTimeoutMilliseconds: Int = 5000) throws -> [ProbeResult] {
        try cases.map { probeCase in
            guard let plan = probeCase.plan else {
                return ProbeResult(verdict: probeCase.verdict, status: .skipped, detail: probeCase.skipped ?? "not checked")
            }
            return try withTransaction(action: "probe \(probeCase.verdict.summary)", begin: "BEGIN ISOLATION LEVEL READ COMMITTED") {
                (try run(plan, verdict: probeCase.verdict, timeout: statementTimeoutMilliseconds), commit: false)
            }
        }
    }

    private func run(_ plan: ReproPlan, verdict: Verdict, timeout: Int) throws -> ProbeResult {
        func skipped(_ reason: String) -> ProbeResult { ProbeResult(verdict: verdict, status: .skipped, detail: reason) }
        try connection.execute("SET LOCAL statement_timeout = \(max(1, timeout)); SET LOCAL TimeZone = 'UTC'; SAVEPOINT pgpe_probe")
        do {
            try connection.execute("SET LOCAL session_replication_role = replica")
        } catch let error as PostgresError where error.kind == .query {
            try connection.execute("ROLLBACK TO SAVEPOINT pgpe_probe")
        }
        do {
            for statement in plan.setup { try send(statement, doing: "cannot seed the counterexample's rows") }
            let role = try becomeable(plan)
            var observations: [Observation] = []
            for session in plan.sessions {
                try connection.execute("SAVEPOINT pgpe_probe_session")
                observations.append(try run(session, role: role))
                try connection.execute("ROLLBACK TO SAVEPOINT pgpe_probe_session")
            }
            return judge(plan, observations, verdict: verdict)
        } catch let skip as Skip {
            return skipped(skip.reason)
        }
    }

    /// Sends one statement with its values bound; a failure is a `Skip` saying `doing`.
    @discardableResult
    private func send(_ statement: ReproStatement, doing: String) throws -> PostgresResult {
        do {
            return try connection.query(statement.sql, statement.parameters.map { .text($0) })
        } catch let error as PostgresError where error.kind == .query {
            throw Skip(reason: "\(doing): \(error.message)")
        }
    }

    /// The role the sessions become: the verdict's, which must exist; for `PUBLIC` (roles no
    /// policy names) a NOLOGIN role made in the transaction and granted the governed tables.
    private func becomeable(_ plan: ReproPlan) throws -> String {
        let role = plan.role
        if role != PolicySet.publicRole && role != "*" && !role.unicodeScalars.contains(",") {
            let found = try connection.query("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1", [.text(role)])
            guard !found.rows.isEmpty else { throw Skip(reason: "role \(role) does not exist in the database") }
            return role
        }
        do {
            return try makeRole(schemas: plan.schemas, privileges: "SELECT, INSERT, UPDATE, DELETE")
        } catch let error as PostgresError where error.kind == .query {
            throw Skip(
                reason:
                    "the verdict is about roles no policy names; the probe makes one for it (until the rollback), which needs CREATEROLE and the right to grant the tables: \(error.message)"
            )
        }
    }

    /// Makes a NOLOGIN role (until the transaction rolls back) granted USAGE on `schemas` and
    /// `privileges` on all their tables: the role a check runs as when the policies apply to
    /// roles no policy names (`PUBLIC`). Needs CREATEROLE and the right to grant the tables.
    func makeRole(schemas: [String], privileges: String) throws -> String {
        let pid = try connection.query("SELECT pg_catalog.pg_backend_pid()").rows.first?[0]?.int ?? 0
        let made = "pgpe_probe_\(pid)"
        var statements = ["CREATE ROLE \(SQLQuoting.identifier(made)) NOLOGIN"]
        for schema in schemas {
            statements.append("GRANT USAGE ON SCHEMA \(SQLQuoting.identifier(schema)) TO \(SQLQuoting.identifier(made))")
            statements.append(
                "GRANT \(privileges) ON ALL TABLES IN SCHEMA \(SQLQuoting.identifier(schema)) TO \(SQLQuoting.identifier(made))"
            )
        }
        for statement in statements { try connection.query(statement) }
        return made
    }

    private func run(_ session: ReproPlan.Session, role: String) throws -> Observation {
        if let before = session.before { try send(before, doing: "cannot seed session \(session.number)'s old row") }
        let placeBefore = try session.watch.map { try send($0, doing: "cannot find the row").rows.first?[0]?.string }
        do {
            try connection.query("SET LOCAL ROLE \(SQLQuoting.identifier(role))")
        } catch let error as PostgresError where error.kind == .query {
            throw Skip(reason: "cannot become role \(role) (the connecting role must be allowed to SET ROLE to it): \(error.message)")
        }
        let observation: Observation
        do {
            for statement in session.settingStatements { try connection.query(statement.sql, statement.parameters.map { .text($0) }) }
            let result = try connection.query(session.statement.sql, session.statement.parameters.map { .text($0) })
            switch session.action {
            case .count:
                let count = result.rows.first?[0]?.int ?? 0
                return count > 0 ? .reached(readBack: nil) : .notReached("does not reach the row")
            case .write, .reach:
                var readBack: Bool?
                if let count = session.readBack {
                    readBack = (try connection.query(count.sql, count.parameters.map { .text($0) }).rows.first?[0]?.int ?? 0) > 0
                }
                observation = .reached(readBack: readBack)
            }
        } catch let error as PostgresError where error.kind == .query {
            if error.message.hasPrefix("new row violates row-level security policy") {
                if case .reach(true) = session.action { return .reached(readBack: nil) }
                return .notReached("cannot write: \(error.message)")
            }
            if error.sqlState == "42501" { throw Skip(reason: "session \(session.number) as \(role): \(error.message)") }
            return .failed(error.message)
        }
        // A statement without WHERE: whether it changed the seeded row (as the connecting role).
        guard let watch = session.watch else { return observation }
        try connection.execute("RESET ROLE")
        let placeAfter = try send(watch, doing: "cannot find the row").rows.first?[0]?.string
        return placeAfter != placeBefore ? observation : .notReached("does not reach the row")
    }

    private func judge(_ plan: ReproPlan, _ observations: [Observation], verdict: Verdict) -> ProbeResult {
        var agree = true
        var parts: [String] = []
        for (session, observation) in zip(plan.sessions, observations) {
            let subject = "session \(session.number)"
            switch observation {
            case .failed(let message):
                return ProbeResult(verdict: verdict, status: .skipped, detail: "\(subject) cannot: \(message)")
            case .notReached(let how):
                parts.append("\(subject) \(how)")
                if session.expected { agree = false }
            case .reached(let readBack):
                var text =
                    "\(subject) \(session.action == .write(countsRows: true) || session.action == .write(countsRows: false) ? "can write" : "reaches") the row"
                if let readBack {
                    text += readBack ? " and reads it back" : " and cannot read it back"
                    if let expected = session.expectedReadBack, expected != readBack { agree = false }
                }
                parts.append(text)
                if !session.expected { agree = false }
            }
        }
        return ProbeResult(verdict: verdict, status: agree ? .agree : .mismatch, detail: parts.joined(separator: "; "))
    }
}
