import ArgumentParser

/// `--format` of the reporting commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case sarif
}
