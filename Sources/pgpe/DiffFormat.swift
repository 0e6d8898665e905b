import ArgumentParser

/// `pgpe diff --format`.
enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    /// A summary for a pull-request comment (CommonMark with tables).
    case markdown
}
