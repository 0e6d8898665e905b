import PolicySemantics
import PolicySyntax

/// Code lenses per policy: the tables it governs with its proof status, "Show compiled SQL",
/// and, given the comparison with the last commit, what the edit changes in access there.
public enum CodeLensProvider {
    /// The lenses of the policy file at `path`; `access` is `snapshot` compared with the last
    /// commit (`ProofSession.diff`), when known.
    public static func lenses(in path: String, snapshot: WorkspaceSnapshot, access: AccessDiff? = nil) -> [LensInfo] {
        guard let file = snapshot.file(path) else { return [] }
        var result: [LensInfo] = []
        for policy in file.tree.policies {
            guard let checked = snapshot.checkedPolicy(policy, in: path) else { continue }
            let count = checked.tables.count
            let tables = count == 0 ? "no table matched" : count == 1 ? "1 table (\(checked.tables[0].name))" : "\(count) tables"
            result.append(
                LensInfo(
                    range: policy.keywordRange,
                    title: "\(tables) · proofs: \(PolicyProofStatus(policy: checked, snapshot: snapshot).summary)"))
            if count > 0 && !checked.hasErrors {
                result.append(LensInfo(range: policy.keywordRange, title: "Show compiled SQL", compiledSQL: .policy(checked.ref.name)))
            }
            if let access, count > 0 {
                result.append(LensInfo(range: policy.keywordRange, title: accessTitle(checked, access)))
            }
        }
        return result
    }

    /// "vs last commit: widens SELECT on public.tasks for PUBLIC; …": the changes in access on
    /// the tables and commands of `policy` (at most three named).
    static func accessTitle(_ policy: CheckedPolicy, _ access: AccessDiff) -> String {
        var phrases: [String] = []
        for change in access.changes
        where change.kind != .unchanged && policy.commands.contains(change.command) && policy.tables.contains(change.table) {
            if !phrases.contains(change.phrase) { phrases.append(change.phrase) }
        }
        guard !phrases.isEmpty else { return "vs last commit: access unchanged" }
        let shown = phrases.prefix(3).joined(separator: "; ")
        return "vs last commit: " + shown + (phrases.count > 3 ? "; and \(phrases.count - 3) more" : "")
    }

    /// The proof status text of `policy` (for hovers).
    public static func status(of policy: CheckedPolicy, snapshot: WorkspaceSnapshot) -> String? {
        guard !policy.tables.isEmpty, snapshot.policySet.hasSchema else { return nil }
        return PolicyProofStatus(policy: policy, snapshot: snapshot).summary
    }
}
