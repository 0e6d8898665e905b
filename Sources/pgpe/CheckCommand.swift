import ArgumentParser
import JSON
import PolicyDatabase
import PolicyEngine
import PolicySQL
import PolicySyntax

/// `pgpe check`: every syntax, config, schema and semantic diagnostic; with `--database`, also
/// each `raw('...')` tried on that database (`database.raw-sql-error`).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the policies against pgpe.yaml and the schema (exit 0: no errors, 1: errors, 2: tool failure).")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: ArgumentHelp(OutputFormat.help))
    var format: OutputFormat = .text

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also try each raw('...') on this database (a postgresql:// URL or key=value string; '' for 'database:' of pgpe.yaml, else the PG* environment variables), in a read-only transaction that is rolled back; without schema: it is the schema too.",
            valueName: "URL"))
    var database: String?

    @Argument(help: "Policy files or directories (default: 'policies:' of pgpe.yaml).")
    var paths: [String] = []

    func run() throws {
        let snapshot = try workspace.load(paths: paths, database: database.flatMap { $0.isEmpty ? nil : $0 })
        var diagnostics = snapshot.diagnostics
        if database != nil { diagnostics += try rawSQLDiagnostics(snapshot) }
        let printer = DiagnosticPrinter(snapshot: snapshot)
        switch format {
        case .text:
            let text = printer.text(diagnostics, color: Terminal.colorEnabled(fileDescriptor: 1))
            if !text.isEmpty { Terminal.standardOutput(text) }
            let files = snapshot.files.count
            Terminal.standardError(
                "checked \(files) file\(files == 1 ? "" : "s"), \(snapshot.policySet.policies.count) policies, \(snapshot.policySet.governedTables.count) governed tables: \(printer.summary(diagnostics))"
            )
        case .json:
            let value: JSONValue = ["diagnostics": printer.json(diagnostics)]
            Terminal.standardOutput(value.serializedString())
        case .sarif:
            Terminal.standardOutput(printer.sarif(diagnostics).serializedString())
        case .github:
            let text = GitHubAnnotations.render(printer.ciFindings(diagnostics))
            if !text.isEmpty { Terminal.standardOutput(text) }
        case .junit:
            // Every file checked is a test case of its own suite; its diagnostics are more.
            var findings = printer.ciFindings(diagnostics)
            let reported = Set(findings.map(\.group))
            for file in snapshot.files.map(\.source.path).sorted() where !reported.contains(Terminal.relative(file)) {
                let name = Terminal.relative(file)
                findings.append(
                    CIFinding(rule: "check", level: nil, outcome: .passed, title: "checked", message: "", group: name, name: "checked"))
            }
            Terminal.standardOutput(JUnitReport.render(findings, name: "pgpe check"))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    /// The `database.raw-sql-error` diagnostics of the policies' raw SQL on `--database`.
    private func rawSQLDiagnostics(_ snapshot: WorkspaceSnapshot) throws -> [Diagnostic] {
        let probes = RawProbe.probes(in: snapshot.policySet)
        guard !probes.isEmpty else { return [] }
        let options = try DatabaseOptions.parse(database.map { ["--database", $0] } ?? [])
        let live = try options.connect(
            config: snapshot.config.database, lockTimeoutMilliseconds: snapshot.config.apply.lockTimeoutMilliseconds)
        do {
            return try live.rawSQLDiagnostics(probes)
        } catch let error as DatabaseError {
            throw ToolFailure(error.description)
        }
    }
}
