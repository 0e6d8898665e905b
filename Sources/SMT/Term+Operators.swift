extension Term {
    /// Conjunction: `try a && b`.
    public static func && (lhs: Term, rhs: Term) throws -> Term {
        try lhs.context.and([lhs, rhs])
    }

    /// Disjunction: `try a || b`.
    public static func || (lhs: Term, rhs: Term) throws -> Term {
        try lhs.context.or([lhs, rhs])
    }

    /// Negation: `try !a`.
    public static prefix func ! (operand: Term) throws -> Term {
        try operand.context.not(operand)
    }
}
