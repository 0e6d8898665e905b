import CZ3

extension Z3Context {
    // MARK: Sorts

    /// The Boolean sort.
    public var boolSort: Sort {
        get throws { try Sort(context: self, adopting: callNonNull { Z3_mk_bool_sort($0) }) }
    }

    /// The (mathematical, unbounded) integer sort.
    public var intSort: Sort {
        get throws { try Sort(context: self, adopting: callNonNull { Z3_mk_int_sort($0) }) }
    }

    /// The (mathematical) real sort, for SQL numeric, real and double precision values.
    public var realSort: Sort {
        get throws { try Sort(context: self, adopting: callNonNull { Z3_mk_real_sort($0) }) }
    }

    /// The string sort (sequences of characters up to `Z3Context.maxCharacter`).
    public var stringSort: Sort {
        get throws { try Sort(context: self, adopting: callNonNull { Z3_mk_string_sort($0) }) }
    }

    /// The sort of regular expressions over strings.
    public var regexSort: Sort {
        get throws {
            let string = try stringSort
            return try Sort(context: self, adopting: callNonNull { Z3_mk_re_sort($0, string.raw) })
        }
    }

    /// An uninterpreted sort with the given name (for uuid, jsonb, timestamps, ...).
    public func uninterpretedSort(named name: String) throws -> Sort {
        let symbol = try symbol(name)
        return try Sort(context: self, adopting: callNonNull { Z3_mk_uninterpreted_sort($0, symbol) })
    }

    // MARK: Constants and literals

    /// A constant of the given sort; the same name and sort always give the same constant.
    public func constant(_ name: String, _ sort: Sort) throws -> Term {
        let symbol = try symbol(name)
        let sort = try handle(sort)
        return try term { Z3_mk_const($0, symbol, sort) }
    }

    /// A constant of the given sort that is distinct from every other constant (for witnesses).
    public func freshConstant(prefix: String, _ sort: Sort) throws -> Term {
        let sort = try handle(sort)
        return try term { Z3_mk_fresh_const($0, prefix, sort) }
    }

    /// The Boolean literal `true` or `false`.
    public func bool(_ value: Bool) throws -> Term {
        try term { value ? Z3_mk_true($0) : Z3_mk_false($0) }
    }

    /// An integer literal.
    public func int(_ value: Int) throws -> Term {
        let sort = try intSort
        return try term { Z3_mk_int64($0, Int64(value), sort.raw) }
    }

    /// An integer literal of any size, written in decimal (an optional leading `-`).
    public func int(decimal: String) throws -> Term {
        let sort = try intSort
        return try term { Z3_mk_numeral($0, decimal, sort.raw) }
    }

    /// A real literal equal to the integer `value`.
    public func real(_ value: Int) throws -> Term {
        let sort = try realSort
        return try term { Z3_mk_int64($0, Int64(value), sort.raw) }
    }

    /// An integer term as a real term (Z3's `to_real`), to compare integers with reals.
    public func toReal(_ operand: Term) throws -> Term {
        let a = try handle(operand)
        return try term { Z3_mk_int2real($0, a) }
    }

    // MARK: Boolean structure

    /// Logical negation.
    public func not(_ operand: Term) throws -> Term {
        let a = try handle(operand)
        return try term { Z3_mk_not($0, a) }
    }

    /// Conjunction; `true` when there are no operands.
    public func and(_ operands: [Term]) throws -> Term {
        if operands.isEmpty { return try bool(true) }
        if operands.count == 1 {
            _ = try handle(operands[0])
            return operands[0]
        }
        let args = try handles(operands)
        return try term { Z3_mk_and($0, UInt32(args.count), args) }
    }

    /// Conjunction of the operands.
    public func and(_ operands: Term...) throws -> Term {
        try and(operands)
    }

    /// Disjunction; `false` when there are no operands.
    public func or(_ operands: [Term]) throws -> Term {
        if operands.isEmpty { return try bool(false) }
        if operands.count == 1 {
            _ = try handle(operands[0])
            return operands[0]
        }
        let args = try handles(operands)
        return try term { Z3_mk_or($0, UInt32(args.count), args) }
    }

    /// Disjunction of the operands.
    public func or(_ operands: Term...) throws -> Term {
        try or(operands)
    }

    /// Implication `premise → conclusion`.
    public func implies(_ premise: Term, _ conclusion: Term) throws -> Term {
        let (a, b) = (try handle(premise), try handle(conclusion))
        return try term { Z3_mk_implies($0, a, b) }
    }

    /// Equivalence of two Boolean terms.
    public func iff(_ lhs: Term, _ rhs: Term) throws -> Term {
        let (a, b) = (try handle(lhs), try handle(rhs))
        return try term { Z3_mk_iff($0, a, b) }
    }

    /// If-then-else: `then` when `condition` holds, else `otherwise` (both of one sort).
    public func ite(_ condition: Term, then: Term, else otherwise: Term) throws -> Term {
        let (c, t, e) = (try handle(condition), try handle(then), try handle(otherwise))
        return try term { Z3_mk_ite($0, c, t, e) }
    }

