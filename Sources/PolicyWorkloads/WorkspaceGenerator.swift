import Foundation

/// Generates realistic workspaces for benchmarks and scale tests: a multi-tenant schema of many
/// tables and a policy set mixing tenant pins, traversals, soft delete, roles (one named only on
/// traversal targets, one that is a member of two others) and membership functions.
/// Deterministic for a seed.
public struct WorkspaceGenerator {
    /// The generated files.
    public struct Workspace {
        /// `schema.sql`
        public var schema: String
        /// Policy files: name → text.
        public var policies: [String: String]
        /// `pgpe.yaml`
        public var config: String

        /// The total number of lines in the policy files.
        public var policyLineCount: Int {
            policies.values.reduce(0) { $0 + $1.split(separator: "\n", omittingEmptySubsequences: false).count }
        }

        /// The workspace with the meaning of the first `count` policies (in file order) that
        /// compare `level` with 3 or `status` with 'hidden' changed (to 2, to 'secret'): the
        /// edit `pgpe diff`'s benchmark and tests compare with. `changed` says how many were.
        public func changingPolicies(_ count: Int) -> (workspace: Workspace, changed: Int) {
            var result = self
            var changed = 0
            for name in policies.keys.sorted() where changed < count {
                guard let text = policies[name] else { continue }
                var blocks = text.components(separatedBy: "\nPOLICY ")
                for index in blocks.indices where changed < count {
                    guard blocks[index].contains("lit(3)") || blocks[index].contains("lit('hidden')") else { continue }
                    blocks[index] = blocks[index].replacingOccurrences(of: "lit(3)", with: "lit(2)")
                        .replacingOccurrences(of: "lit('hidden')", with: "lit('secret')")
                    changed += 1
                }
                result.policies[name] = blocks.joined(separator: "\nPOLICY ")
            }
            return (result, changed)
        }

