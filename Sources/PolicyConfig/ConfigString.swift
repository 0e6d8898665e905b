import PolicySyntax

/// A string value of pgpe.yaml after `${VAR}` expansion.
struct ConfigString {
    /// The expanded text.
    var text: String
    /// The value as written, before expansion.
    var written: String
    /// The bytes of the value as written (quotes included).
    var range: SourceRange
    /// Whether the value refers to environment variables (so it is not verbatim in the file).
    var usesVariables: Bool

    /// The value quoted for a message: as written when variables were expanded (their values
    /// may be secrets), otherwise as read.
    var quoted: String {
        usesVariables ? "'\(written)' (after expansion)" : "'\(text)'"
    }
}
