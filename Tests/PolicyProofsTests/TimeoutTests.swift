import Foundation
import PolicyEngine
import PolicyProofs
import PolicySchema
import PolicySemantics
import TestSupport
import Testing

/// A query past the timeout is UNKNOWN with the reason, not an error.
@Suite struct TimeoutTests {
    /// A workspace whose `boxes` policy is a pigeonhole: `pigeons` traversals into `slots`, each
    /// needing a slot row with its own label among `pigeons - 1` ids; rows with the same id are
    /// the same row, so the clause is unsatisfiable, and hard to prove (resolution needs
    /// exponential time: 11 pigeons run past a minute with Z3 4.8.12).
    static func pigeonholeWorkspace(pigeons: Int, timeoutMilliseconds: Int) throws -> WorkspaceSnapshot {
        let directory = try CLIRunner.temporaryDirectory("pgpe-pigeons")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("policies"), withIntermediateDirectories: true)
        let columns = (1...pigeons).map { "    c\($0) integer" }.joined(separator: ",\n")
        try """
        CREATE TABLE public.slots (
            id    integer PRIMARY KEY,
            label integer NOT NULL
        );

        CREATE TABLE public.boxes (
            id uuid PRIMARY KEY,
        \(columns)
        );
        """.write(to: directory.appendingPathComponent("schema.sql"), atomically: true, encoding: .utf8)
        let holes = (1..<pigeons).map(String.init).joined(separator: ", ")
        let atoms = (1...pigeons).map { "exists(rel(_, c\($0), slots, id), {col(id) IN lit([\(holes)]) AND col(label) = lit(\($0))})" }
        try """
        POLICY pigeons PERMISSIVE FOR SELECT SELECTOR named('boxes')
          CLAUSE \(atoms.joined(separator: "\n    AND "))

        POLICY slots_visible PERMISSIVE FOR SELECT SELECTOR named('slots')
          CLAUSE col(label) > lit(0)
        """.write(to: directory.appendingPathComponent("policies/pigeons.policy"), atomically: true, encoding: .utf8)
        try """
        policies: [policies]
        schema: schema.sql
        analysis:
          timeout_ms: \(timeoutMilliseconds)
        """.write(to: directory.appendingPathComponent("pgpe.yaml"), atomically: true, encoding: .utf8)
        return try ProofHarness.load(configPath: directory.appendingPathComponent("pgpe.yaml").path)
    }

    @Test func aQueryPastTheTimeoutIsUnknownWithTheReason() throws {
        let snapshot = try Self.pigeonholeWorkspace(pigeons: 10, timeoutMilliseconds: 100)
        #expect(!snapshot.hasErrors)
        let clock = ContinuousClock()
        var report: AnalysisReport?
        let elapsed = clock.measure { report = ProofHarness.analyze(snapshot, proofs: [.contradiction]) }
        let verdicts = try #require(report).verdicts.filter { $0.table.name == "boxes" }
        #expect(verdicts.count == 2, "the predicate and its clause")
        for verdict in verdicts {
            #expect(verdict.status == .unknown, "\(ProofHarness.describe(verdict))")
            #expect(verdict.reason == "timeout after 100 ms", "\(ProofHarness.describe(verdict))")
        }
        #expect(elapsed < .seconds(10))
        // Genuinely hard: ten times the time is not enough either.
        let longer = ProofHarness.analyze(try Self.pigeonholeWorkspace(pigeons: 10, timeoutMilliseconds: 1_000), proofs: [.contradiction])
        #expect(
            longer.verdicts.filter { $0.table.name == "boxes" }.allSatisfy { $0.status == .unknown && $0.reason == "timeout after 1000 ms" }
        )
        // The same question, small, is answered: the clause is a contradiction.
        let small = ProofHarness.analyze(try Self.pigeonholeWorkspace(pigeons: 3, timeoutMilliseconds: 5_000), proofs: [.contradiction])
        let answered = small.verdicts.filter { $0.table.name == "boxes" }
        #expect(answered.count == 2 && answered.allSatisfy { $0.status == .failed }, "\(answered.map(ProofHarness.describe))")
    }

    /// A worker's solver is kept across queries: after a query that timed out, the next one on
    /// the same solver is answered.
    @Test func theSolverAnswersAgainAfterATimeout() throws {
        let snapshot = try Self.pigeonholeWorkspace(pigeons: 10, timeoutMilliseconds: 100)
        let checker = try EquivalenceChecker(policySet: snapshot.policySet, timeoutMilliseconds: 100)
        let boxes = QualifiedName(schema: "public", name: "boxes")
        let pigeons = try #require(snapshot.policySet.policies.first { $0.ref.name == "pigeons" }?.using[boxes]?.clauses)
        let hard = checker.compare(pigeons, [], on: boxes)
        #expect(hard.status == .unknown && hard.reason == "timeout after 100 ms", "\(ProofHarness.describe(hard))")
        let id = Clause(atoms: [.isNotNull(.column("c1"))])
        #expect(checker.compare([id], [id, id], on: boxes).status == .proven)
        #expect(checker.compare([id], [], on: boxes).status == .failed)
    }
}
