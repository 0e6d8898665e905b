import PolicySQL
import PolicySyntax

/// The fuzz targets: each takes arbitrary bytes and checks the properties that must hold for
/// every input. `scripts/fuzz.sh` compiles this file (with its extensions, `SQLUnquoter` and
/// `SourceFile+Ranges`)
/// into a libFuzzer binary (`make fuzz`, and a short run in `make test`); `swift test` replays
/// the committed corpus, `fuzz/corpus/<name>/`, through the same checks.
///
/// Only the modules `scripts/fuzz.sh` compiles (PolicySyntax, SQLExpression, PolicySchema,
/// PolicyConfig, PolicySemantics, PolicySQL) may be used here: the fuzz binary is built from those
/// modules alone.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The policy parser, checker and formatter (`FuzzTarget+Policy.swift`).
    case policy
    /// The SQL schema reader (`FuzzTarget+Schema.swift`).
    case schemaSQL = "schema-sql"
    /// The snapshot (JSON) reader (`FuzzTarget+Schema.swift`).
    case snapshot
    /// The pgpe.yaml reader (`FuzzTarget+Schema.swift`).
    case config
    /// SQL quoting of literals, identifiers and comments (`FuzzTarget+Quoting.swift`).
    case quoting
    /// The SQL expression reader and printer (`FuzzTarget+SQLExpression.swift`).
    case sqlExpression = "sql-expression"

    /// The first property `input` breaks, described for a person; nil when every one holds.
    /// Invalid UTF-8 is read with U+FFFD in its place, as the CLI and the editor read files.
    public func violation(_ input: [UInt8]) -> String? {
        let text = String(decoding: input, as: UTF8.self)
        switch self {
        case .policy: return Self.policyViolation(text)
        case .schemaSQL: return Self.schemaSQLViolation(text)
        case .snapshot: return Self.snapshotViolation(text)
        case .config: return Self.configViolation(text)
        case .quoting: return Self.quotingViolation(text)
        case .sqlExpression: return Self.sqlExpressionViolation(text)
        }
    }

    /// The first diagnostic whose range is not inside `file` on character boundaries, described.
    static func rangeViolation(_ diagnostics: [Diagnostic], in file: SourceFile) -> String? {
        guard let outside = diagnostics.first(where: { !file.holds($0.range) }) else { return nil }
        return "diagnostic \(outside.id) has range \(outside.range) outside the \(file.bytes.count)-byte text"
    }
}
