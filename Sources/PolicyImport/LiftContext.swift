import PolicyConfig
import PolicySchema

/// What lifting one policy expression knows: the table the policy is on, the schema model
/// (tables reached by sub-selects, functions' signatures) and the project's session values and
/// functions (`pgpe.yaml`, with the `supabase` profile and the built-in `current_user`).
public struct LiftContext: Sendable {
    /// The table whose policy is lifted.
    public var table: TableModel
    /// The schema model: other tables and the functions' signatures.
    public var schema: SchemaModel
    /// The session values and functions already known.
    public var config: ProjectConfig

    /// Creates a context.
    public init(table: TableModel, schema: SchemaModel, config: ProjectConfig) {
        self.table = table
        self.schema = schema
        self.config = config
    }
}
