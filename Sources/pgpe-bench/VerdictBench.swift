import Foundation
import ProofTestSupport

/// The verdict-level differential at scale (issue 11 item 9): 2,000 generated projects (a
/// different seed from `make test`'s) analysed, applied to the test PostgreSQL and searched for
/// rows that contradict their tenant-isolation and fail-closed verdicts. Contradictions (PROVEN
/// verdicts PostgreSQL refutes) must be zero; imprecise FAILED verdicts (whose repro script
/// shows no leak) are counted. The first contradictions are shrunk and printed.
enum VerdictBench {
    /// The seed of the benchmark run.
    static let seed: UInt64 = 0xBE_0911
    /// Projects to run.
    static let projects = 2_000
    /// Repro scripts run per project.
    static let reproLimit = 24

    /// Runs the suite.
    static func run() throws -> BenchReport {
        var report = BenchReport(suite: "verdicts")
        let campaign = try VerdictDifferential.campaign(seed: seed, count: projects, reproLimit: reproLimit, progress: { done, campaign in
            if done % 250 == 0 {
                FileHandle.standardError.write(Data("verdicts: \(done) projects, \(campaign.contradictions.count) contradictions, \(campaign.imprecisions.count) imprecise\n".utf8))
            }
        })
        for reproduction in campaign.reproductions {
            FileHandle.standardError.write(Data((reproduction + "\n\n").utf8))
        }
        let statistics = campaign.statistics
        func count(_ key: String) -> Double { Double(statistics[key, default: 0]) }
        report.add("projects analysed and searched (seed \(seed))", Double(campaign.projects), "projects")
        report.add("PROVEN verdicts refuted by PostgreSQL (contradictions)", Double(campaign.contradictions.count), "", target: 0)
        report.add("  of which on roles only traversal targets' policies name (item 5)",
                   Double(campaign.contradictions.filter(\.contradiction.roleNamedElsewhere).count), "")
        report.add("search errors missing_context does not explain", Double(campaign.unexpected.count), "", target: 0)
        report.add("imprecise FAILED verdicts (repro script shows no leak)", Double(campaign.imprecisions.count), "")
        report.add("  of which the search found the leak anyway", Double(campaign.imprecisions.filter(\.imprecision.foundBySearch).count), "")
        report.add("FAILED verdicts whose repro script ran", Double(campaign.imprecisions.count) + count("reproduced by the repro script: tenant-isolation FAILED")
                   + count("reproduced by the repro script: fail-closed FAILED"), "")
        for proof in ["tenant-isolation", "fail-closed"] {
            report.add("\(proof): PROVEN verdicts searched", count("searched: \(proof) PROVEN"), "")
            report.add("\(proof): FAILED verdicts searched", count("searched: \(proof) FAILED"), "")
            report.add("\(proof): FAILED verdicts the search confirmed", count("found by the search: \(proof) FAILED"), "")
        }
        report.add("time per project (check, analyse, compile, apply, search, repro)", campaign.milliseconds / Double(max(campaign.projects, 1)), "ms")
        report.add("  of which analysis", count("analysis milliseconds") / Double(max(campaign.projects, 1)), "ms")
        report.add("  of which the search (probes)", count("probe milliseconds") / Double(max(campaign.projects, 1)), "ms")
        report.add("  of which repro scripts", count("repro milliseconds") / Double(max(campaign.projects, 1)), "ms")
        if campaign.projects < projects { report.add("projects short of \(projects)", Double(projects - campaign.projects), "projects", target: 0) }
        if !campaign.roleNamedElsewhere.isEmpty {
            report.notes.append("contradictions on roles only traversal targets' policies name (issue 11 item 5) in \(campaign.roleNamedElsewhere.count) projects, e.g. \(campaign.roleNamedElsewhere.prefix(3).joined(separator: "; "))")
        }
        report.notes.append("\(statistics["sessions", default: 0]) sessions, \(statistics["probes", default: 0]) reads, \(statistics["write attempts", default: 0]) write attempts, \(statistics["rows", default: 0]) rows; rejected by the checker: \(campaign.invalid)")
        report.notes += campaign.imprecisionSummary.prefix(8).map { "imprecise: \($0)" }
        report.notes += campaign.contradictions.prefix(5).map { "contradiction in \($0.project): \($0.contradiction)" }
        report.notes += campaign.unexpected.prefix(5).map { "search error: \($0)" }
        return report
    }
}
