import Foundation
import PolicyEngine
import PolicySemantics
import PolicySyntax
import PolicyWorkloads
import TestSupport
import Testing

@Suite struct WorkspaceTests {
    @Test func filesOnDiskThatAreNotOpenArePartOfThePolicySet() throws {
        let fixture = try EngineFixture(
            "POLICY a PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(tenant_id) = session('app.tenant_id')\n",
            others: ["b.policy": "POLICY b PERMISSIVE FOR SELECT SELECTOR named('config') CLAUSE col(key) = lit('x')\n"],
            open: false)
        #expect(Set(fixture.snapshot.policySet.policies.map(\.ref.name)) == ["a", "b"])
        #expect(fixture.snapshot.policySet.governedTables.map(\.name) == ["config", "users"])
    }

    @Test func editsApplyInOrderAndClosingRevertsToDisk() throws {
        let fixture = try EngineFixture(
            "POLICY a PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(1️⃣tenant_id) = session('app.tenant_id')\n")
        let start = fixture["1️⃣"]
        fixture.workspace.edit(fixture.path, TextEdit(range: SourceRange(start: start, end: start + 9), newText: "tenant"))
        fixture.workspace.edit(fixture.path, TextEdit(range: .empty(at: start + 6), newText: "_idd"))
        fixture.workspace.setVersion(3, of: fixture.path)
        fixture.workspace.rebuild()
        #expect(fixture.workspace.source(fixture.path)?.text.contains("col(tenant_idd)") == true)
        let diagnostics = fixture.workspace.diagnosticsByFile()[fixture.path] ?? []
        #expect(diagnostics.map(\.id) == ["semantic.unknown-column"])
        #expect(diagnostics.first?.message == "unknown column 'tenant_idd' on public.users; did you mean 'tenant_id'?")
        #expect(fixture.workspace.version(of: fixture.path) == 3)
        fixture.close(fixture.path)
        #expect(fixture.workspace.openDocuments.isEmpty)
        #expect(fixture.workspace.diagnosticsByFile()[fixture.path] == [])
    }

    @Test func anOpenPgpeYamlIsReadFromTheEditor() throws {
        let fixture = try EngineFixture(
            "POLICY a PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(tenant_id) = session('app.tenant_id')\n")
        let configPath = fixture.file("pgpe.yaml")
        fixture.workspace.open(configPath, text: EngineFixture.config + "\nbogus: 1\n", version: 1)
        let diagnostics = fixture.workspace.diagnosticsByFile()[configPath] ?? []
        #expect(diagnostics.map(\.id).contains("config.unknown-key"))
        fixture.close(configPath)
        #expect(fixture.workspace.diagnosticsByFile()[configPath] == [])
    }

    @Test func updatesTakeNewAndDeletedFiles() throws {
        let fixture = try EngineFixture(
            "POLICY a PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(tenant_id) = session('app.tenant_id')\n")
        let added = fixture.file("policies/new.policy")
        fixture.workspace.update([
            FileChange(path: added, text: "POLICY n PERMISSIVE FOR SELECT SELECTOR named('files') CLAUSE col(size) > lit(0)\n")
        ])
        fixture.workspace.rebuild()
        #expect(fixture.snapshot.policySet.policies.contains { $0.ref.name == "n" })
        fixture.workspace.update([FileChange(path: added, text: nil)])
        fixture.workspace.rebuild()
        #expect(!fixture.snapshot.policySet.policies.contains { $0.ref.name == "n" })
    }

