import PolicySchema
import PolicySyntax

/// The normal form of SPEC section 5, applied before analysis and compilation. Every step keeps
/// the meaning (SQL's "true or not true" reading of each atom):
/// 1. atom form (constants right, columns left, two columns by name, `<>` as `!=`);
/// 2. duplicate atoms removed;
/// 3. contradictory clauses dropped (`x = 1 AND x = 2`, `x IS NULL AND x = v`, `x = v AND x != v`,
///    disjoint IN lists);
/// 4. tautological atoms dropped (`col(x) = col(x)` for NOT NULL x, else `x IS NOT NULL`;
///    `now() IS NOT NULL`, `true`); an empty clause is true and makes its policy true; `false`
///    (or `now() IS NULL`) makes its clause contradictory;
/// 5. clauses containing all atoms of another clause dropped (absorption);
/// 6. `x = v AND x IN S` (v in S) keeps `x = v`; IN lists intersect;
/// to a fixpoint, then atoms and clauses sorted. Ranges (`x > 65 AND x < 18`) are left to the solver.
/// Atoms that call a volatile function are left out of rules 2 to 6: each call is its own value.
public struct Normalizer {
    /// Tells whether a column is NOT NULL: `table` is `nil` for the governed table, else a traversal target.
    public typealias NotNullOracle = (_ table: QualifiedName?, _ column: String) -> Bool

    /// Tells whether literals compared with an operand are spelled one way per value
    /// (`TypeFamily.hasCanonicalLiterals`), so that different texts are different values.
    public typealias CanonicalOracle = (_ table: QualifiedName?, _ operand: Operand) -> Bool

    /// Tells whether an operand calls a volatile function: two occurrences of it may be two
    /// different values, so `f() = 1 AND f() = 2` is no contradiction and `f() = f()` no tautology.
    public typealias VolatileOracle = (_ operand: Operand) -> Bool

    private let isNotNull: NotNullOracle
    private let hasCanonicalLiterals: CanonicalOracle
    private let isVolatile: VolatileOracle

    /// Creates a normalizer with a NOT NULL oracle and, for operands whose literals have several
    /// spellings, an oracle that says so (rules 3 and 6 then leave their atoms alone), and one
    /// for operands that call volatile functions (rules 3, 4 and 6 leave their atoms alone).
    public init(
        isNotNull: @escaping NotNullOracle, hasCanonicalLiterals: @escaping CanonicalOracle = { _, _ in true },
        isVolatile: @escaping VolatileOracle = { _ in false }
    ) {
        self.isNotNull = isNotNull
        self.hasCanonicalLiterals = hasCanonicalLiterals
        self.isVolatile = isVolatile
    }

    /// Normalizes a policy's disjunction of clauses.
    public func normalize(_ clauses: [Clause]) -> NormalizedPolicy {
        var kept: [Clause] = []
        var contradictory: [Clause] = []
        for clause in clauses {
            if let normalized = normalize(clause, table: nil) {
                kept.append(normalized)
            } else {
                contradictory.append(clause)
            }
        }
        if let truth = kept.first(where: \.isTrue) {
            return NormalizedPolicy(clauses: [truth], contradictory: contradictory)
        }
        // A clause that calls a volatile function neither absorbs nor is absorbed: its calls are
        // evaluated apart from the other clause's.
        let volatile = kept.filter { $0.atoms.contains(where: callsVolatile) }
        guard !volatile.isEmpty else { return NormalizedPolicy(clauses: Normalizer.absorb(kept), contradictory: contradictory) }
        let plain = kept.filter { !$0.atoms.contains(where: callsVolatile) }
        let sortedVolatile = volatile.sorted { $0.sortKey.utf8.lexicographicallyPrecedes($1.sortKey.utf8) }
        return NormalizedPolicy(clauses: Normalizer.absorb(plain) + sortedVolatile, contradictory: contradictory)
    }

    /// Drops clauses that contain every atom of another clause, and duplicates (the first of
    /// equal clauses stays); sorts the rest.
    ///
    /// Near linear: a clause can only contain every atom of another if it contains that other's
    /// rarest atom, so each distinct clause is filed under its rarest atom and a clause is
    /// compared only with the clauses filed under its own atoms (not with every clause: a policy
    /// of 8,000 `OR CLAUSE`s took seconds).
    static func absorb(_ clauses: [Clause]) -> [Clause] {
        var comparisons = 0
        return absorb(clauses, comparisons: &comparisons)
    }

