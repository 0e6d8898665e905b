extension WorkspaceFixture {
    /// The pgpe.yaml of a project isolated by tenant: policies in `policies/`, the schema in
    /// `schema.sql`, the session value `app.tenant_id` (a uuid) as the one isolation key, then
    /// `more` (whole YAML lines, such as a `functions:` or `schemas:` entry).
    public static func tenantIsolationConfig(_ more: String = "") -> String {
        """
        policies: [policies]
        schema: schema.sql
        session:
          app.tenant_id: uuid
        isolation:
          - key: app.tenant_id

        """ + more
    }

    /// A project isolated by tenant (`tenantIsolationConfig(config)`) with `schema` as
    /// schema.sql and `policies` (file name → text) in `policies/`.
    public static func tenantIsolation(schema: String, policies: [String: String], config: String = "") -> WorkspaceFixture {
        let files = policies.sorted { $0.key < $1.key }.map { ("policies/" + $0.key, $0.value) }
        return WorkspaceFixture(files: [("pgpe.yaml", tenantIsolationConfig(config)), ("schema.sql", schema)] + files)
    }
}
