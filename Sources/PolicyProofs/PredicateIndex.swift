import PolicySchema
import PolicySemantics
import PolicySyntax
import Synchronization

/// The effective predicates of a policy set and their fingerprints, each computed once per
/// (table, command, role, side) and shared by the planner and the workers. Thread-safe.
///
/// `PolicySet.effective` walks every policy of the set; a run asks for the same predicates
/// many times (per proof, for nested RLS, for cache keys), so they are computed here from the
/// policies that govern each table only, and remembered. `effective` gives exactly what
/// `PolicySet.effective` gives (a test compares them on every combination).
final class PredicateIndex: Sendable {
    private struct Key: Hashable {
        var table: QualifiedName
        var command: PolicyCommand
        var role: String
        var side: EffectivePredicate.Side
    }

    /// The policy set.
    let set: PolicySet
    /// Per table, the positions in `set.policies` of the policies whose selector matches it.
    private let governing: [QualifiedName: [Int]]
    /// What was computed so far.
    private struct Memo {
        var predicates: [Key: EffectivePredicate] = [:]
        var fingerprints: [Key: String] = [:]
        var readBacks: [Key: (predicate: EffectivePredicate, fingerprint: String)] = [:]
    }

    private let memo = Mutex(Memo())

    /// An index of `set` (the table → policies map is built now, predicates on demand).
    init(set: PolicySet) {
        self.set = set
        var governing: [QualifiedName: [Int]] = [:]
        for (position, policy) in set.policies.enumerated() {
            for table in policy.tables { governing[table, default: []].append(position) }
        }
        self.governing = governing
    }

    /// `set.effective(table, command, role:, side:)`, remembered.
    func effective(_ table: QualifiedName, _ command: PolicyCommand, role: String, side: EffectivePredicate.Side) -> EffectivePredicate {
        let key = Key(table: table, command: command, role: role, side: side)
        if let known = memo.withLock({ $0.predicates[key] }) { return known }
        var permissive: [PolicyPredicate] = []
        var restrictive: [PolicyPredicate] = []
        let applicable = set.roleGraph.privileges(of: role)
        for position in governing[table] ?? [] {
            let policy = set.policies[position]
            guard policy.commands.contains(command), policy.applies(toAnyOf: applicable),
                let normalized = side == .using ? policy.using[table] : policy.check[table]
            else { continue }
            let predicate = PolicyPredicate(policy: policy.ref, kind: policy.kind, clauses: normalized.clauses)
            if policy.kind == .permissive { permissive.append(predicate) } else { restrictive.append(predicate) }
        }
        let predicate = EffectivePredicate(
            table: table, command: command, role: role, side: side,
            permissive: permissive, restrictive: restrictive)
        memo.withLock { $0.predicates[key] = predicate }
        return predicate
    }

    /// The policies whose selector matches `table`, in order.
    func policies(governing table: QualifiedName) -> [CheckedPolicy] {
        (governing[table] ?? []).map { set.policies[$0] }
    }

    /// `set.roles(for: table)`, from the policies of each table only.
    func roles(for table: QualifiedName) -> [String] {
        set.roles(for: table, governing: policies(governing:))
    }

    /// The fingerprint of an effective predicate of the set, remembered.
    func fingerprint(_ table: QualifiedName, _ command: PolicyCommand, role: String, side: EffectivePredicate.Side) -> String {
        let key = Key(table: table, command: command, role: role, side: side)
        if let known = memo.withLock({ $0.fingerprints[key] }) { return known }
        let text = Fingerprint(index: self).of(effective(table, command, role: role, side: side))
        memo.withLock { $0.fingerprints[key] = text }
        return text
    }

    /// What a session reads back after writing to `table` with `command`: the permissive SELECT
    /// policies, and only those restrictive SELECT policies that also govern `command` (a
    /// restrictive policy for SELECT alone, like soft delete, is a deliberate read filter, not
    /// an access boundary), with its fingerprint; remembered.
    func readBack(_ table: QualifiedName, _ command: PolicyCommand, role: String) -> (predicate: EffectivePredicate, fingerprint: String) {
        let key = Key(table: table, command: command, role: role, side: .using)
        if let known = memo.withLock({ $0.readBacks[key] }) { return known }
        var read = effective(table, .select, role: role, side: .using)
        let names = Set((governing[table] ?? []).map { set.policies[$0] }.filter { $0.commands.contains(command) }.map(\.ref.name))
        read.restrictive = read.restrictive.filter { names.contains($0.policy.name) }
        let result = (read, Fingerprint(index: self).of(read))
        memo.withLock { $0.readBacks[key] = result }
        return result
    }
}
