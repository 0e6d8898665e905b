extension PostgresConnectionString: CustomReflectable {
    /// Shows the redacted text only, so `dump` and debuggers never reach the password.
    public var customMirror: Mirror {
        Mirror(self, children: ["redacted": redacted], displayStyle: .struct)
    }
}