    /// `absorb(_:)`, counting in `comparisons` the pairs of clauses it compared.
    static func absorb(_ clauses: [Clause], comparisons: inout Int) -> [Clause] {
        guard clauses.count > 1 else { return clauses }
        let sets = clauses.map { Set($0.atoms) }
        var absorbed = [Bool](repeating: false, count: clauses.count)
        if clauses.count <= 16 {
            // Few clauses (nearly every policy): comparing every pair costs less than an index.
            for index in sets.indices {
                comparisons += sets.count - 1
                absorbed[index] = sets.indices.contains { other in
                    other != index && sets[other].isSubset(of: sets[index]) && (sets[other].count < sets[index].count || other < index)
                }
            }
            return Normalizer.sorted(clauses, keeping: absorbed)
        }
        // Equal clauses: all but the first go.
        var first: [Set<Atom>: Int] = [:]
        for (index, set) in sets.enumerated() {
            if first[set] == nil { first[set] = index } else { absorbed[index] = true }
        }
        var frequency: [Atom: Int] = [:]
        for (index, set) in sets.enumerated() where !absorbed[index] {
            for atom in set { frequency[atom, default: 0] += 1 }
        }
        var filed: [Atom: [Int]] = [:]
        var empty: [Int] = []
        for (index, set) in sets.enumerated() where !absorbed[index] {
            if let rarest = set.min(by: { frequency[$0, default: 0] < frequency[$1, default: 0] }) {
                filed[rarest, default: []].append(index)
            } else {
                empty.append(index)
            }
        }
        for (index, set) in sets.enumerated() where !absorbed[index] {
            // The distinct clauses that may be strict subsets of this one.
            var candidates = empty
            for atom in set { candidates += filed[atom] ?? [] }
            comparisons += candidates.count
            absorbed[index] = candidates.contains { other in
                other != index && sets[other].count < set.count && sets[other].isSubset(of: set)
            }
        }
        return Normalizer.sorted(clauses, keeping: absorbed)
    }

    /// The clauses not `absorbed`, sorted by their text.
    private static func sorted(_ clauses: [Clause], keeping absorbed: [Bool]) -> [Clause] {
        var kept: [(key: String, clause: Clause)] = []
        for (index, clause) in clauses.enumerated() where !absorbed[index] { kept.append((clause.sortKey, clause)) }
        return kept.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map(\.clause)
    }

    /// Normalizes one clause; `nil` when it is contradictory.
    public func normalize(_ clause: Clause, table: QualifiedName?) -> Clause? {
        var atoms = clause.atoms
        var iterations = 0
        while true {
            iterations += 1
            guard let next = step(atoms, table: table) else { return nil }
            if next == atoms || iterations > 16 {
                atoms = next
                break
            }
            atoms = next
        }
        atoms.sort { $0.sortKey.utf8.lexicographicallyPrecedes($1.sortKey.utf8) }
        return Clause(atoms: atoms, origin: clause.origin)
    }

    /// One pass of rules 1–4 and 6 over a clause's atoms; `nil` when contradictory.
    private func step(_ input: [Atom], table: QualifiedName?) -> [Atom]? {
        var atoms: [Atom] = []
        var seen = Set<Atom>()
        for atom in input {
            guard let formed = form(atom, table: table) else { return nil }
            if case .constant(true) = formed { continue }
            // Two calls of a volatile function are two values: such an atom is not a duplicate.
            if seen.insert(formed).inserted || callsVolatile(formed) { atoms.append(formed) }
        }
        return resolveSubjects(atoms, table: table)
    }

    /// Whether an atom calls a volatile function (in a traversal's clause too).
    private func callsVolatile(_ atom: Atom) -> Bool {
        switch atom {
        case .compare(let lhs, _, let rhs): return isVolatile(lhs) || isVolatile(rhs)
        case .isNull(let operand), .isNotNull(let operand): return isVolatile(operand)
        case .predicate(let name, let arguments): return isVolatile(.function(name, arguments))
        case .exists(let traversal): return traversal.clause.atoms.contains(where: callsVolatile)
        case .constant, .raw: return false
        }
    }

