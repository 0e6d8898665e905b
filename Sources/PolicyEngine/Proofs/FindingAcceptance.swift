import PolicyConfig
import PolicyProofs
import PolicySchema
import PolicySemantics
import PolicySyntax

/// The `accept:` entries of pgpe.yaml (SPEC 11.8) applied to verdicts: a FAILED or UNKNOWN
/// verdict an entry matches becomes ACCEPTED with the entry's reason; an entry that matches no
/// such verdict of a run is stale (`config.stale-accept`).
public struct FindingAcceptance: Sendable {
    /// The entries with their table selectors compiled once.
    private let entries: [(entry: AcceptEntry, tables: CompiledSelector?)]
    /// The schema the selectors are evaluated on.
    private let schema: SchemaModel

    /// The acceptance of `policySet`'s configuration.
    public init(policySet: PolicySet) {
        entries = policySet.config.accept.map { ($0, $0.tables.map(CompiledSelector.init)) }
        schema = policySet.schema
    }

    /// Whether pgpe.yaml accepts nothing.
    public var isEmpty: Bool { entries.isEmpty }

    /// Whether `entry` matches `verdict` (whatever its status).
    private func matches(_ index: Int, _ verdict: Verdict) -> Bool {
        let (entry, tables) = entries[index]
        guard entry.proofs.contains(verdict.proof.rawValue) else { return false }
        if let commands = entry.commands {
            guard let command = verdict.command, commands.contains(command) else { return false }
        }
        if let roles = entry.roles {
            let isPublic = verdict.role == PolicySet.publicRole
            guard roles.contains(where: { $0 == verdict.role || (isPublic && $0.uppercased() == PolicySet.publicRole) }) else {
                return false
            }
        }
        if let tables {
            guard let model = schema.table(verdict.table), tables.matches(model) else { return false }
        }
        return true
    }

    /// `verdicts` with those an entry accepts turned ACCEPTED (the first matching entry's reason).
    public func apply(_ verdicts: [Verdict]) -> [Verdict] {
        guard !entries.isEmpty else { return verdicts }
        return verdicts.map { verdict in
            guard verdict.status == .failed || verdict.status == .unknown,
                let index = entries.indices.first(where: { matches($0, verdict) })
            else { return verdict }
            var accepted = verdict
            accepted.acceptance = Acceptance(
                status: verdict.status, reason: entries[index].entry.reason, location: entries[index].entry.location)
            accepted.status = .accepted
            return accepted
        }
    }

    /// `config.stale-accept` for each entry that accepted none of `verdicts` (a run's, after
    /// `apply`), among the entries whose proofs the run asked for (`ran`).
    public func stale(_ verdicts: [Verdict], ran: (ProofID) -> Bool) -> [Diagnostic] {
        let used = Set(verdicts.compactMap { $0.acceptance?.location })
        return entries.compactMap { entry, _ in
            guard !used.contains(entry.location),
                entry.proofs.contains(where: { ProofID(rawValue: $0).map(ran) ?? false })
            else { return nil }
            var scope = "proof \(entry.proofs.joined(separator: ", ")) on \(entry.tablesText)"
            if let commands = entry.commands { scope += " for \(commands.map(\.rawValue).joined(separator: ", "))" }
            if let roles = entry.roles { scope += " as \(roles.joined(separator: ", "))" }
            return Diagnostic(
                .configStaleAccept,
                message: "this accept entry (\(scope)) matches no FAILED or UNKNOWN verdict; remove it or correct it",
                location: entry.location)
        }
    }
}
