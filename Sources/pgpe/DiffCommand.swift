import ArgumentParser
import Foundation
import JSON
import PolicyEngine
import PolicyProofs
import PolicySchema
import PolicySemantics
import PolicySyntax
import WorkspaceFiles

/// `pgpe diff` (SPEC 11.9): what access the policy set adds or removes compared with another
/// revision of it, per table × command × role × side, each change with a witness row.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract:
            "Compare access with another revision of the policy set (exit 0: compared, 1: --fail-on new-access and access was added, or the check found errors, 2: tool failure).",
        discussion:
            "Without --base or --base-dir the base is the last commit (HEAD). Each change names the table, command, role and side (USING: rows reached, WITH CHECK: rows written): added (a witness row the current set admits and the base does not, the session, the clause that admits it), removed (the reverse), unchanged (proven equal with Z3), unknown (raw SQL, a timeout)."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: ArgumentHelp("Compare with this git revision (read with git).", valueName: "GIT_REV"))
    var base: String?

    @Option(
        name: .customLong("base-dir"),
        help: ArgumentHelp(
            "Compare with the project in this directory (a pgpe.yaml there, else its .policy files with this project's pgpe.yaml).",
            valueName: "DIR"))
    var baseDir: String?

    @Option(name: .customLong("fail-on"), help: "new-access: exit 1 when any access was added.")
    var failOn: DiffGate?

    @Option(name: .long, help: "text, json, markdown, github or junit.")
    var format: DiffFormat = .text

    @Option(name: .long, help: "Worker threads, each with its own Z3 context (default: the number of cores).")
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "Text output: list unchanged keys too.")
    var verbose = false

    func validate() throws {
        if base != nil && baseDir != nil { throw ValidationError("--base and --base-dir cannot be used together") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// The base revision's workspace and how to name it.
    private func loadBase(_ current: WorkspaceSnapshot) throws -> (WorkspaceSnapshot, String) {
        if let baseDir { return (try workspace.loadOther(baseDir, option: "--base-dir"), baseDir) }
        let revision = base ?? "HEAD"
        do {
            let snapshot = try GitRevision.load(
                revision: revision, configPath: current.config.configFile, directory: current.config.baseDirectory,
                policyPaths: current.config.policyPaths)
            return (try LiveWorkspace.withLiveSchema(snapshot, database: nil), revision)
        } catch let error as WorkspaceLoader.LoadError {
            throw ToolFailure("--base \(revision): \(error.message)")
        }
    }

    func run() throws {
        let snapshot = try workspace.load()
        let (other, label) = try loadBase(snapshot)
        let printer = DiagnosticPrinter { path in snapshot.sourceFile(path) ?? other.sourceFile(path) }
        // The base's warnings are old news (and mostly the current ones again): only its errors.
        let diagnostics = snapshot.diagnostics + other.diagnostics.filter { $0.severity == .error }
        var diff: AccessDiff?
        if !snapshot.hasErrors && !other.hasErrors {
            let session = ProofSession(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            diff = session.diff(snapshot, against: other, label: label)
        }
        let report = DiffReport(diff: diff, base: label, printer: printer)
        switch format {
        case .text:
            let color = Terminal.colorEnabled(fileDescriptor: 1)
            let text = printer.text(diagnostics, color: color)
            if !text.isEmpty { Terminal.standardOutput(text) }
            if diff != nil { Terminal.standardOutput(report.text(color: color, verbose: verbose)) }
        case .json:
            var object = report.json()
            object["diagnostics"] = printer.json(diagnostics)
            Terminal.standardOutput(JSONValue.object(object).serializedString())
        case .markdown:
            Terminal.standardOutput(report.markdown(diagnostics: diagnostics.count))
        case .github:
            let text = GitHubAnnotations.render(printer.ciFindings(diagnostics) + report.ciFindings(failsOnNewAccess: failOn == .newAccess))
            if !text.isEmpty { Terminal.standardOutput(text) }
        case .junit:
            Terminal.standardOutput(
                JUnitReport.render(
                    printer.ciFindings(diagnostics) + report.ciFindings(failsOnNewAccess: failOn == .newAccess), name: "pgpe diff"))
        }
        guard let diff else { throw ExitCode(1) }
        if failOn == .newAccess && diff.addsAccess { throw ExitCode(1) }
    }
}