    // MARK: - Rule 1 and 4: atom form, constants, tautologies

    /// The atom in atom form, folded when constant; `nil` when it is false.
    private func form(_ atom: Atom, table: QualifiedName?) -> Atom? {
        switch atom {
        case .constant(let value):
            return value ? .constant(true) : nil
        case .isNull(let operand):
            switch operand {
            case .literal(let value): return value == .null ? .constant(true) : nil
            case .list, .now: return nil
            case .column(let name) where isNotNull(table, name): return nil
            default: return atom
            }
        case .isNotNull(let operand):
            switch operand {
            case .literal(let value): return value == .null ? nil : .constant(true)
            case .list, .now: return .constant(true)
            case .column(let name) where isNotNull(table, name): return .constant(true)
            default: return atom
            }
        case .exists(let traversal):
            guard let inner = normalize(traversal.clause, table: traversal.target) else { return nil }
            var result = traversal
            result.clause = Clause(atoms: inner.atoms, origin: nil)
            return .exists(result)
        case .predicate, .raw:
            return atom
        case .compare(let lhs, let op, let rhs):
            return formComparison(lhs, op, rhs, table: table)
        }
    }

    private func formComparison(_ lhs: Operand, _ op: ComparisonOperator, _ rhs: Operand, table: QualifiedName?) -> Atom? {
        switch op {
        case .in, .notIn:
            guard case .list(let items) = rhs else { return .compare(lhs, op, rhs) }
            if op == .in {
                let values = Array(Set(items.filter { $0 != .null })).sorted()
                if values.isEmpty { return nil }
                if case .literal(let constant) = lhs {
                    return constant != .null && values.contains(constant) ? .constant(true) : nil
                }
                if values.count == 1 { return formComparison(lhs, .equal, .literal(values[0]), table: table) }
                return .compare(lhs, .in, .list(values))
            }
            if items.contains(.null) { return nil }
            let values = Array(Set(items)).sorted()
            if case .literal(let constant) = lhs {
                return constant != .null && !values.contains(constant) ? .constant(true) : nil
            }
            if values.count == 1 { return formComparison(lhs, .notEqual, .literal(values[0]), table: table) }
            return .compare(lhs, .notIn, .list(values))
        case .like, .notLike:
            if case .literal(.null) = lhs { return nil }
            if case .literal(.null) = rhs { return nil }
            if case .literal(.string(let text)) = lhs, case .literal(.string(let pattern)) = rhs {
                let matches = LikePattern.matches(text, pattern: pattern)
                return (op == .like) == matches ? .constant(true) : nil
            }
            return .compare(lhs, op, rhs)
        default:
            break
        }
        if case .literal(.null) = lhs { return nil }
        if case .literal(.null) = rhs { return nil }
        if case .literal(let a) = lhs, case .literal(let b) = rhs, let result = Normalizer.fold(a, op, b) {
            return result ? .constant(true) : nil
        }
        var left = lhs
        var right = rhs
        var op = op
        if let swapped = op.swapped {
            let swap: Bool
            if case .column(let a) = left, case .column(let b) = right {
                swap = b.utf8.lexicographicallyPrecedes(a.utf8)
            } else if case .outer(let a) = left, case .outer(let b) = right {
                swap = b.utf8.lexicographicallyPrecedes(a.utf8)
            } else {
                swap = right.rank < left.rank
            }
            if swap {
                (left, right) = (right, left)
                op = swapped
            }
        }
        if left == right, !left.isConstant, !isVolatile(left) {
            switch op {
            case .equal, .lessEqual, .greaterEqual:
                return form(.isNotNull(left), table: table)
            case .notEqual, .less, .greater:
                return nil
            default:
                break
            }
        }
        return .compare(left, op, right)
    }

    /// The truth of a comparison of two constants of one kind (false before true; strings only
    /// for `=` and `!=`, as their order is the collation's); `nil` when it cannot be told.
    public static func fold(_ a: LiteralValue, _ op: ComparisonOperator, _ b: LiteralValue) -> Bool? {
        let order: Int
        switch (a, b) {
        case (.int(let x), .int(let y)): order = x < y ? -1 : x == y ? 0 : 1
        case (.bool(let x), .bool(let y)): order = x == y ? 0 : (!x ? -1 : 1)
        case (.string(let x), .string(let y)):
            // Equal texts are equal values; their order is the collation's, unknown here.
            let equal = x.utf8.elementsEqual(y.utf8)
            switch op {
            case .equal: return equal
            case .notEqual: return !equal
            default: return nil
            }
        default: return nil
        }
        return op.holds(forOrder: order)
    }

