import ArgumentParser
import JSON
import PolicyEngine
import PolicySyntax

/// `pgpe explain TABLE`: the effective predicate per command, as DSL and as SQL.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show a table's effective predicate per command and role, as DSL and SQL, with the contributing policies.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The table: name or schema.name.")
    var table: String

    @Option(name: .long, help: "Only this command (SELECT, INSERT, UPDATE, DELETE).")
    var command: String?

    @Option(name: .long, help: "Only this role (default: PUBLIC and every role a policy names).")
    var role: String?

    @Option(name: .long, help: "text or json.")
    var format: OutputFormat = .text

    /// Refuses the CI formats, which are for findings (exit 2).
    func validate() throws {
        if format.isCI { throw ValidationError("explain prints text or JSON, not \(format.rawValue)") }
    }

    func run() throws {
        let snapshot = try workspace.load()
        let parts = table.split(separator: ".", maxSplits: 1).map(String.init)
        let schemaName = parts.count == 2 ? parts[0] : nil
        let tableName = parts.count == 2 ? parts[1] : parts[0]
        guard
            let model = snapshot.policySet.schema.resolveTable(
                schema: schemaName, name: tableName,
                searchPath: snapshot.config.schemas)
        else {
            throw ToolFailure("unknown table '\(table)'")
        }
        var commands: [PolicyCommand] = []
        if let command {
            guard let parsed = PolicyCommand(rawValue: command.uppercased()) else {
                throw ToolFailure("unknown command '\(command)'; expected SELECT, INSERT, UPDATE or DELETE")
            }
            commands = [parsed]
        }
        var roles: [String] = []
        if let role {
            roles = [snapshot.policySet.dimension(of: role)]
        }
        let explanation = Explanation(table: model.name, snapshot: snapshot, commands: commands, roles: roles)
        let printer = DiagnosticPrinter(snapshot: snapshot)
        switch format {
        case .text, .sarif, .github, .junit:
            var status = explanation.isGoverned ? "" : " (not governed: row-level security is not enabled)"
            if explanation.isGoverned && !explanation.isForced {
                status = " (not forced: force: in pgpe.yaml leaves it out, so its owner bypasses the policies)"
            }
            var lines = ["\(model.name)" + status]
            for govern in snapshot.policySet.governs where govern.tables.contains(model.name) {
                let position = printer.position(govern.location)
                lines.append(
                    "GOVERN at \(position.file):\(position.start.line):\(position.start.column): row-level security on; what no policy allows is denied by design"
                )
            }
            for entry in explanation.entries {
                lines.append("")
                lines.append("\(entry.command.rawValue) \(entry.side == .using ? "USING" : "WITH CHECK") for role \(entry.role):")
                lines.append("  dsl: \(entry.dsl)")
                lines.append("  sql: \(entry.sql)")
                let refs = entry.predicate.permissive.map { ($0, "permissive") } + entry.predicate.restrictive.map { ($0, "restrictive") }
                if refs.isEmpty { lines.append("  policies: none (default deny)") }
                for (policy, kind) in refs {
                    let position = printer.position(FileLocation(file: policy.policy.location.file, range: policy.policy.nameRange))
                    lines.append(
                        "  policy \(policy.policy.name) (\(kind)) at \(position.file):\(position.start.line):\(position.start.column)")
                }
            }
            Terminal.standardOutput(lines.joined(separator: "\n"))
        case .json:
            let entries: [JSONValue] = explanation.entries.map { entry in
                let policies: [JSONValue] = (entry.predicate.permissive + entry.predicate.restrictive).map { policy in
                    let position = printer.position(FileLocation(file: policy.policy.location.file, range: policy.policy.nameRange))
                    return [
                        "name": .string(policy.policy.name), "kind": .string(policy.kind.rawValue.lowercased()),
                        "file": .string(position.file), "line": .integer(position.start.line), "column": .integer(position.start.column),
                    ]
                }
                return [
                    "command": .string(entry.command.rawValue), "role": .string(entry.role),
                    "predicate": .string(entry.side.rawValue), "dsl": .string(entry.dsl), "sql": .string(entry.sql),
                    "policies": .array(policies),
                ]
            }
            let value: JSONValue = [
                "table": .string(model.name.description), "governed": .bool(explanation.isGoverned),
                "forced": .bool(explanation.isForced),
                "deniedByDesign": .bool(snapshot.policySet.isDeniedByDesign(model.name)),
                "entries": .array(entries),
            ]
            Terminal.standardOutput(value.serializedString())
        }
    }
}
