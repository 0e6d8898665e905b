import Foundation
import PolicyProofs
import PolicySemantics
import ProofTestSupport
import Testing
import TestSupport

/// The verdicts against PostgreSQL (issue 11 item 9): generated projects (keys of several types,
/// traversals of depth 1 and 2, roles that only a traversal target's policies name, restrictive
/// policies, WITH CHECK, `missing_context` both ways) are analysed, applied and searched; no
/// PROVEN tenant-isolation or fail-closed verdict may be refuted by the live database. FAILED
/// verdicts whose repro script shows no leak are printed and counted, not failed.
@Suite struct VerdictDifferentialTests {
    /// The fixed seed of `make test`'s run.
    static let seed: UInt64 = 0x5EED_0911
    /// Projects `make test` runs.
    static let projects = 100
    /// Repro scripts run per project (`make bench` runs more).
    static let reproLimit = 12

    @Test func postgreSQLContradictsNoProvenVerdict() throws {
        let campaign = try VerdictDifferential.campaign(seed: Self.seed, count: Self.projects, reproLimit: Self.reproLimit)
        print(campaign.description)
        #expect(campaign.projects == Self.projects, "only \(campaign.projects) valid projects; rejected: \(campaign.invalid)")
        for reproduction in campaign.reproductions {
            Issue.record(Comment(rawValue: reproduction))
        }
        let contradictions = campaign.contradictions.count
        #expect(contradictions == 0, Comment(rawValue: "PROVEN verdicts refuted by PostgreSQL, e.g.\n"
            + campaign.contradictions.prefix(5).map { "\($0.project): \($0.contradiction)" }.joined(separator: "\n")))
        let searchErrors = campaign.unexpected.count
        #expect(searchErrors == 0, Comment(rawValue: campaign.unexpected.prefix(5).joined(separator: "\n")))
        // The search is not vacuous: both answers of both proofs, leaks found, every feature present.
        for kind in ["searched: tenant-isolation PROVEN", "searched: tenant-isolation FAILED", "searched: fail-closed PROVEN",
                     "searched: fail-closed FAILED", "found by the search: tenant-isolation FAILED", "found by the search: fail-closed FAILED",
                     "reproduced by the repro script: tenant-isolation FAILED", "reproduced by the repro script: fail-closed FAILED"] {
            #expect(campaign.statistics[kind, default: 0] >= 100, "\(kind): \(campaign.statistics[kind, default: 0])")
        }
        var sample = VerdictProjectGenerator(seed: 1)
        for feature in VerdictCampaign.features(of: sample.next()).keys.sorted() {
            #expect(campaign.statistics["project: " + feature, default: 0] >= 10, "\(feature): \(campaign.statistics["project: " + feature, default: 0]) projects")
        }
    }

    /// Wrong verdicts of each kind (FAILED ones turned PROVEN), which the search must refute.
    static let mutations: [(proof: ProofID, side: EffectivePredicate.Side)] = [
        (.tenantIsolation, .using), (.tenantIsolation, .check), (.failClosed, .using), (.failClosed, .check),
    ]

    @Test(arguments: 0..<mutations.count)
    func wrongVerdictsAreRefuted(_ index: Int) throws {
        let (proof, side) = Self.mutations[index]
        let campaign = try VerdictDifferential.campaign(seed: Self.seed &+ 1, count: 8, reproLimit: 0, reproductions: index == 0 ? 1 : 0,
                                                        shrinkBudget: 80, transform: { verdicts in
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