    /// The workspace takes only the files its configuration names, from a multi-file fixture.
    @Test func aFixtureProjectHasTheFilesItsConfigurationNames() throws {
        let files = WorkspaceFixture(
            """
            //- pgpe.yaml
            policies: [policies]
            schema: schema.sql
            //- schema.sql
            CREATE TABLE tasks (id int, tenant_id uuid);
            //- policies/tasks.policy
            POLICY t PERMISSIVE FOR SELECT SELECTOR named('tasks') CLAUSE col(1️⃣tenant_id) IS NOT NULL
            //- policies/notes.txt
            not a policy
            //- elsewhere/other.policy
            POLICY o PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(id) IS NOT NULL
            """)
        let workspace = files.workspace()
        #expect(workspace.snapshot.files.map(\.source.path) == [files.path("policies/tasks.policy")])
        #expect(workspace.snapshot.policySet.governedTables.map(\.name) == ["tasks"])
        #expect(workspace.snapshot.diagnostics.isEmpty)
        #expect(files.markers["1️⃣"]?.path == files.path("policies/tasks.policy"))
        let text = files.files[files.path("policies/tasks.policy")] ?? ""
        #expect(text.utf8.dropFirst(files["1️⃣"]).starts(with: "tenant_id".utf8))
    }

    /// The open pgpe.yaml naming other policy paths asks for the project's files again; handed
    /// over, they make up the snapshot.
    @Test func anOpenPgpeYamlNamingOtherFilesAsksForThem() throws {
        let fixture = try EngineFixture(
            "POLICY a PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(tenant_id) = session('app.tenant_id')\n",
            open: false)
        fixture.files.set("more/b.policy", "POLICY b PERMISSIVE FOR SELECT SELECTOR named('config') CLAUSE col(key) = lit('x')\n")
        let configPath = fixture.file("pgpe.yaml")
        fixture.workspace.open(
            configPath, text: EngineFixture.config.replacingOccurrences(of: "policies: [policies]", with: "policies: [more]"),
            version: 1)
        #expect(fixture.workspace.needsFiles)
        fixture.files.reset(&fixture.workspace)
        #expect(!fixture.workspace.needsFiles)
        #expect(fixture.snapshot.policySet.policies.map(\.ref.name) == ["b"])
    }

    /// The caller keeps the one copy of an open document's text: the workspace shares it (the
    /// same bytes in memory) on opening and after a change, and so does the snapshot once the
    /// text differs from the disk's (an equal text keeps the parse of the disk's).
    @Test func anOpenDocumentIsSharedNotCopied() throws {
        let fixture = try EngineFixture(
            "POLICY a PERMISSIVE FOR SELECT SELECTOR named('users') CLAUSE col(tenant_id) = session('app.tenant_id')\n",
            open: false)
        let address = { (source: SourceFile?) in source?.bytes.withUnsafeBufferPointer { $0.baseAddress } }
        let opened = OpenDocument(source: SourceFile(path: fixture.path, text: fixture.source.text), version: 1)
        fixture.workspace.open(opened)
        #expect(address(fixture.workspace.openDocuments[fixture.path]?.source) == address(opened.source))
        let edit = TextEdit(range: .empty(at: 0), newText: "// note\n")
        let changed = OpenDocument(
            source: SourceFile(path: fixture.path, text: TextEditing.apply(edit, to: opened.source.text)), version: 2)
        fixture.workspace.change(to: changed, by: [edit])
        fixture.workspace.rebuild()
        #expect(fixture.workspace.version(of: fixture.path) == 2)
        #expect(address(fixture.workspace.openDocuments[fixture.path]?.source) == address(changed.source))
        #expect(address(fixture.snapshot.file(fixture.path)?.source) == address(changed.source))
        #expect(fixture.snapshot.policySet.policies.map(\.ref.name) == ["a"])
    }

