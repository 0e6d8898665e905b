/// What a code action is (the language server maps these to LSP code action kinds).
public enum CodeActionCategory: String, Hashable, Sendable {
    /// A fix for a diagnostic.
    case quickFix
    /// A rewrite that keeps the meaning (normalize a policy).
    case rewrite
    /// Run "Show compiled SQL" (a command that returns the SQL).
    case showCompiledSQL
    /// Open the compiled SQL as a new `.sql` document (a workspace edit, for editors without
    /// custom commands).
    case openCompiledSQL
}
