/// The answer of one solver check.
public enum CheckResult: Sendable {
    /// The assertions are satisfiable; the model gives values that satisfy them.
    case sat(Model)
    /// The assertions are unsatisfiable.
    case unsat
    /// Z3 gave no answer; `reason` is Z3's, such as "timeout", "canceled" or "interrupted".
    case unknown(reason: String)

    /// The model when the answer is `.sat`, else `nil`.
    public var model: Model? {
        if case .sat(let model) = self { return model }
        return nil
    }

    /// Whether the answer is `.unsat`.
    public var isUnsat: Bool {
        if case .unsat = self { return true }
        return false
    }
}
