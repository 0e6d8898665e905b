import PolicySemantics
import PolicySyntax

/// Code lenses per policy: the tables it governs with its proof status, and "Show compiled SQL".
public enum CodeLensProvider {
    /// The lenses of the policy file at `path`.
    public static func lenses(in path: String, snapshot: WorkspaceSnapshot) -> [LensInfo] {
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
        }
        return result
    }

    /// The proof status text of `policy` (for hovers).
    public static func status(of policy: CheckedPolicy, snapshot: WorkspaceSnapshot) -> String? {
        guard !policy.tables.isEmpty, snapshot.policySet.hasSchema else { return nil }
        return PolicyProofStatus(policy: policy, snapshot: snapshot).summary
    }
}
