import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax

/// The index-coverage analysis (SPEC 11.11, docs/index-coverage.md): the columns the governed
/// tables' policies filter on (`IndexDemand`) and a `performance.missing-index` warning for
/// each that no index leads with (`TableModel.hasIndex(leadingWith:)`), with the fix.
public enum IndexCoverage {
    /// The columns the policies of every governed table filter on, one per table and column, in
    /// table then column order; at the first policy that governs the table itself, else at the
    /// first whose traversal reaches it.
    public static func demands(_ policySet: PolicySet) -> [IndexDemand] {
        var found: [(demand: IndexDemand, reached: Bool)] = []
        func add(_ demand: IndexDemand, reached: Bool) {
            guard policySet.schema.table(demand.table)?.column(demand.column) != nil else { return }
            found.append((demand, reached))
        }
        func walk(_ clause: Clause, table: QualifiedName, policy: PolicyRef, depth: Int) {
            for atom in clause.atoms {
                switch atom {
                case .compare(.column(let column), let op, .session(let key)) where op != .notEqual && op != .notIn,
                    .compare(.session(let key), let op, .column(let column)) where op != .notEqual && op != .notIn:
                    add(IndexDemand(table: table, column: column, reason: .session(key), policy: policy), reached: depth > 0)
                case .exists(let traversal):
                    add(
                        IndexDemand(
                            table: table, column: traversal.sourceColumn, reason: .traversalSource(traversal.target), policy: policy),
                        reached: depth > 0)
                    add(
                        IndexDemand(
                            table: traversal.target, column: traversal.targetColumn, reason: .traversalTarget(table), policy: policy),
                        reached: true)
                    if depth < 64 { walk(traversal.clause, table: traversal.target, policy: policy, depth: depth + 1) }
                default: continue
                }
            }
        }
        for table in policySet.governedTables {
            for policy in policySet.policies(governing: table) {
                for normalized in [policy.using[table], policy.check[table]].compactMap({ $0 }) {
                    for clause in normalized.clauses { walk(clause, table: table, policy: policy.ref, depth: 0) }
                }
            }
        }
        // A stable sort keeps policy order among equals; the first of each table and column stays.
        let ordered = found.enumerated().sorted {
            ($0.element.demand.table, $0.element.demand.column, $0.element.reached ? 1 : 0, $0.offset)
                < ($1.element.demand.table, $1.element.demand.column, $1.element.reached ? 1 : 0, $1.offset)
        }
        var result: [IndexDemand] = []
        for entry in ordered
        where result.last.map({ $0.table != entry.element.demand.table || $0.column != entry.element.demand.column }) ?? true {
            result.append(entry.element.demand)
        }
        return result
    }

    /// The statement that makes the index: PostgreSQL's default name for it (`t_col_idx`, within
    /// 63 bytes), quoted names.
    public static func fix(table: QualifiedName, column: String) -> String {
        let name = ConstraintNaming.defaultName(table: table.name, columns: [column], label: "idx")
        return
            "CREATE INDEX CONCURRENTLY \(SQLQuoting.identifier(name)) ON \(SQLQuoting.qualified(table)) (\(SQLQuoting.identifier(column)));"
    }

    /// A `performance.missing-index` warning for each demand no index covers, at the name of
    /// the policy that filters on the column.
    public static func diagnostics(_ policySet: PolicySet) -> [Diagnostic] {
        demands(policySet).compactMap { demand in
            guard let table = policySet.schema.table(demand.table), !table.hasIndex(leadingWith: demand.column) else { return nil }
            return Diagnostic(
                .performanceMissingIndex,
                message:
                    "no index on \(demand.table) leads with \(demand.column) (\(demand.because)), so each query on it reads the whole table; add one: \(fix(table: demand.table, column: demand.column))",
                location: FileLocation(file: demand.policy.location.file, range: demand.policy.nameRange),
                subject: DiagnosticSubject(object: "\(demand.table)(\(demand.column))", tables: [demand.table.description]))
        }
    }

    /// A `performance.plan-seq-scan` warning (the plan check of `pgpe analyze --database`,
    /// `LiveDatabase.planCheck`): as `role`, PostgreSQL reads `unindexed` (`table`, or a
    /// traversal's target when only traversals filter `table`) by `scan` though `enable_seqscan`
    /// is off. The fix is the index on a column the policies filter `unindexed` on (a session
    /// key, a traversal's source column) that the schema has no index for; when the schema has
    /// one for each, those statements, for a database that lacks what the schema declares.
    public static func planDiagnostic(
        table: QualifiedName, unindexed: QualifiedName, role: String, scan: String, at policy: PolicyRef, _ policySet: PolicySet
    ) -> Diagnostic {
        let own = demands(policySet).filter { demand in
            guard demand.table == unindexed, case .traversalTarget = demand.reason else { return demand.table == unindexed }
            return false
        }
        let model = policySet.schema.table(unindexed)
        let uncovered = own.filter { !(model?.hasIndex(leadingWith: $0.column) ?? false) }
        let fixes = (uncovered.isEmpty ? own : uncovered).map { fix(table: unindexed, column: $0.column) }.joined(separator: " or ")
        let remedy: String
        if fixes.isEmpty {
            remedy = "add an index on the column its policies filter on"
        } else if uncovered.isEmpty {
            remedy = "the schema declares an index for it; check that the database has it: \(fixes)"
        } else {
            remedy = "add one: \(fixes)"
        }
        let whole = unindexed == table ? "the whole table" : "the whole of \(unindexed)"
        return Diagnostic(
            .performancePlanSeqScan,
            message:
                "as role \(role), PostgreSQL cannot use an index for the policies' filter on \(table) (plan with enable_seqscan off: \(scan)), so each query on it reads \(whole); \(remedy)",
            location: FileLocation(file: policy.location.file, range: policy.nameRange),
            subject: DiagnosticSubject(object: table.description, tables: [table.description]))
    }
}
