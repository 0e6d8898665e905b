import PolicyConfig
import PolicySchema
import PolicySyntax
import SQLExpression

/// Lifts PostgreSQL's printed policy expression (`pg_policies.qual` / `with_check`) into the
/// policy language (SPEC 11.6): comparisons, IN lists, IS [NOT] NULL, LIKE, AND and OR (a
/// top-level OR gives clauses), `current_setting` in its spellings and declared session values,
/// function calls (`fn` with a generated `functions:` entry), traversals written as `IN (SELECT …)`
/// or a correlated `EXISTS` (other columns of the enclosing row as `outer(c)`), `true` and `false`. An atom that cannot be lifted stays
/// `raw('…')` with a note saying why. No I/O.
public enum PolicyLifter {
    /// Lifts one expression's text in `context`.
    public static func lift(_ text: String, context: LiftContext) -> LiftedPredicate {
        let parsed = SQLExpressionParser.parse(text: text)
        var lifter = Lifter(context: context)
        guard parsed.diagnostics.isEmpty, !parsed.expression.containsError else {
            let note = LiftNote(
                sql: text, reason: "the SQL reader could not read it: " + parsed.diagnostics.map(\.message).joined(separator: "; "))
            return LiftedPredicate(clauses: [lifter.raw(text)], notes: [note], sessions: [], functions: [])
        }
        let clauses = lifter.clauses(parsed.expression)
        return LiftedPredicate(clauses: clauses, notes: lifter.notes, sessions: lifter.sessions, functions: lifter.functions)
    }
}
