import Foundation
import PolicySyntax
import PolicyWorkloads
import PostgresClient
import SQLExpression
import TestSupport
import Testing

/// What PostgreSQL prints for policies (`pg_policies.qual` and `with_check`, i.e. `pg_get_expr`)
/// reads without diagnostics and prints back to the same text.
@Suite struct PrintedExpressionTests {
    /// Reads `text`, expecting no diagnostics and no error node, and returns the tree.
    static func readCleanly(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> SQLExpr {
        let result = SQLExpressionParser.parse(text: text)
        #expect(result.diagnostics.map { "\($0.id) \($0.range): \($0.message)" } == [], "\(text)", sourceLocation: sourceLocation)
        #expect(!result.expression.containsError, "\(text)", sourceLocation: sourceLocation)
        return result.expression
    }

    /// Every USING and WITH CHECK of the fixture's policies, as the real PostgreSQL prints them,
    /// reads cleanly and prints back to itself.
    @Test func everyPolicyPostgreSQLPrintsRoundTrips() async throws {
        let script = try String(
            contentsOf: Fixtures.fixtureDirectory.appendingPathComponent("sql-expressions/printed-policies.sql"), encoding: .utf8)
        try await withTestDatabase { database in
            _ = try database.connection.execute(script)
            let rows = try database.connection.query(
                "SELECT policyname, qual, with_check FROM pg_policies WHERE schemaname IN ('public', 'My Schema') ORDER BY policyname")
            var texts: [String] = []
            for row in rows {
                for column in ["qual", "with_check"] {
                    if let text = row[column]?.string { texts.append(text) }
                }
            }
            #expect(texts.count >= 48)
            for text in texts {
                let tree = Self.readCleanly(text)
                #expect(SQLExpressionPrinter.print(tree) == text)
            }
        }
    }

    /// Texts PostgreSQL 15 printed (copied from the run above), without a database: the shapes
    /// the import's lifting needs are in the tree.
    @Test func supabaseUIDComparison() {
        let tree = Self.readCleanly("(( SELECT auth.uid() AS uid) = user_id)")
        guard case .parenthesized(let inner) = tree.kind, case .binary("=", let left, let right) = inner.kind,
            case .subquery(let select) = left.kind, case .column(let column) = right.kind
        else {
            Issue.record("unexpected tree \(tree)")
            return
        }
        #expect(column.map(\.name) == ["user_id"])
        #expect(select.targets.count == 1 && select.targets[0].alias?.name == "uid" && select.from.isEmpty)
        guard case .call(let name, let arguments, false) = select.targets[0].expression.kind else {
            Issue.record("not a call: \(select.targets[0].expression)")
            return
        }
        #expect(name.map(\.name) == ["auth", "uid"] && arguments.isEmpty)
    }

    @Test func currentSettingWithNullifAndCast() {
        let text = "(tenant_id = (NULLIF(current_setting('app.tenant_id'::text, true), ''::text))::uuid)"
        let tree = Self.readCleanly(text)
        guard case .parenthesized(let inner) = tree.kind, case .binary("=", _, let right) = inner.kind,
            case .cast(let castee, let type, .colons) = right.kind, case .parenthesized(let call) = castee.kind,
            case .call(let name, let arguments, true) = call.kind
        else {
            Issue.record("unexpected tree \(tree)")
            return
        }
        #expect(type.name.name == "uuid" && type.schema == nil)
        #expect(name.map(\.name) == ["nullif"] && arguments.count == 2)
        guard case .call(let setting, let settingArguments, false) = arguments[0].value.kind else {
            Issue.record("not a call: \(arguments[0].value)")
            return
        }
        #expect(setting.map(\.name) == ["current_setting"])
        #expect(settingArguments.count == 2)
        guard case .cast(let key, _, _) = settingArguments[0].value.kind, case .string("app.tenant_id") = key.kind else {
            Issue.record("not a cast string: \(settingArguments[0].value)")
            return
        }
        guard case .boolean(true) = settingArguments[1].value.kind else {
            Issue.record("not true: \(settingArguments[1].value)")
            return
        }
        #expect(SQLExpressionPrinter.print(tree) == text)
    }

    @Test func correlatedExistsWithJoin() {
        let text = """
            (EXISTS ( SELECT 1
               FROM (members m
                 JOIN orgs o ON ((o.id = m.org_id)))
              WHERE ((m.user_id = auth.uid()) AND (o.id = docs.org_id))))
            """
        let tree = Self.readCleanly(text)
        guard case .parenthesized(let inner) = tree.kind, case .exists(let select) = inner.kind else {
            Issue.record("unexpected tree \(tree)")
            return
        }
        guard select.from.count == 1, case .parenthesized(let join, _) = select.from[0],
            case .join(let left, "JOIN", let right, let on?, _) = join,
            case .table(let leftName, let leftAlias, false, _) = left, case .table(let rightName, let rightAlias, false, _) = right
        else {
            Issue.record("unexpected FROM \(select.from)")
            return
        }
        #expect(leftName.map(\.name) == ["members"] && leftAlias?.name == "m")
        #expect(rightName.map(\.name) == ["orgs"] && rightAlias?.name == "o")
        #expect(SQLExpressionPrinter.print(on) == "((o.id = m.org_id))")
        guard case .parenthesized(let condition)? = select.whereCondition?.kind, case .logical("AND", let conjuncts) = condition.kind else {
            Issue.record("unexpected WHERE \(String(describing: select.whereCondition))")
            return
        }
        #expect(conjuncts.map(SQLExpressionPrinter.print) == ["(m.user_id = auth.uid())", "(o.id = docs.org_id)"])
        #expect(SQLExpressionPrinter.print(tree) == text)
    }

    @Test func inSubSelectAndAnyArray() {
        let tree = Self.readCleanly(
            "((org_id IN ( SELECT members.org_id\n   FROM members\n  WHERE (members.user_id = auth.uid()))) AND (status = ANY (ARRAY['draft'::status, 'published'::status])))"
        )
        guard case .parenthesized(let inner) = tree.kind, case .logical("AND", let items) = inner.kind, items.count == 2,
            case .parenthesized(let first) = items[0].kind, case .inSelect(let column, let select, false) = first.kind,
            case .parenthesized(let second) = items[1].kind, case .quantified(_, "=", "ANY", let array) = second.kind,
            case .array(let elements, false) = array.kind
        else {
            Issue.record("unexpected tree \(tree)")
            return
        }
        #expect(SQLExpressionPrinter.print(column) == "org_id")
        #expect(select.targets.map { SQLExpressionPrinter.print($0.expression) } == ["members.org_id"])
        #expect(elements.count == 2)
    }

    @Test func quotedMixedCaseNamesKeepCaseSpacesAndDots() {
        let text = "((\"User Id\" = auth.uid()) AND (\"Mixed\" = 'It''s'::text) AND (\"a.b\" > 0) AND (\"Ünï\" IS NOT NULL))"
        let tree = Self.readCleanly(text)
        var columns: [String] = []
        tree.visit { node in
            if case .column(let names) = node.kind { columns.append(contentsOf: names.map(\.name)) }
        }
        #expect(columns == ["User Id", "Mixed", "a.b", "Ünï"])
        var strings: [String] = []
        tree.visit { node in
            if case .string(let value) = node.kind { strings.append(value) }
        }
        #expect(strings == ["It's"])
        #expect(SQLExpressionPrinter.print(tree) == text)
    }

    @Test func caseOnItsOwnLinesNestedInASubSelect() {
        let text = """
            (EXISTS ( SELECT 1
               FROM members m
              WHERE ((m.org_id = docs.org_id) AND
                    CASE
                        WHEN (m.role = 'admin'::text) THEN true
                        ELSE m.active
                    END)))
            """
        let tree = Self.readCleanly(text)
        #expect(SQLExpressionPrinter.print(tree) == text)
    }
}
