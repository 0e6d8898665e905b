import ArgumentParser

/// `--format` of the reporting commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case sarif
    /// GitHub Actions workflow commands (`::error file=…::message`), one per finding (SPEC 11.10).
    case github
    /// JUnit XML as CI servers read it (SPEC 11.10).
    case junit

    /// The help text of `--format`.
    static let help = "text, json, sarif, github (workflow annotations) or junit (JUnit XML)."

    /// Whether the format is one of the CI formats rendered from a `CIFinding` list.
    var isCI: Bool { self == .github || self == .junit }
}
