import Foundation
import PolicyEngine
import PolicyProofs
import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing

/// The incremental API: with the cache shared across runs an edit re-proves only what it
/// affected, and the verdicts are those a fresh analysis gives.
@Suite struct IncrementalTests {
    static func outcome(_ verdict: Verdict) -> String {
        ProofHarness.describe(verdict) + (verdict.counterexample == nil ? "" : " +example")
    }

    @Test func editsReproveOnlyWhatChangedAndAgreeWithAFreshRun() throws {
        let generated = WorkspaceGenerator(tables: 40, policies: 30, seed: 0x1C4).generate()
        let directory = try CLIRunner.temporaryDirectory("pgpe-incremental")
        try generated.write(to: directory)
        var snapshot = try ProofHarness.load(configPath: directory.appendingPathComponent("pgpe.yaml").path)
        let cache = ProofCache()
        let first = ProofHarness.analyze(snapshot, cache: cache)
        #expect(first.queries > 20)
        let again = ProofHarness.analyze(snapshot, cache: cache)
        #expect(again.queries == 0, "nothing changed, nothing is proven again")
        #expect(again.verdicts.map(Self.outcome) == first.verdicts.map(Self.outcome))

        var documents: [String: String] = [:]
        for file in snapshot.files { documents[file.source.path] = file.source.text }
        let paths = documents.keys.sorted()
        // Edits: a new literal, a leak (an OR clause on one table), lines inserted above policies
        // (every location below moves), a policy removed.
        let edits: [(String) -> String] = [
            { $0.replacingOccurrences(of: "lit('open')", with: "lit('reopened')") },
            { text in
                guard let range = text.range(of: "  CLAUSE col('tenant_id') = session('app.tenant_id')\n") else { return text }
                return text.replacingCharacters(
                    in: range, with: "  CLAUSE col('tenant_id') = session('app.tenant_id')\n  OR CLAUSE col(status) = lit('shared')\n")
            },
            { "// a comment\n// another\n\n" + $0 },
            { text in
                guard let start = text.range(of: "POLICY extra_"),
                    let end = text.range(of: "\nPOLICY", range: start.upperBound..<text.endIndex)
                else { return text }
                return text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "")
            },
        ]
        for (step, edit) in edits.enumerated() {
            // The first file (from a different one each step) the edit changes.
            let offset = (step * 3) % paths.count
            let rotated: [String] = Array(paths[offset...]) + Array(paths[..<offset])
            var chosen: String?
            for candidate in rotated {
                let text = documents[candidate] ?? ""
                if edit(text) != text {
                    chosen = candidate
                    break
                }
            }
            let path = try #require(chosen, "edit \(step) changes no file")
            documents[path] = edit(documents[path] ?? "")
            snapshot = WorkspaceSnapshot(
                config: snapshot.configSource, schema: snapshot.schemaSource, documents: documents, previous: snapshot)
            #expect(!snapshot.hasErrors, "edit \(step): \(snapshot.diagnostics.filter { $0.severity == .error }.map(\.message))")
            // One worker each: with two, both may solve a question before either caches it, so the
            // counts would depend on timing.
            let incremental = ProofHarness.analyze(snapshot, cache: cache, jobs: 1)
            let fresh = ProofHarness.analyze(snapshot, jobs: 1)
            #expect(incremental.verdicts.map(Self.outcome) == fresh.verdicts.map(Self.outcome), "edit \(step)")
            #expect(
                incremental.queries < fresh.queries || fresh.queries == 0,
                "edit \(step): \(incremental.queries) queries again, \(fresh.queries) fresh")
            // Blame points at a clause of the current text, also when answered from the cache.
            for verdict in incremental.verdicts where verdict.status == .failed {
                for blame in verdict.blame {
                    let source = try #require(snapshot.sourceFile(blame.location.file))
                    let start = blame.location.range.start
                    let text = String(decoding: source.text.utf8.dropFirst(start).prefix(40), as: UTF8.self)
                    let expected = blame.session == nil ? blame.policy : "CLAUSE"
                    #expect(text.hasPrefix(expected), "edit \(step): \(ProofHarness.describe(verdict)) blames '\(text)'")
                }
            }
            if step == 1 {
                #expect(incremental.failures.contains { $0.proof == .tenantIsolation }, "the OR clause leaks")
                #expect(incremental.failures.filter { $0.proof == .tenantIsolation }.allSatisfy { !$0.blame.isEmpty })
            }
        }
    }
}
