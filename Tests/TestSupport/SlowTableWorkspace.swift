import Foundation

/// A project of two tables, each with a leak, where one table's proofs take real solver work:
/// `a_slow` (first in every table order) carries restrictive policies of LIKE patterns that no
/// cache or shortcut answers (about a second of solver time on this machine's kind), `z_fast`
/// only the tenant clause and a leak. For tests of what happens while a slow table is proven.
public enum SlowTableWorkspace {
    /// The files, by path relative to the project's root.
    public static let files: [String: String] = {
        var slow = "POLICY tenant PERMISSIVE FOR ALL SELECTOR has_column('tenant_id') CLAUSE col(tenant_id) = session('app.tenant_id')\n"
        for index in 1...2 {
            slow += """

                POLICY label_\(index) RESTRICTIVE FOR SELECT, UPDATE SELECTOR named('a_slow')
                  CLAUSE col(status) LIKE lit('%a\(index)%b%') AND col(status) NOT LIKE lit('%c\(index)_%') AND col(level) > lit(\(index))
                  OR CLAUSE col(status) LIKE lit('%x\(index)%y%z%') AND col(level) < lit(\(index * 2))

                """
        }
        return [
            "pgpe.yaml": WorkspaceFixture.tenantIsolationConfig("schemas: [public]\n"),
            "schema.sql": """
            CREATE TABLE public.tenants (id uuid PRIMARY KEY);
            CREATE TABLE public.a_slow (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, status text NOT NULL, level integer);
            CREATE TABLE public.z_fast (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, is_public boolean);

            """,
            "policies/slow.policy": slow,
            "policies/slow_leak.policy": "POLICY slow_leak PERMISSIVE FOR SELECT SELECTOR named('a_slow') CLAUSE col(level) = lit(7)\n",
            "policies/fast_leak.policy":
                "POLICY fast_leak PERMISSIVE FOR SELECT SELECTOR named('z_fast') CLAUSE col(is_public) = lit(true)\n",
        ]
    }()

    /// Writes the project into `directory` (which exists).
    public static func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("policies"), withIntermediateDirectories: true)
        for (path, text) in files {
            try text.write(to: directory.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
    }
}
