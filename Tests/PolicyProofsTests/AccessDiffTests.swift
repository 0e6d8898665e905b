import Foundation
import PolicyEngine
import PolicyProofs
import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax
import TestSupport
import Testing

/// `pgpe diff`'s comparison (SPEC 11.9) on pairs of policy sets: what it reports added,
/// removed, unchanged and unknown, and every witness replayed on PostgreSQL.
@Suite struct AccessDiffTests {
    static let schemaSQL = """
        CREATE ROLE pgpe_diff_support NOLOGIN;
        CREATE ROLE pgpe_diff_auditor NOLOGIN;
        CREATE TABLE public.projects (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, is_public boolean NOT NULL DEFAULT false, archived boolean NOT NULL DEFAULT false);
        CREATE TABLE public.tasks (id uuid PRIMARY KEY, project_id uuid NOT NULL REFERENCES public.projects (id), title text NOT NULL);
        CREATE TABLE public.notes (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, body text);
        CREATE TABLE public.audit (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, action text NOT NULL);
        """

    /// The base policies; each test edits them.
    static let basePolicies = """
        POLICY tenant_projects
          PERMISSIVE
          FOR ALL
          SELECTOR named('projects')
          CLAUSE col(tenant_id) = session('app.tenant_id')

        POLICY hide_archived
          RESTRICTIVE
          FOR SELECT
          SELECTOR named('projects')
          CLAUSE col(archived) = lit(false)

        POLICY tasks_via_project
          PERMISSIVE
          FOR ALL
          SELECTOR named('tasks')
          CLAUSE exists(rel(_, project_id, projects, id), {col(tenant_id) = session('app.tenant_id')})

        POLICY tenant_notes
          PERMISSIVE
          FOR ALL
          SELECTOR named('notes')
          CLAUSE col(tenant_id) = session('app.tenant_id')

        POLICY support_reads_notes
          PERMISSIVE
          FOR SELECT
          TO pgpe_diff_support
          SELECTOR named('notes')
          CLAUSE col(body) IS NOT NULL

        """

    /// A project at `root` with `policies` (and `audit.policy` when given).
    static func snapshot(_ policies: String, audit: String? = nil, root: String) -> WorkspaceSnapshot {
        var files = [
            ("pgpe.yaml", "policies: [policies]\nschema: schema.sql\nsession:\n  app.tenant_id: uuid\n"),
            ("schema.sql", schemaSQL), ("policies/main.policy", policies),
        ]
        if let audit { files.append(("policies/audit.policy", audit)) }
        return WorkspaceFixture(files: files, root: root).workspace().snapshot
    }

    /// The diff of `current` against the base policies (each with `audit.policy` when given).
    static func diff(_ current: String, base: String = basePolicies, audit: (base: String?, current: String?) = (nil, nil))
        -> (diff: AccessDiff, current: WorkspaceSnapshot, base: WorkspaceSnapshot)
    {
        let old = snapshot(base, audit: audit.base, root: "/base")
        let new = snapshot(current, audit: audit.current, root: "/current")
        let diff = ProofSession(jobs: 2).diff(new, against: old, label: "the base")
        return (diff, new, old)
    }

    static func describe(_ diff: AccessDiff) -> String {
        diff.changes.filter { $0.kind != .unchanged }.map { "\($0.kind.rawValue) \($0.phrase) \($0.reason ?? "")" }
            .joined(separator: "\n")
    }

    static func keys(_ changes: [AccessChange]) -> Set<String> {
        Set(changes.map { "\($0.table.name) \($0.command.rawValue) \($0.side.rawValue) \($0.role)" })
    }

    @Test func bothSetsCheckWithoutErrors() {
        let (_, current, base) = Self.diff(Self.basePolicies)
        #expect(!current.hasErrors && !base.hasErrors, "\(current.diagnostics.map(\.message))")
    }

