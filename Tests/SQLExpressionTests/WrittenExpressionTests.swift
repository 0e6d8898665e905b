import PolicySyntax
import SQLExpression
import Testing

/// Expressions as people write them in migrations: any case, any layout, comments, aliases and
/// other quoting; they read cleanly and print in PostgreSQL's layout.
@Suite struct WrittenExpressionTests {
    /// (written, printed)
    static let cases: [(String, String)] = [
        ("auth.uid() = user_id", "auth.uid() = user_id"),
        ("(select auth.uid()) = user_id", "( SELECT auth.uid()) = user_id"),
        ("Tenant_ID = Current_Setting('app.tenant_id', TRUE)::UUID", "tenant_id = current_setting('app.tenant_id', true)::uuid"),
        (
            "tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid",
            "tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid"
        ),
        ("\"Org\".\"Id\" = \"my schema\".\"f\"()", "\"Org\".\"Id\" = \"my schema\".f()"),
        ("\"user_id\" = \"select\"", "user_id = \"select\""),
        ("a  -- a comment\n = /* nested /* comment */ still */ b", "a = b"),
        (
            "owner = current_user or owner = SESSION_USER or owner = current_role",
            "owner = CURRENT_USER OR owner = SESSION_USER OR owner = CURRENT_ROLE"
        ),
        ("created_at > current_timestamp - interval '1 day'", "created_at > CURRENT_TIMESTAMP - '1 day'::interval"),
        ("id = uuid '00000000-0000-0000-0000-000000000000'", "id = '00000000-0000-0000-0000-000000000000'::uuid"),
        ("x::timestamptz < now()::timestamp with time zone", "x::timestamp with time zone < now()::timestamp with time zone"),
        ("cast(owner as varchar(10)) = 'x'", "CAST(owner AS character varying(10)) = 'x'"),
        (
            "level::int8 = 1 and tags::text[] = '{}' and x::public.status = 'a'",
            "level::bigint = 1 AND tags::text[] = '{}' AND x::public.status = 'a'"
        ),
        ("status in ('draft', 'published') and status not in ('x')", "status IN ('draft', 'published') AND status NOT IN ('x')"),
        (
            "org_id in (select org_id from members where user_id = auth.uid())",
            "org_id IN ( SELECT org_id\n   FROM members\n  WHERE user_id = auth.uid())"
        ),
        (
            "exists(select 1 from public.members as m inner join orgs o on o.id = m.org_id, teams t where m.user_id = auth.uid() and t.id = m.team_id)",
            "EXISTS ( SELECT 1\n   FROM public.members m\n     JOIN orgs o ON o.id = m.org_id,\n    teams t\n  WHERE m.user_id = auth.uid() AND t.id = m.team_id)"
        ),
        ("org_id = any(array[1, 2]) and x <> all (select y from t)", "org_id = ANY (ARRAY[1, 2]) AND x <> ALL ( SELECT y\n   FROM t)"),
        ("case when a then 1 when b then 2 end = 1", "\nCASE\n    WHEN a THEN 1\n    WHEN b THEN 2\nEND = 1"),
        ("case status when 'a' then true else false end", "\nCASE status\n    WHEN 'a' THEN true\n    ELSE false\nEND"),
        ("not a and b or c", "NOT a AND b OR c"),
        (
            "a is not null and b is distinct from c and d is true and e isnull",
            "a IS NOT NULL AND b IS DISTINCT FROM c AND d IS TRUE AND e IS NULL"
        ),
        (
            "title like 'A%' and title not ilike '%x%' and title similar to 'a' and level not between 1 and 5",
            "title LIKE 'A%' AND title NOT ILIKE '%x%' AND title SIMILAR TO 'a' AND level NOT BETWEEN 1 AND 5"
        ),
        (
            "a != b and c !~~ d and e ~~* f and data->>'k' = $1 and data #>> '{a}' = 'x' and t @> array['a'] and t <@ u and a || b = c",
            "a <> b AND c !~~ d AND e ~~* f AND data ->> 'k' = $1 AND data #>> '{a}' = 'x' AND t @> ARRAY['a'] AND t <@ u AND a || b = c"
        ),
        ("a operator(pg_catalog.=) b", "a OPERATOR(pg_catalog.=) b"),
        ("x = E'it\\'s\\n' and y = $$a'b$$ and z = $tag$q$tag$", "x = 'it''s\n' AND y = 'a''b' AND z = 'q'"),
        ("level=-1 and n = 1.5e3 and m = .5", "level = - 1 AND n = 1.5e3 AND m = .5"),
        (
            "f(a => 1, \"B\" => 2) and count(*) > 0 and coalesce(a, b) = greatest(c, d)",
            "f(a => 1, \"B\" => 2) AND count(*) > 0 AND COALESCE(a, b) = GREATEST(c, d)"
        ),
        (
            "row(a, b) = (1, 2) and tags[1] = 'x' and tags[1:2] = '{}' and array[[1, 2], [3, 4]] is not null",
            "ROW(a, b) = (1, 2) AND tags[1] = 'x' AND tags[1:2] = '{}' AND ARRAY[[1, 2], [3, 4]] IS NOT NULL"
        ),
        (
            "(select count(*) from t group by a having count(*) > 1 order by a limit 1) > 0",
            "( SELECT count(*)\n   FROM t\n  GROUP BY a\n HAVING count(*) > 1\n  ORDER BY a\n LIMIT 1) > 0"
        ),
        ("exists (select from t)", "EXISTS ( SELECT\n   FROM t)"),
        ("(select a, b from t) is not null", "( SELECT a,\n    b\n   FROM t) IS NOT NULL"),
        ("x = ((((1))))", "x = ((((1))))"),
        (
            "title collate \"C\" = 'x' and ts at time zone 'UTC' > now() and extract(year from ts) > 2000",
            "title COLLATE \"C\" = 'x' AND ts AT TIME ZONE 'UTC' > now() AND EXTRACT(year FROM ts) > 2000"
        ),
        ("x in (select a from only t)", "x IN ( SELECT a\n   FROM ONLY t)"),
        ("U&\"d\\0061t\\+000061\" = U&'\\00fc\\\\x'", "data = 'ü\\x'"),
        ("(r).f = 1 and (f(x)).\"G\" = 2 and (r).* is not null", "(r).f = 1 AND (f(x)).\"G\" = 2 AND (r).* IS NOT NULL"),
        (
            "ts::timestamp(3) with time zone > ts::timestamptz(3) and t::time(2) without time zone is null",
            "ts::timestamp(3) with time zone > ts::timestamp(3) with time zone AND t::time(2) without time zone IS NULL"
        ),
        ("true", "true"),
    ]

