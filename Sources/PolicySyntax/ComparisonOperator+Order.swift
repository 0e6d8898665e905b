extension ComparisonOperator {
    /// Whether the operator holds between two values whose order is `order` (negative, zero or
    /// positive, as `a` compares to `b`); `nil` for IN, NOT IN, LIKE and NOT LIKE.
    public func holds(forOrder order: Int) -> Bool? {
        switch self {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessEqual: return order <= 0
        case .greater: return order > 0
        case .greaterEqual: return order >= 0
        case .in, .notIn, .like, .notLike: return nil
        }
    }
}
