import PolicyProofs
import PolicySchema
import PolicySemantics
import PolicySyntax

/// What `pgpe diff` answers (SPEC 11.9): per table × command × role × side, whether the current
/// policy set admits rows the base set did not (added), no longer admits rows it did (removed),
/// is proven to admit the same (unchanged), or could not be decided (unknown). A key can be
/// both added and removed (a predicate replaced by another). Built from `policy-equivalence`
/// verdicts asked one direction at a time (`ProofSession.diff`).
public struct AccessDiff: Sendable {
    /// The changes, by table, command, role (PUBLIC last) and side; per key its added, removed
    /// and unknown changes, or one unchanged.
    public var changes: [AccessChange]
    /// Wall time of the comparison in milliseconds.
    public var milliseconds: Double
    /// Solver queries asked.
    public var queries: Int
    /// Whether the run was cancelled (the changes are then incomplete).
    public var cancelled: Bool

    /// Changes of one kind.
    public func changes(_ kind: AccessChange.Kind) -> [AccessChange] { changes.filter { $0.kind == kind } }

    /// Whether the current set gives any session access to a row the base set did not.
    public var addsAccess: Bool { changes.contains { $0.kind == .added } }

    /// The tables with a change other than unchanged, in order.
    public var changedTables: [QualifiedName] {
        var seen = Set<QualifiedName>()
        return changes.filter { $0.kind != .unchanged && seen.insert($0.table).inserted }.map(\.table)
    }

    /// The diff of a run's `policy-equivalence` verdicts (each with its direction).
    public init(report: AnalysisReport) {
        struct Key: Hashable {
            var table: QualifiedName
            var command: PolicyCommand
            var role: String
            var side: EffectivePredicate.Side
        }
        var order: [Key] = []
        var verdicts: [Key: [Verdict]] = [:]
        for verdict in report.verdicts where verdict.proof == .policyEquivalence {
            guard let command = verdict.command else { continue }
            let key = Key(table: verdict.table, command: command, role: verdict.role, side: verdict.side)
            if verdicts[key] == nil { order.append(key) }
            verdicts[key, default: []].append(verdict)
        }
        let commands = PolicyCommand.allCases
        order.sort { a, b in
            if a.table != b.table { return a.table < b.table }
            if a.command != b.command {
                return (commands.firstIndex(of: a.command) ?? 0) < (commands.firstIndex(of: b.command) ?? 0)
            }
            if a.role != b.role {
                if a.role == PolicySet.publicRole || b.role == PolicySet.publicRole { return b.role == PolicySet.publicRole }
                return a.role < b.role
            }
            return a.side == .using && b.side == .check
        }
        var changes: [AccessChange] = []
        for key in order {
            let found = verdicts[key] ?? []
            func change(_ kind: AccessChange.Kind, _ verdict: Verdict?) -> AccessChange {
                AccessChange(kind: kind, table: key.table, command: key.command, role: key.role, side: key.side, verdict: verdict)
            }
            var keyChanges: [AccessChange] = []
            for direction in [ComparisonDirection.added, .removed] {
                if let verdict = found.first(where: { $0.status == .failed && $0.direction == direction }) {
                    keyChanges.append(change(direction == .added ? .added : .removed, verdict))
                }
            }
            if let unknown = found.first(where: { $0.status == .unknown }) { keyChanges.append(change(.unknown, unknown)) }
            changes += keyChanges.isEmpty ? [change(.unchanged, nil)] : keyChanges
        }
        self.changes = changes
        self.milliseconds = report.milliseconds
        self.queries = report.queries + report.blameQueries
        self.cancelled = report.cancelled
    }
}
