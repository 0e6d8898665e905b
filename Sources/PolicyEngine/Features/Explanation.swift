import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax

/// The effective predicate of a table for each command, as normalized DSL and as the SQL
/// PostgreSQL evaluates, with the policies that contribute (`pgpe explain`, hover).
public struct Explanation: Sendable {
    /// One command and side.
    public struct Entry: Sendable {
        /// The command.
        public var command: PolicyCommand
        /// The role.
        public var role: String
        /// USING or WITH CHECK.
        public var side: EffectivePredicate.Side
        /// The effective predicate.
        public var predicate: EffectivePredicate
        /// In the policy language.
        public var dsl: String
        /// In SQL.
        public var sql: String
    }

    /// The table.
    public var table: QualifiedName
    /// Whether the table is governed.
    public var isGoverned: Bool
    /// Whether RLS is forced on it (governed, and `force:` selects it).
    public var isForced: Bool
    /// The entries, by command then side.
    public var entries: [Entry]

    /// Explains `table` in `snapshot` for the given commands and roles (all when empty).
    public init(table: QualifiedName, snapshot: WorkspaceSnapshot, commands: [PolicyCommand] = [], roles: [String] = []) {
        let set = snapshot.policySet
        let renderer = ExpressionRenderer(policySet: set)
        self.table = table
        self.isGoverned = set.isGoverned(table)
        self.isForced = set.isForced(table)
        var entries: [Entry] = []
        let roleList = roles.isEmpty ? set.roles(for: table) : roles
        for command in commands.isEmpty ? PolicyCommand.allCases : commands {
            for role in roleList {
                for side in PolicySet.sides(of: command) {
                    let predicate = set.effective(table, command, role: role, side: side)
                    entries.append(
                        Entry(
                            command: command, role: role, side: side, predicate: predicate,
                            dsl: predicate.description, sql: renderer.render(predicate)))
                }
            }
        }
        self.entries = entries
    }
}