    /// Equality of two terms of the same sort.
    public func eq(_ lhs: Term, _ rhs: Term) throws -> Term {
        let (a, b) = (try handle(lhs), try handle(rhs))
        return try term { Z3_mk_eq($0, a, b) }
    }

    /// Pairwise distinctness; `true` for fewer than two operands.
    public func distinct(_ operands: [Term]) throws -> Term {
        if operands.count < 2 { return try bool(true) }
        let args = try handles(operands)
        return try term { Z3_mk_distinct($0, UInt32(args.count), args) }
    }

    /// Membership in a list, as SQL's `x IN (a, b, ...)` on non-null values: a disjunction of equalities.
    public func isMember(_ element: Term, of list: [Term]) throws -> Term {
        try or(list.map { try eq(element, $0) })
    }

    // MARK: Arithmetic and ordering

    /// Sum of integer terms; `0` when there are none.
    public func add(_ operands: [Term]) throws -> Term {
        if operands.isEmpty { return try int(0) }
        let args = try handles(operands)
        return try term { Z3_mk_add($0, UInt32(args.count), args) }
    }

    /// Difference `lhs - rhs` of integer terms.
    public func sub(_ lhs: Term, _ rhs: Term) throws -> Term {
        let args = [try handle(lhs), try handle(rhs)] as [Z3_ast?]
        return try term { Z3_mk_sub($0, 2, args) }
    }

    /// Product of integer terms; `1` when there are none.
    public func mul(_ operands: [Term]) throws -> Term {
        if operands.isEmpty { return try int(1) }
        let args = try handles(operands)
        return try term { Z3_mk_mul($0, UInt32(args.count), args) }
    }

    /// `lhs < rhs`: numeric on integers, lexicographic on strings.
    public func lt(_ lhs: Term, _ rhs: Term) throws -> Term {
        let (a, b) = (try handle(lhs), try handle(rhs))
        if try lhs.sort.isString { return try term { Z3_mk_str_lt($0, a, b) } }
        return try term { Z3_mk_lt($0, a, b) }
    }

    /// `lhs <= rhs`: numeric on integers, lexicographic on strings.
    public func le(_ lhs: Term, _ rhs: Term) throws -> Term {
        let (a, b) = (try handle(lhs), try handle(rhs))
        if try lhs.sort.isString { return try term { Z3_mk_str_le($0, a, b) } }
        return try term { Z3_mk_le($0, a, b) }
    }

    /// `lhs > rhs`: numeric on integers, lexicographic on strings.
    public func gt(_ lhs: Term, _ rhs: Term) throws -> Term {
        try lt(rhs, lhs)
    }

    /// `lhs >= rhs`: numeric on integers, lexicographic on strings.
    public func ge(_ lhs: Term, _ rhs: Term) throws -> Term {
        try le(rhs, lhs)
    }

    // MARK: Functions and quantifiers

    /// Declares a function symbol; uninterpreted unless constrained (for SQL functions).
    public func function(_ name: String, domain: [Sort], range: Sort) throws -> FuncDecl {
        let symbol = try symbol(name)
        let domain: [Z3_sort?] = try domain.map { try handle($0) }
        let range = try handle(range)
        return try FuncDecl(
            context: self,
            adopting: callNonNull {
                Z3_mk_func_decl($0, symbol, UInt32(domain.count), domain, range)
            })
    }

    /// `∀ bound. body`, where `bound` are constants made by `constant(_:_:)` or `freshConstant(prefix:_:)`.
    public func forall(_ bound: [Term], _ body: Term) throws -> Term {
        try quantifier(universal: true, bound, body)
    }

    /// `∃ bound. body`, where `bound` are constants made by `constant(_:_:)` or `freshConstant(prefix:_:)`.
    public func exists(_ bound: [Term], _ body: Term) throws -> Term {
        try quantifier(universal: false, bound, body)
    }

    /// Builds a quantifier over constants, checking that each bound term is a constant.
    private func quantifier(universal: Bool, _ bound: [Term], _ body: Term, _ operation: String = #function) throws -> Term {
        if bound.isEmpty {
            _ = try handle(body, operation)
            return body
        }
        let body = try handle(body, operation)
        let apps: [Z3_app?] = try bound.map { constant in
            let ast = try handle(constant, operation)
            let isConstant = try call(operation: operation) {
                Z3_is_app($0, ast) && Z3_get_app_num_args($0, Z3_to_app($0, ast)) == 0
                    && Z3_get_decl_kind($0, Z3_get_app_decl($0, Z3_to_app($0, ast))) == Z3_OP_UNINTERPRETED
            }
            guard isConstant else {
                throw SolverError(
                    kind: .wrapper, message: "only constants can be bound by a quantifier, not \(constant)", operation: operation)
            }
            return try call(operation: operation) { Z3_to_app($0, ast) }
        }
        return try term(operation: operation) {
            universal
                ? Z3_mk_forall_const($0, 0, UInt32(apps.count), apps, 0, nil, body)
                : Z3_mk_exists_const($0, 0, UInt32(apps.count), apps, 0, nil, body)
        }
    }

    /// The term rewritten by Z3's simplifier (literals folded, obvious identities applied).
    public func simplify(_ operand: Term) throws -> Term {
        let a = try handle(operand)
        return try term { Z3_simplify($0, a) }
    }
}
