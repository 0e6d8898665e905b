import PolicySyntax

/// A trigger as read so far: its table by id, its function by the name written.
struct TriggerDraft: Sendable {
    /// Its name.
    var name: String
    /// Where its name is written.
    var location: SourceRange
    /// The table it is on, by id (renames follow it), or nil when it is on a view.
    var table: Int?
    /// The view it is on (INSTEAD OF), by id.
    var view: Int?
    /// The function as written after EXECUTE FUNCTION.
    var function: SQLName
    /// The search path in force at the statement.
    var searchPath: [String]
    /// `BEFORE`, `AFTER` or `INSTEAD OF`.
    var timing: String
    /// The commands that fire it.
    var events: Set<Privilege>
    /// Whether it fires in ordinary sessions.
    var isEnabled = true
    /// Dropped by `DROP TRIGGER` (or replaced).
    var isDropped = false
}
