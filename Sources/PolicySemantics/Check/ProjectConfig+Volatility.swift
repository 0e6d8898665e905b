import PolicyConfig

extension ProjectConfig {
    /// Whether `operand` calls a volatile function (`volatility: volatile`), directly or in an
    /// argument: each evaluation of it may give another value.
    public func callsVolatileFunction(_ operand: Operand) -> Bool {
        guard case .function(let name, let arguments) = operand else { return false }
        return function(name)?.volatility == .volatile || arguments.contains(where: callsVolatileFunction)
    }
}
