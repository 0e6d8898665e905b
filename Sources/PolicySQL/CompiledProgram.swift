import PolicySyntax

/// The compiled SQL of a policy set, per table, plus compile diagnostics (name collisions).
public struct CompiledProgram: Hashable, Sendable {
    /// Tables in (schema, name) order.
    public var tables: [CompiledTable]
    /// Problems found while compiling.
    public var diagnostics: [Diagnostic]

    /// The whole script: per table a banner, ENABLE and FORCE, the policies, the grants.
    public var sql: String {
        var output = ""
        for (index, table) in tables.enumerated() {
            if index > 0 { output += "\n" }
            output += "-- ============================================================\n"
            output += "-- \(SQLQuoting.comment(SQLQuoting.qualified(table.table)))\n"
            output += "-- ============================================================\n"
            var previous: CompiledStatement.Kind?
            for statement in table.statements {
                if let previous, previous != .enableRLS || statement.kind != .forceRLS, !(previous == .grant && statement.kind == .grant) {
                    output += "\n"
                }
                output += statement.sql + "\n"
                previous = statement.kind
            }
        }
        return output
    }
}
