/// The row-level security switches of one table in the live database, kept in a snapshot.
public struct SnapshotTableState: Hashable, Sendable {
    /// `ALTER TABLE ... ENABLE ROW LEVEL SECURITY` is in force.
    public var rlsEnabled: Bool
    /// `ALTER TABLE ... FORCE ROW LEVEL SECURITY` is in force (the owner is subject to policies too).
    public var rlsForced: Bool

    /// Creates a table state.
    public init(rlsEnabled: Bool, rlsForced: Bool) {
        self.rlsEnabled = rlsEnabled
        self.rlsForced = rlsForced
    }
}