        /// Writes the workspace into `directory` (created as needed).
        public func write(to directory: URL) throws {
            let manager = FileManager.default
            try manager.createDirectory(at: directory.appendingPathComponent("policies"), withIntermediateDirectories: true)
            try schema.write(to: directory.appendingPathComponent("schema.sql"), atomically: true, encoding: .utf8)
            try config.write(to: directory.appendingPathComponent("pgpe.yaml"), atomically: true, encoding: .utf8)
            for (name, text) in policies {
                try text.write(
                    to: directory.appendingPathComponent("policies").appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
        }
    }

    /// Number of tables (besides `tenants`).
    public var tables: Int
    /// Number of policies (before padding to `minimumLines`).
    public var policies: Int
    /// Extra single-table policies are added until the policy files have this many lines.
    public var minimumLines: Int
    /// The seed.
    public var seed: UInt64
    /// Into how many policy files the policies are divided (about; 1 puts them all in one file).
    public var fileCount: Int

    /// Creates a generator.
    public init(tables: Int = 200, policies: Int = 50, minimumLines: Int = 0, seed: UInt64 = 0xBE4C4, fileCount: Int = 10) {
        self.tables = tables
        self.policies = policies
        self.minimumLines = minimumLines
        self.seed = seed
        self.fileCount = max(1, fileCount)
    }

    /// The name of table number `index` (1-based): `t_001`…; every fifth table has no
    /// tenant_id and reaches its tenant through its parent (`c_…`).
    public static func tableName(_ index: Int) -> String {
        let number = String(index)
        let padded = String(repeating: "0", count: max(0, 3 - number.count)) + number
        return (index % 5 == 0 ? "c_" : "t_") + padded
    }

    /// Generates the workspace.
    public func generate() -> Workspace {
        var rng = SeededGenerator(seed: seed)
        var schema =
            "-- generated: \(tables) tables\nCREATE TABLE public.tenants (\n    id uuid PRIMARY KEY,\n    name text NOT NULL\n);\n\n"
        schema += "CREATE FUNCTION public.is_member(uuid, uuid) RETURNS boolean LANGUAGE sql STABLE AS $$ SELECT true $$;\n\n"
        // Roles: app_support is named only on parent tables (c_ tables reach it through their
        // traversal); app_agent is a member of app_support and app_user, and has both's policies.
        // Every policy pins the tenant: the workspace is isolated (the benchmarks add a leak and
        // wait for its diagnostics to come and go).
        schema +=
            "CREATE ROLE app_user NOLOGIN;\nCREATE ROLE app_support NOLOGIN;\nCREATE ROLE app_agent NOLOGIN IN ROLE app_support, app_user;\n\n"
        for index in 1...tables {
            let name = WorkspaceGenerator.tableName(index)
            var columns = ["    id uuid PRIMARY KEY"]
            if index % 5 == 0 {
                let parent = WorkspaceGenerator.tableName(index - 1)
                columns.append("    parent_id uuid NOT NULL REFERENCES public.\(parent) (id)")
            } else {
                columns.append("    tenant_id uuid NOT NULL REFERENCES public.tenants (id)")
            }
            if index % 3 == 0 { columns.append("    is_deleted boolean NOT NULL DEFAULT false") }
            columns.append("    owner_id uuid")
            columns.append("    status text NOT NULL DEFAULT 'open'")
            columns.append("    level integer")
            for extra in 0..<rng.int(1...6) {
                columns.append(
                    "    attr_\(extra) \(rng.pick(["text", "integer", "bigint", "boolean", "timestamptz", "numeric(10,2)", "varchar(40)"]))"
                )
            }
            schema += "CREATE TABLE public.\(name) (\n" + columns.joined(separator: ",\n") + "\n);\n\n"
            if index % 7 == 0 { schema += "COMMENT ON TABLE public.\(name) IS 'generated @pgpe:tags pii';\n\n" }
        }
        var files: [String: String] = [:]
        var texts: [String] = []
        texts.append(
            """
            POLICY tenant_isolation
              PERMISSIVE
              FOR ALL
              SELECTOR has_column('tenant_id')
              CLAUSE col('tenant_id') = session('app.tenant_id')
            """)
        texts.append(
            """
            POLICY via_parent
              PERMISSIVE
              FOR ALL
              SELECTOR named('c_%')
              CLAUSE
                exists(
                  rel(_, parent_id, PARENT, id),
                  {col(tenant_id) = session('app.tenant_id')}
                )
            """)
        texts.append(
            """
            POLICY support_reads_parents
              PERMISSIVE
              FOR SELECT
              TO app_support
              SELECTOR named('t_%4') OR named('t_%9')
              CLAUSE col(tenant_id) = session('app.tenant_id') AND col(status) = lit('open')
            """)
        texts.append(
            """
            POLICY soft_delete
              RESTRICTIVE
              FOR SELECT
              SELECTOR has_column('is_deleted')
              CLAUSE col(is_deleted) = lit(false)
            """)
        var count = texts.count
        var index = 0
        while count < policies || currentLines(texts) < minimumLines + minimumLines / 10 {
            index += 1
            let table = rng.int(1...tables)
            let name = WorkspaceGenerator.tableName(table)
            let hasTenant = table % 5 != 0
            let kind = rng.int(0...4)
            var policy = "POLICY extra_\(index)\n"
            switch kind {
            case 0 where hasTenant:
                policy +=
                    "  PERMISSIVE\n  FOR SELECT\n  TO app_admin\n  SELECTOR named('\(name)')\n  CLAUSE col(tenant_id) = session('app.tenant_id') AND col(status) IN lit(['open', 'closed'])\n"
            case 1 where hasTenant:
                policy +=
                    "  RESTRICTIVE\n  FOR SELECT, UPDATE\n  SELECTOR named('\(name)')\n  CLAUSE col(tenant_id) = session('app.tenant_id') AND fn(is_member, [session('app.user_id'), col(tenant_id)])\n"
            case 2:
                policy +=
                    "  RESTRICTIVE\n  FOR UPDATE, DELETE\n  TO app_user\n  SELECTOR named('\(name)')\n  CLAUSE col(owner_id) = session('app.user_id')\n  OR CLAUSE col(level) >= lit(3)\n"
            case 3 where hasTenant:
                policy +=
                    "  PERMISSIVE\n  FOR INSERT\n  SELECTOR named('\(name)')\n  CLAUSE col(tenant_id) = session('app.tenant_id')\n  WITH CHECK CLAUSE col(tenant_id) = session('app.tenant_id') AND col(status) = lit('open')\n"
            default:
                policy +=
                    "  RESTRICTIVE\n  FOR SELECT\n  SELECTOR named('\(name)') AND NOT tagged('archive')\n  CLAUSE col(status) != lit('hidden')\n  OR CLAUSE col(owner_id) = session('app.user_id')\n"
            }
            texts.append(policy)
            count += 1
        }
        // via_parent needs one rel per parent table: expand it into one policy per child table.
        var expanded: [String] = []
        for text in texts {
            if text.contains("PARENT") {
                for table in stride(from: 5, through: tables, by: 5) {
                    expanded.append(
                        text.replacingOccurrences(of: "POLICY via_parent", with: "POLICY via_parent_\(table)")
                            .replacingOccurrences(of: "named('c_%')", with: "named('\(WorkspaceGenerator.tableName(table))')")
                            .replacingOccurrences(of: "PARENT", with: WorkspaceGenerator.tableName(table - 1)))
                }
            } else {
                expanded.append(text)
            }
        }
        let perFile = max(1, expanded.count / fileCount)
        for (fileIndex, start) in stride(from: 0, to: expanded.count, by: perFile).enumerated() {
            let chunk = expanded[start..<min(expanded.count, start + perFile)]
            files["generated_\(fileIndex).policy"] = chunk.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined(separator: "\n")
        }
        let config = """
            policies: [policies]
            schema: schema.sql
            schemas: [public]
            session:
              app.tenant_id: uuid
              app.user_id: uuid
            isolation:
              - key: app.tenant_id
            functions:
              is_member: { args: [uuid, uuid], returns: boolean, schema: public }
            analysis:
              timeout_ms: 5000
            """
        return Workspace(schema: schema, policies: files, config: config + "\n")
    }

    /// SQL for the objects around the tables that the side-channel and index-coverage checks
    /// (SPEC 11.11) look at, to append to `generate()`'s schema: an index leading with the key on
    /// every other table, a UNIQUE constraint without the key on every sixth, a view over every
    /// fourth (every other one `security_invoker`), a SECURITY DEFINER function reading every
    /// tenth (EXECUTE revoked from PUBLIC on every other one) and a SECURITY DEFINER trigger on it,
    /// column grants on every eighth, and a
    /// partitioned table with two partitions per tenth table. Half of each kind is a finding.
    public func surroundings() -> String {
        var sql = "-- generated: the objects around the tables\n"
        for index in 1...tables {
            let name = WorkspaceGenerator.tableName(index)
            let table = "public.\(name)"
            let key = index % 5 == 0 ? "parent_id" : "tenant_id"
            if index % 2 == 0 { sql += "CREATE INDEX \(name)_key_idx ON \(table) (\(key));\n" }
            if index % 6 == 0 { sql += "ALTER TABLE \(table) ADD CONSTRAINT \(name)_status_key UNIQUE (status, level);\n" }
            if index % 4 == 0 {
                let invoker = index % 8 == 0 ? " WITH (security_invoker = true)" : ""
                sql += "CREATE VIEW public.v_\(name)\(invoker) AS SELECT v.id, v.status FROM \(table) v JOIN public.tenants t ON true;\n"
                sql += "GRANT SELECT ON public.v_\(name) TO app_user;\n"
            }
            if index % 10 == 0 {
                sql +=
                    "CREATE FUNCTION public.count_\(name)() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER AS $$ SELECT count(*) FROM \(table) $$;\n"
                if index % 20 == 0 { sql += "REVOKE EXECUTE ON FUNCTION public.count_\(name)() FROM PUBLIC;\n" }
                sql +=
                    "CREATE FUNCTION public.touch_\(name)() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN PERFORM 1 FROM \(table); RETURN NEW; END $$;\n"
                sql +=
                    "CREATE TRIGGER touch_\(name) BEFORE INSERT OR UPDATE ON \(table) FOR EACH ROW EXECUTE FUNCTION public.touch_\(name)();\n"
                sql += "GRANT INSERT, UPDATE ON \(table) TO app_user;\n"
                sql +=
                    "CREATE TABLE public.p_\(name) (id uuid NOT NULL, tenant_id uuid NOT NULL, status text) PARTITION BY LIST (status);\n"
                for part in ["a", "b"] {
                    sql += "CREATE TABLE public.p_\(name)_\(part) PARTITION OF public.p_\(name) FOR VALUES IN ('\(part)');\n"
                    sql += "GRANT SELECT ON public.p_\(name)_\(part) TO app_user;\n"
                }
            }
            if index % 8 == 0 { sql += "GRANT SELECT (id, status) ON \(table) TO app_support;\n" }
        }
        return sql
    }

    private func currentLines(_ texts: [String]) -> Int {
        texts.reduce(0) { $0 + $1.split(separator: "\n", omittingEmptySubsequences: false).count + 1 }
    }
}
