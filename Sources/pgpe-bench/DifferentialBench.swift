import Foundation
import PolicySemantics
import PolicySQL
import TestSupport

/// The differential test at scale: 5,000 generated cases (a different seed from `make test`'s),
/// compiled SQL against the reference evaluator on the test PostgreSQL. Any mismatch is shrunk
/// and printed as a reproduction; the target is zero.
enum DifferentialBench {
    /// The seed of the benchmark run.
    static let seed: UInt64 = 0xBE_2026
    /// Valid cases to run.
    static let cases = 5_000

    /// Runs the suite.
    static func run() throws -> BenchReport {
        var report = BenchReport(suite: "differential")
        try DifferentialRunner.prepareRoles(on: PostgresTestServer.fromEnvironment())
        let database = try TestDatabase.create()
        defer { try? database.drop() }
        let runner = DifferentialRunner(connection: database.connection, compile: { PolicyCompiler.compile($0).sql })
        var generator = DifferentialGenerator(seed: seed)
        var valid = 0
        var invalid = 0
        var checks = 0
        var mismatches = 0
        var reported = Set<String>()
        let start = Clock.now()
        while valid < cases && invalid < cases * 3 {
            let testCase = generator.next()
            let result = try runner.run(testCase)
            guard result.isValid else {
                invalid += 1
                continue
            }
            valid += 1
            checks += result.checks
            mismatches += result.mismatches.count
            for mismatch in result.mismatches where reported.count < 5 && reported.insert(mismatch.check).inserted {
                let (shrunk, found, shrunkResult) = DifferentialShrinker(runner: runner).shrink(testCase, mismatch: mismatch)
                let reproduction = DifferentialReproduction(testCase: shrunk, mismatch: found,
                                                            compiledSQL: shrunkResult?.compiledSQL ?? result.compiledSQL)
                FileHandle.standardError.write(Data((reproduction.description + "\n\n").utf8))
            }
            if valid % 1_000 == 0 {
                FileHandle.standardError.write(Data("differential: \(valid) cases, \(mismatches) mismatches\n".utf8))
            }
        }
        let elapsed = Clock.now() - start
        report.add("cases run (seed \(seed))", Double(valid), "cases")
        report.add("checks (casts, reads, writes)", Double(checks), "checks")
        report.add("mismatches between PostgreSQL and the reference evaluator", Double(mismatches), "", target: 0)
        report.add("time per case (generate, check, compile, apply, query, roll back)", elapsed / Double(max(valid, 1)), "ms")
        report.notes.append("\(invalid) generated cases were rejected by the checker and not run")
        if valid < cases { report.add("cases short of \(cases)", Double(cases - valid), "cases", target: 0) }
        return report
    }
}