    @Test(arguments: cases)
    func readsAndPrints(_ written: String, _ printed: String) {
        let result = SQLExpressionParser.parse(text: written)
        #expect(result.diagnostics.map { "\($0.id) \($0.range): \($0.message)" } == [], "\(written)")
        #expect(!result.expression.containsError)
        #expect(SQLExpressionPrinter.print(result.expression) == printed)
        // The printed text reads to the same tree, apart from positions.
        let again = SQLExpressionParser.parse(text: printed)
        #expect(again.diagnostics.isEmpty, "\(printed)")
        #expect(SQLExpressionPrinter.print(again.expression) == printed)
    }

    /// Operators bind as PostgreSQL binds them (its manual, table 4.2).
    @Test func precedence() {
        func shape(_ text: String) -> String {
            func walk(_ node: SQLExpr) -> String {
                switch node.kind {
                case .logical(let op, let items): return "(" + items.map(walk).joined(separator: " \(op) ") + ")"
                case .binary(let op, let left, let right): return "(\(walk(left)) \(op) \(walk(right)))"
                case .prefix(let op, let operand): return "(\(op) \(walk(operand)))"
                case .isTest(let operand, let test, let negated): return "(\(walk(operand)) IS \(negated ? "NOT " : "")\(test))"
                case .cast(let inner, let type, _): return "(\(walk(inner))::\(type.name.name))"
                default: return SQLExpressionPrinter.print(node)
                }
            }
            return walk(SQLExpressionParser.parse(text: text).expression)
        }
        #expect(shape("a or b and c") == "(a OR (b AND c))")
        #expect(shape("not a = b and c") == "((NOT (a = b)) AND c)")
        #expect(shape("a + b * c = d - e") == "((a + (b * c)) = (d - e))")
        #expect(shape("a = b is null") == "((a = b) IS NULL)")
        #expect(shape("- a::int") == "(- (a::integer))")
        #expect(shape("a || b = c ->> 'k'") == "((a || b) = (c ->> 'k'))")
        #expect(shape("a -> 'x' ->> 'y'") == "((a -> 'x') ->> 'y')")
        #expect(shape("a like b || c") == "(a LIKE (b || c))")
        #expect(shape("a = b or c = d or e") == "((a = b) OR (c = d) OR e)")
    }
}
