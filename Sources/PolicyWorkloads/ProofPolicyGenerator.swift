import PolicySchema
import PolicySemantics
import PolicySyntax

/// Generates policies as lowered clauses (before normalization) over a table of a schema, with
/// everything the normal form rewrites: constants on the left, duplicate atoms, contradictions
/// (`x = 1 AND x = 2`, `x IS NULL AND x = v`, `x = v AND x != v`, disjoint IN lists), tautologies
/// (`col(x) = col(x)`), IN lists that intersect or contain an equality, NOT IN lists, absorbed
/// clauses, constant comparisons, traversals (nested up to depth 2) along the schema's foreign
/// keys, `outer(c)` inside them (the row the traversal starts from), declared functions and raw
/// SQL (and, when asked, `true`/`false` and `now()`). Well-typed, as the checker would have left
/// them.
/// Deterministic for a seed; for `p ≡ normalize(p)`.
public struct ProofPolicyGenerator {
    /// A function a policy may call: name, argument families, result family.
    public struct Function: Sendable {
        /// Its name in `fn(...)`.
        public var name: String
        /// Its arguments' type families.
        public var arguments: [TypeFamily]
        /// Its result's type family.
        public var returns: TypeFamily

        /// Creates a function description.
        public init(name: String, arguments: [TypeFamily], returns: TypeFamily) {
            self.name = name
            self.arguments = arguments
            self.returns = returns
        }
    }

    /// The schema.
    public var schema: SchemaModel
    /// The table policies are generated for.
    public var table: QualifiedName
    /// Session keys and their families.
    public var sessionKeys: [(key: String, family: TypeFamily)]
    /// Declared functions.
    public var functions: [Function]
    /// Whether raw SQL atoms may appear.
    public var allowRaw: Bool
    /// Whether SPEC 11.3's `true`/`false` atoms and `now()` comparisons may appear (off for the
    /// benchmarks, whose workloads stay those of v1).
    public var allowConstantsAndNow: Bool

    /// Creates a generator.
    public init(
        schema: SchemaModel, table: QualifiedName, sessionKeys: [(key: String, family: TypeFamily)],
        functions: [Function] = [], allowRaw: Bool = true, allowConstantsAndNow: Bool = false
    ) {
        self.schema = schema
        self.table = table
        self.sessionKeys = sessionKeys
        self.functions = functions
        self.allowRaw = allowRaw
        self.allowConstantsAndNow = allowConstantsAndNow
    }

    /// A policy: one to four clauses, some of them variations of others (to be absorbed).
    public func policy(using rng: inout SeededGenerator) -> [Clause] {
        guard let model = schema.table(table) else { return [] }
        var clauses: [Clause] = []
        for _ in 0..<rng.int(1...4) {
            if let previous = clauses.last, rng.chance(0.25) {
                // A superset of the previous clause (absorbed), or it again (a duplicate).
                var atoms = previous.atoms
                if rng.chance(0.7) { atoms.append(atom(model, depth: 0, outer: nil, rng: &rng)) }
                clauses.append(Clause(atoms: atoms.shuffled(using: &rng)))
            } else {
                clauses.append(clause(model, depth: 0, rng: &rng))
            }
        }
        return clauses
    }

    /// A clause of one to four atoms on `model`, with a repeated atom now and then; inside a
    /// traversal `outer` is the table of the row it starts from (what `outer(c)` reads).
    func clause(_ model: TableModel, depth: Int, outer: TableModel? = nil, rng: inout SeededGenerator) -> Clause {
        var atoms: [Atom] = []
        for _ in 0..<rng.int(1...(depth == 0 ? 4 : 2)) {
            if let last = atoms.last, rng.chance(0.1) {
                atoms.append(last)
            } else {
                atoms.append(atom(model, depth: depth, outer: outer, rng: &rng))
            }
        }
        return Clause(atoms: atoms)
    }

