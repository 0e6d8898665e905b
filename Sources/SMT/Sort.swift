import CZ3

/// A Z3 sort (a type of terms): Bool, Int, String, a regular-expression sort or an uninterpreted sort.
///
/// Owns one reference to the Z3 sort and keeps its context alive.
///
/// `@unchecked Sendable` like its context: only the thread that owns the context may touch it
/// (see `Z3Context`).
public final class Sort: @unchecked Sendable, Hashable, CustomStringConvertible {
    /// The context the sort belongs to.
    public let context: Z3Context
    /// The C handle.
    let raw: Z3_sort

    /// Takes a new reference on a sort just returned by Z3.
    init(context: Z3Context, adopting raw: Z3_sort, operation: String = #function) throws {
        try context.call(operation: operation) { Z3_inc_ref($0, Z3_sort_to_ast($0, raw)) }
        self.context = context
        self.raw = raw
    }

    deinit {
        Z3_dec_ref(context.raw, Z3_sort_to_ast(context.raw, raw))
    }

    /// Whether this is the string sort.
    public var isString: Bool {
        (try? context.call { Z3_is_string_sort($0, raw) }) ?? false
    }

    /// Whether this is the integer sort.
    public var isInt: Bool {
        (try? context.call { Z3_get_sort_kind($0, raw) == Z3_INT_SORT }) ?? false
    }

    /// Whether this is the real sort.
    public var isReal: Bool {
        (try? context.call { Z3_get_sort_kind($0, raw) == Z3_REAL_SORT }) ?? false
    }

    /// Whether this is the Boolean sort.
    public var isBool: Bool {
        (try? context.call { Z3_get_sort_kind($0, raw) == Z3_BOOL_SORT }) ?? false
    }

    /// The sort in SMT-LIB notation, such as `Int` or `String`.
    public var description: String {
        (try? context.call { Z3_sort_to_string($0, raw).map { String(cString: $0) } }) ?? "<sort>"
    }

    /// Two sorts are equal when they are the same sort of the same context.
    public static func == (lhs: Sort, rhs: Sort) -> Bool {
        lhs.context === rhs.context && lhs.raw == rhs.raw
    }

    /// Hashes the sort's identity (Z3 shares equal sorts).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(raw)
    }
}
