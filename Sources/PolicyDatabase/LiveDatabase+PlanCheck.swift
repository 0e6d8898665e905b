import JSON
import PolicyProofs
import PolicySQL
import PolicySchema
import PostgresClient

extension LiveDatabase {
    /// A role the policies apply to that may SELECT the table (`$1`, its quoted name), does not
    /// bypass row-level security (no superuser, no BYPASSRLS, not the owner or a member of it
    /// unless FORCE ROW LEVEL SECURITY) and the connecting role may become: one of `$2` in their
    /// order, else (when `$3`) any role but PostgreSQL's own `pg_*` roles, by name.
    private static let roleQuery = """
        SELECT r.rolname
        FROM pg_catalog.pg_roles r
        JOIN pg_catalog.pg_class c ON c.oid = pg_catalog.to_regclass($1)
        WHERE (r.rolname = ANY ($2::text[]) OR ($3::bool AND r.rolname !~ '^pg_'))
          AND NOT r.rolsuper AND NOT r.rolbypassrls
          AND (c.relforcerowsecurity OR NOT pg_catalog.pg_has_role(r.oid, c.relowner, 'USAGE'))
          AND pg_catalog.has_table_privilege(r.oid, c.oid, 'SELECT')
          AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER')
        ORDER BY pg_catalog.array_position($2::text[], r.rolname::text) NULLS LAST, r.rolname
        LIMIT 1
        """

    /// The plan check of `pgpe analyze --database` (SPEC 11.11, docs/index-coverage.md): for each
    /// case, in its own transaction that always rolls back, with `SET LOCAL statement_timeout`,
    /// becomes a role the table's policies apply to (`SET LOCAL ROLE`; when they apply to every
    /// role and none of theirs qualifies, a role made in the transaction and granted SELECT on
    /// the governed schemas' tables), sets the session values, turns `enable_seqscan` off and
    /// reads `EXPLAIN (FORMAT JSON, VERBOSE) SELECT * FROM` the table: the policies add their
    /// filter. The table's own scans (its partitions' and children's included; not those in a sub-plan or init-plan, where a traversal's
    /// target may be read) must have an index condition (an Index Scan or Index Only Scan with
    /// one, or a Bitmap Heap Scan), else the table is NO-INDEX, unless its policies filter only
    /// through traversals: PostgreSQL does not pull a sub-select of a policy up into a join, so it
    /// checks every row against the sub-plan, and then the targets' scans (in the sub-plan or
    /// not) must have one (TRAVERSAL), else the target is NO-INDEX. A table that does not exist or
    /// has RLS off, no usable role, or a statement that fails make it SKIPPED with the reason.
    public func planCheck(_ cases: [PlanCheckCase], statementTimeoutMilliseconds: Int = 5000) throws -> [PlanCheckResult] {
        try cases.map { planCase in
            try withTransaction(action: "check the plan of \(planCase.table)", begin: "BEGIN ISOLATION LEVEL READ COMMITTED") {
                (try check(planCase, timeout: statementTimeoutMilliseconds), commit: false)
            }
        }
    }

