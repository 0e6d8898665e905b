/// What runs as a table's owner and touches the table: SECURITY DEFINER functions the owner
/// owns whose source names the table, and triggers on the table whose function it owns. Under
/// FORCE ROW LEVEL SECURITY they pass through the table's policies (SPEC 11.5).
public struct OwnerRoutines: Hashable, Sendable {
    /// `schema.name(arguments)`, quoted as needed, sorted.
    public var securityDefinerFunctions: [String]
    /// `trigger (schema.function)`, quoted as needed, sorted by trigger.
    public var triggers: [String]

    /// Creates the list.
    public init(securityDefinerFunctions: [String] = [], triggers: [String] = []) {
        self.securityDefinerFunctions = securityDefinerFunctions
        self.triggers = triggers
    }
}
