import PolicyConfig
import PolicySchema

/// The `pgpe.yaml` text `pgpe import` writes: `naming: exact`, the snapshot as `schema:`, the
/// governed schemas, `force:`, `profile:` when the policies read its values, and the generated `session:` and `functions:` entries. No
/// `database:` key: monitor and apply are given the URL with `--database`.
enum ImportConfigWriter {
    /// The configuration text.
    static func text(
        schemas: [String], force: String, profile: SessionProfile? = nil, sessions: [SessionKeyDecl], functions: [FunctionDecl]
    ) -> String {
        var lines = [
            "# Written by pgpe import. Run pgpe monitor --config pgpe.yaml --database URL to compare it with the database.",
            "policies: [" + ProjectImporter.policyDirectory + "]",
            "schema: " + ProjectImporter.schemaFile,
            "schemas: [" + schemas.map(scalar).joined(separator: ", ") + "]",
            "naming: exact",
            "force: " + scalar(force),
        ]
        if let profile { lines.append("profile: " + profile.rawValue) }
        if !sessions.isEmpty {
            lines.append("session:")
            for session in sessions {
                if let sql = session.sql {
                    lines.append("  " + scalar(session.key) + ": {type: " + scalar(session.type.name) + ", sql: " + scalar(sql) + "}")
                } else {
                    lines.append("  " + scalar(session.key) + ": " + scalar(session.type.name))
                }
            }
        }
        if !functions.isEmpty {
            lines.append("functions:")
            for function in functions {
                let arguments = function.arguments.enumerated().map { index, type in
                    index < function.requiredArgumentCount ? scalar(type.name) : "{type: " + scalar(type.name) + ", default: true}"
                }
                var fields = [
                    "args: [" + arguments.joined(separator: ", ") + "]", "returns: " + scalar(function.returns.name),
                    "schema: " + scalar(function.schema),
                ]
                if function.volatility != .stable { fields.append("volatility: " + function.volatility.rawValue) }
                lines.append("  " + scalar(function.name) + ": {" + fields.joined(separator: ", ") + "}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML scalar: plain when it is a simple word that YAML reads as that string, else
    /// double-quoted with `\` and `"` escaped.
    static func scalar(_ value: String) -> String {
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"]
        let simple =
            !value.isEmpty && !reserved.contains(value.lowercased())
            && value.unicodeScalars.allSatisfy { scalar in
                (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                    || scalar == "_" || scalar == "."
            }
            && !(value.first?.isNumber ?? false)
        if simple { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 {
                    quoted += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}
