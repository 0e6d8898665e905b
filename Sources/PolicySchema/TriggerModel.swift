import PolicySyntax

/// A trigger of the schema (not an internal one, such as a foreign key's): what the
/// side-channel check of SPEC 11.11 needs to know about it. Its function runs without any
/// EXECUTE check on whoever fires it, with its owner's rights when it is SECURITY DEFINER.
public struct TriggerModel: Hashable, Sendable {
    /// Its name (unique per table).
    public var name: String
    /// The table (or view, for INSTEAD OF) it is on.
    public var table: QualifiedName
    /// The function it executes.
    public var function: QualifiedName
    /// When it fires: `BEFORE`, `AFTER` or `INSTEAD OF`.
    public var timing: String
    /// The commands that fire it (`INSERT`, `UPDATE`, `DELETE`, `TRUNCATE`), in `Privilege`
    /// order: the privilege a role needs on the table to fire it.
    public var events: [Privilege]
    /// Whether it fires in ordinary sessions (`ENABLE` or `ENABLE ALWAYS`; `tgenabled` `O` or
    /// `A`). A disabled trigger, or one enabled for replica sessions only, does not.
    public var isEnabled: Bool
    /// Where its name is written, when known.
    public var location: FileLocation?

    /// Creates a trigger.
    public init(
        name: String, table: QualifiedName, function: QualifiedName, timing: String = "BEFORE",
        events: [Privilege], isEnabled: Bool = true, location: FileLocation? = nil
    ) {
        self.name = name
        self.table = table
        self.function = function
        self.timing = timing
        self.events = events.sorted()
        self.isEnabled = isEnabled
        self.location = location
    }

    /// The events of a `pg_trigger.tgtype` bit mask (`TRIGGER_TYPE_INSERT` 4, `DELETE` 8,
    /// `UPDATE` 16, `TRUNCATE` 32), in `Privilege` order.
    public static func events(tgtype: Int) -> [Privilege] {
        [(4, Privilege.insert), (8, .delete), (16, .update), (32, .truncate)]
            .filter { tgtype & $0.0 != 0 }.map(\.1).sorted()
    }

    /// The timing of a `pg_trigger.tgtype` bit mask (`TRIGGER_TYPE_BEFORE` 2, `INSTEAD` 64).
    public static func timing(tgtype: Int) -> String {
        tgtype & 64 != 0 ? "INSTEAD OF" : tgtype & 2 != 0 ? "BEFORE" : "AFTER"
    }
}
