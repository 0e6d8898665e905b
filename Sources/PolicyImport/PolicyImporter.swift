import PolicyConfig
import PolicySQL
import PolicySchema
import PolicySemantics
import PolicySyntax

/// Lifts one PostgreSQL policy into a `.policy` item and certifies it by compiling it back
/// (the internal entry point of `pgpe import`, SPEC 11.6). No I/O: the caller reads
/// `pg_policies` and may hand the compiled text to PostgreSQL for a stricter round trip.
public enum PolicyImporter {
    /// Lifts `source`, a policy on `context.table`; the item selects its table with `selector`
    /// (by default `named('<table>')`).
    public static func importPolicy(_ source: ExpectedPolicy, context: LiftContext, selector: String? = nil) -> ImportedPolicy {
        let using = source.using.map { PolicyLifter.lift($0, context: context) }
        let separateCheck = source.check != nil && source.check != source.using
        let check = separateCheck ? source.check.map { PolicyLifter.lift($0, context: context) } : nil
        var sessions: [SessionKeyDecl] = []
        var functions: [FunctionDecl] = []
        for lifted in [using, check].compactMap({ $0 }) {
            for session in lifted.sessions where !sessions.contains(where: { $0.key == session.key }) { sessions.append(session) }
            for function in lifted.functions where !functions.contains(where: { $0.name == function.name }) {
                functions.append(function)
            }
        }
        let text = policyText(
            source, selector: selector ?? "named(" + Formatter.string(context.table.name.name) + ")", using: using ?? check,
            check: using == nil ? nil : check)
        var config = context.config
        config.sessionKeys += sessions
        config.functions += functions
        if !config.schemas.contains(context.table.name.schema) { config.schemas.append(context.table.name.schema) }
        let parsed = Parser.parse(text: text, path: "import.policy")
        let set = Checker.check(files: [parsed], config: config, schema: context.schema)
        let problems = (parsed.diagnostics + set.diagnostics).filter { $0.severity == .error }.map(\.message)
        let compiledTable = PolicyCompiler.compile(set).tables.first { $0.table == context.table.name }
        let compiled = compiledTable?.policies.first
        let table = context.table.name.name
        func certificate(_ original: String?, _ roundTrip: String?, _ lifted: LiftedPredicate?) -> LiftCertificate? {
            guard let original else { return nil }
            guard problems.isEmpty, let roundTrip else {
                return LiftCertificate(
                    verdict: .different, original: original, roundTrip: roundTrip ?? "",
                    detail: problems.isEmpty ? "the lifted policy compiled to no such expression" : problems.joined(separator: "; "))
            }
            return LiftCertificate.judge(original: original, roundTrip: roundTrip, table: table, hasRaw: lifted?.hasRaw ?? false)
        }
        let usingCertificate = certificate(source.using, compiled?.using, using)
        let checkCertificate = certificate(source.check, compiled?.check ?? compiled?.using, check ?? using)
        var imported = ImportedPolicy(
            text: Formatter.format(text: text) ?? text, using: using, check: check, sessions: sessions, functions: functions,
            usingCertificate: usingCertificate, checkCertificate: checkCertificate, problems: problems)
        if problems.isEmpty {
            imported.compiledSQL = (compiledTable?.statements ?? []).filter { $0.kind == .createPolicy }.map(\.sql)
        }
        return imported
    }

    /// The `.policy` text of a lifted policy, with notes on its raw parts as comments.
    static func policyText(_ source: ExpectedPolicy, selector: String, using: LiftedPredicate?, check: LiftedPredicate?) -> String {
        var lines: [String] = []
        for note in (using?.notes ?? []) + (check?.notes ?? []) {
            lines.append("// raw: " + Lifter.oneLine(note.sql) + " (" + note.reason + ")")
        }
        lines.append("POLICY " + Operand.name(source.name))
        lines.append("  " + (source.permissive ? "PERMISSIVE" : "RESTRICTIVE"))
        lines.append("  FOR " + source.command.uppercased())
        let roles = source.roles.filter { $0.lowercased() != "public" }
        if !roles.isEmpty { lines.append("  TO " + roles.map(Operand.name).joined(separator: ", ")) }
        lines.append("  SELECTOR " + selector)
        lines.append("  " + (using?.dsl ?? "CLAUSE true"))
        if let check { lines.append("  WITH CHECK " + check.dsl) }
        return lines.joined(separator: "\n") + "\n"
    }
}
