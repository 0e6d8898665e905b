import Foundation
import PolicyEngine
import PolicyProofs
import PolicySyntax
import TestSupport
import WorkspaceFiles

/// Loads workspaces, runs the analyzer and compares verdicts with a catalogue case's expectations.
enum ProofHarness {
    /// A workspace from disk (a catalogue case, the example, a temporary copy).
    static func load(configPath: String) throws -> WorkspaceSnapshot {
        let directory = (configPath as NSString).deletingLastPathComponent
        return try WorkspaceLoader.load(configPath: configPath, directory: directory)
    }

    /// A catalogue case's workspace.
    static func load(_ entry: ProofCatalogue.Case) throws -> WorkspaceSnapshot {
        try load(configPath: entry.configPath)
    }

    /// Every default proof (or `proofs`) on the snapshot's policy set.
    static func analyze(
        _ snapshot: WorkspaceSnapshot, shortcuts: Bool = true, proofs: Set<ProofID>? = nil,
        cache: ProofCache = ProofCache(), jobs: Int = 2
    ) -> AnalysisReport {
        var options = AnalysisOptions(config: snapshot.config, jobs: jobs)
        options.useShortcuts = shortcuts
        if let proofs { options.proofs = proofs }
        let analyzer = Analyzer(policySet: snapshot.policySet, options: options, cache: cache)
        analyzer.lineLookup = { location in snapshot.sourceFile(location.file)?.position(of: location.range.start).line ?? 0 }
        return analyzer.run()
    }

    /// A verdict in the catalogue's words: `proof table command side role key`.
    static func describe(_ verdict: Verdict) -> String {
        "\(verdict.status.rawValue) \(verdict.proof.rawValue) \(verdict.table) \(verdict.command?.rawValue ?? "-") \(verdict.side.rawValue) \(verdict.role) \(verdict.key ?? "-")"
            + (verdict.reason.map { " | \($0)" } ?? "")
    }

    /// Everything wrong with `verdicts` against the case's expectations (empty when they agree).
    static func mismatches(_ verdicts: [Verdict], _ entry: ProofCatalogue.Case) -> [String] {
        var problems: [String] = []
        var used = Set<Int>()
        for verdict in verdicts {
            let position = entry.expectations.firstIndex {
                $0.matches(
                    proof: verdict.proof.rawValue, table: verdict.table.description, command: verdict.command?.rawValue,
                    side: verdict.side.rawValue, role: verdict.role, key: verdict.key)
            }
            if let position {
                used.insert(position)
                let expectation = entry.expectations[position]
                if !expectation.accepts(status: verdict.status.rawValue, reason: verdict.reason) {
                    problems.append("\(describe(verdict)) — expected \(expectation)")
                }
            } else if verdict.status != .proven {
                problems.append("\(describe(verdict)) — expected PROVEN (no line of expected.txt is about it)")
            }
        }
        for (position, expectation) in entry.expectations.enumerated() where !used.contains(position) {
            problems.append("no verdict matches \(expectation)")
        }
        return problems
    }

    /// The proofs whose FAILED verdicts have a row to show.
    static let rowProofs: Set<ProofID> = [.tenantIsolation, .failClosed, .writeRestriction, .roleSeparation]
}
