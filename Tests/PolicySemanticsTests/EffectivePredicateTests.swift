import PolicySchema
import PolicySemantics
import PolicySyntax
import Testing

/// The policy-language text of effective predicates (hover, `pgpe explain`): every grouping is
/// written out, so the text reads as the predicate PostgreSQL evaluates.
@Suite struct EffectivePredicateTests {
    private static let table = QualifiedName(schema: "public", name: "projects")

    private func atom(_ column: String, _ value: LiteralValue) -> Atom {
        .compare(.column(column), .equal, .literal(value))
    }

    private func policy(_ name: String, _ kind: PolicyKind, _ clauses: [[Atom]]) -> PolicyPredicate {
        let ref = PolicyRef(
            name: name, location: FileLocation(file: "p.policy", range: SourceRange(start: 0, end: 0)),
            nameRange: SourceRange(start: 0, end: 0))
        return PolicyPredicate(policy: ref, kind: kind, clauses: clauses.map { Clause(atoms: $0) })
    }

    private func predicate(_ permissive: [PolicyPredicate], _ restrictive: [PolicyPredicate] = []) -> String {
        EffectivePredicate(
            table: Self.table, command: .select, role: "PUBLIC", side: .using,
            permissive: permissive, restrictive: restrictive
        ).description
    }

    @Test func permissiveAlternativesAreGroupedBeforeARestrictivePolicy() {
        let a = policy("a", .permissive, [[atom("x", .int(1))]])
        let b = policy("b", .permissive, [[atom("y", .int(2))]])
        let c = policy("c", .restrictive, [[atom("z", .bool(false))]])
        #expect(predicate([a, b], [c]) == "((col(x) = lit(1)) OR (col(y) = lit(2))) AND col(z) = lit(false)")
        // Without a restrictive policy the disjunction stands alone.
        #expect(predicate([a, b]) == "(col(x) = lit(1)) OR (col(y) = lit(2))")
        // One permissive clause of several atoms needs no parentheses among conjunctions.
        let ab = policy("ab", .permissive, [[atom("x", .int(1)), atom("y", .int(2))]])
        #expect(predicate([ab], [c]) == "col(x) = lit(1) AND col(y) = lit(2) AND col(z) = lit(false)")
    }

    @Test func aRestrictivePolicyOfSeveralClausesIsGroupedToo() {
        let a = policy("a", .permissive, [[atom("x", .int(1))]])
        let r = policy("r", .restrictive, [[atom("y", .int(2)), atom("w", .null)], [atom("z", .bool(true))]])
        #expect(predicate([a], [r]) == "col(x) = lit(1) AND ((col(y) = lit(2) AND col(w) = lit(null)) OR (col(z) = lit(true)))")
        let b = policy("b", .permissive, [[atom("v", .int(3))]])
        #expect(
            predicate([a, b], [r])
                == "((col(x) = lit(1)) OR (col(v) = lit(3))) AND ((col(y) = lit(2) AND col(w) = lit(null)) OR (col(z) = lit(true)))")
    }

    @Test func constantsAndDeduplication() {
        let a = policy("a", .permissive, [[atom("x", .int(1))]])
        let again = policy("again", .permissive, [[atom("x", .int(1))]])
        let everything = policy("all", .permissive, [[]])
        let nothing = policy("none", .restrictive, [])
        let c = policy("c", .restrictive, [[atom("z", .bool(false))]])
        #expect(predicate([]) == "false")
        #expect(predicate([a, again], [c]) == "col(x) = lit(1) AND col(z) = lit(false)")
        #expect(predicate([a, everything], [c]) == "true AND col(z) = lit(false)")
        #expect(predicate([a], [nothing]) == "col(x) = lit(1) AND false")
        // A string that reads like an operator is not mistaken for one.
        let text = policy("t", .permissive, [[atom("name", .string("a OR b"))]])
        #expect(predicate([text], [c]) == "col(name) = lit('a OR b') AND col(z) = lit(false)")
    }
}
