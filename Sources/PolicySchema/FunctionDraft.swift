import PolicySyntax

/// A function signature before its types are resolved.
struct FunctionDraft: Sendable {
    /// Its qualified name.
    var name: QualifiedName
    /// Where its name is written.
    var location: SourceRange
    /// Input argument types (IN, INOUT, VARIADIC).
    var inputs: [SQLTypeSpec]
    /// Output argument types (OUT, INOUT), for functions without RETURNS.
    var outputs: [SQLTypeSpec]
    /// The declared return type.
    var returns: SQLTypeSpec?
    /// `RETURNS SETOF t`.
    var returnsSet: Bool
    /// `RETURNS TABLE (...)`.
    var returnsTable: Bool
    /// SECURITY DEFINER.
    var securityDefiner: Bool
    /// The search path in force at the statement.
    var searchPath: [String]
    /// The owner (`ALTER FUNCTION ... OWNER TO`).
    var owner: String? = nil
    /// The roles that may execute it.
    var executors: Set<String> = ["public"]
    /// The relation names its body reads or writes; nil when the body cannot be read.
    var bodyNames: [SQLName]? = []
}
