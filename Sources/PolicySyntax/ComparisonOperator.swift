/// The binary operators of atoms.
public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case greater = ">"
    case lessEqual = "<="
    case greaterEqual = ">="
    case `in` = "IN"
    case notIn = "NOT IN"
    case like = "LIKE"
    case notLike = "NOT LIKE"

    /// The operator with its operands swapped (`a < b` is `b > a`); `nil` when not symmetric-swappable.
    public var swapped: ComparisonOperator? {
        switch self {
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .greater
        case .greater: return .less
        case .lessEqual: return .greaterEqual
        case .greaterEqual: return .lessEqual
        case .in, .notIn, .like, .notLike: return nil
        }
    }
}
