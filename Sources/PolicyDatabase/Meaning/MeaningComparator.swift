import PolicyConfig
import PolicyImport
import PolicyProofs
import PolicySchema
import PolicySemantics
import PolicySyntax

/// Compares policy expressions on one table by meaning (SPEC 11.7, and the certificates of
/// SPEC 11.6): canonical text equality (`LiftCertificate.canonicalForm`) first, a proof of
/// equivalence without the solver; else both texts are lifted into the policy language
/// (`PolicyLifter`, with the project's session values and functions and those the lifting
/// generates), checked together, and Z3 asks each direction (`EquivalenceChecker.implies`).
///
/// Raw SQL, text the lifter or the checker cannot read, and timeouts give `unknown`: the
/// caller falls back to comparing text. Pure: no I/O. Each comparison that reaches the solver
/// makes its own Z3 context, so a comparator may be shared between threads.
public struct MeaningComparator: Sendable {
    /// The schema model the expressions are read against (columns, keys, functions).
    public let schema: SchemaModel
    /// The project's session values and functions.
    public let config: ProjectConfig
    /// The solver's time limit per direction, in milliseconds.
    public let timeoutMilliseconds: Int

    /// A comparator for expressions on tables of `schema`, with the session values and
    /// functions of `config`.
    public init(schema: SchemaModel, config: ProjectConfig, timeoutMilliseconds: Int = 5_000) {
        self.schema = schema
        self.config = config
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    /// How the rows `observed` admits relate to those `expected` admits, both SQL predicates
    /// (as PostgreSQL prints a policy's USING or WITH CHECK, or as pgpe compiles it) on
    /// `table`. The one entry point for drift by meaning and for `pgpe import`'s certificates.
    public func compare(observed: String, expected: String, on table: QualifiedName) -> MeaningComparison {
        if let form = LiftCertificate.canonicalForm(observed, table: table.name),
            form == LiftCertificate.canonicalForm(expected, table: table.name)
        {
            return MeaningComparison(relation: .equivalent, byText: true)
        }
        return relate(observed: [observed], expected: [expected], on: table)
    }

    /// `certificate` (PolicyImport's, by canonical text) made `equivalent` (or `raw` when
    /// `hasRaw`) when it says `different` but the original and the round trip are proven to
    /// admit the same rows (SPEC 11.6: "or Z3 proves the two expressions equal"); unchanged
    /// otherwise, with what the comparison found added to its detail. For `pgpe import`.
    public func certify(_ certificate: LiftCertificate, on table: QualifiedName, hasRaw: Bool) -> LiftCertificate {
        guard certificate.verdict == .different, !certificate.roundTrip.isEmpty else { return certificate }
        let comparison = compare(observed: certificate.original, expected: certificate.roundTrip, on: table)
        var result = certificate
        if comparison.relation == .equivalent {
            result.verdict = hasRaw ? .raw : .equivalent
            result.detail = "proven equivalent by Z3"
        } else {
            result.detail =
                (certificate.detail.map { $0 + "; " } ?? "") + "by meaning: \(comparison.relation.rawValue)"
                + (comparison.reason.map { " (\($0))" } ?? "")
        }
        return result
    }

    /// How the rows an unmanaged permissive policy `extra` admits, where every restrictive
    /// policy in `restrictive` holds too, relate to the rows some managed permissive policy in
    /// `managed` admits (none: no row). `narrower` or `equivalent`: it adds nothing; `wider` or
    /// `incomparable`: it admits the witness row, which the managed set does not.
    public func compare(extra: String, restrictive: [String], managed: [String], on table: QualifiedName) -> MeaningComparison {
        if restrictive.isEmpty, let form = LiftCertificate.canonicalForm(extra, table: table.name),
            managed.contains(where: { LiftCertificate.canonicalForm($0, table: table.name) == form })
        {
            return MeaningComparison(relation: .narrower, byText: true)
        }
        return relate(observed: [extra] + restrictive, expected: managed, on: table)
    }

    /// Lifts `observed` (AND-ed) and `expected` (OR-ed), checks them as two policies, and asks
    /// the solver both directions.
    private func relate(observed: [String], expected: [String], on table: QualifiedName) -> MeaningComparison {
        guard let model = schema.table(table) else {
            return MeaningComparison(relation: .unknown, reason: "no table \(table) in the schema")
        }
        let context = LiftContext(table: model, schema: schema, config: config)
        let observedLifted = observed.map { PolicyLifter.lift($0, context: context) }
        let expectedLifted = expected.map { PolicyLifter.lift($0, context: context) }
        let lifted = observedLifted + expectedLifted
        if let note = lifted.flatMap(\.notes).first {
            return MeaningComparison(relation: .unknown, reason: "raw SQL: " + note.sql + " (" + note.reason + ")")
        }
        var extended = config
        for predicate in lifted {
            for session in predicate.sessions where !extended.sessionKeys.contains(where: { $0.key == session.key }) {
                extended.sessionKeys.append(session)
            }
            for function in predicate.functions where !extended.functions.contains(where: { $0.name == function.name }) {
                extended.functions.append(function)
            }
        }
        if !extended.schemas.contains(table.schema) { extended.schemas.append(table.schema) }
        // AND of the observed expressions: the cross product of their clauses.
        var conjunction = [[String]()]
        for predicate in observedLifted {
            conjunction = conjunction.flatMap { prefix in predicate.clauses.map { prefix + [$0] } }
        }
        let observedClauses = conjunction.map { $0.joined(separator: " AND ") }
        let expectedClauses = expectedLifted.flatMap(\.clauses)
        let selector = "SELECTOR named(" + Formatter.string(table.name) + ")"
        func item(_ name: String, _ clauses: [String]) -> String {
            let body = clauses.isEmpty ? "CLAUSE false" : clauses.map { "CLAUSE " + $0 }.joined(separator: " OR ")
            return "POLICY \(name)\n  PERMISSIVE\n  FOR SELECT\n  \(selector)\n  \(body)\n"
        }
        let text = item("pgpe_observed", observedClauses) + "\n" + item("pgpe_expected", expectedClauses)
        let parsed = Parser.parse(text: text, path: "meaning.policy")
        let set = Checker.check(files: [parsed], config: extended, schema: schema)
        let problems = (parsed.diagnostics + set.diagnostics).filter { $0.severity == .error }.map(\.message)
        guard problems.isEmpty else {
            return MeaningComparison(relation: .unknown, reason: "the lifted policies do not check: " + problems.joined(separator: "; "))
        }
        func clauses(_ name: String) -> [Clause]? {
            set.policies.first { $0.ref.name == name }?.using[table]?.clauses
        }
        guard let observedSet = clauses("pgpe_observed"), let expectedSet = clauses("pgpe_expected") else {
            return MeaningComparison(relation: .unknown, reason: "the lifted policies select no table \(table)")
        }
        let checker: EquivalenceChecker
        do {
            checker = try EquivalenceChecker(policySet: set, timeoutMilliseconds: timeoutMilliseconds)
        } catch {
            return MeaningComparison(relation: .unknown, reason: "the solver cannot start: \(error)")
        }
        let within = checker.implies(observedSet, expectedSet, on: table)
        if within.status == .unknown {
            return MeaningComparison(relation: .unknown, reason: within.reason)
        }
        let covers = checker.implies(expectedSet, observedSet, on: table)
        switch (within.status, covers.status) {
        case (.proven, .proven):
            return MeaningComparison(relation: .equivalent)
        case (.proven, _):
            return MeaningComparison(relation: .narrower, reason: covers.status == .unknown ? covers.reason : nil)
        case (_, .proven):
            return MeaningComparison(relation: .wider, witness: within.counterexample)
        default:
            // Observed admits a row expected does not; whether the converse holds may be unknown.
            return MeaningComparison(
                relation: .incomparable, witness: within.counterexample,
                reason: covers.status == .unknown ? covers.reason : nil)
        }
    }
}
