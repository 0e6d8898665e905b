import Foundation
import TestSupport

/// What a run of many verdict-differential projects found.
public struct VerdictCampaign: Sendable, CustomStringConvertible {
    /// The generator's seed.
    public var seed: UInt64
    /// Projects analysed and searched.
    public var projects = 0
    /// Generated projects the checker rejected, by diagnostic id.
    public var invalid: [String: Int] = [:]
    /// Every contradiction (PROVEN verdicts PostgreSQL refutes), with its project's label.
    public var contradictions: [(project: String, contradiction: VerdictContradiction)] = []
    /// Every imprecision (FAILED verdicts whose repro script shows no leak), with its project's label.
    public var imprecisions: [(project: String, imprecision: VerdictImprecision)] = []
    /// Search errors `missing_context` does not explain, with their project's label.
    public var unexpected: [String] = []
    /// Summed statistics of the runs, plus `project: <feature>` counts.
    public var statistics: [String: Int] = [:]
    /// Shrunk reproductions of the first contradictions.
    public var reproductions: [String] = []
    /// Wall time of the campaign.
    public var milliseconds: Double = 0

    /// Creates an empty campaign.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// Labels of the projects with a contradiction on a role only other tables' policies name
    /// (issue 11 item 5).
    public var roleNamedElsewhere: [String] {
        var labels: [String] = []
        for (label, contradiction) in contradictions where contradiction.roleNamedElsewhere && labels.last != label { labels.append(label) }
        return labels
    }

    /// Adds one project's run.
    public mutating func add(_ run: VerdictRun) {
        projects += 1
        statistics.merge(run.statistics, uniquingKeysWith: +)
        for (feature, present) in VerdictCampaign.features(of: run.project) where present {
            statistics["project: " + feature, default: 0] += 1
        }
        contradictions += run.contradictions.map { (run.project.label, $0) }
        imprecisions += run.imprecisions.map { (run.project.label, $0) }
        unexpected += run.unexpected.map { "\(run.project.label): \($0)" }
    }

    /// The features the generator is meant to produce, and whether `project` has each.
    public static func features(of project: VerdictProject) -> [String: Bool] {
        func depth(_ atom: DifferentialAtom) -> Int {
            guard case .exists(_, _, _, let clause) = atom else { return 0 }
            return 1 + (clause.map(depth).max() ?? 0)
        }
        func targets(_ atom: DifferentialAtom) -> [String] {
            guard case .exists(_, let target, _, let clause) = atom else { return [] }
            return [target] + clause.flatMap(targets)
        }
        let atoms = project.policies.flatMap { ($0.using + ($0.check ?? [])).flatMap { $0 } }
        let reached = Set(atoms.flatMap(targets))
        let isolated = project.keys.filter(\.isolation)
        return [
            "traversal depth 1": atoms.contains { depth($0) == 1 },
            "traversal depth 2": atoms.contains { depth($0) == 2 },
            "outer()": project.policyText.contains("outer("),
            "GOVERN": !project.governs.isEmpty,
            "restrictive policy": project.policies.contains { !$0.isPermissive },
            "WITH CHECK": project.policies.contains { $0.check != nil },
            "command subset": project.policies.contains { !$0.commands.isEmpty },
            "TO roles": project.policies.contains { !$0.roles.isEmpty },
            "TO roles on a traversal target": project.policies.contains { policy in
                !policy.roles.isEmpty && reached.contains { policy.selector == "named(\(DifferentialSQL.literal($0)))" }
            },
            "missing_context error": project.missingContext == .error,
            "missing_context deny": project.missingContext == .deny,
            "two or more isolation keys": isolated.count >= 2,
            "isolation key uuid": isolated.contains { $0.type == "uuid" },
            "isolation key text": isolated.contains { $0.type == "text" },
            "isolation key integer": isolated.contains { $0.type == "integer" },
            "isolation key bigint": isolated.contains { $0.type == "bigint" },
            "isolation key on some tables": isolated.contains { $0.isolationTables != nil },
        ]
    }

    /// The imprecisions grouped by what the scripts printed, with one example each.
    public var imprecisionSummary: [String] {
        var groups: [String: (count: Int, example: String)] = [:]
        for (label, imprecision) in imprecisions {
            let kind =
                imprecision.missing.joined(separator: ", ") + " <- printed: "
                + (imprecision.printed.first.map { String($0.prefix(60)) } ?? "nothing")
                + (imprecision.foundBySearch ? " (search found the leak)" : "")
            groups[kind, default: (0, "\(label): \(imprecision)")].count += 1
        }
        return groups.sorted { $0.value.count > $1.value.count }.map {
            "\($0.value.count)× missing \($0.key)\n    e.g. \($0.value.example)"
        }
    }

    /// A summary for people.
    public var description: String {
        let elsewhere = contradictions.filter(\.contradiction.roleNamedElsewhere).count
        var lines = [
            "verdict differential, seed \(seed): \(projects) projects in \(Int(milliseconds)) ms; "
                + "\(contradictions.count) contradictions (\(elsewhere) on roles only traversal targets' policies name), "
                + "\(imprecisions.count) imprecise FAILED verdicts, \(unexpected.count) search errors"
        ]
        lines.append("statistics: " + statistics.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: "; "))
        if !invalid.isEmpty { lines.append("rejected by the checker: \(invalid)") }
        if !roleNamedElsewhere.isEmpty {
            lines.append(
                "contradictions on roles only other tables' policies name (issue 11 item 5) in: \(roleNamedElsewhere.prefix(10).joined(separator: "; "))"
            )
        }
        lines += imprecisionSummary.prefix(12).map { "imprecise: \($0)" }
        lines += unexpected.prefix(10).map { "search error: \($0)" }
        return lines.joined(separator: "\n")
    }
}
