import Foundation
import PolicySQL
import PolicySemantics
import PolicyWorkloads
import TestSupport
import Testing

/// Compiled SQL against the reference evaluator: generated policy sets over small generated
/// schemas are compiled and applied to PostgreSQL, which is then read and written as several
/// roles and sessions; it must return and allow exactly what the evaluator says.
///
/// `make test` runs 250 cases from a fixed seed; `make bench` runs 5,000 from another
/// (`PGPE_DIFFERENTIAL_CASES`, `PGPE_DIFFERENTIAL_SEED`) and reports them as the suite
/// `differential` (`PGPE_BENCH_RESULTS`).
@Suite struct DifferentialTests {
    /// The seed: fixed for `make test`, `PGPE_DIFFERENTIAL_SEED` when `make bench` sets it.
    static let seed = Campaign.seed("PGPE_DIFFERENTIAL_SEED", default: 0x5EED_2026)
    /// Valid cases (those the checker accepts) to run: 250, or `PGPE_DIFFERENTIAL_CASES`.
    static let cases = Campaign.count("PGPE_DIFFERENTIAL_CASES", default: 250)

    /// The compiler under test.
    static func compile(_ policySet: PolicySet) -> String {
        PolicyCompiler.compile(policySet).sql
    }

    /// Runs `count` valid cases from `seed` with `compile`; returns the reproductions of the
    /// first failures (shrunk), the number of valid cases and checks, and the statistics.
    static func run(
        seed: UInt64, count: Int, compile: @escaping DifferentialRunner.Compile, reproductions limit: Int = 3, shrinkBudget: Int = 1_500
    )
        async throws -> (
            failures: [DifferentialReproduction], valid: Int, invalid: [String: Int], checks: Int,
            statistics: [String: Int], mismatches: Int
        )
    {
        try DifferentialRunner.prepareRoles(on: PostgresTestServer.fromEnvironment())
        return try await withTestDatabase { database in
            let runner = DifferentialRunner(connection: database.connection, compile: compile)
            var generator = DifferentialGenerator(seed: seed)
            var failures: [DifferentialReproduction] = []
            var seen = Set<String>()
            var valid = 0
            var invalid: [String: Int] = [:]
            var checks = 0
            var statistics: [String: Int] = [:]
            var mismatches = 0
            while valid < count && invalid.values.reduce(0, +) < count * 3 && failures.count < limit {
                let testCase = generator.next()
                let result = try runner.run(testCase)
                guard result.isValid else {
                    for error in Set(result.errors.map { String($0.prefix { $0 != ":" }) }) { invalid[error, default: 0] += 1 }
                    continue
                }
                valid += 1
                checks += result.checks
                mismatches += result.mismatches.count
                statistics.merge(result.statistics, uniquingKeysWith: +)
                for (feature, present) in features(of: testCase) where present { statistics["case: " + feature, default: 0] += 1 }
                for mismatch in result.mismatches where failures.count < limit && seen.insert(mismatch.check).inserted {
                    let (shrunk, found, shrunkResult) = DifferentialShrinker(runner: runner, budget: shrinkBudget).shrink(
                        testCase, mismatch: mismatch)
                    failures.append(
                        DifferentialReproduction(
                            testCase: shrunk, mismatch: found,
                            compiledSQL: shrunkResult?.compiledSQL ?? result.compiledSQL))
                }
            }
            return (failures, valid, invalid, checks, statistics, mismatches)
        }
    }

    /// The features SPEC 4 and 7 name, and whether `testCase` uses each.
    static func features(of testCase: DifferentialCase) -> [String: Bool] {
        let text = testCase.policyText
        func depth(_ atom: DifferentialAtom) -> Int {
            guard case .exists(_, _, _, let clause) = atom else { return 0 }
            return 1 + (clause.map(depth).max() ?? 0)
        }
        let atoms = testCase.policies.flatMap { ($0.using + ($0.check ?? [])).flatMap { $0 } }
        func constants(_ atom: DifferentialAtom) -> Bool {
            switch atom {
            case .text(let text): return text == "true" || text == "false"
            case .exists(_, _, _, let clause): return clause.contains(where: constants)
            }
        }
        let columns = testCase.tables.flatMap(\.columns).filter { $0.name != "id" }
        let values = testCase.rows.values.flatMap { $0 }.flatMap(\.values)
        return [
            "traversal depth 1": atoms.contains { depth($0) == 1 },
            "traversal depth 2": atoms.contains { depth($0) == 2 },
            "restrictive policy": testCase.policies.contains { !$0.isPermissive },
            "roles (TO)": testCase.policies.contains { !$0.roles.isEmpty },
            "command subset": testCase.policies.contains { !$0.commands.isEmpty },
            "WITH CHECK": testCase.policies.contains { $0.check != nil },
            "IN": text.contains(" IN lit("), "NOT IN": text.contains("NOT IN"), "LIKE": text.contains(" LIKE "),
            "IS NULL": text.contains("IS NULL"), "IS NOT NULL": text.contains("IS NOT NULL"),
            "fn": text.contains("fn("), "raw": text.contains("raw("),
            "true/false atom": atoms.contains(where: constants), "now()": text.contains("now()"),
            "outer()": text.contains("outer("), "GOVERN": !testCase.governs.isEmpty,
            "NOT NULL column": columns.contains { $0.notNull }, "nullable column": columns.contains { !$0.notNull },
            "NULL value": values.contains(.null),
            "quote in text": values.contains { if case .text(let t) = $0 { return t.contains("'") } else { return false } },
            "non-ASCII text": values.contains {
                if case .text(let t) = $0 { return t.unicodeScalars.contains { !$0.isASCII } } else { return false }
            },
            "missing_context error": testCase.missingContext == .error,
            "quoted table name": testCase.tables.contains { $0.name != $0.name.lowercased() || $0.name.contains(" ") || $0.name == "user" },
        ]
    }

