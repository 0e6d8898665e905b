import ArgumentParser
import Foundation
import PolicyEngine
import PolicySyntax

/// `pgpe fmt`: rewrites policy files in the canonical layout.
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Format .policy files in the canonical layout (with --check: only report files that would change).")

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(name: .long, help: "Do not write; exit 1 if a file is not formatted.")
    var check = false

    @Argument(help: "Policy files or directories (default: 'policies:' of pgpe.yaml).")
    var paths: [String] = []

    func run() throws {
        let snapshot = try workspace.load(paths: paths)
        var unformatted: [String] = []
        var broken: [Diagnostic] = []
        for file in snapshot.files {
            guard let edits = DocumentFormatter.edits(in: file.source.path, snapshot: snapshot) else {
                broken.append(contentsOf: file.diagnostics)
                continue
            }
            guard let formatted = edits.first?.newText else { continue }
            unformatted.append(file.source.path)
            if !check {
                do {
                    try formatted.write(toFile: file.source.path, atomically: true, encoding: .utf8)
                } catch {
                    throw ToolFailure("cannot write \(file.source.path): \(error.localizedDescription)")
                }
            }
        }
        if !broken.isEmpty {
            let printer = DiagnosticPrinter(snapshot: snapshot)
            Terminal.standardError(printer.text(broken, color: Terminal.colorEnabled(fileDescriptor: 2)))
        }
        for path in unformatted {
            Terminal.standardOutput(check ? "would reformat \(Terminal.relative(path))" : "formatted \(Terminal.relative(path))")
        }
        if !broken.isEmpty || (check && !unformatted.isEmpty) { throw ExitCode(1) }
    }
}
