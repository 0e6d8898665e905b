import PolicySemantics
import ProofTestSupport
import TestSupport
import Testing

@testable import PolicyProofs

/// `ReproPlan` and `ReproStatement`: the one description of a repro, whose placeholder form
/// (`--probe`, values bound) and literal form (the psql script) say the same.
@Suite struct ReproPlanTests {
    /// `sql` with each `$n` replaced by the literal of parameter n (highest first, so `$1` does
    /// not eat `$10`).
    static func substituted(_ statement: ReproStatement) -> String {
        var text = statement.sql
        for (index, value) in statement.parameters.enumerated().reversed() {
            text = text.replacingOccurrences(of: "$\(index + 1)", with: ReproStatement.literal(.text(value)))
        }
        return text
    }

    /// Every statement of the plans of catalogue case 02 (isolation and fail-closed on each
    /// command and side) binds exactly the values its script form writes as literals.
    @Test func placeholdersAndLiteralsAgree() throws {
        let entry = try ProofCatalogue.load("02-or-leak")
        let snapshot = try ProofHarness.load(entry)
        let report = ProofHarness.analyze(snapshot, proofs: [.tenantIsolation, .failClosed])
        let failed = report.verdicts.filter { $0.status == .failed }
        #expect(failed.count == 10)
        for verdict in failed {
            let example = try #require(verdict.counterexample)
            let plan = try #require(ReproPlan.make(for: verdict, example: example, policySet: snapshot.policySet))
            let statements =
                plan.setup + plan.sessions.flatMap { [$0.statement] + $0.settingStatements + [$0.before, $0.watch].compactMap { $0 } }
            #expect(!statements.isEmpty)
            for statement in statements {
                // Typed values (numbers, booleans) are bound as their text and written bare.
                let literal = statement.inlined.replacingOccurrences(of: "'", with: "")
                #expect(Self.substituted(statement).replacingOccurrences(of: "'", with: "") == literal, "\(statement)")
                #expect(!statement.sql.contains("'") || statement.sql.contains("::"), "a value left in the text: \(statement.sql)")
            }
            #expect(plan.sessions.first?.expected == true)
        }
    }

    /// Appending a statement renumbers its placeholders after the receiver's.
    @Test func appendRenumbers() {
        var first = ReproStatement("SELECT ")
        first.append(value: .int(7))
        var second = ReproStatement(", ")
        second.append(value: .text("a'b"))
        let bound = second.bind("c", cast: "text")
        second.append(sql: ", \(bound.sql)", inlined: ", \(bound.inlined)")
        first.append(second)
        #expect(first.sql == "SELECT $1, $2, $3::text")
        #expect(first.parameters == ["7", "a'b", "c"])
        #expect(first.inlined == "SELECT 7, 'a''b', 'c'")
    }
}