    // MARK: - Rules 3 and 6: per subject

    /// Finds contradictions and merges IN lists per subject operand.
    private func resolveSubjects(_ atoms: [Atom], table: QualifiedName?) -> [Atom]? {
        var nullSubjects = Set<Operand>()
        var nonNullSubjects = Set<Operand>()
        var equalities: [Operand: LiteralValue] = [:]
        var inLists: [Operand: [LiteralValue]] = [:]
        var notInLists: [Operand: [LiteralValue]] = [:]
        var pairs = Set<Atom>()
        for atom in atoms {
            switch atom {
            case .isNull(let subject) where isVolatile(subject), .isNotNull(let subject) where isVolatile(subject):
                continue
            case .compare(let lhs, _, let rhs) where isVolatile(lhs) || isVolatile(rhs):
                continue
            case .isNull(let subject):
                nullSubjects.insert(subject)
            case .isNotNull(let subject):
                nonNullSubjects.insert(subject)
            case .compare(let lhs, let op, let rhs):
                nonNullSubjects.insert(lhs)
                if !rhs.isConstant { nonNullSubjects.insert(rhs) }
                pairs.insert(atom)
                // Literals with several spellings per value: two texts may be one value.
                guard hasCanonicalLiterals(table, lhs) else { continue }
                switch (op, rhs) {
                case (.equal, .literal(let value)):
                    if let existing = equalities[lhs], existing != value { return nil }
                    equalities[lhs] = value
                case (.in, .list(let values)):
                    inLists[lhs] = inLists[lhs].map { current in current.filter(values.contains) } ?? values
                case (.notIn, .list(let values)):
                    notInLists[lhs] = Array(Set((notInLists[lhs] ?? []) + values)).sorted()
                default:
                    break
                }
            case .exists(let traversal):
                nonNullSubjects.insert(.column(traversal.sourceColumn))
            default:
                break
            }
        }
        if !nullSubjects.isDisjoint(with: nonNullSubjects) { return nil }
        for atom in pairs {
            if case .compare(let lhs, .equal, let rhs) = atom, pairs.contains(.compare(lhs, .notEqual, rhs)) { return nil }
        }
        var result: [Atom] = []
        var emittedIn = Set<Operand>()
        var emittedNotIn = Set<Operand>()
        for atom in atoms {
            switch atom {
            case .compare(let subject, .in, .list) where hasCanonicalLiterals(table, subject):
                guard !emittedIn.contains(subject) else { continue }
                emittedIn.insert(subject)
                var values = inLists[subject] ?? []
                if let excluded = notInLists[subject] { values = values.filter { !excluded.contains($0) } }
                if let value = equalities[subject] {
                    if !values.contains(value) { return nil }
                    continue // x = v AND x IN S (v in S): keep x = v.
                }
                if values.isEmpty { return nil }
                result.append(values.count == 1 ? .compare(subject, .equal, .literal(values[0])) : .compare(subject, .in, .list(values)))
            case .compare(let subject, .notIn, .list) where hasCanonicalLiterals(table, subject):
                guard !emittedNotIn.contains(subject) else { continue }
                emittedNotIn.insert(subject)
                let excluded = notInLists[subject] ?? []
                if let value = equalities[subject] {
                    if excluded.contains(value) { return nil }
                    continue // implied by x = v
                }
                if inLists[subject] != nil { continue } // folded into the IN list
                result.append(
                    excluded.count == 1 ? .compare(subject, .notEqual, .literal(excluded[0])) : .compare(subject, .notIn, .list(excluded)))
            default:
                result.append(atom)
            }
        }
        return result
    }
}

extension Atom {
    /// The key atoms are sorted by in normal form: their text in the policy language.
    var sortKey: String { description }
}

extension Clause {
    /// The key clauses are sorted by in normal form.
    var sortKey: String { description }
}
