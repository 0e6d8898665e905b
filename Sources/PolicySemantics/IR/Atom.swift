import PolicySyntax

/// An atom of the normalized form: true or not true for a row and a session.
public indirect enum Atom: Hashable, Sendable, CustomStringConvertible {
    /// `lhs op rhs` (true only when both sides are non-null and the comparison holds).
    case compare(Operand, ComparisonOperator, Operand)
    /// `operand IS NULL`
    case isNull(Operand)
    /// `operand IS NOT NULL`
    case isNotNull(Operand)
    /// `exists(rel(...), {...})`
    case exists(Traversal)
    /// A boolean declared function.
    case predicate(String, [Operand])
    /// Opaque SQL.
    case raw(RawSQL)
    /// A constant truth value (only inside the normalizer; never in a normalized clause).
    case constant(Bool)

    /// The atom in the policy language.
    public var description: String {
        switch self {
        case .compare(let lhs, let op, let rhs): return "\(lhs) \(op.rawValue) \(rhs)"
        case .isNull(let operand): return "\(operand) IS NULL"
        case .isNotNull(let operand): return "\(operand) IS NOT NULL"
        case .exists(let traversal):
            let target =
                traversal.target.schema == "public"
                ? Operand.name(traversal.target.name)
                : Operand.name(traversal.target.schema) + "." + Operand.name(traversal.target.name)
            return
                "exists(rel(_, \(Operand.name(traversal.sourceColumn)), \(target), \(Operand.name(traversal.targetColumn))), {\(traversal.clause)})"
        case .predicate(let name, let arguments):
            return "fn(\(Operand.name(name)), [" + arguments.map(\.description).joined(separator: ", ") + "])"
        case .raw(let raw): return "raw('\(raw.text.doublingQuotes("'"))')"
        case .constant(let value): return value ? "true" : "false"
        }
    }

    /// The columns of the current table the atom reads (a traversal reads its source column and
    /// the columns its clause reads with `outer(c)`).
    public var columns: [String] {
        switch self {
        case .compare(let lhs, _, let rhs): return lhs.columns + rhs.columns
        case .isNull(let operand), .isNotNull(let operand): return operand.columns
        case .exists(let traversal): return [traversal.sourceColumn] + traversal.clause.outerColumns
        case .predicate(_, let arguments): return arguments.flatMap(\.columns)
        case .raw, .constant: return []
        }
    }

    /// The columns of the enclosing row the atom reads with `outer(c)` (not those inside a
    /// nested traversal's clause, which refer to that traversal's source row).
    public var outerColumns: [String] {
        switch self {
        case .compare(let lhs, _, let rhs): return lhs.outerColumns + rhs.outerColumns
        case .isNull(let operand), .isNotNull(let operand): return operand.outerColumns
        case .predicate(_, let arguments): return arguments.flatMap(\.outerColumns)
        case .exists, .raw, .constant: return []
        }
    }

    /// The session keys the atom itself reads (not those inside a traversal's clause).
    public var sessionKeysRead: [String] {
        switch self {
        case .compare(let lhs, _, let rhs): return lhs.sessionKeys + rhs.sessionKeys
        case .isNull(let operand), .isNotNull(let operand): return operand.sessionKeys
        case .predicate(_, let arguments): return arguments.flatMap(\.sessionKeys)
        case .exists, .raw, .constant: return []
        }
    }

    /// Whether the atom is a traversal.
    public var isTraversal: Bool {
        if case .exists = self { return true }
        return false
    }

    /// Whether the atom or anything nested in it is `raw`.
    public var containsRaw: Bool {
        switch self {
        case .raw: return true
        case .exists(let traversal): return traversal.clause.atoms.contains { $0.containsRaw }
        default: return false
        }
    }

    /// The atom after the text of `path` moved `delta` bytes (only raw SQL knows where it is).
    func shifted(by delta: Int, in path: String) -> Atom {
        switch self {
        case .raw(let raw):
            return .raw(raw.shifted(by: delta, in: path))
        case .exists(var traversal) where containsRaw:
            traversal.clause = traversal.clause.shifted(by: delta, in: path)
            return .exists(traversal)
        default:
            return self
        }
    }
}
