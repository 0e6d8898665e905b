/// One session of an import-corpus schema's manifest: the role a request runs as and the
/// settings it sets first (`set_config(key, value, true)`: JWT claims, tenant ids).
public struct ImportCorpusSession: Sendable {
    /// A name for messages (`alice`, `tenant-one`).
    public var name: String
    /// The role the session switches to (`SET LOCAL ROLE`).
    public var role: String
    /// The settings, in the manifest's order.
    public var settings: [(key: String, value: String)]
    /// Whether the session leaves a setting the policies read unset or empty (no JWT, no
    /// tenant). PostgreSQL may then raise an error, or a text setting may match an empty
    /// column; pgpe reads such a session value as NULL (SPEC 11.1), so a lifted policy compiled
    /// anew may admit less here, never more (`ImportCorpusBehaviour.differences`).
    public var incomplete: Bool
}
