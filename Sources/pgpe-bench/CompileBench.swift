import Foundation
import PolicyEngine
import PolicySQL
import PolicySemantics
import PolicySyntax
import PolicyWorkloads
import PostgresClient
import WorkspaceFiles

/// Issue 3's benchmarks: compiling a generated 200-table, 50-policy workspace, and what the
/// compiled policies cost PostgreSQL on 1M-row tables against hand-written SQL (a `WHERE
/// tenant_id = ...` and a join), with a bare `current_setting()` and a correlated `EXISTS`
/// for comparison; and (issue 13) the same direct policy reading Supabase's `auth.uid()`
/// (`profile: supabase`, compiled to `(SELECT auth.uid())`) against that `WHERE`, with a bare
/// `auth.uid()` for comparison. Queries run interleaved, round after round, in one run; each
/// figure is a median of wall-clock times of `SELECT count(*)` (one row comes back, so the
/// client adds little). Parallel workers and JIT are off in every session alike, so that plans
/// and not the two shared cores decide.
enum CompileBench {
    /// Tenant `number` (0...3) as `rowsSQL` writes it.
    static func tenant(_ number: Int) -> String {
        let digits = String(number)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits
    }

    /// Runs the suite.
    static func run() throws -> BenchReport {
        var report = BenchReport(suite: "compile")
        try compileTimes(&report)
        try queryCosts(&report)
        return report
    }

    // MARK: - Compilation