    private func check(_ planCase: PlanCheckCase, timeout: Int) throws -> PlanCheckResult {
        func result(_ status: PlanCheckStatus, _ role: String?, _ detail: String, unindexed: QualifiedName? = nil) -> PlanCheckResult {
            PlanCheckResult(planCase: planCase, status: status, role: role, unindexed: unindexed, detail: detail)
        }
        try connection.execute("SET LOCAL statement_timeout = \(max(1, timeout))")
        let table = SQLQuoting.qualified(planCase.table)
        let found = try connection.query(
            "SELECT c.relrowsecurity FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass($1)", [.text(table)])
        guard let row = found.rows.first else { return result(.skipped, nil, "the table does not exist in the database") }
        guard row[0]?.bool == true else {
            return result(.skipped, nil, "row-level security is not enabled on the table (pgpe apply enables it)")
        }
        var role = try connection.query(
            Self.roleQuery, [.text(table), .array(planCase.roles), .bool(false)]
        ).rows.first?[0]?.string
        var why =
            "no role the policies apply to (\((planCase.roles + (planCase.anyRole ? ["PUBLIC"] : [])).joined(separator: ", "))) exists, may SELECT the table, does not bypass row-level security (superuser, BYPASSRLS, the owner without FORCE) and may be become by the connecting role"
        if role == nil && planCase.anyRole {
            try connection.execute("SAVEPOINT pgpe_plan_role")
            do {
                role = try makeRole(schemas: planCase.schemas, privileges: "SELECT")
            } catch let error as PostgresError where error.kind == .query {
                try connection.execute("ROLLBACK TO SAVEPOINT pgpe_plan_role")
                why += "; making one for PUBLIC (until the rollback) needs CREATEROLE and the right to grant the tables: \(error.message)"
                role = try connection.query(Self.roleQuery, [.text(table), .array([]), .bool(true)]).rows.first?[0]?.string
            }
        }
        guard let role else { return result(.skipped, nil, why) }
        let plan: String?
        do {
            try connection.query("SET LOCAL ROLE \(SQLQuoting.identifier(role))")
            for statement in planCase.settingStatements { try connection.query(statement.sql, statement.parameters.map { .text($0) }) }
            try connection.execute("SET LOCAL enable_seqscan = off")
            plan = try connection.query("EXPLAIN (FORMAT JSON, VERBOSE) SELECT * FROM \(table)").rows.first?[0]?.string
        } catch let error as PostgresError where error.kind == .query {
            return result(.skipped, role, "as role \(role): \(error.message)")
        }
        guard let plan, let root = try? JSONValue(parsing: plan)[0]?["Plan"] else {
            return result(.skipped, role, "PostgreSQL's plan could not be read")
        }
        let own = ([planCase.table] + planCase.children).flatMap { Self.scans(of: $0, in: root, subPlans: false, depth: 0) }
        let (status, detail) = Self.judge(own)
        guard status == .noIndex else { return result(status, role, detail) }
        guard !planCase.direct, !planCase.targets.isEmpty else { return result(.noIndex, role, detail, unindexed: planCase.table) }
        // Only traversals filter the table: PostgreSQL checks each row against their sub-plan,
        // whose scans of the targets are what an index can serve.
        var targets: [String] = []
        for target in planCase.targets {
            let (targetStatus, targetDetail) = Self.judge(Self.scans(of: target, in: root, subPlans: true, depth: 0))
            if targetStatus == .noIndex {
                return result(.noIndex, role, "\(targetDetail) of \(target), the traversal's target", unindexed: target)
            }
            targets.append("\(target) by \(targetDetail)")
        }
        return result(
            .traversal, role,
            "\(detail): PostgreSQL checks every row against the traversal's sub-plan, which reads \(targets.joined(separator: "; "))")
    }

    /// The nodes of `node`'s tree that scan `table`, outside sub-plans and init-plans unless `subPlans`.
    private static func scans(of table: QualifiedName, in node: JSONValue, subPlans: Bool, depth: Int) -> [JSONValue] {
        var found: [JSONValue] = []
        if node["Relation Name"]?.string == table.name && node["Schema"]?.string == table.schema { found.append(node) }
        guard depth < 256 else { return found }
        for child in node["Plans"]?.array ?? [] {
            let relationship = child["Parent Relationship"]?.string
            guard subPlans || (relationship != "SubPlan" && relationship != "InitPlan") else { continue }
            found += scans(of: table, in: child, subPlans: subPlans, depth: depth + 1)
        }
        return found
    }

    /// INDEX when every scan of the table has an index condition, else NO-INDEX; with how the
    /// (first offending) scan reads it.
    private static func judge(_ scans: [JSONValue]) -> (PlanCheckStatus, String) {
        guard !scans.isEmpty else { return (.index, "the plan does not scan the table") }
        var used: [String] = []
        for scan in scans {
            let type = scan["Node Type"]?.string ?? "scan"
            let index = scan["Index Name"]?.string.map { " using \($0)" } ?? ""
            switch type {
            case "Index Scan", "Index Only Scan":
                guard scan["Index Cond"] != nil else {
                    return (.noIndex, "\(type)\(index) without an index condition (a whole-index read)")
                }
                used.append(type + index)
            case "Bitmap Heap Scan":
                let names = (scan["Plans"]?.array ?? []).compactMap { $0["Index Name"]?.string }
                used.append(type + (names.isEmpty ? "" : " using " + names.joined(separator: ", ")))
            default:
                return (.noIndex, type)
            }
        }
        return (.index, used.joined(separator: "; "))
    }
}
