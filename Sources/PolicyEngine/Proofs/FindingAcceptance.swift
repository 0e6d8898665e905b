import PolicyConfig
import PolicyProofs
import PolicySchema
import PolicySemantics
import PolicySyntax

/// The `accept:` entries of pgpe.yaml (SPEC 11.8) applied to verdicts and findings: a FAILED or
/// UNKNOWN verdict a `proof:` entry matches becomes ACCEPTED with the entry's reason, a finding
/// (`sidechannel.*`, `performance.*`) a `finding:` entry matches becomes accepted information;
/// an entry that matches nothing of a run is stale (`config.stale-accept`).
public struct FindingAcceptance: Sendable {
    /// The entries with their table selectors compiled once.
    private let entries: [(entry: AcceptEntry, tables: CompiledSelector?)]
    /// The schema the selectors are evaluated on.
    private let schema: SchemaModel
    /// The schema's tables by their qualified name's text (`DiagnosticSubject.tables`), when a
    /// `finding:` entry has a tables selector.
    private let tablesByName: [String: TableModel]

    /// The acceptance of `policySet`'s configuration.
    public init(policySet: PolicySet) {
        entries = policySet.config.accept.map { ($0, $0.tables.map(CompiledSelector.init)) }
        schema = policySet.schema
        let needsTables = entries.contains { !$0.entry.findings.isEmpty && $0.tables != nil }
        tablesByName =
            needsTables
            ? Dictionary(policySet.schema.tables.map { ($0.name.description, $0) }, uniquingKeysWith: { first, _ in first }) : [:]
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

    /// Whether `entry` matches the finding `diagnostic`: of one of its kinds, about an object its
    /// `object:` pattern matches, concerning a table its selector matches.
    private func matches(_ index: Int, _ diagnostic: Diagnostic) -> Bool {
        let (entry, tables) = entries[index]
        guard entry.findings.contains(diagnostic.id) else { return false }
        if let object = entry.object {
            guard let subject = diagnostic.subject, FindingAcceptance.object(subject.object, matches: object) else { return false }
        }
        if let tables {
            guard let subject = diagnostic.subject,
                subject.tables.contains(where: { tablesByName[$0].map(tables.matches) ?? false })
            else { return false }
        }
        return true
    }

    /// Whether `object` (`public.docs(title)`) matches `pattern`, a LIKE pattern (as in
    /// `named()`) over the whole text or, when the pattern has no `(`, over the name before the
    /// `(`; a pattern without a schema matches the object in any schema.
    static func object(_ object: String, matches pattern: String) -> Bool {
        var candidate = object
        if !pattern.contains("("), let open = candidate.firstIndex(of: "(") { candidate = String(candidate[..<open]) }
        let name = pattern.prefix { $0 != "(" }
        if !name.contains("."), let dot = candidate.firstIndex(of: ".") {
            candidate = String(candidate[candidate.index(after: dot)...])
        }
        return LikePattern.matches(candidate, pattern: pattern)
    }

    /// `diagnostics` with the findings an entry accepts turned accepted information (the first
    /// matching entry's reason); the others stay as they are.
    public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard entries.contains(where: { !$0.entry.findings.isEmpty }) else { return diagnostics }
        return diagnostics.map { diagnostic in
            guard diagnostic.isAcceptable, let index = entries.indices.first(where: { matches($0, diagnostic) }) else {
                return diagnostic
            }
            return diagnostic.accepted(
                by: DiagnosticAcceptance(reason: entries[index].entry.reason, location: entries[index].entry.location))
        }
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
    /// `apply`), among the entries whose proofs the run asked for (`ran`); and, when the run
    /// looked for findings (`findings`, after `apply`), for each `finding:` entry that accepted
    /// none of them; an entry only for findings of the live plan check (`performance.plan-seq-scan`)
    /// only when that check ran (`liveChecked`: `analyze --database`).
    public func stale(
        _ verdicts: [Verdict], findings: [Diagnostic]? = nil, liveChecked: Bool = false, ran: (ProofID) -> Bool
    ) -> [Diagnostic] {
        let used = Set(verdicts.compactMap { $0.acceptance?.location } + (findings ?? []).compactMap { $0.acceptance?.location })
        return entries.compactMap { entry, _ in
            guard !used.contains(entry.location) else { return nil }
            if !entry.findings.isEmpty {
                guard findings != nil else { return nil }
                guard liveChecked || entry.findings.contains(where: { $0 != DiagnosticKind.performancePlanSeqScan.id })
                else { return nil }
                var scope = "finding \(entry.findings.joined(separator: ", "))"
                if let object = entry.object { scope += " about \(object)" }
                if entry.tables != nil { scope += " on \(entry.tablesText)" }
                return Diagnostic(
                    .configStaleAccept, message: "this accept entry (\(scope)) matches no finding; remove it or correct it",
                    location: entry.location)
            }
            guard entry.proofs.contains(where: { ProofID(rawValue: $0).map(ran) ?? false }) else { return nil }
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