    private static func compileTimes(_ report: inout BenchReport) throws {
        let generated = WorkspaceGenerator(tables: 200, policies: 50).generate()
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pgpe-bench-compile-\(getpid())")
        try generated.write(to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        let configPath = directory.appendingPathComponent("pgpe.yaml").path
        let snapshot = try WorkspaceLoader.load(configPath: configPath, directory: directory.path)
        let program = PolicyCompiler.compile(snapshot.policySet)
        let statements = program.tables.reduce(0) { $0 + $1.statements.count }
        report.notes.append(
            "workspace: \(snapshot.policySet.policies.count) policies over \(snapshot.policySet.governedTables.count) governed tables "
                + "of 200; \(statements) statements, \(program.sql.utf8.count) bytes of SQL; \(snapshot.diagnostics.filter { $0.severity == .error }.count) errors"
        )
        let compile = Clock.median(31) { _ = PolicyCompiler.compile(snapshot.policySet) }
        report.add("compile the 200-table, 50-policy workspace (checked)", compile, "ms", target: 50)
        let texts = snapshot.files.map { ($0.source.path, $0.source.text) }
        let config = snapshot.config
        let schema = snapshot.schemaSource.model
        let whole = Clock.median(11) {
            let files = texts.map { Parser.parse(text: $0.1, path: $0.0) }
            _ = PolicyCompiler.compile(Checker.check(files: files, config: config, schema: schema))
        }
        report.add("parse + check + compile of that workspace (in process)", whole, "ms", target: 50)
        if let binary = ProcessInfo.processInfo.environment["PGPE_BIN"], !binary.isEmpty {
            let process = Clock.medianRun(binary, ["compile"], in: directory, repetitions: 11)
            report.add("pgpe compile on that workspace (whole process)", process, "ms")
        }
    }

    // MARK: - PostgreSQL

    /// The policies under test, in the policy language: a direct tenant pin on `items` and
    /// `projects`, and `tasks` reaching the tenant through `projects` (seen through its RLS).
    static func policyText(role: String) -> String {
        """
        POLICY tenant_direct
          PERMISSIVE
          FOR ALL
          TO \(role)
          SELECTOR named('items') OR named('projects')
          CLAUSE col(tenant_id) = session('app.tenant_id')

        POLICY tenant_via_project
          PERMISSIVE
          FOR ALL
          TO \(role)
          SELECTOR named('tasks')
          CLAUSE exists(rel(_, project_id, projects, id), {col(tenant_id) = session('app.tenant_id')})

        """
    }

    /// The direct policy reading the user id as Supabase does: `items` whose `tenant_id` is the
    /// JWT's `sub` claim.
    static func supabasePolicyText(role: String) -> String {
        """
        POLICY uid_direct
          PERMISSIVE
          FOR ALL
          TO \(role)
          SELECTOR named('items')
          CLAUSE col(tenant_id) = session('auth.uid')

        """
    }

    /// Supabase's `auth.uid()`, as PostgREST's JWT claims give it (the stub of
    /// `examples/supabase/schema.sql`).
    static let authSchemaSQL = """
        CREATE SCHEMA auth;
        CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE
            AS $$ SELECT (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')::uuid $$;
        """

    /// The tables: `items` with a tenant, `projects` with a tenant, `tasks` under projects.
    static let schemaSQL = """
        CREATE TABLE public.items (id bigint PRIMARY KEY, tenant_id uuid NOT NULL, payload text NOT NULL);
        CREATE TABLE public.projects (id integer PRIMARY KEY, tenant_id uuid NOT NULL, name text NOT NULL);
        CREATE TABLE public.tasks (id bigint PRIMARY KEY, project_id integer NOT NULL REFERENCES public.projects (id), title text NOT NULL);
        """

    /// 1M items over four tenants, 10,000 projects over the same tenants, 1M tasks over the projects.
    static let rowsSQL = """
        INSERT INTO public.items
            SELECT i, ('00000000-0000-4000-8000-00000000000' || (i % 4))::uuid, 'item ' || i FROM generate_series(1, 1000000) AS i;
        INSERT INTO public.projects
            SELECT i, ('00000000-0000-4000-8000-00000000000' || (i % 4))::uuid, 'project ' || i FROM generate_series(1, 10000) AS i;
        INSERT INTO public.tasks
            SELECT i, 1 + (i % 10000), 'task ' || i FROM generate_series(1, 1000000) AS i;
        """

    private static func queryCosts(_ report: inout BenchReport) throws {
        let database = try TestDatabase.create()
        defer { try? database.drop() }
        let admin = database.connection
        try admin.execute(schemaSQL)
        let load = Clock.now()
        try admin.execute(rowsSQL)
        try admin.execute("VACUUM ANALYZE")
        report.notes.append(String(format: "loaded 1M items, 10k projects, 1M tasks in %.1f s", (Clock.now() - load) / 1000))

        let compiledRole = try database.createRole()
        let bareRole = try database.createRole()
        let existsRole = try database.createRole() // the traversal as IN (SELECT …), compiled before issue 16
        let arrayRole = try database.createRole()
        let helperRole = try database.createRole()
        let plpgsqlRole = try database.createRole()
        let uidRole = try database.createRole()
        let bareUIDRole = try database.createRole()
        let program = try compiledProgram(
            config: "session:\n  app.tenant_id: uuid\n", policies: policyText(role: compiledRole))
        try admin.execute(program.sql)
        try admin.execute(authSchemaSQL)
        let supabase = try compiledProgram(config: "profile: supabase\n", policies: supabasePolicyText(role: uidRole))
        try admin.execute(supabase.sql)
        let tenantSetting = "(SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid)"
        try admin.execute(
            """
            CREATE POLICY bare_items ON public.items FOR ALL TO \(bareRole) USING (tenant_id = current_setting('app.tenant_id')::uuid);
            CREATE POLICY exists_projects ON public.projects FOR ALL TO \(existsRole) USING (tenant_id = \(tenantSetting));
            CREATE POLICY exists_tasks ON public.tasks FOR ALL TO \(existsRole)
                USING (project_id IN (SELECT t1.id FROM public.projects t1 WHERE t1.tenant_id = \(tenantSetting)));
            CREATE POLICY bare_uid_items ON public.items FOR ALL TO \(bareUIDRole) USING (tenant_id = auth.uid());
            GRANT SELECT ON ALL TABLES IN SCHEMA public
                TO \(compiledRole), \(bareRole), \(existsRole), \(uidRole), \(bareUIDRole), \(arrayRole), \(helperRole), \(plpgsqlRole);
            GRANT USAGE ON SCHEMA auth TO \(uidRole), \(bareUIDRole);
            """)
        try admin.execute(traversalCandidatesSQL(array: arrayRole, helper: helperRole, plpgsql: plpgsqlRole, compiled: compiledRole))
        let tenant = tenant(1)
        var connections: [String: PostgresConnection] = ["admin": admin]
        for (name, role) in [
            ("compiled", compiledRole), ("bare", bareRole), ("exists", existsRole), ("uid", uidRole), ("bare-uid", bareUIDRole),
            ("array", arrayRole), ("helper", helperRole), ("plpgsql", plpgsqlRole),
        ] {
            connections[name] = try database.connect(user: role)
        }
        defer { for (name, connection) in connections where name != "admin" { connection.close() } }
        for connection in connections.values {
            try connection.execute("SET max_parallel_workers_per_gather = 0; SET jit = off")
            _ = try connection.query("SELECT set_config('app.tenant_id', $1, false)", [.text(tenant)])
            // What PostgREST sets for a request whose JWT's subject is the tenant.
            _ = try connection.query("SELECT set_config('request.jwt.claims', $1, false)", [.text("{\"sub\": \"\(tenant)\"}")])
        }
        // The compiled auth.uid() runs once per query: the plan reads it in an InitPlan.
        if let uid = connections["uid"] {
            let plan = try uid.query("EXPLAIN SELECT count(*) FROM public.items").compactMap { $0[0]?.string }
            guard plan.contains(where: { $0.contains("InitPlan") }) else {
                throw BenchError("the compiled auth.uid() policy's plan has no InitPlan: \(plan.joined(separator: "\n"))")
            }
            report.notes.append(
                "auth.uid() policy on 1M rows: " + plan.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " | "))
        }
        // `slow` forms run in the first `slowRounds` measured rounds only (the `= ANY` array is
        // searched element by element for every row: about a minute a round).
        let variants: [(name: String, connection: String, sql: String, slow: Bool)] = [
            (
                "direct: hand-written WHERE tenant_id = literal", "admin",
                "SELECT count(*) FROM public.items WHERE tenant_id = '\(tenant)'", false
            ),
            ("direct: compiled policy", "compiled", "SELECT count(*) FROM public.items", false),
            ("direct: bare current_setting() policy", "bare", "SELECT count(*) FROM public.items", false),
            ("direct: compiled auth.uid() policy", "uid", "SELECT count(*) FROM public.items", false),
            ("direct: bare auth.uid() policy", "bare-uid", "SELECT count(*) FROM public.items", false),
            (
                "traversal: hand-written join", "admin",
                "SELECT count(*) FROM public.tasks t JOIN public.projects p ON p.id = t.project_id WHERE p.tenant_id = '\(tenant)'", false
            ),
            ("traversal: compiled policy (correlated EXISTS)", "compiled", "SELECT count(*) FROM public.tasks", false),
            ("traversal: IN sub-select (compiled before issue 16) policy", "exists", "SELECT count(*) FROM public.tasks", false),
            ("traversal: STABLE SQL set-returning helper policy", "helper", "SELECT count(*) FROM public.tasks", false),
            ("traversal: STABLE PL/pgSQL set-returning helper policy", "plpgsql", "SELECT count(*) FROM public.tasks", false),
            ("traversal: = ANY ((SELECT array_agg(...))) policy", "array", "SELECT count(*) FROM public.tasks", true),
        ]
        let slowRounds = 3
        // One task of tenant 1 by its key (an index scan of tasks): what an application's lookups cost.
        let lookups: [(name: String, connection: String, sql: String, slow: Bool)] = [
            (
                "lookup: hand-written join", "admin",
                "SELECT count(*) FROM public.tasks t JOIN public.projects p ON p.id = t.project_id "
                    + "WHERE p.tenant_id = '\(tenant)' AND t.id = 4244", false
            ),
            ("lookup: compiled policy (correlated EXISTS)", "compiled", "SELECT count(*) FROM public.tasks WHERE id = 4244", false),
            (
                "lookup: IN sub-select (compiled before issue 16) policy", "exists", "SELECT count(*) FROM public.tasks WHERE id = 4244",
                false
            ),
        ]
        // Every form must count the same rows, or the comparison means nothing.
        var counts: [String: Int] = [:]
        for variant in variants + lookups {
            guard let connection = connections[variant.connection] else { continue }
            counts[variant.name] = try connection.query(variant.sql).first?[0]?.int ?? -1
        }
        for prefix in ["direct", "traversal", "lookup"] {
            let distinct = Set(counts.filter { $0.key.hasPrefix(prefix) }.values)
            guard distinct.count == 1, let count = distinct.first, count > 0 else {
                throw BenchError("the \(prefix) queries disagree on the rows: \(counts)")
            }
            report.notes.append("\(prefix): every form counts \(count) rows")
        }
        var times: [String: [Double]] = [:]
        let rounds = 31
        let timed = variants + lookups
        for round in 0..<(rounds + 2) {
            // Rotate the order each round so that no form always runs first (or after the slowest).
            for offset in 0..<timed.count {
                let variant = timed[(round + offset) % timed.count]
                guard let connection = connections[variant.connection], !variant.slow || round < 2 + slowRounds else { continue }
                let start = Clock.now()
                _ = try connection.query(variant.sql)
                if round >= 2 { times[variant.name, default: []].append(Clock.now() - start) }
            }
        }
        func median(_ name: String) -> Double { Clock.percentile(times[name] ?? [], 50) }
        /// The median over rounds of the ratio of two forms timed in the same round: the machine is
        /// shared, and a ratio of neighbours cancels most of the load that comes and goes.
        func ratio(_ form: String, _ base: String) -> Double {
            let pairs = zip(times[form] ?? [], times[base] ?? []).map { $0 / $1 }
            return Clock.percentile(pairs, 50)
        }
        for variant in timed { report.add(variant.name, median(variant.name), "ms") }
        let direct = "direct: hand-written WHERE tenant_id = literal"
        let join = "traversal: hand-written join"
        report.add("direct: compiled / hand-written", ratio("direct: compiled policy", direct), "x", target: 1.10)
        report.add("direct: bare current_setting() / hand-written", ratio("direct: bare current_setting() policy", direct), "x")
        report.add("direct: compiled auth.uid() / hand-written", ratio("direct: compiled auth.uid() policy", direct), "x", target: 1.10)
        report.add("direct: bare auth.uid() / hand-written", ratio("direct: bare auth.uid() policy", direct), "x")
        report.add(
            "traversal: compiled / hand-written join", ratio("traversal: compiled policy (correlated EXISTS)", join), "x", target: 1.10)
        for variant in variants
        where variant.name.hasPrefix("traversal: ") && variant.connection != "admin" && variant.connection != "compiled" {
            let form = String(variant.name.dropFirst("traversal: ".count).dropLast(" policy".count))
            report.add("traversal: \(form) / hand-written join", ratio(variant.name, join), "x")
        }
        let lookupJoin = "lookup: hand-written join"
        report.add("lookup: compiled / hand-written join", ratio("lookup: compiled policy (correlated EXISTS)", lookupJoin), "x")
        report.add(
            "lookup: IN sub-select (compiled before issue 16) / hand-written join",
            ratio("lookup: IN sub-select (compiled before issue 16) policy", lookupJoin), "x")
        report.notes.append(
            "times: medians of \(rounds) rounds (after 2 warm-up rounds; the = ANY array form: \(slowRounds) rounds), each running "
                + "every form once in rotating order; ratios: medians of the per-round ratios; max_parallel_workers_per_gather = 0, jit = off"
        )
    }

