/// The analyses of SPEC section 6 by id, for validating `analysis.proofs` in pgpe.yaml and for
/// the proofs module to share one list.
public enum ProofCatalog {
    /// Every proof id, in the order of SPEC section 6.
    public static let knownIDs = [
        "tenant-isolation", "contradiction", "coverage", "fail-closed", "write-restriction",
        "subsumption", "redundancy", "traversal", "role-separation", "policy-equivalence",
    ]

    /// The proofs that run only when `analysis.proofs` turns them on.
    public static let offByDefault: Set<String> = ["role-separation", "policy-equivalence"]

    /// Whether `id` is a known proof.
    public static func isKnown(_ id: String) -> Bool {
        knownIDs.contains(id)
    }

    /// Whether the proof `id` runs when pgpe.yaml says nothing about it.
    public static func isEnabledByDefault(_ id: String) -> Bool {
        isKnown(id) && !offByDefault.contains(id)
    }
}
