import PolicySemantics

/// Makes a failing differential case small: keeps only the failing session and write, then
/// removes policies, clauses, atoms (nested ones too), WITH CHECK blocks, `TO` lists, settings
/// and rows one at a time, keeping each removal after which a mismatch of the same kind remains.
public struct DifferentialShrinker {
    private let runner: DifferentialRunner
    /// The most cases run while shrinking one failure.
    public var budget: Int

    /// Creates a shrinker that reruns cases with `runner`.
    public init(runner: DifferentialRunner, budget: Int = 1_500) {
        self.runner = runner
        self.budget = budget
    }

    /// The smallest case found that still shows a mismatch of `mismatch`'s kind, with that
    /// mismatch and the case's result.
    public func shrink(_ testCase: DifferentialCase, mismatch: DifferentialMismatch) -> (
        DifferentialCase, DifferentialMismatch, DifferentialResult?
    ) {
        var current = testCase
        var currentMismatch = mismatch
        var currentResult: DifferentialResult?
        var runs = 0
        var improved = true
        while improved && runs < budget {
            improved = false
            for candidate in candidates(current, mismatch: currentMismatch) where runs < budget {
                runs += 1
                guard let result = try? runner.run(candidate), result.isValid,
                    let found = result.mismatches.first(where: { $0.check == mismatch.check })
                else { continue }
                current = candidate
                currentMismatch = found
                currentResult = result
                improved = true
                break
            }
        }
        if currentResult == nil { currentResult = try? runner.run(current) }
        return (current, currentMismatch, currentResult)
    }

    /// Smaller variants of `testCase`, the most promising first.
    private func candidates(_ testCase: DifferentialCase, mismatch: DifferentialMismatch) -> [DifferentialCase] {
        var result: [DifferentialCase] = []
        func variant(_ change: (inout DifferentialCase) -> Void) {
            var copy = testCase
            change(&copy)
            if copy != testCase { result.append(copy) }
        }
        // Only the failing session, only the failing write.
        if let session = mismatch.session, testCase.sessions.count > 1 {
            variant { $0.sessions = [session] }
        }
        if mismatch.check.hasPrefix("write ") {
            let statement = mismatch.statement
            variant { $0.operations = $0.operations.filter { $0.sql(in: testCase.tables) == statement } }
        } else if !testCase.operations.isEmpty {
            variant { $0.operations = [] }
        }
        for index in testCase.sessions.indices where testCase.sessions.count > 1 {
            variant { $0.sessions.remove(at: index) }
        }
        for index in testCase.operations.indices {
            variant { $0.operations.remove(at: index) }
        }
        for index in testCase.governs.indices {
            variant { $0.governs.remove(at: index) }
        }
        // Policies, then their parts.
        for index in testCase.policies.indices {
            variant { $0.policies.remove(at: index) }
        }
        for (index, policy) in testCase.policies.enumerated() {
            if policy.check != nil { variant { $0.policies[index].check = nil } }
            if !policy.roles.isEmpty { variant { $0.policies[index].roles = [] } }
            if !policy.commands.isEmpty && policy.commands.count > 1 {
                for command in policy.commands.indices { variant { $0.policies[index].commands.remove(at: command) } }
            }
            for (_, setter) in DifferentialShrinker.clauseVariants(policy.using) { variant { $0.policies[index].using = setter } }
            if let check = policy.check {
                for (_, setter) in DifferentialShrinker.clauseVariants(check) { variant { $0.policies[index].check = setter } }
            }
        }
        // Tables (with the foreign keys that point at them), settings, then rows nobody references.
        for table in testCase.tables where testCase.tables.count > 1 {
            variant { $0 = DifferentialShrinker.removing(table.name, from: $0) }
        }
        // Settings, then rows nobody references.
        for (index, session) in testCase.sessions.enumerated() {
            for key in session.settings.keys.sorted() { variant { $0.sessions[index].settings[key] = nil } }
        }
        for table in testCase.tables {
            for (index, row) in (testCase.rows[table.name] ?? []).enumerated() where !isReferenced(row, of: table, in: testCase) {
                variant { $0.rows[table.name]?.remove(at: index) }
            }
        }
        return result
    }

    /// `testCase` without the table `name`: its rows and writes go, and so do the columns of
    /// other tables that reference it (with their values).
    static func removing(_ name: String, from testCase: DifferentialCase) -> DifferentialCase {
        var result = testCase
        var dropped = Set<String>()
        result.tables = testCase.tables.filter { $0.name != name }.map { table in
            var copy = table
            copy.columns = table.columns.filter { column in
                guard column.references == name else { return true }
                dropped.insert(column.name)
                return false
            }
            return copy
        }
        result.rows[name] = nil
        for key in result.rows.keys {
            result.rows[key] = result.rows[key]?.map { $0.filter { !dropped.contains($0.key) } }
        }
        result.operations = testCase.operations.compactMap { operation in
            guard operation.table != name else { return nil }
            switch operation {
            case .insert(let table, let row, let returning):
                return .insert(table: table, row: row.filter { !dropped.contains($0.key) }, returning: returning)
            case .update(let table, let id, let set):
                let remaining = set.filter { !dropped.contains($0.key) }
                return remaining.isEmpty ? nil : .update(table: table, id: id, set: remaining)
            case .delete:
                return operation
            }
        }
        return result
    }

    /// Variants of a disjunction with one clause or one atom (at any depth) removed.
    static func clauseVariants(_ clauses: [[DifferentialAtom]]) -> [(Int, [[DifferentialAtom]])] {
        var result: [(Int, [[DifferentialAtom]])] = []
        if clauses.count > 1 {
            for index in clauses.indices {
                var copy = clauses
                copy.remove(at: index)
                result.append((index, copy))
            }
        }
        for (index, clause) in clauses.enumerated() {
            for smaller in atomVariants(clause) {
                var copy = clauses
                copy[index] = smaller
                result.append((index, copy))
            }
        }
        return result
    }

    /// Variants of a conjunction with one atom removed, or one nested atom removed.
    private static func atomVariants(_ atoms: [DifferentialAtom]) -> [[DifferentialAtom]] {
        var result: [[DifferentialAtom]] = []
        if atoms.count > 1 {
            for index in atoms.indices {
                var copy = atoms
                copy.remove(at: index)
                result.append(copy)
            }
        }
        for (index, atom) in atoms.enumerated() {
            guard case .exists(let source, let target, let column, let inner) = atom else { continue }
            for smaller in atomVariants(inner) {
                var copy = atoms
                copy[index] = .exists(source: source, target: target, targetColumn: column, clause: smaller)
                result.append(copy)
            }
        }
        return result
    }

    /// Whether another row's foreign key or a write points at `row`.
    private func isReferenced(_ row: [String: SQLValue], of table: DifferentialTable, in testCase: DifferentialCase) -> Bool {
        guard let id = row["id"] else { return false }
        for other in testCase.tables {
            for column in other.columns where column.references == table.name {
                if (testCase.rows[other.name] ?? []).contains(where: { $0[column.name] == id }) { return true }
                for operation in testCase.operations {
                    switch operation {
                    case .insert(_, let values, _) where values[column.name] == id: return true
                    case .update(_, _, let values) where values[column.name] == id: return true
                    default: continue
                    }
                }
            }
        }
        for operation in testCase.operations where operation.table == table.name {
            switch operation {
            case .update(_, let target, _), .delete(_, let target?):
                if id == .int(target) { return true }
            default: continue
            }
        }
        return false
    }
}
