import JSON
import PolicyDatabase
import PolicyEngine
import PolicyProofs
import PolicySemantics
import PolicySyntax

/// `pgpe analyze --database URL`: the plan check of SPEC 11.11 (docs/index-coverage.md), each
/// governed table's tenant-filtered query explained as a role its policies apply to, and how it
/// prints. A table PostgreSQL cannot read with an index is a `performance.plan-seq-scan`
/// warning; the others print as lines of their own.
struct AnalyzePlanCheck {
    /// The results, in table order.
    let results: [PlanCheckResult]

    /// Connects (`--database`) and checks the plan of every governed table whose policies filter
    /// by a session value.
    static func run(snapshot: WorkspaceSnapshot, connection: DatabaseOptions) throws -> AnalyzePlanCheck {
        let config = snapshot.config
        let cases = PlanCheckCase.cases(snapshot.policySet)
        guard !cases.isEmpty else { return AnalyzePlanCheck(results: []) }
        let database = try connection.connect(config: config.database, lockTimeoutMilliseconds: config.apply.lockTimeoutMilliseconds)
        defer { database.connection.close() }
        do {
            return AnalyzePlanCheck(results: try database.planCheck(cases))
        } catch let error as DatabaseError {
            throw ToolFailure(error.description)
        }
    }

    /// A `performance.plan-seq-scan` warning per NO-INDEX table, at its policy.
    func diagnostics(_ policySet: PolicySet) -> [Diagnostic] {
        results.compactMap { result in
            guard result.status == .noIndex, let role = result.role, let unindexed = result.unindexed else { return nil }
            return IndexCoverage.planDiagnostic(
                table: result.planCase.table, unindexed: unindexed, role: role, scan: result.detail, at: result.planCase.policy,
                policySet)
        }
    }

    /// A line per SKIPPED table (per table with `verbose`) and a summary line.
    func text(color: Bool, verbose: Bool) -> [String] {
        var lines: [String] = []
        for result in results where verbose || result.status == .skipped {
            let code = result.status == .index || result.status == .traversal ? "32" : "33"
            let status = Terminal.paint(result.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0), code, enabled: color)
            lines.append("plan \(status) \(result.planCase.table)\(result.role.map { " role=\($0)" } ?? ""): \(result.detail)")
        }
        let count = { (status: PlanCheckStatus) in results.filter { $0.status == status }.count }
        lines.append(
            "plan check: \(count(.index)) INDEX, \(count(.traversal)) TRAVERSAL, \(count(.noIndex)) NO-INDEX, \(count(.skipped)) SKIPPED (EXPLAIN with enable_seqscan off, rolled back)"
        )
        return lines
    }

    /// The `planCheck` member of `--format json`.
    var json: JSONValue {
        let count = { (status: PlanCheckStatus) in JSONValue.integer(results.filter { $0.status == status }.count) }
        let items: [JSONValue] = results.map { result in
            [
                "table": .string(result.planCase.table.description),
                "status": .string(result.status.rawValue),
                "role": result.role.map { .string($0) } ?? .null,
                "detail": .string(result.detail),
            ]
        }
        return [
            "results": .array(items),
            "summary": [
                "index": count(.index), "traversal": count(.traversal), "noIndex": count(.noIndex), "skipped": count(.skipped),
            ],
        ]
    }
}
