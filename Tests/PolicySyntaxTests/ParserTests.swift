import PolicySyntax
import TestSupport
import Testing

/// Parses `text` and returns the dump of its single item, failing on any diagnostic.
private func dumpItem(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
    let parsed = Parser.parse(text: text)
    #expect(parsed.diagnostics.isEmpty, "unexpected diagnostics: \(parsed.diagnostics.map(\.message))", sourceLocation: sourceLocation)
    #expect(parsed.tree.items.count == 1, sourceLocation: sourceLocation)
    return parsed.tree.items.first.map(SyntaxDump.item) ?? ""
}

@Suite struct ParserTests {
    @Test func policyWithEverySection() {
        let dump = dumpItem(
            """
            policy p restrictive for select, update to app_user, "Admin Role" selector all
              clause col(a) = lit(1) and col(b) != lit('x''y')
              or clause col(c) IS NULL
              with check clause col(d) is not null
              or clause col(e) <> col(f)
            """)
        #expect(
            dump
                == "(policy p RESTRICTIVE for=SELECT,UPDATE to=app_user,\"Admin Role\" selector=ALL using=[(col:a = lit:1) & (col:b != lit:'x'y') | (col:c IS NULL)] check=[(col:d IS NOT NULL) | (col:e != col:f)])"
        )
    }

    @Test func forAllAndDefaultRoles() {
        let dump = dumpItem("POLICY p PERMISSIVE FOR ALL SELECTOR ALL CLAUSE raw('true')")
        #expect(dump == "(policy p PERMISSIVE for=ALL selector=ALL using=[(raw 'true')])")
    }

    @Test func selectorPrecedenceNotAndOr() {
        let dump = dumpItem(
            """
            POLICY p PERMISSIVE FOR SELECT
              SELECTOR NOT named('a%') AND has_column(x, uuid) OR in_schema(app) AND NOT NOT tagged('pii') OR (ALL)
              CLAUSE col(x) = lit(1)
            """)
        #expect(
            dump.contains(
                "selector=(or (and (not (named 'a%')) (has_column x uuid)) (and (in_schema app) (not (not (tagged 'pii')))) ALL)"),
            "\(dump)")
    }

    @Test func parenthesesOverridePrecedence() {
        let dump = dumpItem("POLICY p PERMISSIVE FOR SELECT SELECTOR NOT (named('a') OR named('b')) AND ALL CLAUSE col(x) = lit(1)")
        #expect(dump.contains("selector=(and (not (or (named 'a') (named 'b'))) ALL)"), "\(dump)")
    }

    @Test func everyComparisonOperator() {
        let dump = dumpItem(
            """
            POLICY p PERMISSIVE FOR SELECT SELECTOR ALL CLAUSE
              col(a) = lit(1) AND col(a) != lit(1) AND col(a) <> lit(1) AND col(a) < lit(1) AND col(a) > lit(-1)
              AND col(a) <= lit(1) AND col(a) >= lit(1) AND col(a) IN lit([1, 2]) AND col(a) NOT IN lit([3])
              AND col(t) LIKE lit('a%') AND col(t) NOT LIKE lit('_b') AND col(a) IS NULL AND col(a) IS NOT NULL
            """)
        #expect(
            dump
                == "(policy p PERMISSIVE for=SELECT selector=ALL using=[(col:a = lit:1) & (col:a != lit:1) & (col:a != lit:1) & (col:a < lit:1) & (col:a > lit:-1) & (col:a <= lit:1) & (col:a >= lit:1) & (col:a IN lit:[1,2]) & (col:a NOT IN lit:[3]) & (col:t LIKE lit:'a%') & (col:t NOT LIKE lit:'_b') & (col:a IS NULL) & (col:a IS NOT NULL)])"
        )
    }

    @Test func valuesLiteralsAndNames() {
        let dump = dumpItem(
            #"""
            POLICY "My ""Policy""" PERMISSIVE FOR INSERT SELECTOR ALL CLAUSE
              col('tenant_id') = session('app.tenant_id') AND col("Mixed Case") = lit(true)
              AND col(TenantId) = lit(false) AND col(x) = lit(null) AND col(x) IN lit(['a', 'b'])
              AND fn(is_member, [session('app.user_id'), col(tenant_id)]) AND fn(now_ts, []) > col(created)
            """#)
        #expect(
            dump
                == "(policy \"My \"Policy\"\" PERMISSIVE for=INSERT selector=ALL using=[(col:'tenant_id' = session:'app.tenant_id') & (col:\"Mixed Case\" = lit:true) & (col:tenantid = lit:false) & (col:x = lit:null) & (col:x IN lit:['a','b']) & (fn:is_member(session:'app.user_id',col:tenant_id)) & (fn:now_ts() > col:created)])"
        )
    }

    @Test func nestedTraversals() {
        let dump = dumpItem(
            """
            POLICY p PERMISSIVE FOR SELECT SELECTOR named('files') CLAUSE
              exists(rel(_, project_id, public.projects, id), {
                col(tenant_id) = session('t')
                AND exists(rel(_, tenant_id, "Tenants", 'id'), {col(active) = lit(true)})
              })
            """)
        #expect(
            dump
                == "(policy p PERMISSIVE for=SELECT selector=(named 'files') using=[(exists _.project_id->public.projects.id {(col:tenant_id = session:'t') & (exists _.tenant_id->\"Tenants\".'id' {(col:active = lit:true)})})])"
        )
    }

    @Test func explicitRelationSourceAndRaw() {
        let dump = dumpItem(
            "POLICY p PERMISSIVE FOR DELETE SELECTOR ALL CLAUSE exists(rel(tasks, project_id, projects, id), {raw('x > 1')})")
        #expect(dump.contains("(exists tasks.project_id->projects.id {(raw 'x > 1')})"), "\(dump)")
    }

    @Test func grants() {
        let dump = dumpItem("grant select, insert, all to app_user, reporting selector has_column(tenant_id)")
        #expect(dump == "(grant SELECT,INSERT,ALL to=app_user,reporting selector=(has_column tenant_id))")
    }

    @Test func keywordsAreCaseInsensitiveAndAllCommentFormsAreKept() {
        let parsed = Parser.parse(
            text: """
                // slash comment
                PoLiCy p PERMISSIVE -- dash comment
                  For Select /* block
                  comment */ SeLeCtOr All ClAuSe CoL(x) = LiT(TRUE)
                """)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.tree.comments.map(\.kind) == [.doubleSlash, .doubleDash, .block])
        #expect(parsed.tree.policies.count == 1)
    }

    @Test func everyNodeKeepsItsRange() {
        let source = MarkedSource("POLICY 1️⃣p2️⃣ PERMISSIVE FOR SELECT SELECTOR 3️⃣has_column(x)4️⃣ CLAUSE 5️⃣col(x)6️⃣ = lit(1)7️⃣")
        let parsed = Parser.parse(text: source.text)
        let policy = try! #require(parsed.tree.policies.first)
        #expect(policy.name?.range == SourceRange(start: source["1️⃣"], end: source["2️⃣"]))
        #expect(policy.selector?.range == SourceRange(start: source["3️⃣"], end: source["4️⃣"]))
        let atom = try! #require(policy.using.first?.atoms.first)
        #expect(atom.range == SourceRange(start: source["5️⃣"], end: source["7️⃣"]))
        if case .comparison(let lhs, _, _) = atom.kind {
            #expect(lhs.range == SourceRange(start: source["5️⃣"], end: source["6️⃣"]))
        } else {
            Issue.record("expected a comparison")
        }
        #expect(policy.range == SourceRange(start: 0, end: source["7️⃣"]))
    }
}