    /// An added `OR CLAUSE` widens exactly the commands of its policy on its table, blamed on
    /// the new clause, with a witness row the new clause admits.
    @Test func anAddedOrClauseIsAddedAccessBlamedOnTheClause() throws {
        let current = Self.basePolicies.replacingOccurrences(
            of: "  CLAUSE col(tenant_id) = session('app.tenant_id')\n\nPOLICY hide_archived",
            with: "  CLAUSE col(tenant_id) = session('app.tenant_id')\n  OR CLAUSE col(is_public) = lit(true)\n\nPOLICY hide_archived")
        let (diff, snapshot, _) = Self.diff(current)
        let added = diff.changes(.added)
        #expect(diff.addsAccess)
        #expect(diff.changes(.removed).isEmpty, "\(Self.describe(diff))")
        // Every command of projects.
        #expect(
            Self.keys(added.filter { $0.table.name == "projects" })
                == [
                    "projects SELECT using PUBLIC", "projects INSERT check PUBLIC", "projects UPDATE using PUBLIC",
                    "projects UPDATE check PUBLIC", "projects DELETE using PUBLIC",
                ], "\(Self.describe(diff))")
        // tasks reach projects of their own tenant only: a public project of another tenant adds nothing there.
        #expect(!added.contains { $0.table.name == "tasks" }, "\(Self.describe(diff))")
        #expect(!added.contains { $0.table.name == "notes" })
        let select = try #require(added.first { $0.table.name == "projects" && $0.command == .select })
        let witness = try #require(select.witness)
        #expect(witness.row.values["is_public"] == .bool(true))
        #expect(witness.row.values["archived"] == .bool(false), "the restrictive policy still holds")
        let blame = try #require(select.verdict?.blame.first)
        #expect(blame.policy == "tenant_projects")
        #expect(blame.location.file == "/current/policies/main.policy")
        let line = try #require(snapshot.sourceFile(blame.location.file)?.position(of: blame.location.range.start).line)
        #expect(line == 6, "the OR CLAUSE line")
    }

    /// The same edit the other way round narrows: removed access only, blamed on the base's clause.
    @Test func narrowingIsRemovedAccessOnly() throws {
        let wide = Self.basePolicies.replacingOccurrences(
            of: "  CLAUSE col(tenant_id) = session('app.tenant_id')\n\nPOLICY hide_archived",
            with: "  CLAUSE col(tenant_id) = session('app.tenant_id')\n  OR CLAUSE col(is_public) = lit(true)\n\nPOLICY hide_archived")
        let (diff, _, _) = Self.diff(Self.basePolicies, base: wide)
        #expect(!diff.addsAccess, "\(Self.describe(diff))")
        let removed = diff.changes(.removed)
        #expect(removed.contains { $0.table.name == "projects" && $0.command == .select })
        let blame = try #require(removed.first?.verdict?.blame.first)
        #expect(blame.location.file == "/base/policies/main.policy")
    }

    /// Dropping a restrictive policy widens the command it restricted (and what traverses it).
    @Test func aDroppedRestrictivePolicyIsAddedAccess() throws {
        let current = Self.basePolicies.replacingOccurrences(
            of: "POLICY hide_archived\n  RESTRICTIVE\n  FOR SELECT\n  SELECTOR named('projects')\n  CLAUSE col(archived) = lit(false)\n\n",
            with: "")
        #expect(current != Self.basePolicies)
        let (diff, _, _) = Self.diff(current)
        let projects = diff.changes(.added).filter { $0.table.name == "projects" }
        #expect(Self.keys(projects) == ["projects SELECT using PUBLIC"], "\(Self.describe(diff))")
        #expect(projects.first?.witness?.row.values["archived"] == .bool(true))
        #expect(diff.changes(.removed).isEmpty)
    }

    /// A role added to `TO` widens for that role only.
    @Test func aRoleAddedToTOIsAddedAccessForThatRole() throws {
        let current = Self.basePolicies.replacingOccurrences(
            of: "TO pgpe_diff_support", with: "TO pgpe_diff_support, pgpe_diff_auditor")
        let (diff, _, _) = Self.diff(current)
        #expect(Self.keys(diff.changes(.added)) == ["notes SELECT using pgpe_diff_auditor"], "\(Self.describe(diff))")
        #expect(diff.changes(.removed).isEmpty && diff.changes(.unknown).isEmpty)
        let change = try #require(diff.changes(.added).first)
        #expect(change.phrase == "widens SELECT on public.notes for pgpe_diff_auditor")
    }

    /// A selector matching one more table gives that table's rows to whoever the policy admits.
    @Test func aSelectorMatchingOneMoreTableIsAddedAccessOnThatTable() throws {
        let current = Self.basePolicies.replacingOccurrences(
            of: "  TO pgpe_diff_support\n  SELECTOR named('notes')\n  CLAUSE col(body) IS NOT NULL",
            with: "  TO pgpe_diff_support\n  SELECTOR named('notes') OR named('projects')\n  CLAUSE col(tenant_id) IS NOT NULL")
        let base = Self.basePolicies.replacingOccurrences(
            of: "  TO pgpe_diff_support\n  SELECTOR named('notes')\n  CLAUSE col(body) IS NOT NULL",
            with: "  TO pgpe_diff_support\n  SELECTOR named('notes')\n  CLAUSE col(tenant_id) IS NOT NULL")
        let (diff, _, _) = Self.diff(current, base: base)
        #expect(
            Self.keys(diff.changes(.added).filter { $0.table.name == "projects" })
                == ["projects SELECT using pgpe_diff_support"], "\(Self.describe(diff))")
        #expect(!diff.changes(.added).contains { $0.table.name == "notes" })
        #expect(diff.changes(.removed).isEmpty)
    }

    /// A table governed only now: its rows were all reachable (row-level security off); now
    /// only its policies admit rows.
    @Test func aNewlyGovernedTableIsRemovedAccess() throws {
        let audit =
            "POLICY tenant_audit PERMISSIVE FOR SELECT, INSERT SELECTOR named('audit')\n  CLAUSE col(tenant_id) = session('app.tenant_id')\n"
        let (diff, _, _) = Self.diff(Self.basePolicies, audit: (nil, audit))
        let changes = diff.changes.filter { $0.table.name == "audit" }
        #expect(!changes.isEmpty && changes.allSatisfy { $0.kind == .removed }, "\(Self.describe(diff))")
        #expect(Self.keys(changes).contains("audit UPDATE using PUBLIC"))
        // And back: dropping its policies turns row-level security off, which adds access.
        let (back, _, _) = Self.diff(Self.basePolicies, audit: (audit, nil))
        #expect(back.changes.filter { $0.table.name == "audit" }.allSatisfy { $0.kind == .added }, "\(Self.describe(back))")
        #expect(back.addsAccess)
    }

    /// Reformatting, reordering atoms and clauses, splitting FOR ALL and renaming a policy keep
    /// meaning: nothing is reported, every key unchanged.
    @Test func anEquivalentRewriteReportsNoChange() throws {
        let current = """
            // Same meaning, written differently.
            POLICY projects_of_tenant PERMISSIVE FOR SELECT SELECTOR named('projects')
              CLAUSE session('app.tenant_id') = col(tenant_id)
            POLICY projects_writes PERMISSIVE FOR INSERT, UPDATE, DELETE SELECTOR named('projects')
              CLAUSE session('app.tenant_id') = col(tenant_id) AND col(tenant_id) = session('app.tenant_id')
            POLICY hide_archived RESTRICTIVE FOR SELECT SELECTOR named('projects') CLAUSE col(archived) != lit(true)
            POLICY tasks_via_project PERMISSIVE FOR ALL SELECTOR named('tasks')
              CLAUSE exists(rel(_, project_id, projects, id), {session('app.tenant_id') = col(tenant_id)})
            POLICY notes_by_tenant PERMISSIVE FOR ALL SELECTOR named('notes') CLAUSE col(tenant_id) = session('app.tenant_id')
            POLICY support_reads_notes PERMISSIVE FOR SELECT TO pgpe_diff_support SELECTOR named('notes')
              CLAUSE col(body) IS NOT NULL OR CLAUSE col(body) IS NOT NULL AND col(tenant_id) IS NOT NULL

            """
        let (diff, snapshot, _) = Self.diff(current)
        let errors = snapshot.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(errors.isEmpty, "\(errors)")
        #expect(diff.changes.allSatisfy { $0.kind == .unchanged }, "\(Self.describe(diff))")
        #expect(diff.changes.count >= 3 * 5, "every table × command × side")
        #expect(diff.changedTables.isEmpty)
    }

    /// A clause of raw SQL cannot be compared: unknown, never added or unchanged.
    @Test func rawSQLIsUnknown() throws {
        let current = Self.basePolicies.replacingOccurrences(
            of: "  CLAUSE col(body) IS NOT NULL", with: "  CLAUSE col(body) IS NOT NULL\n  OR CLAUSE raw('length(body) > 3')")
        let (diff, _, _) = Self.diff(current)
        let unknown = diff.changes(.unknown)
        #expect(Self.keys(unknown) == ["notes SELECT using pgpe_diff_support"], "\(Self.describe(diff))")
        #expect(unknown.first?.reason?.contains("raw SQL") == true, "\(unknown.first?.reason ?? "")")
        #expect(!diff.addsAccess)
    }

    /// Every witness of the widening pairs, replayed on PostgreSQL: on a database with the set
    /// that admits it, the session reaches (or writes) the row; with the other set it does not.
    @Test(arguments: ["or-clause", "restrictive", "role", "selector", "governed", "narrowing"])
    func witnessesReplayOnPostgreSQL(pair: String) async throws {
        let (diff, current, base) = try Self.pair(pair)
        let changes = diff.changes.filter { $0.kind == .added || $0.kind == .removed }
        #expect(!changes.isEmpty)
        try await withTestDatabase { newDatabase in
            try await withTestDatabase { oldDatabase in
                let new = try ProofDatabaseProbe(
                    database: newDatabase, policySet: current.policySet, schemaSQL: Self.schemaSQL,
                    compiledSQL: PolicyCompiler.compile(current.policySet).sql)
                let old = try ProofDatabaseProbe(
                    database: oldDatabase, policySet: base.policySet, schemaSQL: Self.schemaSQL,
                    compiledSQL: PolicyCompiler.compile(base.policySet).sql)
                for change in changes {
                    let verdict = try #require(change.verdict)
                    let (admitting, refusing) = change.kind == .added ? (new, old) : (old, new)
                    let script = try #require(ReproScript.script(for: verdict, policySet: admitting.policySet))
                    let success = change.side == .check ? "session 1 can write the row" : "session 1 reaches the row"
                    let admitted = try admitting.runRepro(script)
                    #expect(admitted.contains { $0.hasPrefix(success) }, "\(pair) \(change.phrase): \(admitted)\n\(script)")
                    let refused = try refusing.runRepro(script)
                    #expect(
                        !refused.contains { $0.hasPrefix(success) } && !refused.isEmpty, "\(pair) \(change.phrase): \(refused)\n\(script)")
                }
            }
        }
    }

    /// The pairs the replay test runs, by name.
    static func pair(_ name: String) throws -> (AccessDiff, WorkspaceSnapshot, WorkspaceSnapshot) {
        let orClause = basePolicies.replacingOccurrences(
            of: "  CLAUSE col(tenant_id) = session('app.tenant_id')\n\nPOLICY hide_archived",
            with: "  CLAUSE col(tenant_id) = session('app.tenant_id')\n  OR CLAUSE col(is_public) = lit(true)\n\nPOLICY hide_archived")
        let audit =
            "POLICY tenant_audit PERMISSIVE FOR SELECT, INSERT SELECTOR named('audit')\n  CLAUSE col(tenant_id) = session('app.tenant_id')\n"
        switch name {
        case "or-clause": return diff(orClause)
        case "narrowing": return diff(basePolicies, base: orClause)
        case "restrictive":
            return diff(basePolicies.replacingOccurrences(of: "  RESTRICTIVE\n  FOR SELECT", with: "  RESTRICTIVE\n  FOR DELETE"))
        case "role":
            return diff(basePolicies.replacingOccurrences(of: "TO pgpe_diff_support", with: "TO pgpe_diff_support, pgpe_diff_auditor"))
        case "selector":
            return diff(
                basePolicies.replacingOccurrences(
                    of: "  SELECTOR named('notes')\n  CLAUSE col(body) IS NOT NULL",
                    with: "  SELECTOR named('notes') OR named('projects')\n  CLAUSE col(tenant_id) IS NOT NULL"),
                base: basePolicies.replacingOccurrences(of: "CLAUSE col(body) IS NOT NULL", with: "CLAUSE col(tenant_id) IS NOT NULL"))
        case "governed": return diff(basePolicies, audit: (audit, nil))
        default:
            Issue.record("no pair \(name)")
            return diff(basePolicies)
        }
    }
}
