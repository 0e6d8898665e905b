import Foundation
import PolicyEngine
import PolicyProofs
import TestSupport
import Testing

/// The catalogue of policy sets with known verdicts (`Tests/Fixtures/proofs`).
@Suite struct CatalogueTests {
    /// The cases, loaded once (a load failure is reported by `catalogueCoversTheIssue`).
    static let cases = (try? ProofCatalogue.cases()) ?? []

    /// At least 15 cases, among them every situation issue 4 lists.
    @Test func catalogueCoversTheIssue() throws {
        let names = try ProofCatalogue.cases().map(\.name)
        #expect(names.count >= 15, "\(names)")
        for required in [
            "or-leak", "restrictive-guard", "check-pins-user", "traversal-depth-2", "traversal-hidden",
            "membership-with-tenant", "membership-without-tenant", "raw-unknown", "fail-closed-deny",
            "write-restriction", "coverage-gaps", "two-keys", "roles-to",
        ] {
            #expect(names.contains { $0.hasSuffix(required) }, "no catalogue case for \(required)")
        }
    }

    /// Each case gives exactly its known verdicts; FAILED verdicts about rows have a
    /// counterexample and blame, UNKNOWN ones a reason; the ungoverned tables are reported.
    @Test(arguments: cases) func verdictsAreTheKnownOnes(_ entry: ProofCatalogue.Case) throws {
        let snapshot = try ProofHarness.load(entry)
        #expect(!snapshot.hasErrors, "\(entry.name): \(snapshot.diagnostics.filter { $0.severity == .error }.map(\.message))")
        let report = ProofHarness.analyze(snapshot)
        #expect(!report.verdicts.isEmpty)
        for problem in ProofHarness.mismatches(report.verdicts, entry) {
            Issue.record("\(entry.name): \(problem)")
        }
        for verdict in report.verdicts {
            if verdict.status == .failed && ProofHarness.rowProofs.contains(verdict.proof) && !verdict.reason!.contains("no SELECT policy")
            {
                #expect(verdict.counterexample != nil, "\(entry.name): \(ProofHarness.describe(verdict)) has no counterexample")
                #expect(!verdict.blame.isEmpty, "\(entry.name): \(ProofHarness.describe(verdict)) blames nothing")
            }
            if verdict.status == .unknown {
                #expect(!(verdict.reason ?? "").isEmpty, "\(entry.name): UNKNOWN without a reason")
            }
        }
        let ungoverned = ProofDiagnostics.ungoverned(snapshot.policySet)
        #expect(ungoverned.allSatisfy { $0.severity == .info && $0.id == "proof.coverage-ungoverned" })
        #expect(snapshot.policySet.ungovernedTables.map(\.description).sorted() == entry.ungoverned, "\(entry.name)")
    }

    /// The expectations file format rejects what it cannot read, and a wrong expectation is
    /// reported (the comparison can fail).
    @Test func expectationsCanFail() throws {
        #expect(throws: ProofExpectation.FormatError.self) { try ProofExpectation(parsing: "FAILED tenant-isolation", line: 1, file: "x") }
        let entry = try ProofCatalogue.load("02-or-leak")
        var wrong = entry
        wrong.expectations = [try ProofExpectation(parsing: "PROVEN tenant-isolation * * * * *", line: 1, file: "x")]
        let report = ProofHarness.analyze(try ProofHarness.load(entry), proofs: [.tenantIsolation])
        #expect(!ProofHarness.mismatches(report.verdicts, wrong).isEmpty)
        wrong.expectations.append(try ProofExpectation(parsing: "FAILED traversal * * * * *", line: 2, file: "x"))
        #expect(ProofHarness.mismatches(report.verdicts, wrong).contains { $0.hasPrefix("no verdict matches") })
    }
}