    private func atom(_ model: TableModel, depth: Int, outer: TableModel?, rng: inout SeededGenerator) -> Atom {
        let columns = model.columns.filter { [.uuid, .text, .integer, .numeric, .boolean].contains($0.type.family) }
        guard let column = columns.isEmpty ? nil : rng.pick(columns) else { return .isNull(.literal(.null)) }
        let subject = Operand.column(column.name)
        let family = column.type.family
        let relations = model.foreignKeys.filter {
            $0.columns.count == 1 && $0.referencedColumns.count == 1 && schema.table($0.referencedTable) != nil
        }
        switch rng.int(0...21) {
        case 0...6:
            let op = rng.pick(operators(family))
            let other = operand(family, model: model, outer: outer, rng: &rng)
            return rng.chance(0.25) ? .compare(other, op.swapped ?? op, subject) : .compare(subject, op, other)
        case 7...8:
            // Membership; lists overlap so that IN lists intersect.
            let values = (0..<rng.int(1...3)).map { _ in literal(family, rng: &rng) }
            if rng.chance(0.7) {
                // null in an IN list never matches (the checker warns, the normal form drops it).
                return .compare(subject, .in, .list(values + (rng.chance(0.1) ? [.null] : [])))
            }
            return .compare(subject, .notIn, .list(values))
        case 9...10:
            return rng.chance(0.5) ? .isNull(subject) : .isNotNull(subject)
        case 11:
            // col(x) = col(x), col(x) < col(x)…: tautologies and contradictions by form.
            return .compare(subject, rng.pick([.equal, .notEqual, .less, .lessEqual, .greaterEqual]), subject)
        case 12:
            // Two constants.
            let a = literal(family, rng: &rng)
            let b = literal(family, rng: &rng)
            return .compare(.literal(a), rng.pick(operators(family)), .literal(b))
        case 13...15 where depth < 2 && !relations.isEmpty:
            let relation = rng.pick(relations)
            guard let target = schema.table(relation.referencedTable) else { return .isNotNull(subject) }
            return .exists(
                Traversal(
                    sourceColumn: relation.columns[0], target: target.name, targetColumn: relation.referencedColumns[0],
                    clause: clause(target, depth: depth + 1, outer: model, rng: &rng)))
        case 16 where !functions.isEmpty:
            let function = rng.pick(functions)
            let arguments = function.arguments.map { operand($0, model: model, outer: outer, rng: &rng) }
            if function.returns == .boolean { return .predicate(function.name, arguments) }
            return .compare(
                .function(function.name, arguments), rng.pick(operators(function.returns)), .literal(literal(function.returns, rng: &rng)))
        case 17 where allowRaw:
            return .raw(RawSQL(text: rng.pick(["true", "status <> 'x'"]), location: nil))
        case 18 where family == .text:
            return .compare(subject, rng.chance(0.7) ? .like : .notLike, .literal(.string(rng.pick(["a%", "_", "%b", "a_b%", "%"]))))
        case 19:
            let key = sessionKeys.filter { $0.family == family }
            if let key = key.isEmpty ? nil : rng.pick(key) {
                return rng.chance(0.5) ? .isNull(.session(key.key)) : .compare(subject, .equal, .session(key.key))
            }
            return .compare(subject, .equal, .literal(literal(family, rng: &rng)))
        case 20 where allowConstantsAndNow:
            return .constant(rng.chance(0.5))
        case 21 where allowConstantsAndNow:
            return now(model, rng: &rng)
        default:
            return .compare(subject, .equal, .literal(literal(family, rng: &rng)))
        }
    }

    /// `now()` compared with a timestamp column or literal (on either side), or tested for NULL.
    private func now(_ model: TableModel, rng: inout SeededGenerator) -> Atom {
        let temporal = model.columns.filter { $0.type.family == .timestamp }
        let op = rng.pick(operators(.timestamp))
        switch rng.int(0...5) {
        case 0: return rng.chance(0.5) ? .isNull(.now) : .isNotNull(.now)
        case 1...2 where !temporal.isEmpty:
            let column = Operand.column(rng.pick(temporal).name)
            return rng.chance(0.5) ? .compare(column, op, .now) : .compare(.now, op, column)
        default:
            let moment = Operand.literal(.string(rng.pick(["2001-02-03 04:05:06+00", "2999-12-31 00:00:00+00"])))
            return rng.chance(0.7) ? .compare(.now, op, moment) : .compare(moment, op, .now)
        }
    }

    private func operators(_ family: TypeFamily) -> [ComparisonOperator] {
        switch family {
        case .boolean: return [.equal, .notEqual]
        default: return [.equal, .notEqual, .less, .greater, .lessEqual, .greaterEqual]
        }
    }

    /// A value of `family`: a literal (often), a column of the same family (of the enclosing row
    /// too, inside a traversal), a session key, a function.
    private func operand(_ family: TypeFamily, model: TableModel, outer: TableModel?, rng: inout SeededGenerator) -> Operand {
        let columns = model.columns.filter { $0.type.family == family }
        let outerColumns = outer?.columns.filter { $0.type.family == family } ?? []
        let keys = sessionKeys.filter { $0.family == family }
        let calls = functions.filter { $0.returns == family && $0.returns != .boolean }
        switch rng.int(0...9) {
        case 0...1 where !columns.isEmpty: return .column(rng.pick(columns).name)
        case 2...3 where !keys.isEmpty: return .session(rng.pick(keys).key)
        case 5...6 where !outerColumns.isEmpty: return .outer(rng.pick(outerColumns).name)
        case 4 where !calls.isEmpty:
            let function = rng.pick(calls)
            return .function(
                function.name,
                function.arguments.map { argument in
                    let same = model.columns.filter { $0.type.family == argument }
                    return same.isEmpty ? .literal(literal(argument, rng: &rng)) : .column(rng.pick(same).name)
                })
        default: return .literal(literal(family, rng: &rng))
        }
    }

    /// A literal of `family` from a small set, so atoms meet (and contradict) each other.
    private func literal(_ family: TypeFamily, rng: inout SeededGenerator) -> LiteralValue {
        switch family {
        case .integer, .numeric: return .int(rng.int(-1...3))
        case .boolean: return .bool(rng.chance(0.5))
        case .uuid:
            return .string(
                rng.pick([
                    "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002",
                    "ffffffff-ffff-4fff-bfff-ffffffffffff",
                ]))
        default: return .string(rng.pick(["", "a", "ab", "b", "it's"]))
        }
    }
}
