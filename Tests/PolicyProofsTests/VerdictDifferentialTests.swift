import Foundation
import PolicyProofs
import PolicySemantics
import PolicyWorkloads
import ProofTestSupport
import TestSupport
import Testing

/// The verdicts against PostgreSQL (issue 11 item 9): generated projects (keys of several types,
/// traversals of depth 1 and 2, roles that only a traversal target's policies name, restrictive
/// policies, WITH CHECK, `missing_context` both ways) are analysed, applied and searched; no
/// PROVEN tenant-isolation or fail-closed verdict may be refuted by the live database. FAILED
/// verdicts whose repro script shows no leak are printed and counted, not failed.
///
/// `make test` runs 100 projects from a fixed seed; `make bench` runs 2,000 from another with
/// more repro scripts (`PGPE_VERDICT_PROJECTS`, `PGPE_VERDICT_SEED`, `PGPE_VERDICT_REPRO_LIMIT`)
/// and reports them as the suite `verdicts` (`PGPE_BENCH_RESULTS`).
@Suite struct VerdictDifferentialTests {
    /// The seed: fixed for `make test`, `PGPE_VERDICT_SEED` when `make bench` sets it.
    static let seed = Campaign.seed("PGPE_VERDICT_SEED", default: 0x5EED_0911)
    /// Projects to run: 100, or `PGPE_VERDICT_PROJECTS`.
    static let projects = Campaign.count("PGPE_VERDICT_PROJECTS", default: 100)
    /// Repro scripts run per project: 12, or `PGPE_VERDICT_REPRO_LIMIT`.
    static let reproLimit = Campaign.count("PGPE_VERDICT_REPRO_LIMIT", default: 12)

