import ArgumentParser
import JSON
import PolicyEngine

/// `pgpe check`: every syntax, config, schema and semantic diagnostic.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the policies against pgpe.yaml and the schema (exit 0: no errors, 1: errors, 2: tool failure).")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: "text, json or sarif.")
    var format: OutputFormat = .text

    @Argument(help: "Policy files or directories (default: 'policies:' of pgpe.yaml).")
    var paths: [String] = []

    func run() throws {
        let snapshot = try workspace.load(paths: paths)
        let diagnostics = snapshot.diagnostics
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
        }
        if snapshot.hasErrors { throw ExitCode(1) }
    }
}
