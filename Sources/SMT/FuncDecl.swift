import CZ3

/// A declared function symbol, such as an uninterpreted function standing for an SQL function.
///
/// Owns one reference to the Z3 declaration and keeps its context alive.
///
/// `@unchecked Sendable` like its context: only the thread that owns the context may touch it
/// (see `Z3Context`).
public final class FuncDecl: @unchecked Sendable, CustomStringConvertible {
    /// The context the declaration belongs to.
    public let context: Z3Context
    /// The C handle.
    let raw: Z3_func_decl

    /// Takes a new reference on a declaration just returned by Z3.
    init(context: Z3Context, adopting raw: Z3_func_decl, operation: String = #function) throws {
        try context.call(operation: operation) { Z3_inc_ref($0, Z3_func_decl_to_ast($0, raw)) }
        self.context = context
        self.raw = raw
    }

    deinit {
        Z3_dec_ref(context.raw, Z3_func_decl_to_ast(context.raw, raw))
    }

    /// Applies the function to arguments of its domain sorts.
    /// - Throws: `SolverError` on a wrong number or sort of arguments.
    public func apply(_ arguments: [Term]) throws -> Term {
        let args = try context.handles(arguments)
        return try context.term { Z3_mk_app($0, raw, UInt32(args.count), args) }
    }

    /// Applies the function to arguments of its domain sorts: `try f(a, b)`.
    public func callAsFunction(_ arguments: Term...) throws -> Term {
        try apply(arguments)
    }

    /// The function's name.
    public var name: String {
        (try? context.call { Z3_get_symbol_string($0, Z3_get_decl_name($0, raw)).map { String(cString: $0) } }) ?? "<decl>"
    }

    /// The declaration in SMT-LIB notation.
    public var description: String {
        (try? context.call { Z3_func_decl_to_string($0, raw).map { String(cString: $0) } }) ?? "<decl>"
    }
}