    @Test func postgreSQLContradictsNoProvenVerdict() throws {
        let campaign = try VerdictDifferential.campaign(
            seed: Self.seed, count: Self.projects, reproLimit: Self.reproLimit,
            progress: { done, campaign in
                if done % 250 == 0 {
                    FileHandle.standardError.write(
                        Data(
                            "verdicts: \(done) projects, \(campaign.contradictions.count) contradictions, \(campaign.imprecisions.count) imprecise\n"
                                .utf8))
                }
            })
        print(campaign.description)
        try Self.publish(campaign)
        #expect(campaign.projects == Self.projects, "only \(campaign.projects) valid projects; rejected: \(campaign.invalid)")
        for reproduction in campaign.reproductions {
            Issue.record(Comment(rawValue: reproduction))
        }
        let contradictions = campaign.contradictions.count
        #expect(
            contradictions == 0,
            Comment(
                rawValue: "PROVEN verdicts refuted by PostgreSQL, e.g.\n"
                    + campaign.contradictions.prefix(5).map { "\($0.project): \($0.contradiction)" }.joined(separator: "\n")))
        let searchErrors = campaign.unexpected.count
        #expect(searchErrors == 0, Comment(rawValue: campaign.unexpected.prefix(5).joined(separator: "\n")))
        // The search is not vacuous: both answers of both proofs, leaks found, every feature present.
        for kind in [
            "searched: tenant-isolation PROVEN", "searched: tenant-isolation FAILED", "searched: fail-closed PROVEN",
            "searched: fail-closed FAILED", "found by the search: tenant-isolation FAILED", "found by the search: fail-closed FAILED",
            "reproduced by the repro script: tenant-isolation FAILED", "reproduced by the repro script: fail-closed FAILED",
        ] {
            #expect(campaign.statistics[kind, default: 0] >= 100, "\(kind): \(campaign.statistics[kind, default: 0])")
        }
        var sample = VerdictProjectGenerator(seed: 1)
        for feature in VerdictCampaign.features(of: sample.next()).keys.sorted() {
            #expect(
                campaign.statistics["project: " + feature, default: 0] >= 10,
                "\(feature): \(campaign.statistics["project: " + feature, default: 0]) projects")
        }
    }

    /// The campaign's bench report (suite `verdicts`) when `make bench` asked for one.
    static func publish(_ campaign: VerdictCampaign) throws {
        var report = BenchReport(suite: "verdicts")
        let statistics = campaign.statistics
        func count(_ key: String) -> Double { Double(statistics[key, default: 0]) }
        report.add("projects analysed and searched (seed \(seed))", Double(campaign.projects), "projects")
        report.add("PROVEN verdicts refuted by PostgreSQL (contradictions)", Double(campaign.contradictions.count), "", target: 0)
        report.add(
            "  of which on roles only traversal targets' policies name (item 5)",
            Double(campaign.contradictions.filter(\.contradiction.roleNamedElsewhere).count), "")
        report.add("search errors missing_context does not explain", Double(campaign.unexpected.count), "", target: 0)
        report.add("imprecise FAILED verdicts (repro script shows no leak)", Double(campaign.imprecisions.count), "")
        report.add(
            "  of which the search found the leak anyway", Double(campaign.imprecisions.filter(\.imprecision.foundBySearch).count), "")
        report.add(
            "FAILED verdicts whose repro script ran",
            Double(campaign.imprecisions.count) + count("reproduced by the repro script: tenant-isolation FAILED")
                + count("reproduced by the repro script: fail-closed FAILED"), "")
        for proof in ["tenant-isolation", "fail-closed"] {
            report.add("\(proof): PROVEN verdicts searched", count("searched: \(proof) PROVEN"), "")
            report.add("\(proof): FAILED verdicts searched", count("searched: \(proof) FAILED"), "")
            report.add("\(proof): FAILED verdicts the search confirmed", count("found by the search: \(proof) FAILED"), "")
        }
        report.add(
            "time per project (check, analyse, compile, apply, search, repro)", campaign.milliseconds / Double(max(campaign.projects, 1)),
            "ms")
        report.add("  of which analysis", count("analysis milliseconds") / Double(max(campaign.projects, 1)), "ms")
        report.add("  of which the search (probes)", count("probe milliseconds") / Double(max(campaign.projects, 1)), "ms")
        report.add("  of which repro scripts", count("repro milliseconds") / Double(max(campaign.projects, 1)), "ms")
        if campaign.projects < projects {
            report.add("projects short of \(projects)", Double(projects - campaign.projects), "projects", target: 0)
        }
        if !campaign.roleNamedElsewhere.isEmpty {
            report.notes.append(
                "contradictions on roles only traversal targets' policies name (issue 11 item 5) in \(campaign.roleNamedElsewhere.count) projects, e.g. \(campaign.roleNamedElsewhere.prefix(3).joined(separator: "; "))"
            )
        }
        report.notes.append(
            "\(statistics["sessions", default: 0]) sessions, \(statistics["probes", default: 0]) reads, \(statistics["write attempts", default: 0]) write attempts, \(statistics["rows", default: 0]) rows; rejected by the checker: \(campaign.invalid)"
        )
        report.notes += campaign.imprecisionSummary.prefix(8).map { "imprecise: \($0)" }
        report.notes += campaign.contradictions.prefix(5).map { "contradiction in \($0.project): \($0.contradiction)" }
        report.notes += campaign.unexpected.prefix(5).map { "search error: \($0)" }
        try Campaign.publish(report)
    }

    /// Wrong verdicts of each kind (FAILED ones turned PROVEN), which the search must refute.
    static let mutations: [(proof: ProofID, side: EffectivePredicate.Side)] = [
        (.tenantIsolation, .using), (.tenantIsolation, .check), (.failClosed, .using), (.failClosed, .check),
    ]

    @Test(arguments: 0..<mutations.count)
    func wrongVerdictsAreRefuted(_ index: Int) throws {
        let (proof, side) = Self.mutations[index]
        let campaign = try VerdictDifferential.campaign(
            seed: Self.seed &+ 1, count: 8, reproLimit: 0, reproductions: index == 0 ? 1 : 0,
            shrinkBudget: 80,
            transform: { verdicts in
                verdicts.map { verdict in
                    guard verdict.proof == proof, verdict.side == side, verdict.status == .failed else { return verdict }
                    var wrong = verdict
                    wrong.status = .proven
                    return wrong
                }
            })
        let refuted = campaign.contradictions.filter { $0.contradiction.proof == proof && $0.contradiction.side == side }
        #expect(refuted.count >= 5, "\(proof) \(side): \(refuted.count) wrong verdicts refuted")
        if let reproduction = campaign.reproductions.first {
            // Shrunk to a small project that still shows it.
            #expect(reproduction.components(separatedBy: "\nPOLICY ").count <= 3, Comment(rawValue: reproduction))
            #expect(reproduction.contains("PostgreSQL contradicts"), Comment(rawValue: reproduction))
        } else {
            #expect(index != 0, "no reproduction")
        }
    }
}