    @Test func compiledSQLAgreesWithTheReferenceEvaluator() async throws {
        let start = ContinuousClock.now
        let outcome = try await Self.run(seed: Self.seed, count: Self.cases, compile: Self.compile)
        try Self.publish(outcome, elapsed: ContinuousClock.now - start)
        #expect(outcome.valid == Self.cases, "only \(outcome.valid) valid cases")
        // Generated text always parses; only contradictions the generator cannot foresee are rejected.
        #expect(outcome.invalid.keys.allSatisfy { $0.hasPrefix("semantic.") }, "\(outcome.invalid)")
        #expect(outcome.invalid.values.reduce(0, +) <= Self.cases / 10, "\(outcome.invalid)")
        for failure in outcome.failures {
            Issue.record(Comment(rawValue: failure.description))
        }
        // The checks are not vacuous: rows are hidden and shown, writes denied and allowed.
        for kind in [
            "read: some rows hidden", "read: every row visible", "read: no row visible", "write: denied",
            "write: rows changed", "write: nothing changed", "cast: value", "cast: null",
        ] {
            #expect(outcome.statistics[kind, default: 0] >= 20, "\(kind): \(outcome.statistics[kind, default: 0])")
        }
        var sample = DifferentialGenerator(seed: 1)
        for feature in Self.features(of: sample.next()).keys.sorted() {
            #expect(
                outcome.statistics["case: " + feature, default: 0] >= 10,
                "\(feature): \(outcome.statistics["case: " + feature, default: 0]) cases")
        }
        print(
            "differential: \(outcome.valid) cases, \(outcome.checks) checks, generated cases rejected by the checker: \(outcome.invalid); \(outcome.statistics.sorted { $0.key < $1.key })"
        )
    }

    /// The campaign's bench report (suite `differential`) when `make bench` asked for one.
    static func publish(
        _ outcome: (
            failures: [DifferentialReproduction], valid: Int, invalid: [String: Int], checks: Int,
            statistics: [String: Int], mismatches: Int
        ), elapsed: Duration
    ) throws {
        var report = BenchReport(suite: "differential")
        let milliseconds = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
        report.add("cases run (seed \(seed))", Double(outcome.valid), "cases")
        report.add("checks (casts, reads, writes)", Double(outcome.checks), "checks")
        report.add("mismatches between PostgreSQL and the reference evaluator", Double(outcome.mismatches), "", target: 0)
        report.add(
            "time per case (generate, check, compile, apply, query, roll back)",
            milliseconds / Double(max(outcome.valid, 1)), "ms")
        report.notes.append("\(outcome.invalid.values.reduce(0, +)) generated cases were rejected by the checker and not run")
        if outcome.valid < cases { report.add("cases short of \(cases)", Double(cases - outcome.valid), "cases", target: 0) }
        try Campaign.publish(report)
    }

    /// Wrong SQL of several kinds, each of which the differential test must catch and shrink to
    /// a small reproduction (so a mismatch in the real compiler would not go unnoticed).
    static let mutations: [(name: String, apply: @Sendable (String) -> String)] = [
        ("restrictive written as permissive", { $0.replacingOccurrences(of: "AS RESTRICTIVE", with: "AS PERMISSIVE") }),
        (
            "empty settings not read as NULL",
            {
                $0.replacingOccurrences(of: #"NULLIF\((current_setting\('[^']*', true\)), ''\)"#, with: "$1", options: .regularExpression)
            }
        ),
        ("traversal negated", { $0.replacingOccurrences(of: "EXISTS (SELECT 1 ", with: "NOT EXISTS (SELECT 1 ") }),
        ("WITH CHECK dropped", { $0.replacingOccurrences(of: #"\n  WITH CHECK \(.*\);"#, with: ";", options: .regularExpression) }),
        ("LIKE escapes lost", { $0.replacingOccurrences(of: "E'", with: "'") }),
        (
            // A correlated EXISTS whose source row's columns are left bare: they resolve to the
            // target's columns of the same name (every generated table has id, k, n…).
            "outer() columns left unqualified",
            {
                $0.replacingOccurrences(
                    of: #"public\.(?:"(?:[^"]|"")*"|[a-z_][a-z0-9_]*)\.(?=[a-z"])"#, with: "", options: .regularExpression)
            }
        ),
    ]

    @Test(arguments: 0..<mutations.count)
    func wrongSQLIsCaughtAndShrunk(_ index: Int) async throws {
        let mutation = Self.mutations[index]
        let outcome = try await Self.run(
            seed: Self.seed, count: Self.cases, compile: { mutation.apply(Self.compile($0)) },
            reproductions: 1, shrinkBudget: 400)
        guard let failure = outcome.failures.first else {
            Issue.record("no mismatch found for: \(mutation.name)")
            return
        }
        #expect(failure.testCase.policies.count <= 2, "\(mutation.name): \(failure)")
        #expect(failure.testCase.sessions.count == 1, "\(mutation.name): \(failure)")
        #expect(failure.description.contains("minimal reproduction"))
    }
}
