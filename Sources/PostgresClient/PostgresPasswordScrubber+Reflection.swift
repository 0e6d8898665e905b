extension PostgresPasswordScrubber: CustomReflectable, CustomStringConvertible {
    /// Shows how many secrets there are, never what they are.
    var customMirror: Mirror {
        Mirror(self, children: ["secrets": "\(secrets.count) hidden"], displayStyle: .struct)
    }

    /// `PostgresPasswordScrubber(<n> secrets)`.
    var description: String {
        "PostgresPasswordScrubber(\(secrets.count) secrets)"
    }
}
