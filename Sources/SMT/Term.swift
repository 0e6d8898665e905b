import CZ3

/// A Z3 term (an AST): a constant, a literal, an application, a quantifier or a regular expression.
///
/// Owns one reference to the Z3 AST and keeps its context alive. Terms are hash-consed by Z3,
/// so `==` here is identity of the built term (structural equality), not the SMT equality
/// `Z3Context.eq(_:_:)`.
///
/// `@unchecked Sendable` like its context: only the thread that owns the context may touch it
/// (see `Z3Context`).
public final class Term: @unchecked Sendable, Hashable, CustomStringConvertible {
    /// The context the term belongs to.
    public let context: Z3Context
    /// The C handle.
    let raw: Z3_ast

    /// Takes a new reference on an AST just returned by Z3.
    init(context: Z3Context, adopting raw: Z3_ast, operation: String = #function) throws {
        try context.call(operation: operation) { Z3_inc_ref($0, raw) }
        self.context = context
        self.raw = raw
    }

    deinit {
        Z3_dec_ref(context.raw, raw)
    }

    /// The term's sort.
    public var sort: Sort {
        get throws {
            try Sort(context: context, adopting: context.callNonNull { Z3_get_sort($0, raw) })
        }
    }

    /// The term in SMT-LIB notation.
    public var description: String {
        (try? context.call { Z3_ast_to_string($0, raw).map { String(cString: $0) } }) ?? "<term>"
    }

    /// Two terms are equal when they are the same (hash-consed) term of the same context.
    public static func == (lhs: Term, rhs: Term) -> Bool {
        lhs.context === rhs.context && lhs.raw == rhs.raw
    }

    /// Hashes the term's identity.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(raw)
    }
}