    /// The other compiled forms a traversal could take (issue 16), each on `tasks` for its own
    /// role and reading `projects` through its RLS (the compiled `tenant_direct` policy, which
    /// is given to these roles too): `= ANY` over an array built once per query (an InitPlan), and
    /// `IN` over a STABLE set-returning helper running with the caller's rights (SECURITY
    /// INVOKER: a SECURITY DEFINER helper would skip the target's RLS), in SQL (inlined by the
    /// planner) and in PL/pgSQL (a function scan).
    static func traversalCandidatesSQL(array: String, helper: String, plpgsql: String, compiled: String) -> String {
        let tenantSetting = "(SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid)"
        let visible = "SELECT t1.id FROM public.projects t1 WHERE t1.tenant_id = \(tenantSetting)"
        return """
            ALTER POLICY \(PolicyNaming.name(policy: "tenant_direct", table: "projects", command: nil)) ON public.projects TO \(compiled), \(array), \(helper), \(plpgsql);
            CREATE POLICY array_tasks ON public.tasks FOR ALL TO \(array)
                USING (project_id = ANY ((SELECT array_agg(t1.id) FROM public.projects t1 WHERE t1.tenant_id = \(tenantSetting))::integer[]));
            CREATE FUNCTION public.bench_visible_projects() RETURNS SETOF integer LANGUAGE sql STABLE AS $$ \(visible) $$;
            CREATE FUNCTION public.bench_visible_projects_plpgsql() RETURNS SETOF integer LANGUAGE plpgsql STABLE
                AS $$ BEGIN RETURN QUERY \(visible); END $$;
            CREATE POLICY helper_tasks ON public.tasks FOR ALL TO \(helper)
                USING (project_id IN (SELECT v FROM public.bench_visible_projects() v));
            CREATE POLICY plpgsql_tasks ON public.tasks FOR ALL TO \(plpgsql)
                USING (project_id IN (SELECT v FROM public.bench_visible_projects_plpgsql() v));
            """
    }

    /// The compiled SQL of `policies` over `schemaSQL` with `config` (the `pgpe.yaml` lines
    /// after `policies:` and `schema:`), read as `pgpe` reads a workspace.
    private static func compiledProgram(config: String, policies: String) throws -> CompiledProgram {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("pgpe-bench-rls-\(getpid())")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("policies"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try schemaSQL.write(to: directory.appendingPathComponent("schema.sql"), atomically: true, encoding: .utf8)
        try ("policies: [policies]\nschema: schema.sql\n" + config)
            .write(to: directory.appendingPathComponent("pgpe.yaml"), atomically: true, encoding: .utf8)
        try policies.write(to: directory.appendingPathComponent("policies/bench.policy"), atomically: true, encoding: .utf8)
        let snapshot = try WorkspaceLoader.load(configPath: directory.appendingPathComponent("pgpe.yaml").path, directory: directory.path)
        let errors = snapshot.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw BenchError("the benchmark's policies do not check: \(errors.map(\.message))") }
        return snapshot.compile()
    }
}
