extension PostgresConnection: CustomReflectable, CustomStringConvertible {
    /// Shows the redacted connection string and state only, so `dump` and debuggers never
    /// reach the password the connection keeps for scrubbing.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: ["connection": redactedConnectionString, "isOpen": isOpen, "queryCount": queryCount],
            displayStyle: .class)
    }

    /// `PostgresConnection(<redacted connection string>)`.
    public var description: String {
        "PostgresConnection(\(redactedConnectionString.isEmpty ? "from environment" : redactedConnectionString))"
    }
}
