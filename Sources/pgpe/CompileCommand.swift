import ArgumentParser
import Foundation
import JSON
import PolicyEngine
import PolicySQL
import PolicySyntax

/// `pgpe compile`: the `CREATE POLICY` SQL, deterministic to the byte; needs no database.
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile the policies to PostgreSQL SQL (nothing is executed).")

    /// `--format` of compile.
    enum Format: String, ExpressibleByArgument {
        case sql
        case json
    }

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .long, help: "Write the output to FILE instead of standard output.")
    var out: String?

    @Option(name: .long, help: "sql or json.")
    var format: Format = .sql

    @Flag(name: .long, help: "Accepted for compatibility: compile never executes anything.")
    var dryRun = false

    func run() throws {
        let snapshot = try workspace.load()
        let printer = DiagnosticPrinter(snapshot: snapshot)
        let color = Terminal.colorEnabled(fileDescriptor: 2)
        let diagnostics = snapshot.diagnostics
        if snapshot.hasErrors {
            Terminal.standardError(printer.text(diagnostics, color: color))
            Terminal.standardError("compilation stopped: \(printer.summary(diagnostics))")
            throw ExitCode(1)
        }
        let program = snapshot.compile()
        if !program.diagnostics.isEmpty {
            Terminal.standardError(printer.text(program.diagnostics, color: color))
            throw ExitCode(1)
        }
        let output: String
        switch format {
        case .sql: output = program.sql
        case .json: output = json(program, printer: printer).serializedString() + "\n"
        }
        if let out {
            do {
                try OutputFile.write(output, to: out)
            } catch {
                throw ToolFailure("cannot write \(out): \(error.localizedDescription)")
            }
        } else {
            Terminal.write(output)
        }
    }

    private func json(_ program: CompiledProgram, printer: DiagnosticPrinter) -> JSONValue {
        let tables: [JSONValue] = program.tables.map { table in
            let statements: [JSONValue] = table.statements.map { statement in
                var object: JSONObject = ["kind": .string(statement.kind.rawValue)]
                if let policy = statement.policy {
                    object["name"] = .string(policy.name)
                    object["command"] = .string(policy.command)
                    object["permissive"] = .bool(policy.permissive)
                    object["roles"] = .array(policy.roles.map { .string($0) })
                }
                if let source = statement.sourcePolicy { object["policy"] = .string(source) }
                if let location = statement.source { for (key, value) in printer.jsonPlace(location) { object[key] = value } }
                object["sql"] = .string(statement.sql)
                return .object(object)
            }
            return ["table": .string(table.table.description), "governed": .bool(table.isGoverned), "statements": .array(statements)]
        }
        return ["tables": .array(tables)]
    }
}
