import PolicyConfig
import PolicySchema
import PolicySemantics
import PolicySyntax

extension FuzzTarget {
    /// The schema policies are checked against: the running example's tables.
    static let policySchema = SQLSchemaReader.read(
        file: SourceFile(
            path: "schema.sql",
            text: """
                CREATE TABLE public.tenants (id uuid PRIMARY KEY, name text NOT NULL);
                CREATE TABLE public.users (id uuid PRIMARY KEY, tenant_id uuid NOT NULL REFERENCES public.tenants (id),
                                           email text NOT NULL, level integer);
                CREATE TABLE public.projects (id uuid PRIMARY KEY, tenant_id uuid NOT NULL REFERENCES public.tenants (id),
                                              owner_id uuid REFERENCES public.users (id), is_deleted boolean NOT NULL DEFAULT false);
                CREATE TABLE public.tasks (id uuid PRIMARY KEY, project_id uuid NOT NULL REFERENCES public.projects (id),
                                           title text NOT NULL, due date, created timestamptz);
                CREATE TABLE public.config (key text PRIMARY KEY, value text);
                COMMENT ON TABLE public.users IS '@pgpe:tags pii';
                """)
    ).0

    /// The configuration policies are checked with: session keys of several types and a function.
    static var policyConfig: ProjectConfig {
        var config = ProjectConfig(baseDirectory: "/fuzz")
        config.sessionKeys = [
            SessionKeyDecl(key: "app.tenant_id", type: .uuid), SessionKeyDecl(key: "app.user_id", type: .uuid),
            SessionKeyDecl(key: "app.level", type: .integer),
        ]
        config.functions = [FunctionDecl(name: "is_member", arguments: [.uuid, .uuid], returns: .boolean)]
        return config
    }

    /// Parsing gives ranges inside the text; checking gives diagnostics inside it; a file the
    /// formatter accepts formats to text that parses without errors to the same tree, formats to
    /// itself again, and checks to the same policies in the same normal form.
    static func policyViolation(_ text: String) -> String? {
        let parsed = Parser.parse(text: text, path: "fuzz.policy")
        let source = parsed.source
        if let violation = rangeViolation(parsed.diagnostics, in: source) { return "parse: " + violation }
        if let token = parsed.tokens.first(where: { !source.holds($0.range) }) {
            return "parse: token at \(token.range) outside the text"
        }
        if let item = parsed.tree.items.first(where: { !source.holds($0.range) }) {
            return "parse: item at \(item.range) outside the text"
        }
        if let comment = parsed.tree.comments.first(where: { !source.holds($0.range) }) {
            return "parse: comment at \(comment.range) outside the text"
        }
        let config = policyConfig
        let checked = Checker.check(files: [parsed], config: config, schema: policySchema)
        if let violation = rangeViolation(checked.diagnostics, in: source) { return "check: " + violation }
        guard let formatted = Formatter.format(parsed) else {
            return parsed.hasErrors ? nil : "fmt: refused a file without syntax errors"
        }
        let reparsed = Parser.parse(text: formatted, path: "fuzz.policy")
        if reparsed.hasErrors {
            return "fmt: the output does not parse (\(reparsed.diagnostics.map(\.message).joined(separator: "; "))):\n\(formatted)"
        }
        if SyntaxDump.dump(reparsed.tree) != SyntaxDump.dump(parsed.tree) {
            return "fmt: the output parses to another tree:\n\(SyntaxDump.dump(parsed.tree))\n---\n\(SyntaxDump.dump(reparsed.tree))"
        }
        if let again = Formatter.format(reparsed), again != formatted {
            return "fmt: not idempotent:\n\(formatted)\n---\n\(again)"
        }
        let rechecked = Checker.check(files: [reparsed], config: config, schema: policySchema)
        let before = normalForms(checked)
        let after = normalForms(rechecked)
        if before != after {
            return "fmt: the normalized policies changed:\n\(before.joined(separator: "\n"))\n---\n\(after.joined(separator: "\n"))"
        }
        return nil
    }

    /// Each checked policy and grant as a line: name, kind, commands, roles, tables, and the
    /// normal form of USING and WITH CHECK on each table.
    private static func normalForms(_ set: PolicySet) -> [String] {
        func describe(_ forms: [QualifiedName: NormalizedPolicy]) -> String {
            forms.keys.sorted { $0.description < $1.description }.map { table in
                let form = forms[table].map { ($0.clauses.map(\.description) + ["dropped"] + $0.contradictory.map(\.description)) } ?? []
                return "\(table): " + form.joined(separator: " | ")
            }.joined(separator: "; ")
        }
        let policies = set.policies.map { policy in
            "\(policy.ref.name) \(policy.kind) \(policy.commands) \(policy.roles) \(policy.tables) errors=\(policy.hasErrors) "
                + "using {\(describe(policy.using))} check {\(describe(policy.check))}"
        }
        return policies + set.grants.map { "grant \($0.privileges) \($0.roles) \($0.tables)" } + ["errors=\(set.hasErrors)"]
    }
}
