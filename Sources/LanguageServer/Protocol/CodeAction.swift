import JSON

/// A code action: an edit, a command, or both.
struct CodeAction: Hashable, Sendable, LSPEncodable {
    /// The title.
    var title: String
    /// `quickfix`, `refactor.rewrite`, `source`, …
    var kind: String
    /// The diagnostics it resolves.
    var diagnostics: [LSPDiagnostic]
    /// Whether it is the obvious fix.
    var isPreferred: Bool
    /// The edit to apply.
    var edit: WorkspaceEdit?
    /// The command to run.
    var command: Command?

    /// The value as JSON, as the specification spells it.
    var json: JSONValue {
        var object: JSONObject = ["title": .string(title), "kind": .string(kind)]
        if !diagnostics.isEmpty { object["diagnostics"] = diagnostics.json }
        if isPreferred { object["isPreferred"] = true }
        if let edit { object["edit"] = edit.json }
        if let command { object["command"] = command.json }
        return .object(object)
    }
}
