import CZ3

/// A satisfying assignment found by a solver check.
///
/// Owns one reference to the Z3 model and keeps its context alive. Evaluation uses model
/// completion: a constant the model leaves open gets a default value of its sort.
///
/// `@unchecked Sendable` like its context: only the thread that owns the context may touch it
/// (see `Z3Context`).
public final class Model: @unchecked Sendable, CustomStringConvertible {
    /// The context the model belongs to.
    public let context: Z3Context
    /// The C handle.
    let raw: Z3_model

    /// Takes a new reference on a model just returned by Z3.
    init(context: Z3Context, adopting raw: Z3_model, operation: String = #function) throws {
        try context.call(operation: operation) { Z3_model_inc_ref($0, raw) }
        self.context = context
        self.raw = raw
    }

    deinit {
        Z3_model_dec_ref(context.raw, raw)
    }

    /// The value of `term` in this model, as a term (a literal for Bool, Int and String terms).
    /// - Throws: `SolverError` when Z3 cannot evaluate it (a quantifier, an interruption, ...).
    public func evaluate(_ term: Term) throws -> Term {
        let t = try context.handle(term)
        var value: Z3_ast?
        let evaluated = try context.call { Z3_model_eval($0, raw, t, true, &value) }
        guard evaluated, let value else {
            throw SolverError(kind: .wrapper, message: "could not evaluate \(term) in the model", operation: "evaluate(_:)")
        }
        return try Term(context: context, adopting: value)
    }

    /// The Boolean value of `term`, or `nil` when it does not evaluate to `true` or `false`.
    public func bool(_ term: Term) throws -> Bool? {
        let value = try evaluate(term)
        let lifted = try context.call { Z3_get_bool_value($0, value.raw) }
        switch lifted {
        case Z3_L_TRUE: return true
        case Z3_L_FALSE: return false
        default: return nil
        }
    }

    /// The integer value of `term`, or `nil` when it is not an integer or does not fit in `Int`
    /// (use `integerText(_:)` for values of any size).
    public func int(_ term: Term) throws -> Int? {
        let value = try evaluate(term)
        let isNumeral = try context.call { Z3_is_numeral_ast($0, value.raw) }
        guard isNumeral else { return nil }
        var result: Int64 = 0
        let fits = try context.call { Z3_get_numeral_int64($0, value.raw, &result) }
        guard fits else { return nil }
        return Int(exactly: result)
    }

    /// The integer value of `term` in decimal, of any size, or `nil` when it is not a numeral.
    public func integerText(_ term: Term) throws -> String? {
        let value = try evaluate(term)
        let isNumeral = try context.call { Z3_is_numeral_ast($0, value.raw) }
        guard isNumeral else { return nil }
        return try context.call { Z3_get_numeral_string($0, value.raw).map { String(cString: $0) } }
    }

    /// The numeric value of an integer or real `term` in decimal notation, or `nil` when it is
    /// not a numeral. A rational with no finite decimal expansion is cut after `precision`
    /// digits and ends in `?` (Z3's notation).
    public func decimalText(_ term: Term, precision: Int = 20) throws -> String? {
        let value = try evaluate(term)
        let isNumeral = try context.call { Z3_is_numeral_ast($0, value.raw) }
        guard isNumeral else { return nil }
        return try context.call { Z3_get_numeral_decimal_string($0, value.raw, UInt32(max(0, precision))).map { String(cString: $0) } }
    }

    /// The string value of `term`, or `nil` when it does not evaluate to a string literal.
    ///
    /// Character codes that are not Unicode scalars (the surrogate range U+D800–U+DFFF, which
    /// Z3 may pick for an unconstrained character) become U+FFFD; `characterCodes(_:)` has them exactly.
    public func string(_ term: Term) throws -> String? {
        guard let codes = try characterCodes(term) else { return nil }
        var result = String.UnicodeScalarView()
        for code in codes {
            result.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        }
        return String(result)
    }

    /// The character codes of the string value of `term`, or `nil` when it is not a string.
    public func characterCodes(_ term: Term) throws -> [UInt32]? {
        let value = try evaluate(term)
        let isString = try context.call { Z3_is_string($0, value.raw) }
        guard isString else { return nil }
        return try context.characterCodes(ofLiteral: value)
    }

    /// Every constant the model assigns, with its value, for debugging and counterexamples.
    public var constants: [(name: String, value: Term)] {
        get throws {
            let count = try context.call { Z3_model_get_num_consts($0, raw) }
            return try (0..<count).map { index in
                let decl = try context.callNonNull { Z3_model_get_const_decl($0, raw, index) }
                let name =
                    try context.call {
                        Z3_get_symbol_string($0, Z3_get_decl_name($0, decl)).map { String(cString: $0) }
                    } ?? "?"
                let value = try context.callNonNull { Z3_model_get_const_interp($0, raw, decl) }
                return (name, try Term(context: context, adopting: value))
            }
        }
    }

    /// The whole model in Z3's notation, including function interpretations.
    public var description: String {
        (try? context.call { Z3_model_to_string($0, raw).map { String(cString: $0) } }) ?? "<model>"
    }
}