    /// The incremental snapshot (parse reuse, check cache per file and per item) must equal a
    /// fresh check of the same texts, whatever the edits.
    @Test func incrementalChecksEqualFreshChecks() throws {
        let fixture = try EngineFixture(
            tenancyFixture,
            others: [
                "soft.policy": (try? Fixtures.exampleText("policies/soft_delete.policy")) ?? ""
            ])
        var rng = SeededGenerator(seed: 0x5EED)
        let fragments = [
            "POLICY x PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE col(id) = lit('1')\n", " AND col(tenant_id) IS NULL",
            "col(", ")", "\n", "tenant_id", "'", "OR CLAUSE col(name) = lit('n')", "🙂", "POLICY tenant_isolation ",
            "exists(rel(_, project_id, projects, id), {col(tenant_id) = session('app.tenant_id')})",
            " OR CLAUSE raw('tenant_id IS NOT NULL')", "GRANT SELECT TO app_user SELECTOR ALL\n",
        ]
        for step in 0..<300 {
            let text = fixture.workspace.source(fixture.path)?.text ?? ""
            let length = text.utf8.count
            let start = rng.int(0...length)
            let end = min(length, start + rng.int(0...12))
            let insert = rng.chance(0.6) ? rng.pick(fragments) : ""
            fixture.workspace.edit(fixture.path, TextEdit(range: SourceRange(start: start, end: end), newText: insert))
            fixture.workspace.rebuild()
            let snapshot = fixture.snapshot
            let texts = Dictionary(uniqueKeysWithValues: snapshot.files.map { ($0.source.path, $0.source.text) })
            let fresh = WorkspaceSnapshot(config: snapshot.configSource, schema: snapshot.schemaSource, documents: texts)
            #expect(fresh.diagnostics == snapshot.diagnostics, "step \(step)")
            #expect(fresh.policySet.policies.map(\.ref) == snapshot.policySet.policies.map(\.ref), "step \(step)")
            #expect(fresh.policySet.governedTables == snapshot.policySet.governedTables, "step \(step)")
            for (a, b) in zip(fresh.policySet.policies, snapshot.policySet.policies) {
                #expect(a.using == b.using && a.check == b.check && a.tables == b.tables, "step \(step): \(a.ref.name)")
                // Clause equality ignores where a clause came from; blame needs that too.
                #expect(a.using.mapValues { $0.clauses.map(\.origin) } == b.using.mapValues { $0.clauses.map(\.origin) }, "step \(step)")
                #expect(a.syntax.range == b.syntax.range, "step \(step): \(a.ref.name)")
                #expect(rawLocations(a) == rawLocations(b), "step \(step): \(a.ref.name)")
            }
            #expect(fresh.policySet.grants.map(\.location) == snapshot.policySet.grants.map(\.location), "step \(step)")
            #expect(fresh.policySet.grants.map(\.syntax.range) == snapshot.policySet.grants.map(\.syntax.range), "step \(step)")
        }
    }

    /// Where each `raw()` of a policy's clauses is (atom equality leaves it out).
    private func rawLocations(_ policy: CheckedPolicy) -> [String] {
        policy.using.sorted { $0.key < $1.key }.flatMap { table, normalized in
            normalized.clauses.flatMap(\.atoms).compactMap { atom -> String? in
                guard case .raw(let raw) = atom else { return nil }
                return "\(table) \(raw.location?.range.description ?? "-")"
            }
        }
    }
}

@Suite struct SnapshotFileLookupTests {
    /// `WorkspaceSnapshot.file(_:)` searches the sorted files: every file is found under its own
    /// path (ASCII, Unicode, prefixes of one another), and nothing under a path it does not have.
    @Test func everyFileIsFoundByItsPathAndNoOtherPath() throws {
        let paths = [
            "/p/a.policy", "/p/a.policy.bak", "/p/B.policy", "/p/é.policy", "/p/e\u{301}x.policy", "/p/z/ä.policy", "/p/ab.policy",
        ]
        let documents = Dictionary(uniqueKeysWithValues: paths.enumerated().map { ($1, "// file \($0)\n") })
        let snapshot = WorkspaceSnapshot(config: .defaults(directory: "/p", path: nil), schema: .none, documents: documents)
        for path in paths {
            let file = try #require(snapshot.file(path), "\(path)")
            #expect(file.source.path == path)
            #expect(file.source.text == documents[path])
        }
        for missing in ["", "/p/", "/p/a", "/p/a.polic", "/p/zz.policy", "/q/a.policy", "/p/c.policy"] {
            #expect(snapshot.file(missing) == nil, "\(missing)")
        }
    }
}
